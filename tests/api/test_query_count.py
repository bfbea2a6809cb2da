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

import pytest

from remotegpu.settings import Settings
from tests.conftest import database_copy
from tests.graphql import GraphQLRunner, admin_viewer
from tests.support.bulk_fleet import fill

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
