"""POST /agent/v1/heartbeat over HTTP through the real app: the promises of hostHeartbeat."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import httpx
import pytest
from sqlalchemy import event

from remotegpu.domain.invariants import find_violations_on
from tests.agents.conftest import (
    HEARTBEAT_ROUTE,
    HOST_HEARTBEAT,
    Fleet,
    add_host,
    add_token,
    build_fleet,
    in_process,
    served,
)
from tests.live import live_server

HEALTHY_A = {"hostId": "host-a", "healthStatus": "HEALTHY"}
OLD_BEAT = datetime(2026, 1, 1, tzinfo=UTC)


async def hosts(db: asyncpg.Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in await db.fetch("SELECT * FROM hosts ORDER BY id")]


async def audit_rows(db: asyncpg.Connection) -> list[tuple[Any, ...]]:
    rows = await db.fetch(
        "SELECT action, customer_id, resource_type, resource_id, status_code, error_message,"
        " request_path FROM audit_logs ORDER BY id"
    )
    return [tuple(r) for r in rows]


async def test_heartbeat_route_steady_report_updates_host_without_audit(
    migrated_url: str, db: asyncpg.Connection, fleet: Fleet
) -> None:
    orm_statements: list[str] = []

    def record(*args: Any) -> None:
        orm_statements.append(str(args[2]))

    async for http, app in served(migrated_url):
        event.listen(app.state.engine.sync_engine, "before_cursor_execute", record)
        await steady_report(http, db, fleet)
        # The steady path runs on the agents' asyncpg pool: nothing through SQLAlchemy.
        assert orm_statements == []


async def steady_report(http: httpx.AsyncClient, db: asyncpg.Connection, fleet: Fleet) -> None:
    response = await http.post(
        HEARTBEAT_ROUTE, json=HEALTHY_A, headers={**fleet.auth("agent-a"), "X-Request-ID": "beat-1"}
    )
    assert response.status_code == 200
    assert response.headers["X-Request-ID"] == "beat-1"
    body = response.json()
    assert body["errors"] == []
    host = body["host"]
    assert (host["rowId"], host["status"], host["healthStatus"]) == ("host-a", "ONLINE", "HEALTHY")
    row = await db.fetchrow("SELECT last_heartbeat, status FROM hosts WHERE id = 'host-a'")
    assert datetime.now(UTC) - row["last_heartbeat"] < timedelta(seconds=60)
    assert datetime.fromisoformat(host["lastHeartbeat"]) == row["last_heartbeat"]
    assert await audit_rows(db) == []  # a plain heartbeat is not audited
    metrics = (await http.get("/metrics")).text
    assert 'remotegpu_agent_requests_total{route="/agent/v1/heartbeat",status="200"}' in metrics


@pytest.mark.parametrize(
    ("host_id", "health", "actions"),
    [
        ("host-b", "HEALTHY", ["host.online"]),  # offline -> online
        ("host-a", "DEGRADED", ["host.health"]),  # online, a new health
        ("host-b", "UNHEALTHY", ["host.online", "host.health"]),
    ],
)
async def test_heartbeat_route_state_change_audited_as_through_graphql(
    migrated_url: str, db: asyncpg.Connection, host_id: str, health: str, actions: list[str]
) -> None:
    """The same report through the route and through hostHeartbeat, each on its own copy of
    the fleet's hosts, leaves the same hosts and the same audit rows (but the path)."""
    fleet = await build_fleet(db, [("host-a", "online"), ("host-b", "offline")])
    await add_host(db, "copy-a", "online")
    await add_host(db, "copy-b", "offline")
    await add_token(db, fleet, "agent-copy-a", "root", ["agent"], "copy-a")
    await add_token(db, fleet, "agent-copy-b", "root", ["agent"], "copy-b")
    copy_id = host_id.replace("host-", "copy-")
    async for http in in_process(migrated_url):
        routed = await http.post(
            HEARTBEAT_ROUTE,
            json={"hostId": host_id, "healthStatus": health},
            headers=fleet.auth(f"agent-{host_id.removeprefix('host-')}"),
        )
        variables = {"input": {"hostId": copy_id, "healthStatus": health}}
        graphql = await http.post(
            "/graphql",
            json={"query": HOST_HEARTBEAT, "variables": variables},
            headers=fleet.auth(f"agent-{copy_id}"),
        )
    assert routed.status_code == graphql.status_code == 200
    via_route, via_graphql = routed.json(), graphql.json()["data"]["hostHeartbeat"]
    assert via_route["errors"] == via_graphql["errors"] == []
    for key in ("status", "healthStatus"):
        assert via_route["host"][key] == via_graphql["host"][key]
    rows = {r["id"]: dict(r) for r in await db.fetch("SELECT * FROM hosts")}
    ignored = {"id", "name", "last_heartbeat", "updated_at", "created_at", "registered_at"}
    same = {k: v for k, v in rows[host_id].items() if k not in ignored}
    assert same == {k: v for k, v in rows[copy_id].items() if k not in ignored}
    audited = await audit_rows(db)
    by_route = [r for r in audited if r[3] == host_id]
    by_graphql = [r for r in audited if r[3] == copy_id]
    assert [r[0] for r in by_route] == actions
    assert [(*r[:3], *r[4:6]) for r in by_route] == [(*r[:3], *r[4:6]) for r in by_graphql]
    assert {r[6] for r in by_route} == {HEARTBEAT_ROUTE}
    assert await find_violations_on(db) == []


