"""Is the configured database usable? One connection and `SELECT 1`, under a time limit.

Commands check this before they start, so that a wrong host, a wrong password, a missing
database or a server that accepts connections but never answers ends in one line that says
what to fix, instead of a driver traceback (or a 60 s wait and an empty reason).
"""

from __future__ import annotations

import asyncio
import socket

import asyncpg
from sqlalchemy.engine import make_url

from remotegpu.db.urls import asyncpg_dsn

TIMEOUT_VARIABLE = "REMOTEGPU_DB_CONNECT_TIMEOUT_SECONDS"


class DatabaseUnavailable(Exception):
    """The database cannot be used; the message is one line naming DATABASE_URL and a fix."""


def _shown(url: str) -> str:
    """The URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def describe_failure(exc: BaseException, url: str, timeout: float) -> str:
    """One line: which setting, what went wrong, what to do."""
    parsed = make_url(url)
    where = f"DATABASE_URL ({_shown(url)})"
    user = parsed.username or "postgres"
    if isinstance(exc, TimeoutError):
        return (
            f"{where}: the server did not answer within {timeout:g} s: check that the host and"
            f" port are PostgreSQL's and that it is running ({TIMEOUT_VARIABLE} sets the limit)"
        )
    if isinstance(exc, asyncpg.InvalidPasswordError):
        return f"{where}: PostgreSQL refused the password of user {user!r}: fix the password"
    if isinstance(exc, asyncpg.InvalidCatalogNameError):
        return (
            f"{where}: database {parsed.database!r} does not exist: create it (README, 'Using an"
            " external PostgreSQL') or fix the database name"
        )
    if isinstance(exc, asyncpg.InvalidAuthorizationSpecificationError):
        return (
            f"{where}: PostgreSQL refused user {user!r} ({exc}): fix the user, or the server's"
            " access rules (pg_hba.conf)"
        )
    if isinstance(exc, asyncpg.PostgresError):
        return f"{where}: PostgreSQL refused the connection: {exc}"
    if isinstance(exc, socket.gaierror):
        return f"{where}: unknown host {parsed.host!r}: fix the host name"
    if isinstance(exc, ConnectionRefusedError):
        return (
            f"{where}: nothing accepts connections there (connection refused): start PostgreSQL"
            " or fix the host and port"
        )
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc) or type(exc).__name__
        return f"{where}: cannot connect ({reason}): check the host, the port and the network"
    reason = str(exc) or type(exc).__name__
    return f"{where}: cannot use the database ({reason})"


# What a connection attempt raises when the database, not our code, is at fault.
CONNECTION_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    TimeoutError,
    asyncpg.PostgresError,
    asyncpg.InterfaceError,
)


async def check_database(url: str, limit_seconds: float) -> None:
    """Connect and run `SELECT 1`, each within `limit_seconds`, or raise DatabaseUnavailable."""
    try:
        conn = await asyncpg.connect(
            asyncpg_dsn(url), timeout=limit_seconds, command_timeout=limit_seconds
        )
        try:
            await conn.fetchval("SELECT 1")
        finally:
            # A connection whose server stopped answering would wait on a polite close.
            await asyncio.wait_for(conn.close(), limit_seconds)
    except CONNECTION_ERRORS as exc:
        raise DatabaseUnavailable(describe_failure(exc, url, limit_seconds)) from None
