"""The `metrics` area over GraphQL: host, GPU and environment samples on the seeded fleet.

Every expectation is computed with SQL on the same database, so the tests follow the seed.
Host samples are admin (and own-agent) only; GPU samples follow the GPUs a customer holds;
environment samples follow the environments a viewer may see.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.graphql import GraphQLRunner, admin_viewer, agent_viewer, customer_viewer
from tests.support.db import column, fetch, first_row, first_value
from tests.support.documents import node_query
from tests.support.paging import global_id, walk_both_ways
from tests.support.results import EMPTY_PAGE, errors_code

HOST_METRICS = """
query HM($first: Int, $after: String, $last: Int, $before: String, $where: HostMetricWhere) {
  hostMetrics(first: $first, after: $after, last: $last, before: $before, where: $where) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { id rowId hostId memoryUsed networkRxBytes collectedAt host { rowId } }
  }
}
"""

GPU_METRICS = """
query GM($first: Int, $after: String, $last: Int, $before: String, $where: GpuMetricWhere) {
  gpuMetrics(first: $first, after: $after, last: $last, before: $before, where: $where) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { id rowId gpuId hostId memoryUsed collectedAt gpu { rowId } host { rowId } }
  }
}
"""

ENVIRONMENT_METRICS = """
query EM($first: Int, $after: String, $last: Int, $before: String,
         $where: EnvironmentMetricWhere) {
  environmentMetrics(first: $first, after: $after, last: $last, before: $before, where: $where) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { id rowId envId networkTxBytes collectedAt environment { rowId } }
  }
}
"""

HOST_WITH_METRICS = """
query H($id: String!, $where: MetricWhere) {
  host(id: $id) {
    rowId
    metrics(first: 10, where: $where) { totalCount nodes { rowId hostId host { rowId } } }
  }
}
"""

HOSTS_WITH_METRICS = """
{ hosts(first: 100) { nodes { rowId metrics(first: 3) { nodes { rowId } } } } }
"""

GPU_NODE_WITH_METRICS = """
query G($id: ID!) {
  node(id: $id) {
    ... on Gpu { rowId metrics(first: 10) { totalCount nodes { rowId gpuId gpu { rowId } } } }
  }
}
"""

ENVIRONMENT_WITH_METRICS = """
query E($id: String!, $where: MetricWhere) {
  environment(id: $id) {
    rowId
    metrics(first: 10, where: $where) { totalCount nodes { rowId envId } }
  }
}
"""

NODE = node_query(
    "HostMetric { rowId hostId }",
    "GpuMetric { rowId gpuId }",
    "EnvironmentMetric { rowId envId }",
)

ADMIN = admin_viewer()
NEWEST_FIRST = "ORDER BY collected_at DESC, id DESC"


@pytest.fixture(scope="module")
async def facts(seeded_shared_url: str) -> dict[str, Any]:
    url = seeded_shared_url
    host = await first_row(
        url,
        "SELECT host_id, max(collected_at) AS newest FROM host_metrics "
        "GROUP BY host_id ORDER BY count(*) DESC, host_id LIMIT 1",
    )
    other_host = await first_value(
        url, "SELECT id FROM hosts WHERE id <> $1 ORDER BY id LIMIT 1", host[0]
    )
    gpu = await first_row(
        url,
        "SELECT g.id, g.host_id, e.user_id FROM gpus g "
        "JOIN environments e ON e.id = g.allocated_to "
        "WHERE EXISTS (SELECT 1 FROM gpu_metrics m WHERE m.gpu_id = g.id) "
        "ORDER BY g.id LIMIT 1",
    )
    env = await first_row(
        url,
        "SELECT e.id, e.user_id, e.host_id FROM environments e "
        "WHERE EXISTS (SELECT 1 FROM environment_metrics m WHERE m.env_id = e.id) "
        "ORDER BY e.id LIMIT 1",
    )
    customer_on_host = await column(
        url,
        "SELECT e.user_id FROM environments e JOIN customers c ON c.id = e.user_id "
        "WHERE e.host_id = $1 AND e.status IN ('creating', 'running', 'stopped') "
        "AND c.user_type <> 'admin' LIMIT 1",
        host[0],
    )
    stranger = await first_value(
        url,
        "SELECT c.id FROM customers c WHERE c.user_type <> 'admin' AND c.id NOT IN ($1, $2) "
        "AND NOT EXISTS (SELECT 1 FROM environments e WHERE e.user_id = c.id) "
        "ORDER BY c.id LIMIT 1",
        gpu[2],
        env[1],
    )
    return {
        "host": host[0],
        "host_newest": host[1],
        "other_host": other_host,
        "gpu": gpu[0],
        "gpu_host": gpu[1],
        "gpu_owner": gpu[2],
        "env": env[0],
        "env_owner": env[1],
        "env_host": env[2],
        "customer_on_host": customer_on_host[0] if customer_on_host else None,
        "stranger": stranger,
    }


# --- host metrics -----------------------------------------------------------------------------


async def test_host_metrics_edge_as_admin_matches_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    host = facts["host"]
    expected = await column(
        seeded_shared_url,
        f"SELECT id FROM host_metrics WHERE host_id = $1 {NEWEST_FIRST} LIMIT 10",
        host,
    )
    total = await column(
        seeded_shared_url, "SELECT count(*) FROM host_metrics WHERE host_id = $1", host
    )
    data = await gql_ro.ok(HOST_WITH_METRICS, {"id": host}, ADMIN)
    metrics = data["host"]["metrics"]
    assert [n["rowId"] for n in metrics["nodes"]] == expected
    assert metrics["totalCount"] == total[0]
    assert {n["hostId"] for n in metrics["nodes"]} == {host}
    assert {n["host"]["rowId"] for n in metrics["nodes"]} == {host}


async def test_host_metrics_edge_with_collected_at_filter_matches_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    host, since = facts["host"], facts["host_newest"] - timedelta(hours=3)
    expected = await column(
        seeded_shared_url,
        "SELECT count(*) FROM host_metrics WHERE host_id = $1 AND collected_at >= $2",
        host,
        since,
    )
    where = {"collectedAt": {"gte": since.isoformat()}}
    data = await gql_ro.ok(HOST_WITH_METRICS, {"id": host, "where": where}, ADMIN)
    assert data["host"]["metrics"]["totalCount"] == expected[0]


async def test_host_metrics_root_round_trip_covers_every_row_once(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    host, since = facts["host"], facts["host_newest"] - timedelta(hours=6)
    expected = await column(
        seeded_shared_url,
        f"SELECT id FROM host_metrics WHERE host_id = $1 AND collected_at >= $2 {NEWEST_FIRST}",
        host,
        since,
    )
    assert len(expected) > 10
    where = {"hostId": {"eq": host}, "collectedAt": {"gte": since.isoformat()}}
    forward, backward = await walk_both_ways(
        gql_ro, HOST_METRICS, "hostMetrics", {"where": where}, 7, ADMIN
    )
    assert forward == expected
    assert backward == expected
    data = await gql_ro.ok(HOST_METRICS, {"first": 1, "where": where}, ADMIN)
    assert data["hostMetrics"]["totalCount"] == len(expected)


async def test_host_metrics_root_page_over_cap_gives_bad_user_input(
    gql_ro: GraphQLRunner, facts: dict[str, Any]
) -> None:
    where = {"hostId": {"eq": facts["host"]}}
    result = await gql_ro(HOST_METRICS, {"first": 101, "where": where}, ADMIN)
    assert errors_code(result) == "BAD_USER_INPUT"


async def test_host_metrics_root_garbage_cursor_gives_bad_user_input(
    gql_ro: GraphQLRunner, facts: dict[str, Any]
) -> None:
    where = {"hostId": {"eq": facts["host"]}}
    result = await gql_ro(HOST_METRICS, {"first": 5, "after": "garbage!", "where": where}, ADMIN)
    assert errors_code(result) == "BAD_USER_INPUT"


async def test_host_metrics_root_customer_without_host_filter_gives_bad_user_input(
    gql_ro: GraphQLRunner, facts: dict[str, Any]
) -> None:
    result = await gql_ro(HOST_METRICS, {"first": 5}, customer_viewer(facts["stranger"]))
    assert errors_code(result) == "BAD_USER_INPUT"


async def test_host_metrics_as_customer_are_hidden_everywhere(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    customer = facts["customer_on_host"]
    assert customer is not None
    viewer = customer_viewer(customer)
    where = {"hostId": {"eq": facts["host"]}}
    data = await gql_ro.ok(HOST_METRICS, {"first": 5, "where": where}, viewer)
    assert data["hostMetrics"]["totalCount"] == 0
    assert data["hostMetrics"]["nodes"] == []
    # The customer sees the host its environment runs on, but not the host's samples.
    host = (await gql_ro.ok(HOST_WITH_METRICS, {"id": facts["host"]}, viewer))["host"]
    assert host is not None
    assert host["metrics"] == {"totalCount": 0, "nodes": []}
    metric_id = await first_value(
        seeded_shared_url, "SELECT min(id) FROM host_metrics WHERE host_id = $1", facts["host"]
    )
    node = await gql_ro.ok(NODE, {"id": global_id("HostMetric", metric_id)}, viewer)
    assert node["node"] is None
    admin_node = await gql_ro.ok(NODE, {"id": global_id("HostMetric", metric_id)}, ADMIN)
    assert admin_node["node"]["rowId"] == metric_id


async def test_host_metrics_as_agent_shows_its_host_only(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    host, other = facts["host"], facts["other_host"]
    agent = agent_viewer(1, host)
    own = await column(
        seeded_shared_url, "SELECT count(*) FROM host_metrics WHERE host_id = $1", host
    )
    data = await gql_ro.ok(HOST_METRICS, {"first": 3, "where": {"hostId": {"eq": host}}}, agent)
    assert data["hostMetrics"]["totalCount"] == own[0]
    data = await gql_ro.ok(HOST_METRICS, {"first": 3, "where": {"hostId": {"eq": other}}}, agent)
    assert data["hostMetrics"]["totalCount"] == 0
    other_metric = await first_value(
        seeded_shared_url, "SELECT min(id) FROM host_metrics WHERE host_id = $1", other
    )
    if other_metric is not None:
        node = await gql_ro.ok(NODE, {"id": global_id("HostMetric", other_metric)}, agent)
        assert node["node"] is None


async def test_host_metrics_edge_for_many_hosts_batches_into_one_statement(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    rows = await fetch(
        seeded_shared_url,
        "SELECT host_id, id FROM (SELECT host_id, id, row_number() OVER "
        "(PARTITION BY host_id ORDER BY collected_at DESC, id DESC) AS rank FROM host_metrics) r "
        "WHERE rank <= 3 ORDER BY host_id, rank",
    )
    expected: dict[str, list[int]] = {}
    for host_id, metric_id in rows:
        expected.setdefault(host_id, []).append(metric_id)
    gql_ro.reset_count()
    data = await gql_ro.ok(HOSTS_WITH_METRICS, viewer=ADMIN)
    metric_statements = [s for s in gql_ro.statements if "host_metrics" in s]
    assert len(metric_statements) == 1
    assert "LATERAL" in metric_statements[0]
    for host in data["hosts"]["nodes"]:
        got = [n["rowId"] for n in host["metrics"]["nodes"]]
        assert got == expected.get(host["rowId"], [])


# --- GPU metrics ------------------------------------------------------------------------------


async def test_gpu_metrics_edge_as_admin_matches_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    gpu = facts["gpu"]
    expected = await column(
        seeded_shared_url,
        f"SELECT id FROM gpu_metrics WHERE gpu_id = $1 {NEWEST_FIRST} LIMIT 10",
        gpu,
    )
    total = await column(
        seeded_shared_url, "SELECT count(*) FROM gpu_metrics WHERE gpu_id = $1", gpu
    )
    data = await gql_ro.ok(GPU_NODE_WITH_METRICS, {"id": global_id("Gpu", gpu)}, ADMIN)
    metrics = data["node"]["metrics"]
    assert [n["rowId"] for n in metrics["nodes"]] == expected
    assert metrics["totalCount"] == total[0]
    assert {n["gpu"]["rowId"] for n in metrics["nodes"]} == {gpu}


async def test_gpu_metrics_root_by_host_as_admin_matches_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    host = facts["gpu_host"]
    expected = await column(
        seeded_shared_url,
        f"SELECT id FROM gpu_metrics WHERE host_id = $1 {NEWEST_FIRST} LIMIT 20",
        host,
    )
    total = await column(
        seeded_shared_url, "SELECT count(*) FROM gpu_metrics WHERE host_id = $1", host
    )
    data = await gql_ro.ok(GPU_METRICS, {"first": 20, "where": {"hostId": {"eq": host}}}, ADMIN)
    assert [n["rowId"] for n in data["gpuMetrics"]["nodes"]] == expected
    assert data["gpuMetrics"]["totalCount"] == total[0]
    assert {n["host"]["rowId"] for n in data["gpuMetrics"]["nodes"]} == {host}


async def test_gpu_metrics_root_round_trip_covers_every_row_once(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    gpu = facts["gpu"]
    expected = await column(
        seeded_shared_url, f"SELECT id FROM gpu_metrics WHERE gpu_id = $1 {NEWEST_FIRST}", gpu
    )
    where = {"gpuId": {"eq": str(gpu)}}
    forward, backward = await walk_both_ways(
        gql_ro, GPU_METRICS, "gpuMetrics", {"where": where}, 100, ADMIN
    )
    assert forward == expected
    assert backward == expected


async def test_gpu_metrics_as_holder_of_the_gpu_are_visible(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    gpu, owner = facts["gpu"], customer_viewer(facts["gpu_owner"])
    total = await column(
        seeded_shared_url, "SELECT count(*) FROM gpu_metrics WHERE gpu_id = $1", gpu
    )
    data = await gql_ro.ok(GPU_METRICS, {"first": 5, "where": {"gpuId": {"eq": str(gpu)}}}, owner)
    assert data["gpuMetrics"]["totalCount"] == total[0]
    assert {n["gpu"]["rowId"] for n in data["gpuMetrics"]["nodes"]} == {gpu}
    metric_id = data["gpuMetrics"]["nodes"][0]["rowId"]
    node = await gql_ro.ok(NODE, {"id": global_id("GpuMetric", metric_id)}, owner)
    assert node["node"]["gpuId"] == gpu


async def test_gpu_metrics_as_other_tenant_are_hidden_everywhere(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    gpu, stranger = facts["gpu"], customer_viewer(facts["stranger"])
    data = await gql_ro.ok(
        GPU_METRICS, {"first": 5, "where": {"gpuId": {"eq": str(gpu)}}}, stranger
    )
    assert data["gpuMetrics"] == EMPTY_PAGE
    metric_id = await first_value(
        seeded_shared_url, "SELECT min(id) FROM gpu_metrics WHERE gpu_id = $1", gpu
    )
    node = await gql_ro.ok(NODE, {"id": global_id("GpuMetric", metric_id)}, stranger)
    assert node["node"] is None
    result = await gql_ro(GPU_METRICS, {"first": 5}, stranger)
    assert errors_code(result) == "BAD_USER_INPUT"


# --- environment metrics ----------------------------------------------------------------------


async def test_environment_metrics_root_as_owner_matches_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    env, owner = facts["env"], customer_viewer(facts["env_owner"])
    expected = await column(
        seeded_shared_url,
        f"SELECT id FROM environment_metrics WHERE env_id = $1 {NEWEST_FIRST}",
        env,
    )
    where = {"envId": {"eq": env}}
    forward, backward = await walk_both_ways(
        gql_ro, ENVIRONMENT_METRICS, "environmentMetrics", {"where": where}, 100, owner
    )
    assert forward == expected
    assert backward == expected
    data = await gql_ro.ok(ENVIRONMENT_METRICS, {"first": 3, "where": where}, owner)
    assert data["environmentMetrics"]["totalCount"] == len(expected)
    assert {n["environment"]["rowId"] for n in data["environmentMetrics"]["nodes"]} == {env}


async def test_environment_metrics_edge_as_owner_matches_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    env, owner = facts["env"], customer_viewer(facts["env_owner"])
    expected = await column(
        seeded_shared_url,
        f"SELECT id FROM environment_metrics WHERE env_id = $1 {NEWEST_FIRST} LIMIT 10",
        env,
    )
    data = await gql_ro.ok(ENVIRONMENT_WITH_METRICS, {"id": env}, owner)
    assert [n["rowId"] for n in data["environment"]["metrics"]["nodes"]] == expected


async def test_environment_metrics_as_agent_of_its_host_are_visible(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    env = facts["env"]
    total = await column(
        seeded_shared_url, "SELECT count(*) FROM environment_metrics WHERE env_id = $1", env
    )
    where = {"envId": {"eq": env}}
    agent = agent_viewer(1, facts["env_host"])
    data = await gql_ro.ok(ENVIRONMENT_METRICS, {"first": 1, "where": where}, agent)
    assert data["environmentMetrics"]["totalCount"] == total[0]
    other_host = await column(
        seeded_shared_url, "SELECT id FROM hosts WHERE id <> $1 LIMIT 1", facts["env_host"]
    )
    foreign_agent = agent_viewer(1, other_host[0])
    data = await gql_ro.ok(ENVIRONMENT_METRICS, {"first": 1, "where": where}, foreign_agent)
    assert data["environmentMetrics"]["totalCount"] == 0


async def test_environment_metrics_as_other_tenant_are_hidden_everywhere(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    env, stranger = facts["env"], customer_viewer(facts["stranger"])
    where = {"envId": {"eq": env}}
    data = await gql_ro.ok(ENVIRONMENT_METRICS, {"first": 5, "where": where}, stranger)
    assert data["environmentMetrics"]["totalCount"] == 0
    assert data["environmentMetrics"]["nodes"] == []
    metric_id = await first_value(
        seeded_shared_url, "SELECT min(id) FROM environment_metrics WHERE env_id = $1", env
    )
    node = await gql_ro.ok(NODE, {"id": global_id("EnvironmentMetric", metric_id)}, stranger)
    assert node["node"] is None
    anonymous = await gql_ro.ok(NODE, {"id": global_id("EnvironmentMetric", metric_id)})
    assert anonymous["node"] is None
    admin = await gql_ro.ok(NODE, {"id": global_id("EnvironmentMetric", metric_id)}, ADMIN)
    assert admin["node"]["envId"] == env


async def test_environment_metrics_root_as_admin_without_filter_is_allowed(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await column(
        seeded_shared_url, f"SELECT id FROM environment_metrics {NEWEST_FIRST} LIMIT 5"
    )
    data = await gql_ro.ok(ENVIRONMENT_METRICS, {"first": 5}, ADMIN)
    assert [n["rowId"] for n in data["environmentMetrics"]["nodes"]] == expected
