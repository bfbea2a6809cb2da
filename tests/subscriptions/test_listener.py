"""The LISTEN connection of a process: reconnects after losing its connection, replays what
was committed meanwhile, and hands every committed event to the hub exactly once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import pytest

from remotegpu.auth.viewer import Viewer
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.events.hub import EventHub, Subscriber
from remotegpu.events.listener import APPLICATION_NAME, EventListener


async def closer(code: int, reason: str) -> None:
    raise AssertionError(f"no socket should be closed ({code} {reason})")


@pytest.fixture
async def listening(migrated_url: str) -> AsyncIterator[tuple[EventListener, Subscriber]]:
    hub = EventHub(queue_size=100, connections_per_viewer=1)
    connection = hub.open_connection(Viewer(customer_id=1), closer)
    assert connection is not None
    subscriber = hub.subscribe(connection, frozenset({"environment"}), None)
    listener = EventListener(asyncpg_dsn(migrated_url), hub, catch_up_limit=100)
    await listener.start(wait_seconds=10)
    yield listener, subscriber
    await listener.stop()


async def insert_event(conn: asyncpg.Connection, resource_id: str) -> int:
    event_id: int = await conn.fetchval(
        "INSERT INTO event_outbox (event_type, customer_id, resource_type, resource_id)"
        " VALUES ('environment.started', 1, 'environment', $1) RETURNING id",
        resource_id,
    )
    return event_id


async def insert_then_roll_back(conn: asyncpg.Connection, resource_id: str) -> None:
    async with conn.transaction():
        await insert_event(conn, resource_id)
        raise RuntimeError("roll back")


async def received(subscriber: Subscriber, count: int) -> list[str]:
    got = []
    async with asyncio.timeout(10):
        for _ in range(count):
            got.append((await subscriber.queue.get()).event.resource_id or "")
    return got


async def test_listener_committed_event_reaches_the_hub_once_and_rolled_back_never(
    listening: tuple[EventListener, Subscriber], db: asyncpg.Connection
) -> None:
    _, subscriber = listening
    async with db.transaction():
        await insert_event(db, "committed")
    with pytest.raises(RuntimeError):
        await insert_then_roll_back(db, "rolled-back")
    await insert_event(db, "after")
    assert await received(subscriber, 2) == ["committed", "after"]
    await asyncio.sleep(0.2)
    assert subscriber.queue.empty()


async def test_listener_connection_lost_reconnects_and_replays_what_was_missed(
    listening: tuple[EventListener, Subscriber], db: asyncpg.Connection
) -> None:
    listener, subscriber = listening
    await insert_event(db, "before")
    assert await received(subscriber, 1) == ["before"]
    # Kill the LISTEN backend, and commit while it is away: no NOTIFY can reach it.
    terminated = await db.fetchval(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
        " WHERE application_name = $1 AND datname = current_database()",
        APPLICATION_NAME,
    )
    assert terminated == 1
    async with asyncio.timeout(10):
        while listener.connected.is_set():  # noqa: ASYNC110  # until it notices the loss
            await asyncio.sleep(0.005)
    await insert_event(db, "missed")  # during the reconnect backoff (50 ms at least)
    async with asyncio.timeout(10):
        await listener.connected.wait()
    await insert_event(db, "after")
    assert await received(subscriber, 2) == ["missed", "after"]  # replayed once, in order
    await asyncio.sleep(0.2)
    assert subscriber.queue.empty()