@pytest.mark.parametrize(
    ("token", "host_id", "status", "code"),
    [
        ("agent-b", "host-a", 404, "NOT_FOUND"),  # the agent of another host
        ("agent-a", "host-zz", 404, "NOT_FOUND"),
        ("carol", "host-a", 404, "NOT_FOUND"),  # a customer's token: no agent, sees no host
        ("root-read", "host-a", 403, "FORBIDDEN"),  # an admin's token without write
    ],
)
async def test_heartbeat_route_other_host_or_non_agent_token_refused_as_graphql(
    http: httpx.AsyncClient,
    db: asyncpg.Connection,
    fleet: Fleet,
    token: str,
    host_id: str,
    status: int,
    code: str,
) -> None:
    before = await hosts(db)
    report = {"hostId": host_id, "healthStatus": "HEALTHY"}
    response = await http.post(HEARTBEAT_ROUTE, json=report, headers=fleet.auth(token))
    assert response.status_code == status
    body = response.json()
    assert body["host"] is None
    [error] = body["errors"]
    assert error["code"] == code
    graphql = await http.post(
        "/graphql",
        json={"query": HOST_HEARTBEAT, "variables": {"input": report}},
        headers=fleet.auth(token),
    )
    [graphql_error] = graphql.json()["data"]["hostHeartbeat"]["errors"]
    assert graphql_error == error
    assert await hosts(db) == before
    refusals = [r for r in await audit_rows(db) if r[0] == "host.heartbeat"]
    assert [(r[4], r[6]) for r in refusals] == [(status, HEARTBEAT_ROUTE), (status, "/graphql")]


SPOILERS = pytest.mark.parametrize(
    "spoil",
    [
        "UPDATE api_tokens SET revoked_at = now() WHERE name = 'agent-a'",
        "UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE name = 'agent-a'",
        "UPDATE customers SET status = 'suspended' WHERE username = 'root'",
        "UPDATE customers SET token_epoch = token_epoch + 1 WHERE username = 'root'",
        "DELETE FROM api_tokens WHERE name = 'agent-a'",
    ],
    ids=["revoked", "expired", "owner-suspended", "issued-before-suspension", "deleted"],
)


