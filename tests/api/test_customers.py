"""The `customers` area over GraphQL: customers, resource quotas, usage and the viewer.

Every expectation is computed with SQL on the same seeded database, so the tests follow the seed.
"""

from __future__ import annotations

import base64
from typing import Any

import pytest

from tests.graphql import GraphQLRunner, admin_viewer, agent_viewer, customer_viewer
from tests.support.db import fetch, first_row, first_value
from tests.support.documents import connection_query, node_query

BOB = 3

CUSTOMERS = connection_query("customers", "edges { cursor node { id rowId username status } }")

CUSTOMER = """
query Customer($username: String!) {
  customer(username: $username) {
    id rowId username email userType accountType status deletedAt
    quota { rowId userId cpuQuota storageQuota customer { rowId } }
    usage { environments cpu memory gpu storage }
  }
}
"""

CUSTOMER_EDGES = """
query CustomerEdges($username: String!) {
  customer(username: $username) {
    rowId
    workspaces(first: 100) { totalCount nodes { rowId ownerId owner { rowId } } }
    memberships(first: 100) {
      totalCount nodes { rowId customerId customer { rowId } workspace { rowId } }
    }
    environments(first: 100) { totalCount nodes { rowId } }
    datasets(first: 100) { totalCount nodes { rowId } }
    models(first: 100) { totalCount nodes { rowId } }
    artifacts(first: 100) { totalCount nodes { rowId } }
    billingRecords(first: 5) { totalCount }
    invoices(first: 5) { totalCount }
    trainingJobs(first: 100) { totalCount nodes { rowId } }
    inferenceServices(first: 100) { totalCount nodes { rowId } }
    notifications(first: 5) { totalCount }
    auditLogs(first: 5) { totalCount }
    alertRules(first: 100) { totalCount }
    webhooks(first: 100) { totalCount }
    issues(first: 100) { totalCount }
    requirements(first: 100) { totalCount }
  }
}
"""

VIEWER = """
query Viewer {
  viewer { rowId username quota { userId } usage { environments cpu memory gpu storage } }
}
"""

RESOURCE_QUOTAS = """
query Quotas($first: Int, $after: String, $where: ResourceQuotaWhere) {
  resourceQuotas(first: $first, after: $after, where: $where) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id rowId userId quotaLevel customer { rowId } }
  }
}
"""

NODE = node_query("Customer { rowId username }", "ResourceQuota { rowId userId }")


def gid(type_name: str, row_id: object) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{row_id}".encode()).decode()


async def visible_customer_ids(url: str, viewer_id: int) -> set[int]:
    rows = await fetch(
        url,
        """
        WITH ws AS (SELECT workspace_id FROM workspace_members
                    WHERE customer_id = $1 AND status = 'active')
        SELECT id FROM customers
        WHERE deleted_at IS NULL
          AND (id = $1
               OR id IN (SELECT customer_id FROM workspace_members
                         WHERE workspace_id IN (SELECT workspace_id FROM ws)
                           AND status = 'active')
               OR id IN (SELECT owner_id FROM workspaces
                         WHERE id IN (SELECT workspace_id FROM ws)))
        """,
        viewer_id,
    )
    return {r["id"] for r in rows}


async def outsider_of(url: str, customer_id: int) -> int:
    """An active, non-admin customer sharing no workspace (of any membership status) with it."""
    rows = await fetch(
        url,
        """
        SELECT c.id FROM customers c
        WHERE c.status = 'active' AND c.deleted_at IS NULL AND c.user_type <> 'admin'
          AND c.id <> $1
          AND NOT EXISTS (
            SELECT 1 FROM workspace_members a JOIN workspace_members b USING (workspace_id)
            WHERE a.customer_id = c.id AND b.customer_id = $1)
          AND NOT EXISTS (
            SELECT 1 FROM workspaces w JOIN workspace_members b ON b.workspace_id = w.id
            WHERE (w.owner_id = c.id AND b.customer_id = $1)
               OR (w.owner_id = $1 AND b.customer_id = c.id))
        ORDER BY c.id LIMIT 1
        """,
        customer_id,
    )
    return int(rows[0]["id"])


