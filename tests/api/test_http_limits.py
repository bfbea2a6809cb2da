"""The HTTP edge: malformed and oversized bodies, response size cap, time limit, cost."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest
from starlette.types import Message

from remotegpu.api import build_schema
from remotegpu.app import GraphQLApp, create_app
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.graphql_view import HardenedGraphQLView
from tests.conftest import app_client, make_settings
from tests.live import live_server
from tests.support.documents import ATTACK

SYSTEM_INFO = "{ systemInfo { name } }"
SYSTEM_CONFIG = '{ systemConfig(key: "system_name") { configKey } }'
# Tens of kilobytes: every type of the schema with its description.
ALL_TYPES = "{ __schema { types { name description } } }"
JSON = {"Content-Type": "application/json"}
DEAD_DATABASE = "postgresql://postgres@127.0.0.1:1/remotegpu"


def _nested(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


MALFORMED_BODIES = [
    pytest.param(b"{not json", JSON, id="not-json"),
    pytest.param(b'{"query": "\xff\xfe"}', JSON, id="not-utf8"),
    pytest.param(b"null", JSON, id="null"),
    pytest.param(b"42", JSON, id="number"),
    pytest.param(b'"{ health { ok } }"', JSON, id="string"),
    pytest.param(b"true", JSON, id="bool"),
    pytest.param(b'[{"query": "{ health { ok } }"}]', JSON, id="batch-list"),
    pytest.param(b"[" * 5000 + b"]" * 5000, JSON, id="nested-past-the-parser"),
    pytest.param(
        b'{"query": "{ health { ok } }", "variables": ' + _nested(100).encode() + b"}",
        JSON,
        id="variables-nested-too-deep",
    ),
    pytest.param(b'{"query": 7}', JSON, id="query-not-a-string"),
    pytest.param(b'{"variables": {}}', JSON, id="query-missing"),
    pytest.param(b'{"query": ""}', JSON, id="query-empty"),
    pytest.param(b'{"query": "{ health { ok } }", "variables": [1]}', JSON, id="variables-list"),
    pytest.param(b'{"query": "{ health { ok } }", "operationName": 3}', JSON, id="opname-number"),
    pytest.param(b'{"query": "{ health { ok } }", "extensions": "x"}', JSON, id="extensions"),
    pytest.param(b"", JSON, id="empty"),
    pytest.param(b'{"query": "{ health { ok } }"}', {"Content-Type": "text/plain"}, id="text"),
    pytest.param(
        b'{"query": "{ health { ok } }", "operationName": "Nope"}', JSON, id="unknown-operation"
    ),
]


@pytest.fixture
async def no_database() -> AsyncIterator[httpx.AsyncClient]:
    """The app with nothing listening at its database URL: a refusal must not need one."""
    async for client in app_client(create_app(make_settings(), DEAD_DATABASE)):
        yield client


@pytest.mark.parametrize(("body", "headers"), MALFORMED_BODIES)
async def test_malformed_body_is_a_400_graphql_error(
    no_database: httpx.AsyncClient, body: bytes, headers: dict[str, str]
) -> None:
    response = await no_database.post("/graphql", content=body, headers=headers)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/json"
    error = response.json()["errors"][0]
    assert error["message"]
    assert error["extensions"] == {"code": "BAD_REQUEST"}


async def _asgi_post(
    app: Any, headers: list[tuple[bytes, bytes]], chunks: list[bytes]
) -> tuple[int, bytes, int]:
    """POST through the raw ASGI interface; returns status, body and chunks the app read."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": "/graphql", "raw_path": b"/graphql", "query_string": b"",
        "headers": [(b"content-type", b"application/json"), *headers],
        "client": ("127.0.0.1", 1), "server": ("testserver", 80), "root_path": "",
    }  # fmt: skip
    read = 0
    sent: list[Message] = []

    async def receive() -> Message:
        nonlocal read
        read += 1
        if read > len(chunks):
            return {"type": "http.disconnect"}
        return {"type": "http.request", "body": chunks[read - 1], "more_body": read < len(chunks)}

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body, read


async def test_body_over_the_declared_cap_is_refused_unread(migrated_url: str) -> None:
    app = create_app(make_settings(max_request_body_bytes=4096), migrated_url)
    try:
        chunk = b" " * 65536
        status, body, read = await _asgi_post(
            app, [(b"content-length", b"31457280")], [chunk] * 480
        )
    finally:
        await app.state.engine.dispose()
    assert status == 413
    assert b'"REQUEST_TOO_LARGE"' in body
    assert read == 0