@SPOILERS
@pytest.mark.parametrize(
    ("cache_size", "wait"),
    [(0, 0.0), (10_000, 1.0)],
    ids=["uncached-next-request", "cached-within-1s"],
)
async def test_heartbeat_route_dead_token_refused_401(
    migrated_url: str,
    db: asyncpg.Connection,
    fleet: Fleet,
    spoil: str,
    cache_size: int,
    wait: float,
) -> None:
    """Without the token cache the very next request is refused; with it (the default), the
    notification of the change empties it within the second."""
    async for http in in_process(migrated_url, agent_token_cache_size=cache_size):
        for _ in range(2):  # the second is answered from the cache, when there is one
            ok = await http.post(HEARTBEAT_ROUTE, json=HEALTHY_A, headers=fleet.auth("agent-a"))
            assert ok.status_code == 200
        await db.execute(spoil)
        await db.execute("UPDATE hosts SET last_heartbeat = $1", OLD_BEAT)
        await asyncio.sleep(wait)
        refused = await http.post(HEARTBEAT_ROUTE, json=HEALTHY_A, headers=fleet.auth("agent-a"))
    assert refused.status_code == 401
    assert refused.headers["WWW-Authenticate"].startswith("Bearer")
    [error] = refused.json()["errors"]
    assert error["code"] == "UNAUTHENTICATED"
    assert await db.fetchval("SELECT last_heartbeat FROM hosts WHERE id = 'host-a'") == OLD_BEAT


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Basic dXNlcjpwYXNz"}, {"Authorization": "Bearer rgp_nope_nope"}],
    ids=["no-token", "not-bearer", "unknown-token"],
)
async def test_heartbeat_route_without_valid_credentials_refused_401(
    http: httpx.AsyncClient, db: asyncpg.Connection, fleet: Fleet, headers: dict[str, str]
) -> None:
    response = await http.post(HEARTBEAT_ROUTE, json=HEALTHY_A, headers=headers)
    assert (response.status_code, response.json()["errors"][0]["code"]) == (401, "UNAUTHENTICATED")
    assert await db.fetchval("SELECT last_heartbeat FROM hosts WHERE id = 'host-a'") == OLD_BEAT


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"",
        b"[]",
        b'"host-a"',
        b'{"hostId": "host-a"}',
        b'{"hostId": 7, "healthStatus": "HEALTHY"}',
        b'{"hostId": "", "healthStatus": "HEALTHY"}',
        b'{"hostId": "host-a", "healthStatus": "UNKNOWN"}',
        b'{"hostId": "host-a", "healthStatus": "healthy"}',
        b'{"hostId": "host-a", "healthStatus": "HEALTHY", "status": "ONLINE"}',
        b'{"hostId": "' + b"h" * 65 + b'", "healthStatus": "HEALTHY"}',
    ],
)
async def test_heartbeat_route_malformed_body_refused_400(
    http: httpx.AsyncClient, db: asyncpg.Connection, fleet: Fleet, body: bytes
) -> None:
    headers = {**fleet.auth("agent-a"), "Content-Type": "application/json"}
    response = await http.post(HEARTBEAT_ROUTE, content=body, headers=headers)
    assert response.status_code == 400
    payload = response.json()
    assert payload["host"] is None
    assert payload["errors"][0]["code"] == "BAD_REQUEST"
    assert await db.fetchval("SELECT last_heartbeat FROM hosts WHERE id = 'host-a'") == OLD_BEAT


async def test_heartbeat_route_oversize_body_refused_413(
    migrated_url: str, db: asyncpg.Connection, fleet: Fleet
) -> None:
    async for http in in_process(migrated_url, max_request_body_bytes=1024):
        body = b'{"hostId": "host-a", "healthStatus": "HEALTHY", "pad": "' + b"x" * 2000 + b'"}'
        response = await http.post(HEARTBEAT_ROUTE, content=body, headers=fleet.auth("agent-a"))
    assert response.status_code == 413
    assert response.json()["errors"][0]["code"] == "REQUEST_TOO_LARGE"


async def test_heartbeat_route_over_viewer_limit_refused_429_counting_graphql_too(
    migrated_url: str, db: asyncpg.Connection, fleet: Fleet
) -> None:
    """The token's one budget covers both paths: two routed beats and one GraphQL beat use
    up a limit of 3, so the next routed beat is refused and changes nothing."""
    async for http in in_process(migrated_url, rate_limit_viewer=3):
        for _ in range(2):
            ok = await http.post(HEARTBEAT_ROUTE, json=HEALTHY_A, headers=fleet.auth("agent-a"))
            assert ok.status_code == 200
        graphql = await http.post(
            "/graphql",
            json={"query": HOST_HEARTBEAT, "variables": {"input": HEALTHY_A}},
            headers=fleet.auth("agent-a"),
        )
        assert graphql.status_code == 200
        await db.execute("UPDATE hosts SET last_heartbeat = $1", OLD_BEAT)
        refused = await http.post(HEARTBEAT_ROUTE, json=HEALTHY_A, headers=fleet.auth("agent-a"))
        other = await http.post(
            HEARTBEAT_ROUTE, json={**HEALTHY_A, "hostId": "host-b"}, headers=fleet.auth("agent-b")
        )
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) >= 1
    assert refused.json()["errors"][0]["code"] == "RATE_LIMITED"
    assert await db.fetchval("SELECT last_heartbeat FROM hosts WHERE id = 'host-a'") == OLD_BEAT
    assert other.status_code == 200  # another agent has a budget of its own


