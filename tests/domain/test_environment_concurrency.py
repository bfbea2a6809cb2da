"""environmentCreate under in-process concurrency (one asyncio loop, many connections): the
locks keep GPUs, counters, ports, quotas and idempotency right. The HTTP races against a real
server live in tests/concurrency/."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest

from remotegpu.db.urls import asyncpg_dsn
from tests.graphql import GraphQLRunner, customer_viewer, runner_for
from tests.support.db import assert_consistent
from tests.support.fleet import (
    GIB,
    IMAGE,
    add_customer,
    add_host,
    add_image,
    host_usage,
)

CREATE = """
mutation Create($input: EnvironmentCreateInput!) {
  environmentCreate(input: $input) {
    environment { rowId hostId sshPort jupyterPort }
    errors { field code message }
  }
}
"""


@pytest.fixture
async def conn(migrated_url: str) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(asyncpg_dsn(migrated_url))
    await add_image(connection)
    yield connection
    await connection.close()


@pytest.fixture
async def gql(migrated_url: str) -> AsyncIterator[GraphQLRunner]:
    async for runner in runner_for(migrated_url, db_pool_size=12, db_max_overflow=0):
        yield runner


async def _create(gql: GraphQLRunner, customer: int, **fields: Any) -> dict[str, Any]:
    payload = {"name": "race", "image": IMAGE, "cpu": 1, "memory": str(GIB), **fields}
    data = await gql.ok(CREATE, {"input": payload}, customer_viewer(customer))
    result: dict[str, Any] = data["environmentCreate"]
    return result


async def test_create_concurrent_gpu_requests_never_oversubscribe(
    conn: asyncpg.Connection, gql: GraphQLRunner
) -> None:
    hosts = [await add_host(conn, gpus=3) for _ in range(2)]
    customers = [await add_customer(conn) for _ in range(8)]

    results = await asyncio.gather(*(_create(gql, c, gpuCount=1) for c in customers))

    codes = Counter(r["errors"][0]["code"] if r["errors"] else "OK" for r in results)
    assert codes == {"OK": 6, "NO_CAPACITY": 2}
    placed = Counter(r["environment"]["hostId"] for r in results if r["environment"])
    assert placed == dict.fromkeys(hosts, 3)
    ports = [r["environment"]["sshPort"] for r in results if r["environment"]]
    assert sorted(ports) == list(range(30000, 30006))
    for host in hosts:
        assert (await host_usage(conn, host))["used_gpu"] == 3
    await assert_consistent(conn)


async def test_create_concurrent_same_owner_stays_within_quota(
    conn: asyncpg.Connection, gql: GraphQLRunner
) -> None:
    await add_host(conn)
    alice = await add_customer(conn, cpu=5)

    results = await asyncio.gather(*(_create(gql, alice, cpu=2) for _ in range(6)))

    codes = Counter(r["errors"][0]["code"] if r["errors"] else "OK" for r in results)
    assert codes == {"OK": 2, "QUOTA_EXCEEDED": 4}
    assert await conn.fetchval("SELECT sum(cpu) FROM environments") == 4
    await assert_consistent(conn)


async def test_create_concurrent_retries_with_one_key_make_one_environment(
    conn: asyncpg.Connection, gql: GraphQLRunner
) -> None:
    await add_host(conn)
    alice = await add_customer(conn)

    results = await asyncio.gather(
        *(_create(gql, alice, idempotencyKey="retry-1", gpuCount=1) for _ in range(6))
    )

    assert all(r["errors"] == [] for r in results)
    assert len({r["environment"]["rowId"] for r in results}) == 1
    assert await conn.fetchval("SELECT count(*) FROM environments") == 1
    assert await conn.fetchval("SELECT count(*) FROM gpus WHERE status = 'allocated'") == 1
    await assert_consistent(conn)
