"""Rate limits: per viewer, per address, stricter for `login`; shared through PostgreSQL."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest
from sqlalchemy import event

from remotegpu.app import create_app
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.ratelimit import Bucket, judge, login_names
from tests.conftest import make_settings
from tests.live import bearer, live_server

TYPENAME = {"query": "{ __typename }"}
LOGIN = """
mutation($login: String!) { login(input: { login: $login, password: "wrong-password" }) {
  accessToken errors { code } } }
"""
THREE_LOGINS = """
mutation { a: login(input: { login: "carol", password: "x" }) { accessToken }
  b: login(input: { login: "carol", password: "y" }) { accessToken }
  c: login(input: { login: "CAROL", password: "z" }) { accessToken } }
"""


class Clients:
    """In-process clients of one app, each with its own client address."""

    def __init__(self, url: str, **settings: Any) -> None:
        self.app = create_app(make_settings(**settings), url)
        self.statements: list[str] = []

        @event.listens_for(self.app.state.engine.sync_engine, "before_cursor_execute")
        def _count(*args: Any) -> None:
            self.statements.append(str(args[2]))

        self._open: list[httpx.AsyncClient] = []

    def at(self, address: str) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=self.app, client=(address, 4321))
        client = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        self._open.append(client)
        return client

    async def close(self) -> None:
        for client in self._open:
            await client.aclose()
        await self.app.state.agent_routes.close()
        await self.app.state.engine.dispose()


@pytest.fixture
async def limited(seeded_url: str) -> AsyncIterator[Any]:
    opened: list[Clients] = []

    def build(**settings: Any) -> Clients:
        opened.append(Clients(seeded_url, **settings))
        return opened[-1]

    yield build
    for clients in opened:
        await clients.close()


def assert_rate_limited(response: httpx.Response) -> int:
    assert response.status_code == 429, response.text
    retry_after = int(response.headers["Retry-After"])
    assert retry_after >= 1
    body = response.json()
    assert body["data"] is None
    (error,) = body["errors"]
    assert error["extensions"] == {"code": "RATE_LIMITED", "retryAfter": retry_after}
    return retry_after


async def test_graphql_over_address_limit_gets_429_with_retry_after(limited: Any) -> None:
    client = limited(rate_limit_address=3, rate_limit_window_seconds=3600).at("10.0.0.1")
    for _ in range(3):
        assert (await client.post("/graphql", json=TYPENAME)).status_code == 200
    retry_after = assert_rate_limited(await client.post("/graphql", json=TYPENAME))
    assert retry_after <= 2 * 3600  # this window, then the fading of its count in the next
    # Another address has its own count.
    other = limited(rate_limit_address=3, rate_limit_window_seconds=3600).at("10.0.0.2")
    assert (await other.post("/graphql", json=TYPENAME)).status_code == 200


async def test_graphql_over_viewer_limit_gets_429_for_that_viewer_only(limited: Any) -> None:
    clients = limited(rate_limit_viewer=2, rate_limit_address=0, rate_limit_window_seconds=3600)
    client = clients.at("10.0.0.1")
    alice, bob = bearer(1), bearer(2)
    for _ in range(2):
        response = await client.post("/graphql", json=TYPENAME, headers=alice)
        assert response.status_code == 200
    assert_rate_limited(await client.post("/graphql", json=TYPENAME, headers=alice))
    # Same address, other customer; and the customer from another address is still limited.
    assert (await client.post("/graphql", json=TYPENAME, headers=bob)).status_code == 200
    moved = clients.at("10.0.0.9")
    assert_rate_limited(await moved.post("/graphql", json=TYPENAME, headers=alice))


async def test_graphql_request_costs_one_rate_limit_statement(limited: Any) -> None:
    clients = limited()
    client = clients.at("10.0.0.1")
    await client.post("/graphql", json=TYPENAME)  # warm-up: the first request may prune
    clients.statements.clear()
    pool = await clients.app.state.agent_routes._connections()
    counts: list[str] = []
    async with pool.acquire() as conn:  # the pool's only connection after the warm-up
        conn.add_query_logger(lambda record: counts.append(record.query))
    assert (await client.post("/graphql", json=TYPENAME)).status_code == 200
    # Counted on the worker's asyncpg pool, not through SQLAlchemy's engine.
    assert clients.statements == []
    assert len(counts) == 1
    assert "rate_limit_windows" in counts[0]


async def test_graphql_rate_limit_disabled_costs_no_statement(limited: Any) -> None:
    clients = limited(rate_limit_enabled=False, rate_limit_address=1)
    client = clients.at("10.0.0.1")
    for _ in range(3):
        assert (await client.post("/graphql", json=TYPENAME)).status_code == 200
    assert clients.statements == []


async def test_login_over_username_limit_gets_429_from_any_address(limited: Any) -> None:
    clients = limited(rate_limit_login_username=3, rate_limit_login_address=100)
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        response = await clients.at(address).post(
            "/graphql", json={"query": LOGIN, "variables": {"login": "alice"}}
        )
        assert response.status_code == 200, response.text
    # The same username, another spelling and another address: refused.
    refused = await clients.at("10.0.0.4").post(
        "/graphql", json={"query": LOGIN, "variables": {"login": " ALICE"}}
    )
    assert_rate_limited(refused)
    other_user = await clients.at("10.0.0.4").post(
        "/graphql", json={"query": LOGIN, "variables": {"login": "bob"}}
    )
    assert other_user.status_code == 200


async def test_login_over_address_limit_gets_429_for_any_username(limited: Any) -> None:
    client = limited(rate_limit_login_address=2, rate_limit_login_username=100).at("10.0.0.1")
    for name in ("u1", "u2"):
        response = await client.post(
            "/graphql", json={"query": LOGIN, "variables": {"login": name}}
        )
        assert response.status_code == 200
    refused = await client.post("/graphql", json={"query": LOGIN, "variables": {"login": "u3"}})
    assert_rate_limited(refused)
    # Other operations from that address are not login attempts.
    assert (await client.post("/graphql", json=TYPENAME)).status_code == 200


async def test_login_aliased_attempts_each_count(limited: Any) -> None:
    client = limited(rate_limit_login_username=3).at("10.0.0.1")
    assert (await client.post("/graphql", json={"query": THREE_LOGINS})).status_code == 200
    refused = await client.post("/graphql", json={"query": LOGIN, "variables": {"login": "carol"}})
    assert_rate_limited(refused)


def test_login_names_reads_literals_variables_and_aliases() -> None:
    assert login_names(b'{"query": "{ __typename }"}') == []
    assert login_names(b"not json at all, login") == []
    body = (
        b'{"query": "mutation($i: LoginInput!, $n: String!) { a: login(input: $i) { accessToken }'
        b' b: login(input: {login: $n, password: \\"p\\"}) { accessToken }'
        b' c: login(input: {login: \\"lit\\", password: \\"p\\"}) { accessToken } }",'
        b' "variables": {"i": {"login": "var"}, "n": "inner"}}'
    )
    assert login_names(body) == ["var", "inner", "lit"]
    assert login_names(b'{"query": "query { login }"}') == []  # a query field, not the mutation
    # A document over the token limit is not parsed here (nor run by the GraphQL layer).
    huge = 'mutation { login(input: {login: "x", password: "p"}) { accessToken } '
    huge += "a: __typename " * 2_000 + "}"
    body = json.dumps({"query": huge}).encode()
    assert login_names(body, max_tokens=2_000) == []
    assert login_names(body, max_tokens=10_000) == ["x"]


def test_judge_previous_window_fades_out() -> None:
    bucket = Bucket("k", limit=10, seconds=60, label="test")
    # A quarter into the current window, 3/4 of the previous one still counts: 5 + 6 > 10.
    refused = judge(bucket, hits=5, previous=8, elapsed=15)
    assert refused is not None
    # The next request fits once 6 + 8 * left <= 10, i.e. left <= 1/2: at 30 s, 15 s later.
    assert refused.retry_after == 15
    assert judge(bucket, hits=5, previous=8, elapsed=31) is None
    assert judge(bucket, hits=4, previous=8, elapsed=15) is None
    # Over the limit within the window: wait for the next one and for this one to fade.
    over = judge(bucket, hits=12, previous=0, elapsed=30)
    assert over is not None
    assert over.retry_after == 30 + 15
    assert judge(bucket, hits=10, previous=0, elapsed=59) is None


async def test_rate_limit_old_windows_are_pruned(limited: Any, seeded_url: str) -> None:
    clients = limited()
    conn = await asyncpg.connect(asyncpg_dsn(seeded_url))
    try:
        await conn.execute(
            "INSERT INTO rate_limit_windows (bucket, window_start, shard, hits)"
            " VALUES ('op:addr:old', now() - interval '1 day', 0, 5)"
        )
        limiter = clients.app.state.rate_limiter
        limiter._next_prune = 0.0
        assert (await clients.at("10.0.0.1").post("/graphql", json=TYPENAME)).status_code == 200
        buckets = [r["bucket"] for r in await conn.fetch("SELECT bucket FROM rate_limit_windows")]
        assert buckets == ["op:addr:10.0.0.1"]
    finally:
        await conn.close()


async def test_graphql_address_limit_is_shared_by_two_server_processes(migrated_url: str) -> None:
    settings = {"rate_limit_address": "10", "rate_limit_window_seconds": "3600"}
    async with (
        live_server(migrated_url, **settings) as first,
        live_server(migrated_url, **settings) as second,
    ):
        # 10 requests spread over both processes, in parallel: all within the shared limit.
        responses = await asyncio.gather(
            *(server.post("/graphql", json=TYPENAME) for server in [first, second] * 5)
        )
        assert [r.status_code for r in responses] == [200] * 10
        # The 11th and 12th are refused by either process: neither has seen 10 by itself.
        assert_rate_limited(await first.post("/graphql", json=TYPENAME))
        assert_rate_limited(await second.post("/graphql", json=TYPENAME))


async def test_graphql_parallel_requests_over_limit_admit_exactly_the_limit(
    limited: Any, seeded_url: str
) -> None:
    """Thirty requests at once with a budget of ten: counted in batches, they are judged as if
    one by one, so exactly ten get through, twenty are refused, and all thirty count."""
    client = limited(rate_limit_address=10, rate_limit_window_seconds=3600).at("10.0.0.7")
    responses = await asyncio.gather(*(client.post("/graphql", json=TYPENAME) for _ in range(30)))
    assert sorted(r.status_code for r in responses) == [200] * 10 + [429] * 20
    for refused in (r for r in responses if r.status_code == 429):
        assert_rate_limited(refused)
    conn = await asyncpg.connect(asyncpg_dsn(seeded_url))
    try:
        counted = await conn.fetchval(
            "SELECT sum(hits) FROM rate_limit_windows WHERE bucket = 'op:addr:10.0.0.7'"
        )
    finally:
        await conn.close()
    assert counted == 30