async def test_chunked_body_over_the_cap_is_refused_at_the_cap(migrated_url: str) -> None:
    app = create_app(make_settings(max_request_body_bytes=200_000), migrated_url)
    try:
        chunk = b" " * 65536
        status, body, read = await _asgi_post(app, [], [chunk] * 480)  # 30 MB, no length
    finally:
        await app.state.engine.dispose()
    assert status == 413
    assert b'"REQUEST_TOO_LARGE"' in body
    assert read <= 200_000 // 65536 + 1


async def test_body_under_the_cap_is_served(migrated_url: str) -> None:
    app = create_app(make_settings(max_request_body_bytes=4096), migrated_url)
    try:
        query = b'{"query": "{ health { ok } }"}'
        status, body, _ = await _asgi_post(
            app, [(b"content-length", str(len(query)).encode())], [query]
        )
    finally:
        await app.state.engine.dispose()
    assert (status, body) == (200, b'{"data":{"health":{"ok":true}}}')


@pytest.fixture
async def small_responses(migrated_url: str) -> AsyncIterator[httpx.AsyncClient]:
    settings = make_settings(max_response_bytes=1024)
    async for client in app_client(create_app(settings, migrated_url)):
        yield client


async def test_response_over_the_cap_is_replaced_by_an_error(
    small_responses: httpx.AsyncClient,
) -> None:
    response = await small_responses.post("/graphql", json={"query": ALL_TYPES})
    assert response.status_code == 200
    assert len(response.content) < 1024
    body = response.json()
    assert body["data"] is None
    error = body["errors"][0]
    assert error["extensions"]["code"] == "RESPONSE_TOO_LARGE"
    assert error["extensions"]["size"] > error["extensions"]["limit"] == 1024
    # A small answer still goes through.
    ok = await small_responses.post("/graphql", json={"query": SYSTEM_INFO})
    assert ok.json() == {"data": {"systemInfo": {"name": "RemoteGPU"}}}


async def test_costly_query_over_http_is_refused_fast_and_small(
    no_database: httpx.AsyncClient,
) -> None:
    started = time.perf_counter()
    response = await no_database.post("/graphql", json={"query": ATTACK})
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    assert response.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert len(response.content) < 1024
    assert elapsed < 2


async def _waiting_statements(conn: asyncpg.Connection, like: str) -> list[str]:
    rows = await conn.fetch(
        "SELECT query FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND state = 'active' AND query ILIKE $1",
        like,
    )
    return [row["query"] for row in rows]


@pytest.mark.parametrize(
    "query",
    [
        pytest.param(SYSTEM_INFO, id="root-resolver"),
        pytest.param(SYSTEM_CONFIG, id="dataloader-batch"),
    ],
)
async def test_request_over_the_time_limit_is_cancelled_with_its_sql(
    migrated_url: str, query: str
) -> None:
    settings = make_settings(request_timeout_seconds=0.5)
    locker = await asyncpg.connect(asyncpg_dsn(migrated_url))
    watcher = await asyncpg.connect(asyncpg_dsn(migrated_url))
    try:
        async for client in app_client(create_app(settings, migrated_url)):
            # Every read of system_configs now waits for this lock: the statement hangs.
            async with locker.transaction():
                await locker.execute("LOCK TABLE system_configs IN ACCESS EXCLUSIVE MODE")
                started = time.perf_counter()
                response = await asyncio.wait_for(
                    client.post("/graphql", json={"query": query}), timeout=10
                )
                assert time.perf_counter() - started < 5
                error = response.json()["errors"][0]
                assert error["extensions"]["code"] == "REQUEST_TIMEOUT"
                assert "0.5 s" in error["message"]
                # The cancelled statement leaves the server while the lock is still held.
                for _ in range(100):
                    if not await _waiting_statements(watcher, "%system_configs%"):
                        break
                    await asyncio.sleep(0.05)
                assert await _waiting_statements(watcher, "%system_configs%") == []
            # The pool recovered: the next request is served normally.
            after = await client.post("/graphql", json={"query": SYSTEM_INFO})
            assert after.json() == {"data": {"systemInfo": {"name": "RemoteGPU"}}}
    finally:
        await locker.close()
        await watcher.close()


