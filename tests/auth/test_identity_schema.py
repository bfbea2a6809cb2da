"""15_identity.sql and the IDENTITY_MODELS describe the same tables; everything is commented."""

from __future__ import annotations

import asyncpg
from sqlalchemy import inspect
from sqlalchemy.dialects import postgresql

from remotegpu.db.models import ALL_MODELS, IDENTITY_MODELS

IDENTITY_TABLES = ["api_tokens", "refresh_tokens"]


def _model_type(compiled: str) -> str:
    return {"TIMESTAMP WITH TIME ZONE": "TIMESTAMPTZ"}.get(compiled.upper(), compiled.upper())


def _db_type(real: asyncpg.Record) -> str:
    data_type = real["data_type"]
    if data_type == "character varying":
        return f"VARCHAR({real['character_maximum_length']})"
    if data_type == "character":
        return f"CHAR({real['character_maximum_length']})"
    if data_type == "ARRAY":
        return real["udt_name"].lstrip("_").upper() + "[]"
    return {
        "timestamp with time zone": "TIMESTAMPTZ",
        "bigint": "BIGINT",
        "text": "TEXT",
        "uuid": "UUID",
    }.get(data_type, data_type.upper())


def test_identity_models_are_not_data_model_tables() -> None:
    assert sorted(m.__tablename__ for m in IDENTITY_MODELS) == IDENTITY_TABLES
    assert not set(IDENTITY_MODELS) & set(ALL_MODELS)


async def test_identity_models_match_the_migrated_database(db: asyncpg.Connection) -> None:
    rows = await db.fetch(
        "SELECT table_name, column_name, is_nullable, data_type, udt_name,"
        " character_maximum_length FROM information_schema.columns"
        " WHERE table_schema = 'public' AND table_name = ANY($1)",
        IDENTITY_TABLES,
    )
    db_columns = {(r["table_name"], r["column_name"]): r for r in rows}
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    problems = []
    for model in IDENTITY_MODELS:
        table = model.__table__
        real_cols = {col for (t, col) in db_columns if t == table.name}
        assert {c.name for c in table.columns} == real_cols, table.name
        for column in table.columns:
            real = db_columns[(table.name, column.name)]
            if column.nullable != (real["is_nullable"] == "YES"):
                problems.append(f"{table.name}.{column.name}: nullability")
            if _model_type(column.type.compile(dialect=dialect)) != _db_type(real):
                problems.append(f"{table.name}.{column.name}: type")
        assert {c.name for c in inspect(model).primary_key} == {"id"}
    assert problems == []


async def test_identity_indexes_exist(db: asyncpg.Connection) -> None:
    rows = await db.fetch(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY($1)", IDENTITY_TABLES
    )
    found = {r["indexname"]: r["indexdef"] for r in rows}
    for model in IDENTITY_MODELS:
        for index in model.__table__.indexes:
            assert index.name in found, index.name
            assert ("UNIQUE" in found[index.name]) == bool(index.unique), index.name
    assert "UNIQUE" in found["uq_api_tokens_token_hash"]
    assert "UNIQUE" in found["uq_refresh_tokens_token_hash"]


async def test_identity_tables_and_columns_have_comments(db: asyncpg.Connection) -> None:
    rows = await db.fetch(
        "SELECT c.relname AS table_name, a.attname AS column_name,"
        " obj_description(c.oid, 'pg_class') AS table_comment,"
        " col_description(c.oid, a.attnum) AS column_comment"
        " FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid"
        " AND a.attnum > 0 AND NOT a.attisdropped"
        " WHERE c.relkind = 'r' AND c.relname = ANY($1)",
        IDENTITY_TABLES,
    )
    assert {r["table_name"] for r in rows} == set(IDENTITY_TABLES)
    assert all(r["table_comment"] for r in rows)
    assert [f"{r['table_name']}.{r['column_name']}" for r in rows if not r["column_comment"]] == []


async def test_identity_tables_have_no_foreign_keys(db: asyncpg.Connection) -> None:
    count = await db.fetchval(
        "SELECT count(*) FROM information_schema.table_constraints"
        " WHERE constraint_type = 'FOREIGN KEY' AND table_name = ANY($1)",
        IDENTITY_TABLES,
    )
    assert count == 0
