"""Firing and clearing alerts (domain-rules.md, "Metrics, alerts, notifications, audit"): one
record per rule and resource while firing, also under concurrency, with its notification and
outbox event; the invariant checker stays silent after each test."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.db.engine import transaction
from remotegpu.domain.alert_firing import breaches, fire_alert, resolve_cleared_alert
from remotegpu.domain.errors import DomainError, ErrorCode
from tests.support.fleet import add_customer, add_host, add_image, unique

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


async def add_rule(
    conn: asyncpg.Connection,
    customer_id: int | None,
    *,
    metric: str = "gpu_usage",
    comparison: str = ">",
    threshold: float = 80.0,
    severity: str = "warning",
    enabled: bool = True,
) -> int:
    rule_id: int = await conn.fetchval(
        "INSERT INTO alert_rules (customer_id, name, metric_type, threshold, comparison,"
        " severity, enabled) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        customer_id,
        unique("rule"),
        metric,
        threshold,
        comparison,
        severity,
        enabled,
    )
    return rule_id


async def add_environment(conn: asyncpg.Connection, owner: int) -> str:
    image = await add_image(conn)
    host = await add_host(conn, gpus=0)
    env_id = unique("env")
    await conn.execute(
        "INSERT INTO environments (id, user_id, host_id, name, image, status, cpu, memory, gpu,"
        " ssh_port, jupyter_port) VALUES ($1, $2, $3, 'dev', $4, 'stopped', 1, 1073741824, 0,"
        " 30001, 50001)",
        env_id,
        owner,
        host,
        image,
    )
    # A non-deleted environment holds its ssh and jupyter ports (invariant ports:required).
    await conn.execute(
        "INSERT INTO port_mappings (env_id, service_type, external_port, internal_port)"
        " VALUES ($1, 'ssh', 30001, 22), ($1, 'jupyter', 50001, 8888)",
        env_id,
    )
    return env_id


async def fire(
    sessions: async_sessionmaker[AsyncSession],
    rule_id: int,
    resource: tuple[str, str] = ("host", "host-1"),
    value: float = 95.0,
    now: datetime = NOW,
) -> Any:
    async with transaction(sessions) as session:
        return await fire_alert(
            session,
            rule_id=rule_id,
            resource_type=resource[0],
            resource_id=resource[1],
            current_value=value,
            now=now,
        )


async def resolve(
    sessions: async_sessionmaker[AsyncSession],
    rule_id: int,
    resource: tuple[str, str] = ("host", "host-1"),
    now: datetime = NOW,
) -> Any:
    async with transaction(sessions) as session:
        return await resolve_cleared_alert(
            session, rule_id=rule_id, resource_type=resource[0], resource_id=resource[1], now=now
        )


async def records(conn: asyncpg.Connection, rule_id: int) -> list[asyncpg.Record]:
    return list(
        await conn.fetch("SELECT * FROM alert_records WHERE rule_id = $1 ORDER BY id", rule_id)
    )


async def notifications(conn: asyncpg.Connection) -> list[asyncpg.Record]:
    return list(await conn.fetch("SELECT * FROM notifications ORDER BY id"))


async def events(conn: asyncpg.Connection) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        "SELECT * FROM event_outbox WHERE event_type <> 'notification.created' ORDER BY id"
    )
    return [dict(row) | {"payload": json.loads(row["payload"])} for row in rows]


# --- breaches --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("comparison", "value", "threshold", "expected"),
    [
        (">", 81.0, 80.0, True),
        (">", 80.0, 80.0, False),
        (">=", 80.0, 80.0, True),
        ("<", 5.0, 10.0, True),
        ("<", 10.0, 10.0, False),
        ("<=", 10.0, 10.0, True),
        ("==", 1.0, 1.0, True),
        ("==", 1.0, 2.0, False),
        (">", float("nan"), 80.0, False),
    ],
)
def test_breaches(comparison: str, value: float, threshold: float, expected: bool) -> None:
    assert breaches(comparison, value, threshold) is expected


def test_breaches_rejects_an_unknown_comparison() -> None:
    with pytest.raises(DomainError) as caught:
        breaches("!=", 1.0, 2.0)
    assert caught.value.code == ErrorCode.INVALID_INPUT


# --- firing ----------------------------------------------------------------------------------


async def test_fire_writes_one_record_notification_and_event_and_no_duplicate(
    conn: asyncpg.Connection, sessions: async_sessionmaker[AsyncSession]
) -> None:
    alice = await add_customer(conn)
    rule_id = await add_rule(conn, alice, severity="critical", threshold=80.0)

    record = await fire(sessions, rule_id, value=95.5)
    assert record is not None
    assert record.status == "firing"
    assert record.customer_id == alice

    [row] = await records(conn, rule_id)
    assert row["id"] == record.id
    assert row["customer_id"] == alice
    assert (row["resource_type"], row["resource_id"]) == ("host", "host-1")
    assert (row["metric_type"], row["threshold"], row["severity"]) == (
        "gpu_usage",
        80.0,
        "critical",
    )
    assert row["current_value"] == 95.5
    assert row["status"] == "firing"
    assert row["triggered_at"] == NOW
    assert row["resolved_at"] is None
    assert "gpu_usage 95.5 > 80" in row["message"]

    [note] = await notifications(conn)
    assert (note["customer_id"], note["type"], note["level"]) == (alice, "alert", "error")
    assert "gpu_usage 95.5 > 80" in note["content"]

    [event] = await events(conn)
    assert event["event_type"] == "alert.fired"
    assert event["customer_id"] == alice
    assert (event["resource_type"], event["resource_id"]) == ("alert_record", str(record.id))
    assert event["payload"]["ruleId"] == rule_id
    assert event["payload"]["currentValue"] == 95.5
    assert event["payload"]["resourceId"] == "host-1"

    # Still breaching on the next evaluation: nothing new while firing.
    assert await fire(sessions, rule_id, value=99.0, now=NOW + timedelta(minutes=1)) is None
    assert len(await records(conn, rule_id)) == 1
    assert len(await notifications(conn)) == 1
    assert len(await events(conn)) == 1

    # Another resource of the same rule fires on its own.
    other = await fire(sessions, rule_id, resource=("host", "host-2"))
    assert other is not None
    assert other.id != record.id
    assert len(await records(conn, rule_id)) == 2


@pytest.mark.parametrize(("severity", "level"), [("warning", "warning"), ("info", "info")])
async def test_notification_level_follows_severity(
    conn: asyncpg.Connection,
    sessions: async_sessionmaker[AsyncSession],
    severity: str,
    level: str,
) -> None:
    alice = await add_customer(conn)
    rule_id = await add_rule(conn, alice, severity=severity, comparison="<", threshold=10.0)
    assert await fire(sessions, rule_id, value=2.0) is not None
    [note] = await notifications(conn)
    assert note["level"] == level


async def test_concurrent_firings_create_exactly_one_record(
    conn: asyncpg.Connection, sessions: async_sessionmaker[AsyncSession]
) -> None:
    alice = await add_customer(conn)
    rule_id = await add_rule(conn, alice)

    results = await asyncio.gather(*(fire(sessions, rule_id, value=90.0 + i) for i in range(10)))

    fired = [r for r in results if r is not None]
    assert len(fired) == 1
    [row] = await records(conn, rule_id)
    assert row["id"] == fired[0].id
    assert len(await notifications(conn)) == 1
    assert [e["event_type"] for e in await events(conn)] == ["alert.fired"]


async def test_disabled_rule_fires_nothing(
    conn: asyncpg.Connection, sessions: async_sessionmaker[AsyncSession]
) -> None:
    alice = await add_customer(conn)
    rule_id = await add_rule(conn, alice, enabled=False)
    assert await fire(sessions, rule_id) is None
    assert await records(conn, rule_id) == []
    assert await notifications(conn) == []
    assert await events(conn) == []


@pytest.mark.parametrize(
    ("resource", "value", "field"),
    [
        (("host", "host-1"), 50.0, "current_value"),  # does not breach > 80
        (("host", "host-1"), float("nan"), "current_value"),
        (("", "host-1"), 95.0, "resource_type"),
        (("host", ""), 95.0, "resource_id"),
    ],
)
async def test_fire_rejects_bad_input(
    conn: asyncpg.Connection,
    sessions: async_sessionmaker[AsyncSession],
    resource: tuple[str, str],
    value: float,
    field: str,
) -> None:
    alice = await add_customer(conn)
    rule_id = await add_rule(conn, alice)
    with pytest.raises(DomainError) as caught:
        await fire(sessions, rule_id, resource=resource, value=value)
    assert caught.value.code == ErrorCode.INVALID_INPUT
    assert caught.value.field == field
    assert await records(conn, rule_id) == []


async def test_fire_unknown_rule_is_not_found(
    conn: asyncpg.Connection, sessions: async_sessionmaker[AsyncSession]
) -> None:
    with pytest.raises(DomainError) as caught:
        await fire(sessions, 424242)
    assert caught.value.code == ErrorCode.NOT_FOUND


# --- resolving -------------------------------------------------------------------------------


async def test_resolve_then_refire_creates_a_new_record(
    conn: asyncpg.Connection, sessions: async_sessionmaker[AsyncSession]
) -> None:
    alice = await add_customer(conn)
    rule_id = await add_rule(conn, alice)
    first = await fire(sessions, rule_id)
    assert first is not None

    cleared_at = NOW + timedelta(minutes=5)
    resolved = await resolve(sessions, rule_id, now=cleared_at)
    assert resolved is not None
    assert resolved.id == first.id
    [row] = await records(conn, rule_id)
    assert (row["status"], row["resolved_at"]) == ("resolved", cleared_at)

    fired_event, resolved_event = await events(conn)
    assert fired_event["event_type"] == "alert.fired"
    assert resolved_event["event_type"] == "alert.resolved"
    assert resolved_event["customer_id"] == alice
    assert resolved_event["resource_id"] == str(first.id)
    assert resolved_event["payload"]["resolvedAt"] == cleared_at.isoformat()
    _fired_note, resolved_note = await notifications(conn)
    assert (resolved_note["customer_id"], resolved_note["type"]) == (alice, "alert")
    assert resolved_note["level"] == "info"

    # Nothing firing any more: clearing again does nothing.
    assert await resolve(sessions, rule_id, now=cleared_at) is None
    assert len(await events(conn)) == 2

    second = await fire(sessions, rule_id, now=NOW + timedelta(minutes=10))
    assert second is not None
    assert second.id != first.id
    rows = await records(conn, rule_id)
    assert [r["status"] for r in rows] == ["resolved", "firing"]
    assert [e["event_type"] for e in await events(conn)] == [
        "alert.fired",
        "alert.resolved",
        "alert.fired",
    ]


async def test_concurrent_resolves_resolve_once(
    conn: asyncpg.Connection, sessions: async_sessionmaker[AsyncSession]
) -> None:
    alice = await add_customer(conn)
    rule_id = await add_rule(conn, alice)
    assert await fire(sessions, rule_id) is not None
    results = await asyncio.gather(*(resolve(sessions, rule_id) for _ in range(5)))
    assert len([r for r in results if r is not None]) == 1
    assert [e["event_type"] for e in await events(conn)] == ["alert.fired", "alert.resolved"]


# --- whose alert -----------------------------------------------------------------------------


async def test_platform_rule_on_an_environment_notifies_its_owner(
    conn: asyncpg.Connection, sessions: async_sessionmaker[AsyncSession]
) -> None:
    bob = await add_customer(conn)
    env_id = await add_environment(conn, bob)
    rule_id = await add_rule(conn, None, metric="memory_usage", threshold=90.0)

    record = await fire(sessions, rule_id, resource=("environment", env_id), value=97.0)
    assert record is not None
    assert record.customer_id == bob
    [note] = await notifications(conn)
    assert (note["customer_id"], note["type"], note["level"]) == (bob, "alert", "warning")
    [event] = await events(conn)
    assert event["customer_id"] == bob

    assert await resolve(sessions, rule_id, resource=("environment", env_id)) is not None
    assert [n["customer_id"] for n in await notifications(conn)] == [bob, bob]


async def test_platform_rule_on_a_host_belongs_to_no_customer(
    conn: asyncpg.Connection, sessions: async_sessionmaker[AsyncSession]
) -> None:
    rule_id = await add_rule(conn, None, metric="gpu_temperature", threshold=85.0)
    record = await fire(sessions, rule_id, resource=("host", "host-9"), value=91.0)
    assert record is not None
    assert record.customer_id is None
    assert await notifications(conn) == []
    [event] = await events(conn)
    assert (event["event_type"], event["customer_id"]) == ("alert.fired", None)
    assert await resolve(sessions, rule_id, resource=("host", "host-9")) is not None
    assert await notifications(conn) == []
    assert [e["customer_id"] for e in await events(conn)] == [None, None]
