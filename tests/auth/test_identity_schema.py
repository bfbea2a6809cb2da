"""15_identity.sql and the IDENTITY_MODELS describe the same tables; everything is commented."""

from __future__ import annotations

import asyncpg
from sqlalchemy import inspect

from remotegpu.db.models import ALL_MODELS, IDENTITY_MODELS
from tests.support.catalog import column_differences, uncommented

IDENTITY_TABLES = ["api_tokens", "refresh_tokens"]


def test_identity_models_are_not_data_model_tables() -> None:
    assert sorted(m.__tablename__ for m in IDENTITY_MODELS) == IDENTITY_TABLES
    assert not set(IDENTITY_MODELS) & set(ALL_MODELS)


async def test_identity_models_match_the_migrated_database(db: asyncpg.Connection) -> None:
    tables = [model.__table__ for model in IDENTITY_MODELS]
    assert await column_differences(db, tables) == []
    for model in IDENTITY_MODELS:
        assert {c.name for c in inspect(model).primary_key} == {"id"}


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
    assert await uncommented(db, IDENTITY_TABLES) == []


async def test_identity_tables_have_no_foreign_keys(db: asyncpg.Connection) -> None:
    count = await db.fetchval(
        "SELECT count(*) FROM information_schema.table_constraints"
        " WHERE constraint_type = 'FOREIGN KEY' AND table_name = ANY($1)",
        IDENTITY_TABLES,
    )
    assert count == 0