async def test_live_server_refuses_the_attack_and_cancels_a_stuck_request(
    migrated_url: str,
) -> None:
    # `remotegpu serve` (uvloop, httptools) in its own process, as in production.
    async with live_server(migrated_url, request_timeout_seconds="2") as client:
        attack = asyncio.create_task(client.post("/graphql", json={"query": ATTACK}))
        started = time.perf_counter()
        health = await client.get("/healthz")
        assert health.status_code == 200
        response = await attack
        assert time.perf_counter() - started < 2
        assert response.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
        assert len(response.content) < 1024
        # DataLoader batches run in tasks the request tracks (a task factory on uvloop's loop).
        loaded = await client.post("/graphql", json={"query": SYSTEM_CONFIG})
        assert loaded.json() == {"data": {"systemConfig": {"configKey": "system_name"}}}
        locker = await asyncpg.connect(asyncpg_dsn(migrated_url))
        try:
            async with locker.transaction():
                await locker.execute("LOCK TABLE system_configs IN ACCESS EXCLUSIVE MODE")
                stuck = await client.post("/graphql", json={"query": SYSTEM_CONFIG})
                assert stuck.json()["errors"][0]["extensions"]["code"] == "REQUEST_TIMEOUT"
                for _ in range(100):
                    if not await _waiting_statements(locker, "%system_configs%"):
                        break
                    await asyncio.sleep(0.05)
                assert await _waiting_statements(locker, "%system_configs%") == []
        finally:
            await locker.close()


def test_encode_json_matches_json_including_integers_past_64_bits() -> None:
    settings = make_settings()
    view = HardenedGraphQLView(build_schema(settings), settings)
    data = {"data": {"name": "caf\u00e9", "n": 2**70, "x": 1.5, "list": [None, True]}}
    assert json.loads(view.encode_json(data)) == data
    # orjson's own output where it can: UTF-8, not \\u escapes.
    assert view.encode_json({"name": "caf\u00e9"}) == '{"name":"caf\u00e9"}'


async def test_query_over_get_with_variables_is_refused_as_a_get_query(
    no_database: httpx.AsyncClient,
) -> None:
    response = await no_database.get(
        "/graphql",
        params={"query": "{ health { ok } }", "variables": "{}"},
        headers={"Accept": "application/json"},
    )
    assert response.status_code in (400, 405)
    error = response.json()["errors"][0]
    assert "GET" in error["message"]
    assert error["extensions"] == {"code": "BAD_REQUEST"}


async def test_timed_out_request_cancels_only_its_own_sql(migrated_url: str) -> None:
    # Two apps in one event loop, as two concurrent requests on one worker: only the one
    # with the short limit times out; the other's DataLoader batch keeps waiting, then ends.
    short = create_app(make_settings(request_timeout_seconds=0.5), migrated_url)
    patient = create_app(make_settings(request_timeout_seconds=30), migrated_url)
    locker = await asyncpg.connect(asyncpg_dsn(migrated_url))
    try:
        async for fast in app_client(short):
            async for slow in app_client(patient):
                async with locker.transaction():
                    await locker.execute("LOCK TABLE system_configs IN ACCESS EXCLUSIVE MODE")
                    waiting = asyncio.create_task(
                        slow.post("/graphql", json={"query": SYSTEM_CONFIG})
                    )
                    timed_out = await fast.post("/graphql", json={"query": SYSTEM_CONFIG})
                    code = timed_out.json()["errors"][0]["extensions"]["code"]
                    assert code == "REQUEST_TIMEOUT"
                    for _ in range(100):
                        if len(await _waiting_statements(locker, "%system_configs%")) == 1:
                            break
                        await asyncio.sleep(0.05)
                    assert len(await _waiting_statements(locker, "%system_configs%")) == 1
                    assert not waiting.done()
                response = await asyncio.wait_for(waiting, timeout=10)
                assert response.json() == {"data": {"systemConfig": {"configKey": "system_name"}}}
    finally:
        await locker.close()


async def test_unexpected_error_outside_execution_is_a_json_500_without_detail(
    no_database: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken_context(*_: object, **__: object) -> None:
        raise RuntimeError("secret detail: SELECT password_hash FROM customers")

    monkeypatch.setattr(GraphQLApp, "get_context", broken_context)
    response = await no_database.post("/graphql", json={"query": "{ health { ok } }"})
    assert response.status_code == 500
    assert response.json() == {
        "errors": [
            {"message": "Internal server error.", "extensions": {"code": "INTERNAL_SERVER_ERROR"}}
        ]
    }
