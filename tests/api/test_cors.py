"""CORS: a browser on a listed origin may call /graphql; other origins and the default get none."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from remotegpu.app import create_app
from remotegpu.settings import SettingsError, load_settings
from tests.conftest import app_client, make_settings

CONSOLE = "https://console.example.com"
SYSTEM_INFO = "{ systemInfo { name } }"
PREFLIGHT = {
    "Origin": CONSOLE,
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization, content-type",
}


@pytest.fixture
async def cors_client(migrated_url: str) -> AsyncIterator[httpx.AsyncClient]:
    settings = make_settings(cors_origins=(CONSOLE, "http://localhost:5173"))
    async for client in app_client(create_app(settings, migrated_url)):
        yield client


async def test_preflight_listed_origin_is_allowed(cors_client: httpx.AsyncClient) -> None:
    response = await cors_client.options("/graphql", headers=PREFLIGHT)
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == CONSOLE
    assert "POST" in response.headers["access-control-allow-methods"]
    allowed = response.headers["access-control-allow-headers"].lower()
    assert "authorization" in allowed
    assert "content-type" in allowed
    # Credentials stay off unless REMOTEGPU_CORS_ALLOW_CREDENTIALS says otherwise.
    assert "access-control-allow-credentials" not in response.headers


async def test_preflight_unlisted_origin_is_refused(cors_client: httpx.AsyncClient) -> None:
    headers = {**PREFLIGHT, "Origin": "https://evil.example.net"}
    response = await cors_client.options("/graphql", headers=headers)
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


async def test_post_listed_origin_gets_cors_header(cors_client: httpx.AsyncClient) -> None:
    response = await cors_client.post(
        "/graphql", json={"query": SYSTEM_INFO}, headers={"Origin": CONSOLE}
    )
    assert response.status_code == 200
    assert response.json()["data"]["systemInfo"]["name"] == "RemoteGPU"
    assert response.headers["access-control-allow-origin"] == CONSOLE


async def test_post_unlisted_origin_gets_no_cors_header(cors_client: httpx.AsyncClient) -> None:
    response = await cors_client.post(
        "/graphql", json={"query": SYSTEM_INFO}, headers={"Origin": "https://evil.example.net"}
    )
    assert "access-control-allow-origin" not in response.headers


async def test_cors_unset_preflight_gets_no_cors(client: httpx.AsyncClient) -> None:
    response = await client.options("/graphql", headers=PREFLIGHT)
    assert response.status_code == 405
    assert "access-control-allow-origin" not in response.headers


async def test_cors_credentials_on_allows_credentials(migrated_url: str) -> None:
    settings = make_settings(cors_origins=(CONSOLE,), cors_allow_credentials=True)
    async for client in app_client(create_app(settings, migrated_url)):
        response = await client.options("/graphql", headers=PREFLIGHT)
        assert response.status_code == 200
        assert response.headers["access-control-allow-credentials"] == "true"


def test_cors_origins_comma_separated_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REMOTEGPU_CORS_ORIGINS", f" {CONSOLE} , http://localhost:5173")
    assert load_settings().cors_origins == (CONSOLE, "http://localhost:5173")
    monkeypatch.setenv("REMOTEGPU_CORS_ORIGINS", f'["{CONSOLE}"]')
    assert load_settings().cors_origins == (CONSOLE,)


def test_cors_origins_with_a_path_is_a_settings_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REMOTEGPU_CORS_ORIGINS", f"{CONSOLE}/app")
    with pytest.raises(SettingsError, match=r"REMOTEGPU_CORS_ORIGINS=.* is not an origin"):
        load_settings()


def test_cors_wildcard_with_credentials_is_a_settings_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REMOTEGPU_CORS_ORIGINS", "*")
    monkeypatch.setenv("REMOTEGPU_CORS_ALLOW_CREDENTIALS", "true")
    with pytest.raises(SettingsError, match="REMOTEGPU_CORS_ALLOW_CREDENTIALS"):
        load_settings()
