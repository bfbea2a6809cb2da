"""The event catalogue: documented everywhere it is listed, and the events added with it
emitted once each, in the transaction of their change (nothing when the change fails)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.db.engine import transaction
from remotegpu.domain.customers import set_customer_status
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.events import CATALOGUE, WEBHOOK_EVENTS, EventType, emit
from remotegpu.domain.hosts import enter_maintenance, exit_maintenance, record_heartbeat
from remotegpu.domain.housekeeping import expire_published_events
from remotegpu.domain.notifications import NotificationKind, notify
from remotegpu.domain.webhooks import _clean_events
from tests.graphql import admin_viewer
from tests.support.fleet import add_customer, add_host

README = Path(__file__).resolve().parents[2] / "README.md"


async def events(db: asyncpg.Connection, event_type: EventType) -> list[dict[str, Any]]:
    rows = await db.fetch(
        "SELECT customer_id, resource_type, resource_id, payload FROM event_outbox"
        " WHERE event_type = $1 ORDER BY id",
        event_type.value,
    )
    return [{**dict(r), "payload": json.loads(r["payload"])} for r in rows]


def test_catalogue_every_event_type_is_described_in_the_readme() -> None:
    readme = README.read_text()
    for event, spec in CATALOGUE.items():
        assert f"| `{event.value}` | {spec.description} |" in readme, event
    assert set(CATALOGUE) == set(EventType)


def test_webhook_events_internal_event_type_refused() -> None:
    assert [e.value for e in WEBHOOK_EVENTS] == _clean_events([e.value for e in WEBHOOK_EVENTS])
    for internal in ("host.status_changed", "notification.created", "access.revoked"):
        with pytest.raises(DomainError) as refused:
            _clean_events(["environment.created", internal])
        assert refused.value.code == ErrorCode.INVALID_INPUT


async def test_emit_committed_event_is_published_at_commit_and_expires_after_a_week(
    db: asyncpg.Connection, sessions: async_sessionmaker[AsyncSession]
) -> None:
    alice = await add_customer(db)
    async with transaction(sessions) as session:
        event_id = await emit(
            session,
            EventType.ENVIRONMENT_CREATED,
            customer_id=alice,
            resource_type="environment",
            resource_id="env-1",
            payload={"id": "env-1"},
        )
        started = await session.scalar(select(func.now()))
    published = await db.fetchval("SELECT published_at FROM event_outbox WHERE id = $1", event_id)
    assert published == started
    async with transaction(sessions) as session:
        assert await expire_published_events(session, published + timedelta(days=6)) == 0
    async with transaction(sessions) as session:
        assert await expire_published_events(session, published + timedelta(days=8)) == 1
    assert await db.fetchval("SELECT count(*) FROM event_outbox WHERE id = $1", event_id) == 0


async def test_heartbeat_offline_host_back_emits_one_host_status_changed_steady_none(
    db: asyncpg.Connection, sessions: async_sessionmaker[AsyncSession]
) -> None:
    host = await add_host(db, status="offline")
    for _ in range(2):  # the first brings it back; the second changes nothing
        async with transaction(sessions) as session:
            await record_heartbeat(session, admin_viewer(), host, "healthy")
    assert await events(db, EventType.HOST_STATUS_CHANGED) == [
        {
            "customer_id": None,
            "resource_type": "host",
            "resource_id": host,
            "payload": {"id": host, "status": "online", "previousStatus": "offline"},
        }
    ]


async def test_host_maintenance_enter_and_exit_emit_one_host_status_changed_each(
    db: asyncpg.Connection, sessions: async_sessionmaker[AsyncSession]
) -> None:
    host = await add_host(db, status="online")
    async with transaction(sessions) as session:
        await enter_maintenance(session, admin_viewer(), host)
    async with transaction(sessions) as session:
        await exit_maintenance(session, admin_viewer(), host)
    assert [
        (
            e["resource_type"],
            e["resource_id"],
            e["payload"]["status"],
            e["payload"]["previousStatus"],
        )
        for e in await events(db, EventType.HOST_STATUS_CHANGED)
    ] == [("host", host, "maintenance", "online"), ("host", host, "offline", "maintenance")]


async def test_host_maintenance_exit_refused_emits_nothing(
    db: asyncpg.Connection, sessions: async_sessionmaker[AsyncSession]
) -> None:
    host = await add_host(db, status="online")
    with pytest.raises(DomainError):
        async with transaction(sessions) as session:
            await exit_maintenance(session, admin_viewer(), host)
    assert await events(db, EventType.HOST_STATUS_CHANGED) == []


async def test_notify_emits_one_notification_created_with_the_notifications_id(
    db: asyncpg.Connection, sessions: async_sessionmaker[AsyncSession]
) -> None:
    alice = await add_customer(db)
    async with transaction(sessions) as session:
        note_id = await notify(session, alice, NotificationKind.BILLING, "hello", None, "warning")
    assert await events(db, EventType.NOTIFICATION_CREATED) == [
        {
            "customer_id": alice,
            "resource_type": "notification",
            "resource_id": str(note_id),
            "payload": {"id": note_id, "type": "billing", "level": "warning"},
        }
    ]
    assert await db.fetchval("SELECT customer_id FROM notifications WHERE id = $1", note_id) == (
        alice
    )


async def test_customer_suspend_emits_one_access_revoked_and_a_refusal_none(
    db: asyncpg.Connection, sessions: async_sessionmaker[AsyncSession]
) -> None:
    alice = await add_customer(db)
    async with transaction(sessions) as session:
        await set_customer_status(session, admin_viewer(), alice, "suspended")
    with pytest.raises(DomainError):  # already suspended: INVALID_TRANSITION, rolled back
        async with transaction(sessions) as session:
            await set_customer_status(session, admin_viewer(), alice, "suspended")
    (revoked,) = await events(db, EventType.ACCESS_REVOKED)
    assert (revoked["customer_id"], revoked["payload"]["tokenId"]) == (alice, None)
