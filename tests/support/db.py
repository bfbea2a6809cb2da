"""Reading the test database directly, to check what a mutation or job wrote: rows, single
values, the audit trail and the consistency checker. Each call opens its own connection, so
it sees only what was committed (a helper taking a connection reads through that one)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg

from remotegpu.auth.viewer import Viewer
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.domain.invariants import find_violations_on
from tests.graphql import admin_viewer

# The audit columns tests compare, in this order (tests compare whole rows as tuples): who, on
# which resource, how it ended. The action is what the row was looked up by.
AUDIT_COLUMNS = "customer_id, resource_type, resource_id, status_code, error_message"


@asynccontextmanager
async def connection(url: str) -> AsyncIterator[asyncpg.Connection]:
    """A connection of its own to the database at `url`, closed afterwards."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        yield conn
    finally:
        await conn.close()


async def fetch(url: str, sql: str, *args: Any) -> list[asyncpg.Record]:
    async with connection(url) as conn:
        return list(await conn.fetch(sql, *args))


async def column(url: str, sql: str, *args: Any) -> list[Any]:
    """The first column of every row."""
    return [r[0] for r in await fetch(url, sql, *args)]


async def value(url: str, sql: str, *args: Any) -> Any:
    """The first column of the first row; None when there is no row."""
    rows = await fetch(url, sql, *args)
    return rows[0][0] if rows else None


async def rows_by_id(url: str, sql: str, *args: Any) -> dict[Any, asyncpg.Record]:
    """Every row, keyed by its `id` column."""
    return {r["id"]: r for r in await fetch(url, sql, *args)}


async def first_row(url: str, sql: str, *args: Any) -> asyncpg.Record:
    """The first row; fails when there is none (the seed lacks what the test needs)."""
    rows = await fetch(url, sql, *args)
    assert rows, f"no row for {sql}"
    return rows[0]


async def first_value(url: str, sql: str, *args: Any) -> Any:
    """The first column of the first row; fails when there is no row."""
    return (await first_row(url, sql, *args))[0]


async def violations(url: str) -> list[Any]:
    """Every broken consistency rule (`remotegpu check-invariants`); [] when consistent."""
    async with connection(url) as conn:
        return list(await find_violations_on(conn))


async def assert_consistent(conn: asyncpg.Connection) -> None:
    """The invariant checker finds nothing broken (through `conn`, so it sees its writes)."""
    problems = await find_violations_on(conn)
    assert problems == [], problems


async def _audit_rows(db: str | asyncpg.Connection, action: str) -> list[asyncpg.Record]:
    sql = f"SELECT {AUDIT_COLUMNS} FROM audit_logs WHERE action = $1 ORDER BY id"
    if isinstance(db, str):
        return await fetch(db, sql, action)
    return list(await db.fetch(sql, action))


async def audit_rows(db: str | asyncpg.Connection, action: str) -> list[dict[str, Any]]:
    """Every audit row of `action`, oldest first, as dicts of AUDIT_COLUMNS."""
    return [dict(r) for r in await _audit_rows(db, action)]


async def last_audit(db: str | asyncpg.Connection, action: str) -> asyncpg.Record:
    """The newest audit row of `action` (`db`: a database URL or an open connection)."""
    rows = await _audit_rows(db, action)
    assert rows, f"no audit row for {action}"
    return rows[-1]


async def last_audit_outcome(db: str | asyncpg.Connection, action: str) -> tuple[Any, ...]:
    """(customer_id, resource_type, resource_id, status_code) of the newest audit row of
    `action`: who did it, to what, and how it ended."""
    return tuple(await last_audit(db, action))[:4]


async def last_audit_of(
    db: str | asyncpg.Connection, action: str, *columns: str
) -> tuple[Any, ...]:
    """The named columns of the newest audit row of `action`."""
    row = await last_audit(db, action)
    return tuple(row[column] for column in columns)


async def only_audit(db: str | asyncpg.Connection, action: str) -> asyncpg.Record:
    """The one audit row of `action`: fails when there is none or more than one."""
    rows = await _audit_rows(db, action)
    assert len(rows) == 1, rows
    return rows[0]


async def mark_audit_log(conn: asyncpg.Connection) -> None:
    """Remember (in a temp table of `conn`) where the audit log ends now, for audits_since_mark:
    a test on the seeded database then sees only the rows it wrote."""
    await conn.execute(
        "CREATE TEMP TABLE mark AS SELECT coalesce(max(id), 0) AS id FROM audit_logs"
    )


async def audits_since_mark(conn: asyncpg.Connection, action: str) -> list[tuple[Any, ...]]:
    """The audit rows of `action` written since mark_audit_log: (status_code, customer_id,
    resource_id)."""
    rows = await conn.fetch(
        "SELECT status_code, customer_id, resource_id FROM audit_logs"
        " WHERE id > (SELECT id FROM mark) AND action = $1 ORDER BY id",
        action,
    )
    return [tuple(r) for r in rows]


async def first_admin(url: str) -> Viewer:
    """A viewer for the seeded platform admin with the smallest id."""
    return admin_viewer(await value(url, "SELECT min(id) FROM customers WHERE user_type='admin'"))
