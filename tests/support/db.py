"""Reading the test database directly, to check what a mutation or job wrote: rows, single
values, the audit trail and the consistency checker. Each call opens its own connection, so
it sees only what was committed (a helper taking a connection reads through that one)."""

from __future__ import annotations

from typing import Any

import asyncpg

from remotegpu.auth.viewer import Viewer
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.domain.invariants import find_violations_on
from tests.graphql import admin_viewer

# The audit columns tests compare, in this order (tests compare whole rows as tuples): who, on
# which resource, how it ended. The action is what the row was looked up by.
AUDIT_COLUMNS = "customer_id, resource_type, resource_id, status_code, error_message"


async def fetch(url: str, sql: str, *args: Any) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return list(await conn.fetch(sql, *args))
    finally:
        await conn.close()


async def column(url: str, sql: str, *args: Any) -> list[Any]:
    """The first column of every row."""
    return [r[0] for r in await fetch(url, sql, *args)]


async def value(url: str, sql: str, *args: Any) -> Any:
    """The first column of the first row; None when there is no row."""
    rows = await fetch(url, sql, *args)
    return rows[0][0] if rows else None


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
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return list(await find_violations_on(conn))
    finally:
        await conn.close()


async def assert_consistent(conn: asyncpg.Connection) -> None:
    """The invariant checker finds nothing broken (through `conn`, so it sees its writes)."""
    problems = await find_violations_on(conn)
    assert problems == [], problems


async def _audit_rows(db: str | asyncpg.Connection, action: str) -> list[asyncpg.Record]:
    sql = f"SELECT {AUDIT_COLUMNS} FROM audit_logs WHERE action = $1 ORDER BY id"
    if isinstance(db, str):
        return await fetch(db, sql, action)
    return list(await db.fetch(sql, action))


async def last_audit(db: str | asyncpg.Connection, action: str) -> asyncpg.Record:
    """The newest audit row of `action` (`db`: a database URL or an open connection)."""
    rows = await _audit_rows(db, action)
    assert rows, f"no audit row for {action}"
    return rows[-1]


async def only_audit(db: str | asyncpg.Connection, action: str) -> asyncpg.Record:
    """The one audit row of `action`: fails when there is none or more than one."""
    rows = await _audit_rows(db, action)
    assert len(rows) == 1, rows
    return rows[0]


async def first_admin(url: str) -> Viewer:
    """A viewer for the seeded platform admin with the smallest id."""
    return admin_viewer(await value(url, "SELECT min(id) FROM customers WHERE user_type='admin'"))
