"""The app skeleton: /healthz, /readyz (database up and down), GraphiQL, systemInfo, health."""

from __future__ import annotations

import httpx

from remotegpu.app import create_app
from tests.conftest import app_client, make_settings

SYSTEM_INFO = "{ systemInfo { name version apiVersion } }"
HEALTH = "{ health { ok databaseLatencyMs } }"
# Nothing listens on port 1 of loopback: the database is "down" for this app.
DEAD_DATABASE = "postgresql://postgres@127.0.0.1:1/remotegpu"


async def _get_without_database(path: str) -> httpx.Response:
    """GET path from an app whose database is down."""
    app = create_app(make_settings(), DEAD_DATABASE)
    [response] = [await client.get(path) async for client in app_client(app)]
    return response


async def test_healthz_answers_without_a_database() -> None:
    response = await _get_without_database("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


async def test_readyz_database_up_is_ready(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "database": "up"}


async def test_readyz_database_down_is_503() -> None:
    response = await _get_without_database("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


async def test_graphiql_is_served_on_get(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


async def test_system_info_reads_public_system_configs(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": SYSTEM_INFO})
    assert response.status_code == 200
    assert response.json() == {
        "data": {"systemInfo": {"name": "RemoteGPU", "version": "1.0.0", "apiVersion": "1.0.0"}}
    }


async def test_system_info_follows_the_config_rows(
    client: httpx.AsyncClient, migrated_url: str
) -> None:
    import asyncpg

    from remotegpu.db.urls import asyncpg_dsn

    conn = await asyncpg.connect(asyncpg_dsn(migrated_url))
    await conn.execute(
        "UPDATE system_configs SET config_value = 'GPU Cloud' WHERE config_key = 'system_name'"
    )
    await conn.close()
    response = await client.post("/graphql", json={"query": SYSTEM_INFO})
    assert response.json()["data"]["systemInfo"]["name"] == "GPU Cloud"


async def test_health_reports_database_latency(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": HEALTH})
    health = response.json()["data"]["health"]
    assert health["ok"] is True
    assert health["databaseLatencyMs"] >= 0


async def test_health_reports_database_down() -> None:
    async for client in app_client(create_app(make_settings(), DEAD_DATABASE)):
        response = await client.post("/graphql", json={"query": HEALTH})
        assert response.json()["data"]["health"] == {"ok": False, "databaseLatencyMs": None}
