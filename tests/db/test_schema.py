"""The migrated database matches data-model.md: tables, indexes, triggers, comments, models."""

from __future__ import annotations

import asyncpg
from sqlalchemy import inspect

from remotegpu.db.models import ALL_MODELS
from tests.db.expected_schema import (
    EXPECTED_INDEXES,
    EXPECTED_TABLES,
    TABLES_WITH_UPDATED_AT_TRIGGER,
)
from tests.support.catalog import column_differences, uncommented


async def test_every_index_of_the_data_model_exists(db: asyncpg.Connection) -> None:
    rows = await db.fetch(
        "SELECT indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'"
    )
    found = {r["indexname"]: (r["tablename"], r["indexdef"]) for r in rows}
    missing = [name for name, *_ in EXPECTED_INDEXES if name not in found]
    assert missing == []
    for name, table, columns, method in EXPECTED_INDEXES:
        found_table, indexdef = found[name]
        assert found_table == table, name
        assert f"USING {method} ({columns})" in indexdef, (name, indexdef)


async def test_port_mappings_external_port_unique_only_among_active(
    db: asyncpg.Connection,
) -> None:
    await db.execute(
        "INSERT INTO port_mappings (env_id, service_type, external_port, internal_port, status)"
        " VALUES ('env-a', 'ssh', 30000, 22, 'released'), ('env-b', 'ssh', 30000, 22, 'active')"
    )
    try:
        await db.execute(
            "INSERT INTO port_mappings (env_id, service_type, external_port, internal_port)"
            " VALUES ('env-c', 'ssh', 30000, 22)"
        )
    except asyncpg.UniqueViolationError:
        pass
    else:
        raise AssertionError("a second active mapping of port 30000 was accepted")


async def test_every_updated_at_trigger_fires(db: asyncpg.Connection) -> None:
    tables_with_column = {
        r["table_name"]
        for r in await db.fetch(
            "SELECT table_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND column_name = 'updated_at'"
        )
    }
    assert tables_with_column == set(TABLES_WITH_UPDATED_AT_TRIGGER)
    for table in TABLES_WITH_UPDATED_AT_TRIGGER:
        await _insert_minimal_row(db, table)
        await db.execute(f"UPDATE {table} SET updated_at = '2000-01-01T00:00:00Z'")
        stale = await db.fetchval(
            f"SELECT count(*) FROM {table} WHERE updated_at < NOW() - interval '1 minute'"
        )
        assert stale == 0, f"updated_at trigger of {table} did not fire"


async def _insert_minimal_row(db: asyncpg.Connection, table: str) -> None:
    """Insert a row with a value for every NOT NULL column that has no default."""
    columns = await db.fetch(
        "SELECT column_name, data_type, udt_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND table_name = $1 "
        "AND is_nullable = 'NO' AND column_default IS NULL",
        table,
    )
    values = {
        "character varying": "'x'",
        "text": "'x'",
        "integer": "1",
        "bigint": "1",
        "double precision": "1.0",
        "numeric": "1.0",
        "boolean": "true",
        "timestamp with time zone": "NOW()",
        "jsonb": "'{}'",
        "ARRAY": "'{}'",
    }
    names = ", ".join(c["column_name"] for c in columns)
    literals = ", ".join(values[c["data_type"]] for c in columns)
    if columns:
        await db.execute(f"INSERT INTO {table} ({names}) VALUES ({literals})")
    else:
        await db.execute(f"INSERT INTO {table} DEFAULT VALUES")


async def test_every_time_column_is_timezone_aware(db: asyncpg.Connection) -> None:
    naive = await db.fetch(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'"
    )
    assert [tuple(r) for r in naive] == []


async def test_every_table_and_column_has_a_comment(db: asyncpg.Connection) -> None:
    assert await uncommented(db, EXPECTED_TABLES) == []


async def test_models_match_the_migrated_database(db: asyncpg.Connection) -> None:
    """The SQLAlchemy models and the SQL files describe the same tables, so neither drifts."""
    assert sorted(m.__tablename__ for m in ALL_MODELS) == sorted(EXPECTED_TABLES)
    problems = await column_differences(db, [model.__table__ for model in ALL_MODELS])
    pk_rows = await db.fetch(
        "SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc"
        " JOIN information_schema.key_column_usage kcu"
        " ON kcu.constraint_name = tc.constraint_name AND kcu.table_name = tc.table_name"
        " WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public'"
    )
    db_pks: dict[str, set[str]] = {}
    for r in pk_rows:
        db_pks.setdefault(r["table_name"], set()).add(r["column_name"])
    for model in ALL_MODELS:
        if {c.name for c in inspect(model).primary_key} != db_pks.get(model.__tablename__, set()):
            problems.append(f"{model.__tablename__}: primary key differs")
    assert problems == []
