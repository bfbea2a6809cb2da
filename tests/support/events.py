"""Events and environments made directly in the database, for the subscription tests: what a
subscriber must (or must not) receive without going through a mutation."""

from __future__ import annotations

import asyncpg

from remotegpu.db.engine import create_engine, create_session_factory, transaction
from remotegpu.domain.events import CATALOGUE, EventType, emit
from remotegpu.settings import Settings
from tests.support.fleet import GIB, IMAGE


async def emit_events(
    url: str, event_type: EventType, resource_ids: list[str], customer_id: int
) -> None:
    """One event of the type for each id, in one transaction of this (test) process."""
    engine = create_engine(url, Settings())
    try:
        async with transaction(create_session_factory(engine)) as session:
            for resource_id in resource_ids:
                await emit(
                    session,
                    event_type,
                    customer_id=customer_id,
                    resource_type=CATALOGUE[event_type].resource_type,
                    resource_id=resource_id,
                    payload={"id": resource_id},
                )
    finally:
        await engine.dispose()


async def add_environment(conn: asyncpg.Connection, owner: int, host: str, name: str) -> str:
    env_id: str = await conn.fetchval(
        "INSERT INTO environments (id, user_id, host_id, name, image, cpu, memory, status)"
        " VALUES ('env-' || md5(random()::text), $1, $2, $3, $4, 1, $5, 'running')"
        " RETURNING id",
        owner,
        host,
        name,
        IMAGE,
        GIB,
    )
    return env_id
