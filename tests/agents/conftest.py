"""A small fleet with real agent tokens, and the app answering over HTTP in-process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import httpx
import pytest
from starlette.applications import Starlette

from remotegpu.app import create_app
from remotegpu.auth.tokens import generate_api_token
from tests.conftest import make_settings
from tests.support.documents import mutation_document

HEARTBEAT_ROUTE = "/agent/v1/heartbeat"
HOST_HEARTBEAT = mutation_document("hostHeartbeat", "host { rowId status healthStatus }")


@dataclass
class Fleet:
    """Customers by name, and plaintext API tokens by name ("agent-a" speaks for host-a)."""

    customers: dict[str, int] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    token_ids: dict[str, int] = field(default_factory=dict)

    def auth(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[token]}"}


async def add_customer(db: asyncpg.Connection, fleet: Fleet, name: str, user_type: str) -> None:
    fleet.customers[name] = await db.fetchval(
        "INSERT INTO customers (username, email, password_hash, user_type)"
        " VALUES ($1::text, $1::text || '@example.com', 'not-a-login', $2) RETURNING id",
        name,
        user_type,
    )
    await db.execute(
        "INSERT INTO resource_quotas (user_id, cpu_quota, memory_quota, gpu_quota,"
        " environment_quota) VALUES ($1, 8, 16384, 1, 2)",
        fleet.customers[name],
    )


async def add_host(db: asyncpg.Connection, host_id: str, status: str = "online") -> None:
    await db.execute(
        "INSERT INTO hosts (id, name, ip_address, os_type, deployment_mode, status,"
        " health_status, total_cpu, total_memory, total_gpu, last_heartbeat)"
        " VALUES ($1, $1, '10.0.0.1', 'linux', 'traditional', $2, 'healthy', 16, 68719476736, 0,"
        " '2026-01-01T00:00:00Z')",
        host_id,
        status,
    )


async def add_token(
    db: asyncpg.Connection,
    fleet: Fleet,
    name: str,
    owner: str,
    scopes: list[str],
    host_id: str | None = None,
) -> None:
    token = generate_api_token()
    fleet.token_ids[name] = await db.fetchval(
        "INSERT INTO api_tokens (customer_id, name, prefix, token_hash, scopes, host_id)"
        " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        fleet.customers[owner], name, token.prefix, token.token_hash, scopes, host_id,
    )  # fmt: skip
    fleet.tokens[name] = token.plaintext


async def build_fleet(db: asyncpg.Connection, hosts: list[tuple[str, str]]) -> Fleet:
    """An admin owning an agent token per host, a customer with a read/write token, and the
    admin's read-only token."""
    fleet = Fleet()
    await add_customer(db, fleet, "root", "admin")
    await add_customer(db, fleet, "carol", "external")
    for host_id, status in hosts:
        await add_host(db, host_id, status)
        await add_token(db, fleet, f"agent-{host_id.removeprefix('host-')}", "root", ["agent"],
                        host_id)  # fmt: skip
    await add_token(db, fleet, "carol", "carol", ["read", "write"])
    await add_token(db, fleet, "root-read", "root", ["read"])
    return fleet


@pytest.fixture
async def fleet(db: asyncpg.Connection) -> Fleet:
    return await build_fleet(db, [("host-a", "online"), ("host-b", "offline")])


async def served(url: str, **settings: Any) -> AsyncIterator[tuple[httpx.AsyncClient, Starlette]]:
    """The whole app (middleware, routes) over httpx's ASGI transport, and the app."""
    app = create_app(make_settings(**settings), url)
    transport = httpx.ASGITransport(app=app, client=("10.9.8.7", 4321))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client, app
    finally:
        await app.state.agent_routes.close()
        await app.state.engine.dispose()


async def in_process(url: str, **settings: Any) -> AsyncIterator[httpx.AsyncClient]:
    async for client, _ in served(url, **settings):
        yield client


@pytest.fixture
async def http(migrated_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async for client in in_process(migrated_url):
        yield client
