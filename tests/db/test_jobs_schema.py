"""24-26 and their models describe the same tables; everything is commented; the status history
trigger records every change of status or resources (and nothing else)."""

from __future__ import annotations

import asyncpg
from sqlalchemy import Table
from sqlalchemy.dialects import postgresql

from remotegpu.db.models import ALL_MODELS, JOBS_MODELS, ROLLUP_TABLES
from tests.db.expected_schema import JOBS_INDEXES, JOBS_TABLES
from tests.support.catalog import database_type_name, model_type_name
from tests.support.fleet import add_customer, add_host, add_image


def _tables() -> list[Table]:
    return [*(m.__table__ for m in JOBS_MODELS), *ROLLUP_TABLES.values()]  # type: ignore[misc]


async def test_jobs_tables_match_their_models(db: asyncpg.Connection) -> None:
    assert sorted(t.name for t in _tables()) == sorted(JOBS_TABLES)
    assert not {m.__tablename__ for m in ALL_MODELS} & set(JOBS_TABLES)
    rows = await db.fetch(
        "SELECT table_name, column_name, is_nullable, data_type, udt_name,"
        " character_maximum_length, numeric_precision, numeric_scale"
        " FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY($1)",
        JOBS_TABLES,
    )
    real = {(r["table_name"], r["column_name"]): r for r in rows}
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    problems = []
    for table in _tables():
        if {c.name for c in table.columns} != {c for (t, c) in real if t == table.name}:
            problems.append(f"{table.name}: columns differ")
            continue
        for column in table.columns:
            found = real[(table.name, column.name)]
            if column.nullable != (found["is_nullable"] == "YES"):
                problems.append(f"{table.name}.{column.name}: nullability differs")
            if model_type_name(column.type.compile(dialect=dialect)) != database_type_name(found):
                problems.append(f"{table.name}.{column.name}: type differs")
    assert problems == []


async def test_jobs_indexes_exist_and_everything_is_commented(db: asyncpg.Connection) -> None:
    indexes = {
        r["indexname"]: (r["tablename"], r["indexdef"])
        for r in await db.fetch("SELECT * FROM pg_indexes WHERE schemaname = 'public'")
    }
    for name, table, columns, method in JOBS_INDEXES:
        assert indexes[name][0] == table
        assert f"USING {method} ({columns})" in indexes[name][1], name
    uncommented = await db.fetch(
        "SELECT c.relname, a.attname FROM pg_class c"
        " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
        " WHERE c.relname = ANY($1) AND (obj_description(c.oid, 'pg_class') IS NULL"
        " OR col_description(c.oid, a.attnum) IS NULL)",
        JOBS_TABLES,
    )
    assert [tuple(r) for r in uncommented] == []


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
