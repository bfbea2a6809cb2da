"""Two `remotegpu serve` processes on one fresh migrated database (per module), and the SQL
that builds the tenants, hosts and tokens the subscription tests need."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import asyncpg
import httpx
import pytest

from remotegpu.auth.tokens import create_access_token, generate_api_token
from remotegpu.settings import Settings
from tests.live import live_server
from tests.support.db import connection
from tests.support.fleet import add_customer, add_host, add_image

# Small pools: two processes share the test PostgreSQL with every other test run.
SERVER_SETTINGS = {
    "db_pool_size": "6",
    "db_max_overflow": "4",
    "subscription_queue_size": "64",
    "subscription_connections_per_viewer": "3",
    "subscriptions_per_connection": "6",
}


@dataclass(frozen=True)
class Servers:
    a: httpx.AsyncClient
    b: httpx.AsyncClient
    url: str

    @property
    def a_base(self) -> str:
        return str(self.a.base_url).rstrip("/")

    @property
    def b_base(self) -> str:
        return str(self.b.base_url).rstrip("/")


@pytest.fixture(scope="module")
async def servers(module_url: str) -> AsyncIterator[Servers]:
    async with (
        live_server(module_url, **SERVER_SETTINGS) as a,
        live_server(module_url, **SERVER_SETTINGS) as b,
    ):
        yield Servers(a, b, module_url)


@pytest.fixture
async def sql(module_url: str) -> AsyncIterator[asyncpg.Connection]:
    async with connection(module_url) as conn:
        await add_image(conn)
        yield conn


def session_token(customer_id: int, epoch: int = 0) -> str:
    """A real access token of the customer (the server verifies it)."""
    return create_access_token(Settings(), customer_id, token_epoch=epoch).token


async def api_token(
    conn: asyncpg.Connection, customer_id: int, scopes: list[str], host_id: str | None = None
) -> tuple[int, str]:
    """A stored API token of the customer: (its id, its plaintext)."""
    generated = generate_api_token()
    token_id: int = await conn.fetchval(
        "INSERT INTO api_tokens (customer_id, name, prefix, token_hash, scopes, host_id)"
        " VALUES ($1, 'test', $2, $3, $4, $5) RETURNING id",
        customer_id,
        generated.prefix,
        generated.token_hash,
        scopes,
        host_id,
    )
    return token_id, generated.plaintext


@dataclass(frozen=True)
class Tenants:
    """Two customers, an admin, a host and an agent token of that host."""

    x: int
    y: int
    admin: int
    host: str
    agent_token: str


@pytest.fixture
async def tenants(sql: asyncpg.Connection) -> Tenants:
    x = await add_customer(sql)
    y = await add_customer(sql)
    admin = await add_customer(sql, user_type="admin")
    host = await add_host(sql, gpus=2)
    _, agent = await api_token(sql, admin, ["agent"], host)
    return Tenants(x, y, admin, host, agent)
