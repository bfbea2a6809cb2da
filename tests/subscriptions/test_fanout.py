"""Subscriptions over real WebSockets against two `remotegpu serve` processes on one database:
an event committed through one process reaches subscribers on the other; rolled-back changes
send nothing; revoked access and slow subscribers get their sockets closed."""

from __future__ import annotations

import asyncio
import socket
import time

import asyncpg
import pytest

from remotegpu.db.engine import create_engine, create_session_factory, transaction
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.events import EventType, emit
from remotegpu.events.hub import ACCESS_REVOKED, SLOW_SUBSCRIBER
from remotegpu.settings import Settings
from tests.live import gql_http
from tests.subscriptions.client import LEGACY_WS, TRANSPORT_WS, SocketClosed, live_socket
from tests.subscriptions.conftest import Servers, Tenants, api_token, session_token
from tests.support.events import add_environment, emit_events
from tests.support.fleet import environment_input

ENVIRONMENTS_UPDATED = "subscription { environmentsUpdated { rowId name status } }"
NOTIFICATION_RECEIVED = "subscription { notificationReceived { rowId title } }"
NOTIFICATION_CONTENT = "subscription { notificationReceived { content } }"
ENVIRONMENT_CREATE = """
mutation Create($input: EnvironmentCreateInput!) {
  environmentCreate(input: $input) { environment { rowId } errors { code } }
}
"""
CUSTOMER_SUSPEND = """
mutation Suspend($input: CustomerSuspendInput!) {
  customerSuspend(input: $input) { errors { code } }
}
"""
API_TOKEN_REVOKE = """
mutation Revoke($input: ApiTokenRevokeInput!) { apiTokenRevoke(input: $input) { errors { code } } }
"""
# Far more nesting than the depth limit the server applies to every operation.
TOO_DEEP = (
    "subscription { environmentsUpdated { owner { workspaces { nodes { owner { workspaces"
    " { nodes { owner { workspaces { nodes { owner { workspaces { nodes { owner { username"
    " } } } } } } } } } } } } } } }"
)


async def emit_then_refuse(url: str, customer_id: int, env_id: str) -> None:
    """Emit an event, then fail with a DomainError in the same transaction."""
    engine = create_engine(url, Settings())
    try:
        async with transaction(create_session_factory(engine)) as session:
            await emit(
                session,
                EventType.ENVIRONMENT_STARTED,
                customer_id=customer_id,
                resource_type="environment",
                resource_id=env_id,
                payload={},
            )
            raise DomainError(ErrorCode.NO_CAPACITY, "refused after emitting")
    finally:
        await engine.dispose()


