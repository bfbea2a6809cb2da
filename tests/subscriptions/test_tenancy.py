"""Who receives what: every event type of the catalogue, made to happen for tenant X, against
every subscription, subscribed by X, another tenant Y, an admin and the agent of X's host.
Each must receive exactly what the table below says, and nothing else."""

from __future__ import annotations

import asyncio
from collections import Counter
from contextlib import AsyncExitStack
from dataclasses import dataclass

import asyncpg

from remotegpu.domain.events import CATALOGUE, EventType
from tests.subscriptions.client import LiveSocket, live_socket
from tests.subscriptions.conftest import Servers, Tenants, session_token
from tests.support.events import add_environment, emit_events

# One socket per viewer with all six subscriptions (environmentUpdated on X's environment).
SUBSCRIPTIONS = {
    "environmentsUpdated": "subscription { environmentsUpdated { rowId } }",
    "environmentUpdated": "subscription E($id: ID!) { environmentUpdated(id: $id) { rowId } }",
    "notificationReceived": "subscription { notificationReceived { rowId } }",
    "alertFired": "subscription { alertFired { rowId } }",
    "hostStatusChanged": "subscription { hostStatusChanged { rowId } }",
    "jobUpdated": "subscription { jobUpdated { rowId } }",
}
ENVIRONMENT_EVENTS = [e for e in EventType if CATALOGUE[e].resource_type == "environment"]
TRAINING_EVENTS = [e for e in EventType if CATALOGUE[e].resource_type == "training_job"]


@dataclass(frozen=True)
class Objects:
    """X's environment (on the agent's host), notification, alert and training job."""

    environment: str
    notification: str
    alert: str
    job: str
    host: str

    def resource_id(self, event: EventType) -> str:
        return {
            "environment": self.environment,
            "notification": self.notification,
            "alert_record": self.alert,
            "training_job": self.job,
            "host": self.host,
        }.get(CATALOGUE[event].resource_type, "1")  # objects no subscription follows


async def objects_of(conn: asyncpg.Connection, tenants: Tenants) -> Objects:
    x = tenants.x
    environment = await add_environment(conn, x, tenants.host, "tenant-x")
    notification = await conn.fetchval(
        "INSERT INTO notifications (customer_id, title, type) VALUES ($1, 'n', 'system')"
        " RETURNING id",
        x,
    )
    rule = await conn.fetchval(
        "INSERT INTO alert_rules (customer_id, name, metric_type, threshold, comparison)"
        " VALUES ($1, 'r', 'cpu_usage', 90, '>') RETURNING id",
        x,
    )
    alert = await conn.fetchval(
        "INSERT INTO alert_records (rule_id, customer_id, metric_type, current_value,"
        " threshold, severity) VALUES ($1, $2, 'cpu_usage', 95, 90, 'warning') RETURNING id",
        rule,
        x,
    )
    job = await conn.fetchval(
        "INSERT INTO training_jobs (id, customer_id, name, status)"
        " VALUES ('job-' || md5(random()::text), $1, 'j', 'running') RETURNING id",
        x,
    )
    return Objects(environment, str(notification), str(alert), job, tenants.host)


def expected(viewer: str, objects: Objects) -> Counter[tuple[str, str]]:
    """(subscription, rowId) -> how many times the viewer receives it."""
    got: Counter[tuple[str, str]] = Counter()
    environment_events = len(ENVIRONMENT_EVENTS)
    if viewer in ("x", "admin", "agent"):  # owner, staff, the agent of its host
        got["environmentsUpdated", objects.environment] = environment_events
        got["environmentUpdated", objects.environment] = environment_events
    if viewer == "x":
        got["notificationReceived", objects.notification] = 1  # the owner's inbox only
    if viewer in ("x", "admin"):
        got["alertFired", objects.alert] = 1  # fired, not resolved
        got["jobUpdated", objects.job] = len(TRAINING_EVENTS)
    if viewer in ("admin", "agent"):
        got["hostStatusChanged", objects.host] = 1
    return got


async def received(socket: LiveSocket, ops: dict[str, str]) -> Counter[tuple[str, str]]:
    names = {op: name for name, op in ops.items()}
    got: Counter[tuple[str, str]] = Counter()
    for message in await socket.drain(1.0):
        assert message["type"] in ("next", "data"), message
        name = names[message["id"]]
        got[name, str(message["payload"]["data"][name]["rowId"])] += 1
    return got


async def test_subscriptions_every_event_type_reach_exactly_the_allowed_viewers(
    servers: Servers, tenants: Tenants, sql: asyncpg.Connection
) -> None:
    objects = await objects_of(sql, tenants)
    tokens = {
        "x": session_token(tenants.x),
        "y": session_token(tenants.y),
        "admin": session_token(tenants.admin),
        "agent": tenants.agent_token,
    }
    async with AsyncExitStack() as stack:
        sockets: dict[str, tuple[LiveSocket, dict[str, str]]] = {}
        for i, (viewer, token) in enumerate(tokens.items()):
            base = servers.a_base if i % 2 else servers.b_base  # both processes serve
            socket = await stack.enter_async_context(live_socket(base, token))
            ops = {
                name: await socket.subscribe(document, {"id": objects.environment})
                for name, document in SUBSCRIPTIONS.items()
            }
            sockets[viewer] = (socket, ops)
        await asyncio.sleep(0.3)
        for event in EventType:
            if event is EventType.ACCESS_REVOKED:
                continue  # closes sockets: tests/subscriptions/test_fanout.py
            await emit_events(servers.url, event, [objects.resource_id(event)], tenants.x)
        for viewer, (socket, ops) in sockets.items():
            assert await received(socket, ops) == expected(viewer, objects), viewer
