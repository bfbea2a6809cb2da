"""Plain asyncpg for the few hot statements of host agents (no SQLAlchemy per request).

A heartbeat is three short statements; through SQLAlchemy's async layer each costs several
times the CPU of the statement itself. `RawStatement` compiles a SQLAlchemy statement once, at
import, into PostgreSQL's `$n` form, so the hot path runs the very SQL the ORM path runs (one
source of truth) as an asyncpg prepared statement; `create_raw_pool` makes the pool it runs on.
"""

from __future__ import annotations

from typing import Any, cast

import asyncpg
from sqlalchemy import ClauseElement
from sqlalchemy.dialects.postgresql.asyncpg import dialect as asyncpg_dialect
from sqlalchemy.sql.compiler import SQLCompiler

from remotegpu.db.urls import asyncpg_dsn
from remotegpu.settings import Settings


class RawStatement:
    """A SQLAlchemy statement compiled once: its SQL text and its parameters in `$n` order."""

    def __init__(self, statement: ClauseElement) -> None:
        dialect = asyncpg_dialect()  # type: ignore[no-untyped-call]
        compiled = cast(SQLCompiler, statement.compile(dialect=dialect))
        self.sql = compiled.string
        self._order = tuple(compiled.positiontup or ())
        # Literals SQLAlchemy turned into parameters (e.g. status == "active").
        self._defaults = {k: v for k, v in compiled.params.items() if v is not None}

    def args(self, **params: Any) -> list[Any]:
        """The positional arguments of one execution; every named parameter must be given."""
        merged = {**self._defaults, **params}
        return [merged[name] for name in self._order]


async def create_raw_pool(url: str, settings: Settings, size: int) -> asyncpg.Pool:
    """An asyncpg pool for writes that may be lost in a crash without harm (heartbeat times,
    rate-limit counters, last-used stamps): its commits do not wait for the WAL flush."""
    server_settings = {
        "timezone": "UTC",
        "application_name": "remotegpu-agents",
        "synchronous_commit": "off",
    }
    if settings.db_statement_timeout_ms:
        server_settings["statement_timeout"] = str(settings.db_statement_timeout_ms)
    pool: asyncpg.Pool = await asyncpg.create_pool(
        asyncpg_dsn(url),
        min_size=1,
        max_size=size,
        server_settings=server_settings,
        timeout=settings.db_connect_timeout_seconds,
        reset=_keep_session_state,
    )
    return pool


async def _keep_session_state(conn: asyncpg.Connection) -> None:
    """Nothing to reset: the statements run on this pool leave no session state (no SET, no
    LISTEN, no advisory lock, no open cursor), and asyncpg's default reset on every release
    is a round trip (`RESET ALL; UNLISTEN *; ...`) that cost as much as the heartbeat itself.
    asyncpg still rolls back a transaction left open before calling this."""
