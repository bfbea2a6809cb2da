"""The migrated database matches data-model.md: tables, indexes, triggers, comments, models."""

from __future__ import annotations

import asyncpg
from sqlalchemy import inspect
from sqlalchemy.dialects import postgresql

from remotegpu.db.models import ALL_MODELS
from tests.db.expected_schema import (
    EXPECTED_INDEXES,
    EXPECTED_TABLES,
    TABLES_WITH_UPDATED_AT_TRIGGER,
)
from tests.support.catalog import database_type_name, model_type_name


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
    rows = await db.fetch(
        "SELECT c.relname AS table_name, a.attname AS column_name,"
        " obj_description(c.oid, 'pg_class') AS table_comment,"
        " col_description(c.oid, a.attnum) AS column_comment"
        " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
        " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname = ANY($1)",
        EXPECTED_TABLES,
    )
    assert {r["table_name"] for r in rows} == set(EXPECTED_TABLES)
    assert sorted({r["table_name"] for r in rows if not r["table_comment"]}) == []
    missing = [f"{r['table_name']}.{r['column_name']}" for r in rows if not r["column_comment"]]
    assert missing == []


async def test_models_match_the_migrated_database(db: asyncpg.Connection) -> None:
    """The SQLAlchemy models and the SQL files describe the same tables, so neither drifts."""
    assert sorted(m.__tablename__ for m in ALL_MODELS) == sorted(EXPECTED_TABLES)
    rows = await db.fetch(
        "SELECT table_name, column_name, is_nullable, data_type, udt_name,"
        " character_maximum_length, numeric_precision, numeric_scale"
        " FROM information_schema.columns WHERE table_schema = 'public'"
    )
    db_columns = {(r["table_name"], r["column_name"]): r for r in rows}
    pk_rows = await db.fetch(
        "SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc"
        " JOIN information_schema.key_column_usage kcu"
        " ON kcu.constraint_name = tc.constraint_name AND kcu.table_name = tc.table_name"
        " WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public'"
    )
    db_pks: dict[str, set[str]] = {}
    for r in pk_rows:
        db_pks.setdefault(r["table_name"], set()).add(r["column_name"])

    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    problems: list[str] = []
    for model in ALL_MODELS:
        table = model.__table__
        mapper = inspect(model)
        model_cols = {c.name for c in table.columns}
        real_cols = {col for (t, col) in db_columns if t == table.name}
        if model_cols != real_cols:
            problems.append(f"{table.name}: columns differ {model_cols ^ real_cols}")
            continue
        for column in table.columns:
            real = db_columns[(table.name, column.name)]
            if column.nullable != (real["is_nullable"] == "YES"):
                problems.append(f"{table.name}.{column.name}: nullability differs")
            if model_type_name(column.type.compile(dialect=dialect)) != database_type_name(real):
                problems.append(
                    f"{table.name}.{column.name}: model {column.type.compile(dialect=dialect)}"
                    f" vs database {database_type_name(real)}"
                )
        if {c.name for c in mapper.primary_key} != db_pks.get(table.name, set()):
            problems.append(f"{table.name}: primary key differs")
    assert problems == []
