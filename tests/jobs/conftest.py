"""Fixtures of the job-function tests (roll-ups, alerts, metering, invoicing): an asyncpg
connection to a migrated database that checks the invariants when the test ends, and a session
factory to run job functions in a transaction at a chosen `now` (the controllable clock)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.db.engine import create_engine, create_session_factory
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.domain.invariants import find_violations_on
from remotegpu.settings import Settings


@pytest.fixture
async def conn(migrated_url: str) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(asyncpg_dsn(migrated_url))
    yield connection
    assert await find_violations_on(connection) == []
    await connection.close()


@pytest.fixture
async def sessions(migrated_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(migrated_url, Settings())
    try:
        yield create_session_factory(engine)
    finally:
        await engine.dispose()
