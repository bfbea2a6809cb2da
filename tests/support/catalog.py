"""The SQLAlchemy models compared with the migrated database: column types spelt alike, the
columns that differ, the tables and columns without a comment."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import asyncpg
from sqlalchemy.dialects import postgresql


def model_type_name(compiled: str) -> str:
    """The SQL type a model column compiles to, in the spelling database_type_name uses."""
    compiled = compiled.upper()
    aliases = {
        "TIMESTAMP WITH TIME ZONE": "TIMESTAMPTZ",
        "DOUBLE PRECISION": "FLOAT8",
        "FLOAT": "FLOAT8",
        "FLOAT(53)": "FLOAT8",
        "DOUBLE": "FLOAT8",
        "TEXT[]": "TEXT[]",
    }
    return aliases.get(compiled, compiled)


def database_type_name(real: asyncpg.Record) -> str:
    """The type of an information_schema.columns row, as a model column's would be spelt."""
    data_type = real["data_type"]
    if data_type == "character varying":
        return f"VARCHAR({real['character_maximum_length']})"
    if data_type == "numeric":
        return f"NUMERIC({real['numeric_precision']}, {real['numeric_scale']})"
    if data_type == "ARRAY":
        return real["udt_name"].lstrip("_").upper().replace("TEXT", "TEXT") + "[]"
    return {
        "timestamp with time zone": "TIMESTAMPTZ",
        "double precision": "FLOAT8",
        "integer": "INTEGER",
        "bigint": "BIGINT",
        "boolean": "BOOLEAN",
        "text": "TEXT",
        "jsonb": "JSONB",
        "uuid": "UUID",
        "character": f"CHAR({real['character_maximum_length']})",
    }.get(data_type, data_type.upper())


async def column_differences(db: asyncpg.Connection, tables: Iterable[Any]) -> list[str]:
    """Every way the columns of `tables` (SQLAlchemy tables, `Model.__table__`) differ from
    the migrated database: a column on one side only, nullability, type. [] if they agree."""
    tables = list(tables)
    rows = await db.fetch(
        "SELECT table_name, column_name, is_nullable, data_type, udt_name,"
        " character_maximum_length, numeric_precision, numeric_scale"
        " FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY($1)",
        [t.name for t in tables],
    )
    real = {(r["table_name"], r["column_name"]): r for r in rows}
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    problems: list[str] = []
    for table in tables:
        model_columns = {c.name for c in table.columns}
        real_columns = {column for (name, column) in real if name == table.name}
        if model_columns != real_columns:
            problems.append(f"{table.name}: columns differ {model_columns ^ real_columns}")
            continue
        for column in table.columns:
            found = real[(table.name, column.name)]
            if column.nullable != (found["is_nullable"] == "YES"):
                problems.append(f"{table.name}.{column.name}: nullability differs")
            compiled = column.type.compile(dialect=dialect)
            if model_type_name(compiled) != database_type_name(found):
                problems.append(
                    f"{table.name}.{column.name}: model {compiled}"
                    f" vs database {database_type_name(found)}"
                )
    return problems


async def uncommented(db: asyncpg.Connection, table_names: list[str]) -> list[str]:
    """Every table of `table_names` that is missing or has no comment, and every column
    (`table.column`) of them without one. [] when everything is described."""
    rows = await db.fetch(
        "SELECT c.relname AS table_name, a.attname AS column_name,"
        " obj_description(c.oid, 'pg_class') AS table_comment,"
        " col_description(c.oid, a.attnum) AS column_comment"
        " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
        " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname = ANY($1)",
        table_names,
    )
    found = {r["table_name"] for r in rows}
    missing = [f"{name}: no such table" for name in sorted(set(table_names) - found)]
    bare_tables = sorted({f"{r['table_name']}: no comment" for r in rows if not r["table_comment"]})
    bare_columns = [
        f"{r['table_name']}.{r['column_name']}" for r in rows if not r["column_comment"]
    ]
    return missing + bare_tables + bare_columns
