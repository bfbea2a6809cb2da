"""Column types compared between the SQLAlchemy models and the migrated database."""

from __future__ import annotations

import asyncpg


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
