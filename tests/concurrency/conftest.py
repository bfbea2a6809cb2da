"""One real server process per module on a fresh migrated database, and the SQL that builds
the fleet a race needs: tests/support/fleet.py (image, online hosts with GPUs, system
configs) plus customers in bulk (a race needs up to 50 fresh ones per repetition).

The server is started once per module: starting uvicorn costs about a second, and the races
are repeated 20 times each. Every repetition builds its own host and customers, so
repetitions do not influence each other although they share the database.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest

from remotegpu.domain.invariants import find_violations_on
from tests.live import live_server
from tests.support.db import connection
from tests.support.fleet import GIB, IMAGE, TIB, add_host, add_image, set_config, unique

__all__ = [
    "GIB",
    "IMAGE",
    "TIB",
    "add_customer",
    "add_customers",
    "add_host",
    "add_image",
    "assert_invariants",
    "set_config",
]

# The test PostgreSQL is shared by every test run on the machine (max_connections 100): two
# workers with at most 12 connections each still let 20+ transactions race, and leave room.
SERVER_WORKERS = 2
SERVER_POOL = {"db_pool_size": "8", "db_max_overflow": "4"}


async def add_customers(
    conn: asyncpg.Connection,
    count: int,
    *,
    user_type: str = "external",
    cpu: int = 64,
    memory_mb: int = 1024 * 1024,
    gpu: int = 0,
    storage: int = 100 * TIB,
    environments: int = 10,
) -> list[int]:
    """`count` active customers, each with one resource_quotas row; returns their ids."""
    prefix = unique(user_type)
    rows = await conn.fetch(
        "WITH c AS (INSERT INTO customers (username, email, password_hash, user_type, status)"
        "  SELECT $1::text || '-' || g, $1::text || '-' || g || '@example.com', 'not-a-login',"
        "  $2, 'active'"
        "  FROM generate_series(1, $3) AS g RETURNING id)"
        " INSERT INTO resource_quotas (user_id, quota_level, cpu_quota, memory_quota, gpu_quota,"
        "  storage_quota, environment_quota)"
        " SELECT id, 'custom', $4, $5, $6, $7, $8 FROM c RETURNING user_id",
        prefix,
        user_type,
        count,
        cpu,
        memory_mb,
        gpu,
        storage,
        environments,
    )
    return sorted(int(r["user_id"]) for r in rows)


async def add_customer(conn: asyncpg.Connection, **quota: Any) -> int:
    return (await add_customers(conn, 1, **quota))[0]


async def assert_invariants(conn: asyncpg.Connection) -> None:
    problems = await find_violations_on(conn)
    assert problems == [], problems


@pytest.fixture(scope="module")
async def sql(module_url: str) -> AsyncIterator[asyncpg.Connection]:
    """A connection to the module's database, with the image every race uses."""
    async with connection(module_url) as conn:
        await add_image(conn)
        yield conn


@pytest.fixture(scope="module")
async def server(module_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """`remotegpu serve` in its own process on the module's database."""
    async with live_server(module_url, workers=SERVER_WORKERS, **SERVER_POOL) as client:
        yield client
