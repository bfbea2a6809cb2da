"""The fast path (remotegpu.compiled.fast): taken for a document the compiled path answered,
and every refusal answered exactly as the normal path answers it.

Each test runs two whole in-process apps on one database: `fast` (the default settings) and
`normal` (`fast_path=False`), and compares their HTTP answers byte for byte. The fast path's
own counters (`answered`, `declined`) say which way each request went.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from prometheus_client import REGISTRY

from remotegpu.app import create_app
from remotegpu.compiled.execute import statements_for
from remotegpu.compiled.fast import FastPath
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.persisted_documents import document_hash
from tests.conftest import make_settings
from tests.live import bearer

HOSTS_PAGE = """
query HostsPage($first: Int, $after: String) {
  hosts(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { rowId name status }
  }
}
"""
# Deeper than the depth limit the tests set (4): refused while validating.
TOO_DEEP = """
query TooDeep {
  environments(first: 1) { nodes { host { environments(first: 1) { nodes { name } } } } }
}
"""
SETTINGS: dict[str, Any] = {"max_query_depth": 4, "max_query_cost": 100}


@dataclass
class Apps:
    fast: httpx.AsyncClient
    normal: httpx.AsyncClient
    fast_path: FastPath
    url: str
    admin: int
    customer: int

    async def both(
        self, body: dict[str, Any], headers: dict[str, str]
    ) -> tuple[httpx.Response, httpx.Response]:
        return (
            await self.fast.post("/graphql", json=body, headers=headers),
            await self.normal.post("/graphql", json=body, headers=headers),
        )


async def _open(url: str, **overrides: Any) -> tuple[httpx.AsyncClient, Any]:
    app = create_app(make_settings(**{**SETTINGS, **overrides}), url)
    transport = httpx.ASGITransport(app=app)
    return httpx.AsyncClient(transport=transport, base_url="http://fastpath"), app


@asynccontextmanager
async def open_apps(url: str, **overrides: Any) -> AsyncIterator[Apps]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        admin = await conn.fetchval("SELECT id FROM customers WHERE username = 'admin'")
        customer = await conn.fetchval(
            "SELECT id FROM customers WHERE user_type = 'external' AND status = 'active'"
            " AND deleted_at IS NULL ORDER BY id LIMIT 1"
        )
    finally:
        await conn.close()
    fast, fast_app = await _open(url, **overrides)
    normal, normal_app = await _open(url, **overrides, fast_path=False)
    assert normal_app.state.fast_path is None
    try:
        yield Apps(fast, normal, fast_app.state.fast_path, url, admin, customer)
    finally:
        for client, app in ((fast, fast_app), (normal, normal_app)):
            await client.aclose()
            await app.state.engine.dispose()


@pytest.fixture
async def apps(seeded_url: str) -> AsyncIterator[Apps]:
    async with open_apps(seeded_url) as opened:
        yield opened


def assert_same(fast: httpx.Response, normal: httpx.Response) -> None:
    assert fast.status_code == normal.status_code, (fast.text, normal.text)
    assert fast.content == normal.content
    for header in ("content-type", "content-length", "retry-after"):
        assert fast.headers.get(header) == normal.headers.get(header), header
    assert fast.headers["x-request-id"]


async def test_fast_path_repeated_document_answered_identically(apps: Apps) -> None:
    headers = bearer(apps.admin)
    first = {"query": HOSTS_PAGE, "variables": {"first": 3}}
    learned, _ = await apps.both(first, headers)
    assert (apps.fast_path.answered, learned.status_code) == (0, 200)
    cursor = learned.json()["data"]["hosts"]["pageInfo"]["endCursor"]
    for variables in ({"first": 3}, {"first": 5, "after": cursor}, {"first": 2}):
        fast, normal = await apps.both({"query": HOSTS_PAGE, "variables": variables}, headers)
        assert_same(fast, normal)
        assert fast.json()["data"]["hosts"]["nodes"]
    assert apps.fast_path.answered == 3
    # Another viewer's role is planned on its own; same answers as the normal path.
    fast, normal = await apps.both(first, bearer(apps.customer))
    assert_same(fast, normal)
    fast, normal = await apps.both(first, {})
    assert_same(fast, normal)


async def test_fast_path_request_id_echoed_as_normal_path(apps: Apps) -> None:
    body = {"query": HOSTS_PAGE, "variables": {"first": 1}}
    await apps.fast.post("/graphql", json=body, headers=bearer(apps.admin))
    response = await apps.fast.post(
        "/graphql", json=body, headers={**bearer(apps.admin), "X-Request-ID": "trace-42"}
    )
    assert apps.fast_path.answered == 1
    assert response.headers["x-request-id"] == "trace-42"


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        ({"first": "ten"}, None),  # coercion error, worded by graphql-core
        ({"first": 2, "after": "bad\u0000cursor"}, "BAD_USER_INPUT"),  # NUL in a variable
        ({"first": 2, "after": "not-a-cursor"}, "BAD_USER_INPUT"),  # the resolver refuses
        ({"first": 90}, "QUERY_TOO_COSTLY"),  # over max_query_cost
        ({"first": 5000}, None),  # over the page cap (cost or resolver, as normal)
    ],
)
async def test_fast_path_refused_variables_answered_as_normal_path(
    apps: Apps, variables: dict[str, Any], code: str | None
) -> None:
    headers = bearer(apps.admin)
    await apps.both({"query": HOSTS_PAGE, "variables": {"first": 2}}, headers)
    fast, normal = await apps.both({"query": HOSTS_PAGE, "variables": variables}, headers)
    assert_same(fast, normal)
    errors = fast.json()["errors"]
    assert errors
    if code is not None:
        assert errors[0]["extensions"]["code"] == code
    assert apps.fast_path.answered == 0


async def test_fast_path_depth_limit_refusal_as_normal_path(apps: Apps) -> None:
    for _ in range(2):  # a refused document is never learned: both answers come the normal way
        fast, normal = await apps.both({"query": TOO_DEEP}, bearer(apps.admin))
        assert_same(fast, normal)
        assert fast.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert not apps.fast_path.knows(TOO_DEEP, None)
    assert apps.fast_path.answered == 0


async def test_fast_path_suspended_customer_refused_within_one_second(apps: Apps) -> None:
    headers = bearer(apps.customer)
    body = {"query": HOSTS_PAGE, "variables": {"first": 2}}
    await apps.both(body, headers)
    fast, normal = await apps.both(body, headers)
    assert_same(fast, normal)
    assert apps.fast_path.answered == 1
    conn = await asyncpg.connect(asyncpg_dsn(apps.url))
    try:
        await conn.execute("UPDATE customers SET status = 'suspended' WHERE id = $1", apps.customer)
    finally:
        await conn.close()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 1.0
    while (fast := await apps.fast.post("/graphql", json=body, headers=headers)).status_code == 200:
        assert loop.time() < deadline, "the suspended customer's token still answers"
        await asyncio.sleep(0.05)
    normal = await apps.normal.post("/graphql", json=body, headers=headers)
    assert (fast.status_code, fast.content) == (401, normal.content)


async def test_fast_path_rate_limited_answered_as_normal_path(seeded_url: str) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(seeded_url))
    admin = await conn.fetchval("SELECT id FROM customers WHERE username = 'admin'")
    await conn.close()
    client, app = await _open(seeded_url, rate_limit_viewer=3)
    try:
        body = {"query": HOSTS_PAGE, "variables": {"first": 1}}
        statuses = [
            (await client.post("/graphql", json=body, headers=bearer(admin))).status_code
            for _ in range(3)
        ]
        refused = await client.post("/graphql", json=body, headers=bearer(admin))
    finally:
        await client.aclose()
        await app.state.engine.dispose()
    assert statuses == [200, 200, 200]
    assert app.state.fast_path.answered == 2  # the 4th never reached the view
    assert refused.status_code == 429
    assert refused.headers["retry-after"].isdigit()
    assert refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"


def _operations(outcome: str) -> float:
    labels = {"operation": "HostsPage", "type": "query", "outcome": outcome}
    return REGISTRY.get_sample_value("remotegpu_graphql_operations_total", labels) or 0.0


async def test_fast_path_access_log_and_metrics_as_normal_path(
    apps: Apps, caplog: pytest.LogCaptureFixture
) -> None:
    headers = bearer(apps.admin)
    body = {"query": HOSTS_PAGE, "variables": {"first": 2}}
    await apps.both(body, headers)
    before = _operations("ok")
    fields = ("operation", "operation_type", "viewer_id", "statements", "outcome", "query_cost")
    lines = []
    for client in (apps.fast, apps.normal):
        caplog.clear()
        with caplog.at_level(logging.INFO):
            await client.post("/graphql", json=body, headers=headers)
        (record,) = [r for r in caplog.records if r.name == "remotegpu.access"]
        (cost,) = [r for r in caplog.records if r.name == "remotegpu.graphql.cost"]
        lines.append(([getattr(record, f) for f in fields], cost.getMessage()))
        assert record.duration_ms >= 0  # type: ignore[attr-defined]
    assert apps.fast_path.answered == 1
    assert lines[0] == lines[1]
    assert lines[0][0] == ["HostsPage", "query", apps.admin, 1, "ok", lines[0][0][5]]
    assert _operations("ok") == before + 2


async def test_fast_path_other_documents_go_the_normal_way(apps: Apps) -> None:
    headers = bearer(apps.admin)
    computed = {"query": "query Info { systemInfo { name } }"}
    for _ in range(2):
        fast, normal = await apps.both(computed, headers)
        assert_same(fast, normal)
    # Unknown operation name for a known text: a different key, answered the normal way.
    await apps.both({"query": HOSTS_PAGE, "variables": {"first": 1}}, headers)
    named = {"query": HOSTS_PAGE, "variables": {"first": 1}, "operationName": "Other"}
    fast, normal = await apps.both(named, headers)
    assert_same(fast, normal)
    assert fast.json()["errors"]
    assert apps.fast_path.answered == 0


async def test_fast_path_parallel_requests_answered_identically(apps: Apps) -> None:
    headers = bearer(apps.admin)
    body = {"query": HOSTS_PAGE, "variables": {"first": 4}}
    expected, _ = await apps.both(body, headers)
    answers = await asyncio.gather(
        *(apps.fast.post("/graphql", json=body, headers=headers) for _ in range(24))
    )
    assert {a.content for a in answers} == {expected.content}
    assert apps.fast_path.answered == 24


async def test_fast_path_over_the_time_limit_answered_as_normal_path(seeded_url: str) -> None:
    async with open_apps(seeded_url, request_timeout_seconds=0.5) as apps:
        headers = bearer(apps.admin)
        body = {"query": HOSTS_PAGE, "variables": {"first": 2}}
        expected, _ = await apps.both(body, headers)
        locker = await asyncpg.connect(asyncpg_dsn(seeded_url))
        try:
            async with locker.transaction():  # every read of hosts waits for this lock
                await locker.execute("LOCK TABLE hosts IN ACCESS EXCLUSIVE MODE")
                fast, normal = await apps.both(body, headers)
        finally:
            await locker.close()
        assert_same(fast, normal)
        assert fast.json()["errors"][0]["extensions"]["code"] == "REQUEST_TIMEOUT"
        assert apps.fast_path.answered == 1
        # The cancelled statement left the pool usable: the next request is answered.
        after = await apps.fast.post("/graphql", json=body, headers=headers)
        assert after.content == expected.content
        assert apps.fast_path.answered == 2


async def test_fast_path_persisted_documents_rules_as_normal_path(
    seeded_url: str, tmp_path: Path
) -> None:
    manifest = tmp_path / "persisted-documents.json"
    manifest.write_text(json.dumps({document_hash(HOSTS_PAGE): HOSTS_PAGE}))
    trusted = {"persisted_documents": manifest, "trusted_documents_only": True}
    async with open_apps(seeded_url, **trusted) as apps:
        headers = bearer(apps.admin)
        by_hash = {"documentId": document_hash(HOSTS_PAGE), "variables": {"first": 2}}
        for _ in range(2):
            fast, normal = await apps.both(by_hash, headers)
            assert_same(fast, normal)
        assert apps.fast_path.answered == 1  # the registered document, sent by its hash
        # The registered text itself is trusted too; any other text is refused, as normal.
        fast, normal = await apps.both({"query": HOSTS_PAGE, "variables": {"first": 2}}, headers)
        assert_same(fast, normal)
        assert apps.fast_path.answered == 2
        for refused in ({"query": HOSTS_PAGE + " "}, {"documentId": "0" * 64}):
            fast, normal = await apps.both(refused, headers)
            assert_same(fast, normal)
            assert fast.status_code == 400
        assert apps.fast_path.answered == 2


async def test_fast_path_new_cursor_statement_built_not_compiled_again(seeded_url: str) -> None:
    # A plan cache size of its own: statement caches of their own (they are per size).
    async with open_apps(seeded_url, compiled_plan_cache_size=97) as apps:
        headers = bearer(apps.admin)
        cache = statements_for(apps.fast_path.schema, 97)
        page = {"query": HOSTS_PAGE, "variables": {"first": 1}}
        answer = (await apps.both(page, headers))[0].json()
        assert (cache.builds, len(cache.shapes)) == (1, 1)
        cursor = answer["data"]["hosts"]["pageInfo"]["endCursor"]
        for _ in range(4):  # each page after a cursor never sent before
            body = {"query": HOSTS_PAGE, "variables": {"first": 1, "after": cursor}}
            fast, normal = await apps.both(body, headers)
            assert_same(fast, normal)
            cursor = fast.json()["data"]["hosts"]["pageInfo"]["endCursor"]
        # Built for every cursor, compiled for the one new shape (`after` set) only.
        assert (cache.builds, len(cache.shapes)) == (5, 2)
        assert apps.fast_path.answered == 4


async def test_fast_path_repeated_variables_priced_once_answered_identically(
    apps: Apps,
) -> None:
    headers = bearer(apps.admin)
    learned, _ = await apps.both({"query": HOSTS_PAGE, "variables": {"first": 3}}, headers)
    cursor = learned.json()["data"]["hosts"]["pageInfo"]["endCursor"]
    # The same variables in another key order are one entry; a new cursor is another.
    pages = ({"first": 3, "after": cursor}, {"after": cursor, "first": 3}, {"first": 3})
    for variables in pages:
        fast, normal = await apps.both({"query": HOSTS_PAGE, "variables": variables}, headers)
        assert_same(fast, normal)
    assert (apps.fast_path.answered, len(apps.fast_path.priced)) == (3, 2)
    # A remembered cost over the budget still declines, every time, as the normal path says.
    for _ in range(2):
        body = {"query": HOSTS_PAGE, "variables": {"first": 90}}
        fast, normal = await apps.both(body, headers)
        assert_same(fast, normal)
        assert fast.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert (apps.fast_path.answered, len(apps.fast_path.priced)) == (3, 3)
