"""Batching proof: a deep query costs the same number of SQL statements for 10 or 1,000 roots.

Two fresh migrated databases are filled with the same shape of fleet by bulk SQL (10 and 1,000
hosts; per host 2 GPUs and 2 environments, each environment with an owner, 2 port mappings, a
GPU and a dataset mount). The nested query below must issue one statement per root field plus
one per relation level, whatever the number of rows, and every child page must hold exactly
that parent's rows.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest

from remotegpu.db.urls import asyncpg_dsn
from remotegpu.settings import Settings
from tests.conftest import database_copy
from tests.graphql import GraphQLRunner, admin_viewer

NESTED = """
query Nested($n: Int!) {
  hosts(first: $n) {
    nodes {
      rowId
      gpus(first: 8) { nodes { rowId } }
      environments(first: 5) {
        nodes {
          rowId
          owner { username }
          portMappings(first: 5) { nodes { externalPort } }
          datasetMounts(first: 5) { nodes { mountPath dataset { name } } }
        }
      }
    }
  }
}
"""

# hosts, gpus, environments, owner, portMappings, datasetMounts, dataset
LEVELS = 7

FILL = [
    """
    INSERT INTO customers (username, email, password_hash, user_type)
    SELECT 'qc-user-' || i, 'qc-user-' || i || '@example.com', 'x', 'external'
    FROM generate_series(1, $1) AS i
    """,
    """
    INSERT INTO hosts (id, name, ip_address, os_type, deployment_mode, total_cpu,
                       total_memory, total_gpu, status, created_at)
    SELECT 'qc-host-' || lpad(i::text, 5, '0'), 'qc host ' || i, '10.0.0.1', 'linux',
           'traditional', 64, 274877906944, 2, 'online',
           TIMESTAMPTZ '2024-01-01' + i * INTERVAL '1 minute'
    FROM generate_series(1, $1) AS i
    """,
    """
    INSERT INTO gpus (host_id, gpu_index, name, status, allocated_to)
    SELECT 'qc-host-' || lpad(i::text, 5, '0'), g, 'NVIDIA A100', 'allocated',
           'qc-env-' || i || '-' || g
    FROM generate_series(1, $1) AS i, generate_series(0, 1) AS g
    """,
    """
    INSERT INTO environments (id, user_id, host_id, name, image, status, cpu, memory, gpu,
                              created_at)
    SELECT 'qc-env-' || i || '-' || k, c.id, 'qc-host-' || lpad(i::text, 5, '0'),
           'env ' || i || '-' || k, 'pytorch:2.3', 'running', 4, 17179869184, 1,
           TIMESTAMPTZ '2024-02-01' + (i * 2 + k) * INTERVAL '1 minute'
    FROM generate_series(1, $1) AS i
    JOIN customers c ON c.username = 'qc-user-' || i
    CROSS JOIN generate_series(0, 1) AS k
    """,
    """
    INSERT INTO port_mappings (env_id, service_type, external_port, internal_port)
    SELECT 'qc-env-' || i || '-' || k, CASE j WHEN 0 THEN 'ssh' ELSE 'jupyter' END,
           20000 + i * 4 + k * 2 + j, CASE j WHEN 0 THEN 22 ELSE 8888 END
    FROM generate_series(1, $1) AS i, generate_series(0, 1) AS k, generate_series(0, 1) AS j
    """,
    """
    INSERT INTO datasets (customer_id, name, storage_path, status)
    SELECT c.id, 'qc-dataset-' || i, 's3://qc/' || i, 'ready'
    FROM generate_series(1, $1) AS i
    JOIN customers c ON c.username = 'qc-user-' || i
    """,
    """
    INSERT INTO dataset_usage (env_id, dataset_id, mount_path)
    SELECT 'qc-env-' || i || '-' || k, d.id, '/data/' || i || '/' || k
    FROM generate_series(1, $1) AS i
    JOIN datasets d ON d.name = 'qc-dataset-' || i
    CROSS JOIN generate_series(0, 1) AS k
    """,
]


async def fill(url: str, hosts: int) -> dict[str, list[int]]:
    """Insert the fleet; return each host's GPU ids (in gpu_index order)."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        async with conn.transaction():
            for statement in FILL:
                await conn.execute(statement, hosts)
        await conn.execute("ANALYZE")
        rows = await conn.fetch(
            "SELECT host_id, array_agg(id ORDER BY gpu_index) AS ids FROM gpus GROUP BY host_id"
        )
    finally:
        await conn.close()
    return {r["host_id"]: list(r["ids"]) for r in rows}


@pytest.fixture
async def second_migrated_url(admin_url: str, migrated_template: str) -> AsyncIterator[str]:
    async with database_copy(admin_url, migrated_template) as url:
        yield url


async def run_nested(url: str, hosts: int) -> tuple[int, dict[str, Any]]:
    gpus_of = await fill(url, hosts)
    # A page cap of 1,000 and a cost budget to match: 1,000 hosts of this selection cost 200,001.
    gql = GraphQLRunner(Settings(page_size_max=1_000, max_query_cost=1_000_000), url)
    try:
        gql.reset_count()
        data = await gql.ok(NESTED, {"n": hosts}, admin_viewer())
        statements = len(gql.statements)
    finally:
        await gql.close()
    check_pages(data, gpus_of, hosts)
    return statements, data


def check_pages(data: dict[str, Any], gpus_of: dict[str, list[int]], hosts: int) -> None:
    nodes = data["hosts"]["nodes"]
    assert len(nodes) == hosts
    for host in nodes:
        i = int(host["rowId"].removeprefix("qc-host-"))
        assert [g["rowId"] for g in host["gpus"]["nodes"]] == gpus_of[host["rowId"]]
        envs = host["environments"]["nodes"]
        # newest first: k = 1 was created after k = 0
        assert [e["rowId"] for e in envs] == [f"qc-env-{i}-1", f"qc-env-{i}-0"]
        for env in envs:
            k = int(env["rowId"].rsplit("-", 1)[1])
            assert env["owner"] == {"username": f"qc-user-{i}"}
            ports = [p["externalPort"] for p in env["portMappings"]["nodes"]]
            assert ports == [20000 + i * 4 + k * 2, 20000 + i * 4 + k * 2 + 1]
            assert env["datasetMounts"]["nodes"] == [
                {"mountPath": f"/data/{i}/{k}", "dataset": {"name": f"qc-dataset-{i}"}}
            ]


async def test_nested_query_10_or_1000_hosts_issues_the_same_statements(
    migrated_url: str, second_migrated_url: str
) -> None:
    small, _ = await run_nested(second_migrated_url, 10)
    large, _ = await run_nested(migrated_url, 1_000)
    assert small == large
    assert large <= LEVELS