@pytest.fixture
async def live(migrated_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with live_server(migrated_url, workers=2) as client:
        yield client


async def test_heartbeat_route_parallel_reports_all_land_state_change_audited_once(
    live: httpx.AsyncClient, db: asyncpg.Connection
) -> None:
    """Eight hosts, half of them offline, each reported 25 times at once by its agent, over
    a real server with two workers: every report lands, each offline host comes online once."""
    names = [f"host-{i}" for i in range(8)]
    fleet = await build_fleet(db, [(n, "offline" if i % 2 else "online") for i, n in
                                   enumerate(names)])  # fmt: skip

    async def beat(name: str) -> httpx.Response:
        report = {"hostId": name, "healthStatus": "HEALTHY"}
        agent = fleet.auth(f"agent-{name.removeprefix('host-')}")
        return await live.post(HEARTBEAT_ROUTE, json=report, headers=agent)

    responses = await asyncio.gather(*(beat(n) for _ in range(25) for n in names))
    assert [r.status_code for r in responses] == [200] * 200
    assert {r.json()["host"]["status"] for r in responses} == {"ONLINE"}
    rows = await db.fetch("SELECT status, last_heartbeat FROM hosts")
    assert {r["status"] for r in rows} == {"online"}
    assert all(datetime.now(UTC) - r["last_heartbeat"] < timedelta(seconds=60) for r in rows)
    online = await db.fetch(
        "SELECT resource_id FROM audit_logs WHERE action = 'host.online' ORDER BY resource_id"
    )
    assert [r["resource_id"] for r in online] == names[1::2]
    assert await db.fetchval("SELECT count(*) FROM audit_logs") == 4
    assert await find_violations_on(db) == []


async def test_heartbeat_route_revocation_and_suspension_reach_every_worker_within_1s(
    live: httpx.AsyncClient, db: asyncpg.Connection, fleet: Fleet
) -> None:
    """Two workers, each with its own token cache warmed by many reports. A revocation
    committed elsewhere: a second later neither worker accepts that token, while the other
    agent still reports. Then the owner's suspension: a second later that one is refused too."""

    async def burst(agent: str, host_id: str) -> set[int]:
        report = {"hostId": host_id, "healthStatus": "HEALTHY"}
        responses = await asyncio.gather(
            *(live.post(HEARTBEAT_ROUTE, json=report, headers=fleet.auth(agent))
              for _ in range(40))
        )  # fmt: skip
        return {r.status_code for r in responses}

    assert await burst("agent-a", "host-a") == await burst("agent-b", "host-b") == {200}
    await db.execute("UPDATE api_tokens SET revoked_at = now() WHERE name = 'agent-a'")
    await asyncio.sleep(1.0)
    assert await burst("agent-a", "host-a") == {401}
    assert await burst("agent-b", "host-b") == {200}
    await db.execute("UPDATE customers SET status = 'suspended' WHERE username = 'root'")
    await asyncio.sleep(1.0)
    assert await burst("agent-b", "host-b") == {401}


async def test_heartbeat_route_parallel_burst_over_limit_admits_exactly_the_limit(
    migrated_url: str, db: asyncpg.Connection, fleet: Fleet
) -> None:
    """Thirty reports at once with a budget of ten: counted in batches, they are judged as if
    one by one, so exactly ten get through and twenty are refused."""
    async for http in in_process(
        migrated_url, rate_limit_viewer=10, rate_limit_window_seconds=3600
    ):
        responses = await asyncio.gather(
            *(http.post(HEARTBEAT_ROUTE, json=HEALTHY_A, headers=fleet.auth("agent-a"))
              for _ in range(30))
        )  # fmt: skip
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] * 10 + [429] * 20
    counted = await db.fetchval(
        "SELECT sum(hits) FROM rate_limit_windows WHERE bucket = $1",
        f"op:token:{fleet.token_ids['agent-a']}",
    )
    assert counted == 30  # refused requests count too, as on /graphql
