"""`node` / `nodes` for every type: round trip by global ID, visibility, malformed IDs."""

from __future__ import annotations

import base64

import asyncpg
import pytest
from graphql import GraphQLObjectType

from remotegpu.api import schema
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.schema.entities import NODE_TYPES
from tests.graphql import GraphQLRunner, admin_viewer, customer_viewer

# Root connection of each Node type, with a filter that keeps metric tables cheap.
ROOTS = {
    "SystemConfig": "systemConfigs",
    "Customer": "customers",
    "ResourceQuota": "resourceQuotas",
    "Workspace": "workspaces",
    "WorkspaceMember": "workspaceMembers",
    "Host": "hosts",
    "Gpu": "gpus",
    "Environment": "environments",
    "PortMapping": "portMappings",
    "Dataset": "datasets",
    "DatasetVersion": "datasetVersions",
    "Model": "models",
    "ModelVersion": "modelVersions",
    "Image": "images",
    "Artifact": "artifacts",
    "DatasetMount": "datasetMounts",
    "HostMetric": "hostMetrics",
    "GpuMetric": "gpuMetrics",
    "EnvironmentMetric": "environmentMetrics",
    "BillingRecord": "billingRecords",
    "Invoice": "invoices",
    "TrainingJob": "trainingJobs",
    "InferenceService": "inferenceServices",
    "Notification": "notifications",
    "AuditLog": "auditLogs",
    "AlertRule": "alertRules",
    "AlertRecord": "alertRecords",
    "Webhook": "webhooks",
    "WebhookLog": "webhookLogs",
    "Issue": "issues",
    "Requirement": "requirements",
    "Comment": "comments",
}

# Public datasets/models (and their versions) are meant for everyone: probe private ones.
PRIVATE = "where: { visibility: { eq: PRIVATE } }"
PRIVATE_PROBES = {
    "Dataset": f"{{ datasets(first: 1, {PRIVATE}) {{ nodes {{ id }} }} }}",
    "Model": f"{{ models(first: 1, {PRIVATE}) {{ nodes {{ id }} }} }}",
    "DatasetVersion": f"{{ datasets(first: 20, {PRIVATE}) "
    "{ nodes { versions(first: 1) { nodes { id } } } } }",
    "ModelVersion": f"{{ models(first: 20, {PRIVATE}) "
    "{ nodes { versions(first: 1) { nodes { id } } } } }",
}

NODE = "query($id: ID!) { node(id: $id) { __typename id } }"
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"


async def _first_id(gql: GraphQLRunner, root: str) -> str:
    data = await gql.ok(f"{{ {root}(first: 1) {{ nodes {{ id }} }} }}", viewer=admin_viewer())
    nodes = data[root]["nodes"]
    assert nodes, f"the seeded fleet has no {root}"
    node_id: str = nodes[0]["id"]
    return node_id


async def _stranger(url: str) -> int:
    """An active external customer with no workspace shared with anyone else."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        customer_id: int = await conn.fetchval(
            "INSERT INTO customers (username, email, password_hash, user_type)"
            " VALUES ('node-stranger', 'node-stranger@example.com', 'x', 'external') RETURNING id"
        )
    finally:
        await conn.close()
    return customer_id


@pytest.mark.parametrize("type_name", sorted(ROOTS))
async def test_node_by_global_id_round_trips_for_admin(
    gql_ro: GraphQLRunner, type_name: str
) -> None:
    node_id = await _first_id(gql_ro, ROOTS[type_name])
    data = await gql_ro.ok(NODE, {"id": node_id}, viewer=admin_viewer())
    assert data["node"] == {"__typename": type_name, "id": node_id}


async def _private_id(gql: GraphQLRunner, type_name: str) -> str:
    if type_name not in PRIVATE_PROBES:
        return await _first_id(gql, ROOTS[type_name])
    data = await gql.ok(PRIVATE_PROBES[type_name], viewer=admin_viewer())
    (connection,) = data.values()
    for node in connection["nodes"]:
        if "versions" not in node:
            found: str = node["id"]
            return found
        if node["versions"]["nodes"]:
            found = node["versions"]["nodes"][0]["id"]
            return found
    raise AssertionError(f"no private {type_name} in the seeded fleet")


async def test_node_of_another_tenant_is_null_for_every_type(
    gql: GraphQLRunner, seeded_url: str
) -> None:
    stranger = customer_viewer(await _stranger(seeded_url))
    for type_name in sorted(ROOTS):
        if type_name in ("SystemConfig", "Image"):
            continue  # public configs and active images are meant for every customer
        node_id = await _private_id(gql, type_name)
        data = await gql.ok(NODE, {"id": node_id}, viewer=stranger)
        assert data["node"] is None, type_name


async def test_nodes_keeps_order_and_nulls_what_is_not_visible(gql_ro: GraphQLRunner) -> None:
    host = await _first_id(gql_ro, "hosts")
    customer = await _first_id(gql_ro, "customers")
    ids = [host, "bm90LWEtdHlwZToxMjM=", "%%%garbage", customer]
    data = await gql_ro.ok(NODES, {"ids": ids}, viewer=admin_viewer())
    assert [n and n["id"] for n in data["nodes"]] == [host, None, None, customer]
    anonymous = await gql_ro.ok(NODES, {"ids": ids})
    assert anonymous["nodes"] == [None, None, None, None]


async def test_nodes_over_the_cap_is_refused(gql_ro: GraphQLRunner) -> None:
    result = await gql_ro(NODES, {"ids": ["x"] * 101}, viewer=admin_viewer())
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


# Keys no BIGSERIAL row can have: Unicode digits `str.isdigit()` accepts ("²" int() refuses,
# "١٢" int() reads as 12), a sign, one past BIGINT's maximum, a space, nothing.
NOT_INT_KEYS = ["²", "١٢", "-1", "9223372036854775808", " 1", ""]
INT_KEYED = sorted(name for name, node_type in NODE_TYPES.items() if node_type.key is int)


def _global_id(type_name: str, key: str) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{key}".encode()).decode()


def test_node_registry_covers_every_type_implementing_node() -> None:
    implementing = {
        name
        for name, graphql_type in schema._schema.type_map.items()
        if isinstance(graphql_type, GraphQLObjectType)
        and any(interface.name == "Node" for interface in graphql_type.interfaces)
    }
    assert implementing == set(NODE_TYPES)


@pytest.mark.parametrize("type_name", INT_KEYED)
async def test_node_with_a_key_that_is_no_bigint_is_null_without_a_query(
    gql_ro: GraphQLRunner, type_name: str
) -> None:
    gql_ro.reset_count()
    for key in NOT_INT_KEYS:
        data = await gql_ro.ok(NODE, {"id": _global_id(type_name, key)}, viewer=admin_viewer())
        assert data["node"] is None, (type_name, key)
    ids = [_global_id(type_name, key) for key in NOT_INT_KEYS]
    data = await gql_ro.ok(NODES, {"ids": ids}, viewer=admin_viewer())
    assert data["nodes"] == [None] * len(NOT_INT_KEYS)
    assert gql_ro.statements == [], type_name