async def all_pages(
    gql: GraphQLRunner, query: str, field: str, variables: dict[str, Any], viewer: Any
) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    after = None
    while True:
        data = await gql.ok(query, {**variables, "after": after}, viewer)
        conn = data[field]
        seen.extend(e.get("node", e) for e in conn.get("edges", conn.get("nodes")))
        if not conn["pageInfo"]["hasNextPage"]:
            return seen
        after = conn["pageInfo"]["endCursor"]


# --- root connection: visibility -------------------------------------------------------------


async def test_customers_as_admin_returns_every_row_including_deleted(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    total = await fetch(seeded_shared_url, "SELECT count(*) AS n FROM customers")
    deleted = await fetch(
        seeded_shared_url, "SELECT count(*) AS n FROM customers WHERE deleted_at IS NOT NULL"
    )
    data = await gql_ro.ok(CUSTOMERS, {"first": 1}, admin_viewer())
    assert data["customers"]["totalCount"] == total[0]["n"]
    where = {"status": {"eq": "DELETED"}}
    data = await gql_ro.ok(CUSTOMERS, {"first": 100, "where": where}, admin_viewer())
    assert data["customers"]["totalCount"] == deleted[0]["n"] > 0


async def test_customers_as_customer_returns_self_and_workspace_people(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await visible_customer_ids(seeded_shared_url, BOB)
    data = await gql_ro.ok(CUSTOMERS, {"first": 100}, customer_viewer(BOB, "internal"))
    got = {e["node"]["rowId"] for e in data["customers"]["edges"]}
    assert got == expected
    assert BOB in got
    assert len(got) > 1
    assert data["customers"]["totalCount"] == len(expected)


async def test_customers_as_outsider_excludes_other_tenant(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    outsider = await outsider_of(seeded_shared_url, BOB)
    viewer = customer_viewer(outsider)
    data = await gql_ro.ok(CUSTOMERS, {"first": 100}, viewer)
    got = {e["node"]["rowId"] for e in data["customers"]["edges"]}
    assert BOB not in got
    assert got == await visible_customer_ids(seeded_shared_url, outsider)
    assert (await gql_ro.ok(CUSTOMER, {"username": "bob"}, viewer))["customer"] is None
    assert (await gql_ro.ok(NODE, {"id": gid("Customer", BOB)}, viewer))["node"] is None


async def test_customers_as_agent_or_anonymous_returns_nothing(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    host = await first_value(seeded_shared_url, "SELECT id FROM hosts ORDER BY id LIMIT 1")
    for viewer in (agent_viewer(1, host), customer_viewer(0)):
        data = await gql_ro.ok(CUSTOMERS, {"first": 10}, viewer)
        assert data["customers"]["totalCount"] == 0
        quotas = await gql_ro.ok(RESOURCE_QUOTAS, {"first": 10}, viewer)
        assert quotas["resourceQuotas"]["totalCount"] == 0
    anonymous = await gql_ro.ok(CUSTOMERS, {"first": 10})
    assert anonymous["customers"]["edges"] == []
    assert (await gql_ro.ok(VIEWER, {}, agent_viewer(1, host)))["viewer"] is None


async def test_customer_deleted_as_customer_returns_null(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    rows = await fetch(
        seeded_shared_url,
        "SELECT id, username FROM customers WHERE deleted_at IS NOT NULL ORDER BY id LIMIT 1",
    )
    deleted_id, username = rows[0]["id"], rows[0]["username"]
    as_admin = await gql_ro.ok(CUSTOMER, {"username": username}, admin_viewer())
    assert as_admin["customer"]["rowId"] == deleted_id
    assert as_admin["customer"]["deletedAt"] is not None
    # Even the deleted customer itself no longer sees its row.
    for viewer in (customer_viewer(deleted_id), customer_viewer(BOB, "internal")):
        assert (await gql_ro.ok(CUSTOMER, {"username": username}, viewer))["customer"] is None
        node = await gql_ro.ok(NODE, {"id": gid("Customer", deleted_id)}, viewer)
        assert node["node"] is None


# --- paging ----------------------------------------------------------------------------------


async def test_customers_paging_forward_covers_every_row_once(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    rows = await fetch(seeded_shared_url, "SELECT id FROM customers ORDER BY username, id")
    nodes = await all_pages(
        gql_ro, CUSTOMERS, "customers", {"first": 30, "orderBy": "USERNAME_ASC"}, admin_viewer()
    )
    assert [n["rowId"] for n in nodes] == [r["id"] for r in rows]


async def test_customers_paging_backward_returns_rows_before_cursor(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    rows = await fetch(seeded_shared_url, "SELECT id FROM customers ORDER BY created_at DESC, id")
    ids = [r["id"] for r in rows]
    variables = {"first": 50, "orderBy": "CREATED_AT_DESC"}
    page = (await gql_ro.ok(CUSTOMERS, variables, admin_viewer()))["customers"]
    assert [e["node"]["rowId"] for e in page["edges"]] == ids[:50]
    before = page["edges"][40]["cursor"]
    back = await gql_ro.ok(
        CUSTOMERS, {"last": 10, "before": before, "orderBy": "CREATED_AT_DESC"}, admin_viewer()
    )
    conn = back["customers"]
    assert [e["node"]["rowId"] for e in conn["edges"]] == ids[30:40]
    assert conn["pageInfo"]["hasPreviousPage"] is True
    assert conn["pageInfo"]["hasNextPage"] is True


@pytest.mark.parametrize(
    "variables",
    [{"first": 101}, {"last": 101}, {"first": 5, "after": "garbage!"}, {"first": 5, "before": "x"}],
)
async def test_customers_bad_paging_returns_bad_user_input(
    gql_ro: GraphQLRunner, variables: dict[str, Any]
) -> None:
    result = await gql_ro(CUSTOMERS, variables, admin_viewer())
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_customers_cursor_of_other_ordering_returns_bad_user_input(
    gql_ro: GraphQLRunner,
) -> None:
    page = await gql_ro.ok(CUSTOMERS, {"first": 2}, admin_viewer())
    cursor = page["customers"]["pageInfo"]["endCursor"]
    result = await gql_ro(
        CUSTOMERS, {"first": 2, "after": cursor, "orderBy": "USERNAME_ASC"}, admin_viewer()
    )
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


# --- filters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "sql"),
    [
        ({"status": {"eq": "SUSPENDED"}}, "status = 'suspended'"),
        ({"userType": {"in": ["ADMIN", "INTERNAL"]}}, "user_type IN ('admin', 'internal')"),
        ({"accountType": {"eq": "ENTERPRISE"}}, "account_type = 'enterprise'"),
        ({"username": {"startsWith": "a"}}, "username LIKE 'a%'"),
        ({"email": {"contains": "EXAMPLE"}}, "email ILIKE '%example%'"),
        ({"createdAt": {"gte": "2026-03-01T00:00:00Z"}}, "created_at >= '2026-03-01 00:00:00+00'"),
    ],
)
async def test_customers_where_returns_matching_rows(
    gql_ro: GraphQLRunner, seeded_shared_url: str, where: dict[str, Any], sql: str
) -> None:
    rows = await fetch(seeded_shared_url, f"SELECT id FROM customers WHERE {sql} ORDER BY id")
    data = await gql_ro.ok(CUSTOMERS, {"first": 100, "where": where}, admin_viewer())
    assert [e["node"]["rowId"] for e in data["customers"]["edges"]] == [r["id"] for r in rows]
    assert data["customers"]["totalCount"] == len(rows)


# --- single object, node, viewer -------------------------------------------------------------


async def test_customer_as_self_returns_quota_and_usage(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    usage = await first_row(
        seeded_shared_url,
        """
            SELECT count(*) AS n, coalesce(sum(cpu), 0) AS cpu, coalesce(sum(memory), 0) AS mem,
                   coalesce(sum(gpu), 0) AS gpu, coalesce(sum(storage), 0) AS storage
            FROM environments WHERE user_id = $1 AND status IN ('creating', 'running')
            """,
        BOB,
    )
    quota = await first_row(seeded_shared_url, "SELECT * FROM resource_quotas WHERE user_id = 3")
    for viewer in (customer_viewer(BOB, "internal"), admin_viewer()):
        data = (await gql_ro.ok(CUSTOMER, {"username": "bob"}, viewer))["customer"]
        assert data["id"] == gid("Customer", BOB)
        assert data["userType"] == "INTERNAL"
        assert data["quota"]["rowId"] == quota["id"]
        assert data["quota"]["storageQuota"] == str(quota["storage_quota"])
        assert data["quota"]["customer"]["rowId"] == BOB
        assert data["usage"] == {
            "environments": usage["n"],
            "cpu": usage["cpu"],
            "memory": str(usage["mem"]),
            "gpu": usage["gpu"],
            "storage": str(usage["storage"]),
        }


async def test_customer_as_co_member_hides_quota_and_usage(gql_ro: GraphQLRunner) -> None:
    # alice (2) is an active member of bob's demo team.
    data = (await gql_ro.ok(CUSTOMER, {"username": "bob"}, customer_viewer(2)))["customer"]
    assert data["rowId"] == BOB
    assert data["quota"] is None
    assert data["usage"] is None


async def test_customer_never_exposes_password_hash(gql_ro: GraphQLRunner) -> None:
    result = await gql_ro("{ viewer { passwordHash } }", None, admin_viewer())
    assert "errors" in result


async def test_viewer_returns_logged_in_customer_or_null(gql_ro: GraphQLRunner) -> None:
    data = await gql_ro.ok(VIEWER, {}, customer_viewer(BOB, "internal"))
    assert data["viewer"]["rowId"] == BOB
    assert data["viewer"]["username"] == "bob"
    assert data["viewer"]["quota"]["userId"] == BOB
    assert data["viewer"]["usage"] is not None
    assert (await gql_ro.ok(VIEWER))["viewer"] is None


async def test_node_customer_and_quota_follow_visibility(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    quota_id = await first_value(
        seeded_shared_url, "SELECT id FROM resource_quotas WHERE user_id = 3"
    )
    outsider = await outsider_of(seeded_shared_url, BOB)
    for type_name, row_id in (("Customer", BOB), ("ResourceQuota", quota_id)):
        node_id = gid(type_name, row_id)
        own = await gql_ro.ok(NODE, {"id": node_id}, customer_viewer(BOB, "internal"))
        assert own["node"]["rowId"] == row_id
        assert (await gql_ro.ok(NODE, {"id": node_id}, admin_viewer()))["node"]["id"] == node_id
        assert (await gql_ro.ok(NODE, {"id": node_id}, customer_viewer(outsider)))["node"] is None
    # a co-member sees bob, but not bob's quota
    quota_node = await gql_ro.ok(NODE, {"id": gid("ResourceQuota", quota_id)}, customer_viewer(2))
    assert quota_node["node"] is None
    assert (await gql_ro.ok(NODE, {"id": gid("Customer", "x1")}, admin_viewer()))["node"] is None


# --- resource quotas -------------------------------------------------------------------------


async def test_resource_quotas_as_customer_returns_only_own(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    data = await gql_ro.ok(RESOURCE_QUOTAS, {"first": 100}, customer_viewer(BOB, "internal"))
    assert [n["userId"] for n in data["resourceQuotas"]["nodes"]] == [BOB]
    assert data["resourceQuotas"]["nodes"][0]["customer"]["rowId"] == BOB
    total = await first_value(seeded_shared_url, "SELECT count(*) AS n FROM resource_quotas")
    nodes = await all_pages(
        gql_ro, RESOURCE_QUOTAS, "resourceQuotas", {"first": 40}, admin_viewer()
    )
    assert len({n["rowId"] for n in nodes}) == len(nodes) == total
    assert all(n["customer"]["rowId"] == n["userId"] for n in nodes)


async def test_resource_quotas_where_user_id_returns_that_quota(gql_ro: GraphQLRunner) -> None:
    where = {"userId": {"in": ["2", "3"]}}
    data = await gql_ro.ok(RESOURCE_QUOTAS, {"first": 10, "where": where}, admin_viewer())
    assert sorted(n["userId"] for n in data["resourceQuotas"]["nodes"]) == [2, 3]
    bad = await gql_ro(RESOURCE_QUOTAS, {"where": {"userId": {"eq": "abc"}}}, admin_viewer())
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


# --- edges of Customer -----------------------------------------------------------------------

_COUNTS = {
    "environments": "SELECT count(*) FROM environments WHERE user_id = $1",
    "datasets": "SELECT count(*) FROM datasets WHERE customer_id = $1",
    "models": "SELECT count(*) FROM models WHERE customer_id = $1",
    "artifacts": "SELECT count(*) FROM artifacts WHERE customer_id = $1",
    "billingRecords": "SELECT count(*) FROM billing_records WHERE customer_id = $1",
    "invoices": "SELECT count(*) FROM invoices WHERE customer_id = $1",
    "trainingJobs": "SELECT count(*) FROM training_jobs WHERE customer_id = $1",
    "inferenceServices": "SELECT count(*) FROM inference_services WHERE customer_id = $1",
    "notifications": "SELECT count(*) FROM notifications WHERE customer_id = $1",
    "auditLogs": "SELECT count(*) FROM audit_logs WHERE customer_id = $1",
    "alertRules": "SELECT count(*) FROM alert_rules WHERE customer_id = $1",
    "webhooks": "SELECT count(*) FROM webhooks WHERE customer_id = $1",
    "issues": "SELECT count(*) FROM issues WHERE customer_id = $1",
    "requirements": "SELECT count(*) FROM requirements WHERE customer_id = $1",
    "workspaces": "SELECT count(*) FROM workspaces WHERE owner_id = $1",
    "memberships": "SELECT count(*) FROM workspace_members WHERE customer_id = $1",
}


async def test_customer_edges_as_admin_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    data = (await gql_ro.ok(CUSTOMER_EDGES, {"username": "bob"}, admin_viewer()))["customer"]
    for field, sql in _COUNTS.items():
        expected = await first_value(seeded_shared_url, sql, BOB)
        assert data[field]["totalCount"] == expected, field
    ids = await fetch(seeded_shared_url, "SELECT id FROM environments WHERE user_id = 3")
    assert {n["rowId"] for n in data["environments"]["nodes"]} == {r["id"] for r in ids}
    assert all(n["owner"]["rowId"] == BOB for n in data["workspaces"]["nodes"])
    members = await fetch(
        seeded_shared_url, "SELECT id, workspace_id FROM workspace_members WHERE customer_id = 3"
    )
    got = {(n["rowId"], n["workspace"]["rowId"]) for n in data["memberships"]["nodes"]}
    assert got == {(r["id"], r["workspace_id"]) for r in members}
    assert all(n["customer"]["rowId"] == BOB for n in data["memberships"]["nodes"])


async def test_customer_workspaces_as_co_member_returns_only_shared(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    # alice sees bob, but of bob's workspaces only those alice is an active member of.
    rows = await fetch(
        seeded_shared_url,
        """
        SELECT w.id FROM workspaces w JOIN workspace_members m ON m.workspace_id = w.id
        WHERE w.owner_id = 3 AND m.customer_id = 2 AND m.status = 'active'
        """,
    )
    data = (await gql_ro.ok(CUSTOMER_EDGES, {"username": "bob"}, customer_viewer(2)))["customer"]
    assert {n["rowId"] for n in data["workspaces"]["nodes"]} == {r["id"] for r in rows}
    assert data["workspaces"]["totalCount"] == len(rows) > 0
    assert data["billingRecords"]["totalCount"] == 0
    assert data["invoices"]["totalCount"] == 0
    assert data["notifications"]["totalCount"] == 0


NESTED = """
query Nested {
  customers(first: 50) {
    nodes {
      rowId
      quota { rowId }
      usage { environments }
      workspaces(first: 3) {
        totalCount
        nodes { owner { rowId } members(first: 3) { nodes { customer { rowId } } } }
      }
      memberships(first: 2) { nodes { workspace { rowId } } }
    }
  }
}
"""


async def test_customers_nested_edges_batch_into_one_statement_per_level(
    gql_ro: GraphQLRunner,
) -> None:
    gql_ro.reset_count()
    data = await gql_ro.ok(NESTED, {}, admin_viewer())
    assert len(data["customers"]["nodes"]) == 50
    # root, quota, usage, workspaces page + count, owners, members page, member customers,
    # memberships page, their workspaces: never one statement per customer.
    assert len(gql_ro.statements) <= 10, gql_ro.statements
