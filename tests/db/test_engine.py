"""The engine's session settings that the read path's speed depends on."""

from __future__ import annotations

from sqlalchemy import text

from remotegpu.db.engine import create_engine
from remotegpu.settings import Settings


async def test_engine_connection_plans_each_prepared_statement_with_its_values(
    migrated_url: str,
) -> None:
    # With PostgreSQL's default (auto), a prepared compiled read switched to a generic plan
    # after five runs and became 15x slower (see db/engine.py).
    engine = create_engine(migrated_url, Settings())
    try:
        async with engine.connect() as connection:
            mode = (await connection.execute(text("SHOW plan_cache_mode"))).scalar_one()
            zone = (await connection.execute(text("SHOW timezone"))).scalar_one()
    finally:
        await engine.dispose()
    assert (mode, zone) == ("force_custom_plan", "UTC")
