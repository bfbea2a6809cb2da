"""24-26 and their models describe the same tables; everything is commented; the status history
trigger records every change of status or resources (and nothing else)."""

from __future__ import annotations

import asyncpg
from sqlalchemy import Table

from remotegpu.db.models import ALL_MODELS, JOBS_MODELS, ROLLUP_TABLES
from tests.db.expected_schema import JOBS_INDEXES, JOBS_TABLES
from tests.support.catalog import column_differences, uncommented
from tests.support.fleet import add_customer, add_host, add_image


def _tables() -> list[Table]:
    return [*(m.__table__ for m in JOBS_MODELS), *ROLLUP_TABLES.values()]  # type: ignore[misc]


async def test_jobs_tables_match_their_models(db: asyncpg.Connection) -> None:
    assert sorted(t.name for t in _tables()) == sorted(JOBS_TABLES)
    assert not {m.__tablename__ for m in ALL_MODELS} & set(JOBS_TABLES)
    assert await column_differences(db, _tables()) == []


async def test_jobs_indexes_exist_and_everything_is_commented(db: asyncpg.Connection) -> None:
    indexes = {
        r["indexname"]: (r["tablename"], r["indexdef"])
        for r in await db.fetch("SELECT * FROM pg_indexes WHERE schemaname = 'public'")
    }
    for name, table, columns, method in JOBS_INDEXES:
        assert indexes[name][0] == table
        assert f"USING {method} ({columns})" in indexes[name][1], name
    assert await uncommented(db, JOBS_TABLES) == []


async def test_environment_status_trigger_changes_recorded_once_each(
    db: asyncpg.Connection,
) -> None:
    owner = await add_customer(db)
    host = await add_host(db, gpus=0)
    image = await add_image(db)
    await db.execute(
        "INSERT INTO environments (id, user_id, host_id, name, image, status, cpu, memory, gpu,"
        " storage) VALUES ('env-h', $1, $2, 'dev', $3, 'creating', 2, 1073741824, 1, 5)",
        owner,
        host,
        image,
    )
    await db.execute("UPDATE environments SET status = 'running' WHERE id = 'env-h'")
    await db.execute("UPDATE environments SET name = 'renamed' WHERE id = 'env-h'")  # no row
    await db.execute("UPDATE environments SET status = 'running' WHERE id = 'env-h'")  # no row
    await db.execute("UPDATE environments SET cpu = 4 WHERE id = 'env-h'")
    await db.execute("DELETE FROM environments WHERE id = 'env-h'")
    rows = await db.fetch(
        "SELECT user_id, status, cpu, memory, gpu, storage FROM environment_status_history"
        " WHERE env_id = 'env-h' ORDER BY id"
    )
    assert [tuple(r) for r in rows] == [
        (owner, "creating", 2, 1073741824, 1, 5),
        (owner, "running", 2, 1073741824, 1, 5),
        (owner, "running", 4, 1073741824, 1, 5),
        (owner, "deleted", 4, 1073741824, 1, 5),
    ]
