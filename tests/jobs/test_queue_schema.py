"""Migrations 21-23: PgQueuer finds the schema it expects; audit_logs refuses changes."""

from __future__ import annotations

import asyncpg
import pytest
from pgqueuer.queries import Queries


async def test_pgqueuer_schema_from_our_migrations_needs_no_upgrade(db: asyncpg.Connection) -> None:
    queries = Queries.from_asyncpg_connection(db)
    plan = await queries.plan_upgrade()
    assert list(plan.statements) == []
    assert await queries.schema_is_installed()


async def test_pgqueuer_enqueue_on_our_schema_notifies_listeners(db: asyncpg.Connection) -> None:
    heard: list[str] = []
    await db.add_listener("ch_pgqueuer", lambda *args: heard.append(args[3]))
    queries = Queries.from_asyncpg_connection(db)
    [job_id] = await queries.enqueue("test.job", b"payload")
    row = await db.fetchrow("SELECT entrypoint, status FROM pgqueuer WHERE id = $1", job_id)
    assert tuple(row) == ("test.job", "queued")
    await db.execute("SELECT 1")  # notifications arrive with the next message from the server
    assert any('"table_changed_event"' in message for message in heard)


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_logs SET action = 'rewritten'", "DELETE FROM audit_logs"],
)
async def test_audit_logs_update_or_delete_refused(db: asyncpg.Connection, statement: str) -> None:
    await db.execute("INSERT INTO audit_logs (action, status_code) VALUES ('login', 200)")
    with pytest.raises(asyncpg.InsufficientPrivilegeError, match="append-only"):
        await db.execute(statement)
    assert await db.fetchval("SELECT action FROM audit_logs") == "login"