def small_buffer_socket(servers: Servers) -> socket.socket:
    """A TCP connection to server A that accepts little unread data (4 kB receive buffer)."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", servers.a.base_url.port or 80))
    sock.setblocking(False)
    return sock


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS])
async def test_environment_create_on_process_b_reaches_subscriber_on_process_a_within_200ms(
    servers: Servers, tenants: Tenants, protocol: str
) -> None:
    token = session_token(tenants.x)
    async with live_socket(servers.a_base, token, protocol=protocol) as live:
        op = await live.subscribe(ENVIRONMENTS_UPDATED)
        await asyncio.sleep(0.2)  # the subscription is registered once its task runs
        for attempt in ("warm-up", "measured"):  # the first pays for cold statement caches
            body = await gql_http(
                servers.b,
                ENVIRONMENT_CREATE,
                {"input": environment_input(f"{attempt}-{protocol}", hostId=tenants.host)},
                {"Authorization": f"Bearer {token}"},
            )
            committed = time.perf_counter()  # the response comes after the commit
            created = body["data"]["environmentCreate"]  # type: ignore[index]
            assert created["errors"] == [], created
            got_id, data = await live.next_data()
            latency = time.perf_counter() - committed
    assert got_id == op
    assert data["environmentsUpdated"]["rowId"] == created["environment"]["rowId"]
    assert data["environmentsUpdated"]["status"] == "CREATING"
    assert latency < 0.2, f"{latency * 1000:.0f} ms from commit to receipt"


async def test_environment_event_rolled_back_sends_nothing(
    servers: Servers, tenants: Tenants, sql: asyncpg.Connection
) -> None:
    token = session_token(tenants.x)
    rolled_back = await add_environment(sql, tenants.x, tenants.host, "rolled-back")
    committed = await add_environment(sql, tenants.x, tenants.host, "committed")
    async with live_socket(servers.a_base, token) as live:
        await live.subscribe(ENVIRONMENTS_UPDATED)
        await asyncio.sleep(0.2)
        # A domain path that emits and then fails with a typed error: the event is rolled
        # back with the change.
        with pytest.raises(DomainError):
            await emit_then_refuse(servers.url, tenants.x, rolled_back)
        # A mutation refused with a typed error (quota: over the CPU limit) through process B.
        body = await gql_http(
            servers.b,
            ENVIRONMENT_CREATE,
            {"input": environment_input("too-big", cpu=1000)},
            {"Authorization": f"Bearer {token}"},
        )
        assert body["data"]["environmentCreate"]["errors"] == [  # type: ignore[index]
            {"code": "QUOTA_EXCEEDED"}
        ], body
        await emit_events(servers.url, EventType.ENVIRONMENT_STARTED, [committed], tenants.x)
        _, data = await live.next_data()
        assert data["environmentsUpdated"]["rowId"] == committed  # the first thing received
        assert await live.drain(0.3) == []
    # The refusal itself is an event (quota.exceeded), written after the rollback.
    refusals = await sql.fetch(
        "SELECT customer_id, payload->>'action' FROM event_outbox"
        " WHERE event_type = 'quota.exceeded' AND customer_id = $1",
        tenants.x,
    )
    assert [tuple(r) for r in refusals] == [(tenants.x, "environment.create")]


async def test_customer_suspend_closes_the_customers_sockets_on_every_process(
    servers: Servers, tenants: Tenants
) -> None:
    x, y = session_token(tenants.x), session_token(tenants.y)
    async with (
        live_socket(servers.a_base, x) as on_a,
        live_socket(servers.b_base, x) as on_b,
        live_socket(servers.a_base, y) as other,
    ):
        for live in (on_a, on_b, other):
            await live.subscribe(NOTIFICATION_RECEIVED)
        body = await gql_http(
            servers.b,
            CUSTOMER_SUSPEND,
            {"input": {"customerId": tenants.x}},
            {"Authorization": f"Bearer {session_token(tenants.admin)}"},
        )
        assert body["data"]["customerSuspend"]["errors"] == [], body  # type: ignore[index]
        assert await on_a.closed_code() == ACCESS_REVOKED
        assert await on_b.closed_code() == ACCESS_REVOKED
        assert await other.drain(0.3) == []  # another customer's socket stays open
    with pytest.raises(SocketClosed):  # and the suspended customer cannot come back
        async with live_socket(servers.a_base, x):
            pass


async def test_api_token_revoke_closes_only_that_tokens_socket(
    servers: Servers, tenants: Tenants, sql: asyncpg.Connection
) -> None:
    token_id, plaintext = await api_token(sql, tenants.x, ["read", "write"])
    session = session_token(tenants.x)
    async with (
        live_socket(servers.a_base, plaintext) as by_token,
        live_socket(servers.a_base, session) as by_session,
    ):
        await by_token.subscribe(NOTIFICATION_RECEIVED)
        await by_session.subscribe(NOTIFICATION_RECEIVED)
        body = await gql_http(
            servers.b,
            API_TOKEN_REVOKE,
            {"input": {"rowId": token_id}},
            {"Authorization": f"Bearer {session}"},
        )
        assert body["data"]["apiTokenRevoke"]["errors"] == [], body  # type: ignore[index]
        assert await by_token.closed_code() == ACCESS_REVOKED
        assert await by_session.drain(0.3) == []


async def test_connection_init_without_a_valid_token_is_refused(servers: Servers) -> None:
    for token in (None, "not-a-jwt"):
        with pytest.raises(SocketClosed):
            async with live_socket(servers.a_base, token):
                pass


async def test_connection_init_over_the_per_viewer_limit_is_refused(
    servers: Servers, tenants: Tenants
) -> None:
    token = session_token(tenants.y)
    async with (
        live_socket(servers.a_base, token),
        live_socket(servers.a_base, token),
        live_socket(servers.a_base, token),
    ):
        with pytest.raises(SocketClosed):  # the fourth (the servers allow three)
            async with live_socket(servers.a_base, token):
                pass
    async with live_socket(servers.a_base, token):  # closed ones no longer count
        pass


async def test_subscribe_over_the_per_connection_limit_gets_an_error(
    servers: Servers, tenants: Tenants
) -> None:
    async with live_socket(servers.a_base, session_token(tenants.x)) as live:
        for _ in range(6):
            await live.subscribe(NOTIFICATION_RECEIVED)
        await live.subscribe(NOTIFICATION_RECEIVED)
        message = await live.receive()
    assert message["type"] == "error"
    assert "limit" in message["payload"][0]["message"]


async def test_subscribe_too_deep_document_is_refused_before_running(
    servers: Servers, tenants: Tenants
) -> None:
    async with live_socket(servers.a_base, session_token(tenants.x)) as live:
        await live.subscribe(TOO_DEEP)
        message = await live.receive()
    assert message["type"] in ("error", "next"), message
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert "depth" in str(errors).lower(), errors


async def test_subscription_slow_reader_is_closed_while_a_fast_one_keeps_receiving(
    servers: Servers, tenants: Tenants, sql: asyncpg.Connection
) -> None:
    token = session_token(tenants.x)
    note_id = await sql.fetchval(
        "INSERT INTO notifications (customer_id, title, content, type)"
        " VALUES ($1, 'big', repeat('x', 20000), 'system') RETURNING id",
        tenants.x,
    )
    batches, per_batch = 40, 10
    # The slow reader stops reading, has a small TCP receive buffer and no compression (the
    # results would shrink to almost nothing): 8 MB of results (20 kB each) overflow every
    # buffer on the way (the kernel's send buffer grows to 4 MB),
    # the server's send blocks, and that subscriber's queue (64 events on these servers)
    # overflows. The fast reader keeps up with every batch meanwhile.
    async with (
        live_socket(
            servers.a_base, token, sock=small_buffer_socket(servers), compression=None
        ) as slow,
        live_socket(servers.a_base, token) as fast,
    ):
        await slow.subscribe(NOTIFICATION_CONTENT)
        await fast.subscribe(NOTIFICATION_CONTENT)
        await asyncio.sleep(0.2)
        slow.stop_reading()
        for _ in range(batches):
            await emit_events(
                servers.url, EventType.NOTIFICATION_CREATED, [str(note_id)] * per_batch, tenants.x
            )
            for _ in range(per_batch):
                _, data = await fast.next_data(within=10)
                assert len(data["notificationReceived"]["content"]) == 20000
        # Reading now lets the buffered results out, then the close frame behind them.
        assert await slow.closed_code(within=30) == SLOW_SUBSCRIBER
