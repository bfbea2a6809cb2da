"""The `workspaces` area over GraphQL: workspaces and their memberships on the seeded fleet.

Every expectation is computed with SQL on the same seeded database, so the tests follow the seed.
"""

from __future__ import annotations

import base64
from typing import Any

import pytest

from tests.graphql import GraphQLRunner, admin_viewer, agent_viewer, customer_viewer
from tests.support.db import fetch, first_value
from tests.support.documents import connection_queries, node_query
from tests.support.paging import walk_forward

BOB, ALICE = 3, 2

WORKSPACES, WORKSPACE_MEMBERS = connection_queries(
    """
    workspaces: edges { cursor node { id rowId ownerId type status memberCount } }
    workspaceMembers: edges { cursor node { id rowId workspaceId customerId role } }
    """
)

WORKSPACE = """
query Workspace($id: ID!) {
  workspace(id: $id) {
    id rowId name ownerId type status memberCount
    owner { rowId username }
    members(first: 100) {
      totalCount
      nodes { rowId workspaceId customerId role status workspace { rowId } customer { rowId } }
    }
    datasets(first: 100) { totalCount nodes { rowId } }
    models(first: 100) { totalCount nodes { rowId } }
    artifacts(first: 100) { totalCount nodes { rowId } }
    trainingJobs(first: 100) { totalCount nodes { rowId } }
    inferenceServices(first: 100) { totalCount nodes { rowId } }
  }
}
"""

MEMBERS_OF = """
query MembersOf($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  workspace(id: $id) {
    members(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { rowId } }
    }
  }
}
"""

NODE = node_query("Workspace { rowId }", "WorkspaceMember { rowId }")


def gid(type_name: str, row_id: object) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{row_id}".encode()).decode()


async def ids(url: str, sql: str, *args: Any) -> list[int]:
    return [r[0] for r in await fetch(url, sql, *args)]


async def demo_team(url: str) -> int:
    """bob's demo team: alice (member) and admin (admin) active, others, one invitation."""
    return (await ids(url, "SELECT min(id) FROM workspaces WHERE owner_id = 3 AND type = 'team'"))[
        0
    ]


async def outsider_of(url: str, workspace_id: int) -> int:
    """An active non-admin customer with no membership (of any status) in the workspace."""
    return (
        await ids(
            url,
            """
            SELECT c.id FROM customers c
            WHERE c.status = 'active' AND c.user_type <> 'admin' AND c.deleted_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM workspace_members m
                              WHERE m.customer_id = c.id AND m.workspace_id = $1)
            ORDER BY c.id LIMIT 1
            """,
            workspace_id,
        )
    )[0]


async def visible_workspace_ids(url: str, customer_id: int) -> set[int]:
    return set(
        await ids(
            url,
            """
            SELECT id FROM workspaces WHERE owner_id = $1 OR id IN (
              SELECT workspace_id FROM workspace_members
              WHERE customer_id = $1 AND status = 'active')
            """,
            customer_id,
        )
    )


# --- root connection: visibility -------------------------------------------------------------


async def test_workspaces_as_admin_returns_every_row(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    total = await ids(seeded_shared_url, "SELECT count(*) FROM workspaces")
    data = await gql_ro.ok(WORKSPACES, {"first": 1}, admin_viewer())
    assert data["workspaces"]["totalCount"] == total[0]


async def test_workspaces_as_customer_returns_active_memberships_only(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    invited = await ids(
        seeded_shared_url,
        "SELECT customer_id FROM workspace_members WHERE status = 'invited' ORDER BY id LIMIT 1",
    )
    for customer in (BOB, ALICE, invited[0]):
        expected = await visible_workspace_ids(seeded_shared_url, customer)
        data = await gql_ro.ok(WORKSPACES, {"first": 100}, customer_viewer(customer))
        got = {e["node"]["rowId"] for e in data["workspaces"]["edges"]}
        assert got == expected
        assert data["workspaces"]["totalCount"] == len(expected)
    # The invitation alone does not show the workspace.
    pending = await ids(
        seeded_shared_url,
        "SELECT workspace_id FROM workspace_members WHERE customer_id = $1 AND status = 'invited'",
        invited[0],
    )
    data = await gql_ro.ok(WORKSPACES, {"first": 100}, customer_viewer(invited[0]))
    assert not set(pending) & {e["node"]["rowId"] for e in data["workspaces"]["edges"]}


async def test_workspace_as_outsider_returns_null_everywhere(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    team = await demo_team(seeded_shared_url)
    outsider = customer_viewer(await outsider_of(seeded_shared_url, team))
    assert (await gql_ro.ok(WORKSPACE, {"id": str(team)}, outsider))["workspace"] is None
    assert (await gql_ro.ok(NODE, {"id": gid("Workspace", team)}, outsider))["node"] is None
    data = await gql_ro.ok(WORKSPACES, {"first": 100}, outsider)
    assert team not in {e["node"]["rowId"] for e in data["workspaces"]["edges"]}
    members = await gql_ro.ok(
        WORKSPACE_MEMBERS, {"first": 100, "where": {"workspaceId": {"eq": str(team)}}}, outsider
    )
    assert members["workspaceMembers"]["totalCount"] == 0
    member_id = (
        await ids(
            seeded_shared_url, "SELECT min(id) FROM workspace_members WHERE workspace_id=$1", team
        )
    )[0]
    node = await gql_ro.ok(NODE, {"id": gid("WorkspaceMember", member_id)}, outsider)
    assert node["node"] is None


async def test_workspaces_as_agent_or_anonymous_returns_nothing(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    host = await first_value(seeded_shared_url, "SELECT id FROM hosts ORDER BY id LIMIT 1")
    team = await demo_team(seeded_shared_url)
    for viewer in (agent_viewer(1, host), None):
        kwargs: dict[str, Any] = {} if viewer is None else {"viewer": viewer}
        data = await gql_ro.ok(WORKSPACES, {"first": 10}, **kwargs)
        assert data["workspaces"]["edges"] == []
        members = await gql_ro.ok(WORKSPACE_MEMBERS, {"first": 10}, **kwargs)
        assert members["workspaceMembers"]["edges"] == []
        assert (await gql_ro.ok(WORKSPACE, {"id": str(team)}, **kwargs))["workspace"] is None


# --- single object and edges -----------------------------------------------------------------


async def test_workspace_as_member_returns_owner_and_members(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    team = await demo_team(seeded_shared_url)
    rows = await fetch(
        seeded_shared_url,
        "SELECT id, customer_id, role, status FROM workspace_members WHERE workspace_id = $1",
        team,
    )
    for viewer in (customer_viewer(ALICE), customer_viewer(BOB, "internal"), admin_viewer()):
        data = (await gql_ro.ok(WORKSPACE, {"id": str(team)}, viewer))["workspace"]
        assert data["id"] == gid("Workspace", team)
        assert data["ownerId"] == BOB
        assert data["owner"] == {"rowId": BOB, "username": "bob"}
        assert data["type"] == "TEAM"
        nodes = data["members"]["nodes"]
        assert data["members"]["totalCount"] == len(rows)
        got = {(n["rowId"], n["customerId"], n["role"], n["status"]) for n in nodes}
        assert got == {
            (r["id"], r["customer_id"], r["role"].upper(), r["status"].upper()) for r in rows
        }
        assert all(n["workspace"]["rowId"] == team for n in nodes)
        # Every member of a workspace the viewer belongs to is visible to it.
        assert all(n["customer"]["rowId"] == n["customerId"] for n in nodes)
        active = sum(1 for r in rows if r["status"] == "active")
        assert data["memberCount"] == active


_CHILDREN = {
    "datasets": "SELECT id FROM datasets WHERE workspace_id = $1",
    "models": "SELECT id FROM models WHERE workspace_id = $1",
    "artifacts": "SELECT id FROM artifacts WHERE workspace_id = $1",
    "trainingJobs": "SELECT id FROM training_jobs WHERE workspace_id = $1",
    "inferenceServices": "SELECT id FROM inference_services WHERE workspace_id = $1",
}


async def test_workspace_children_as_admin_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    busiest = await ids(
        seeded_shared_url,
        """
        SELECT workspace_id FROM training_jobs WHERE workspace_id IS NOT NULL
        GROUP BY workspace_id ORDER BY count(*) DESC, workspace_id LIMIT 1
        """,
    )
    team = await demo_team(seeded_shared_url)
    for workspace in {team, *busiest}:
        data = (await gql_ro.ok(WORKSPACE, {"id": str(workspace)}, admin_viewer()))["workspace"]
        for field, sql in _CHILDREN.items():
            expected = set(await ids(seeded_shared_url, sql, workspace))
            assert data[field]["totalCount"] == len(expected), field
            if len(expected) <= 100:
                assert {n["rowId"] for n in data[field]["nodes"]} == expected, field


async def test_workspace_bad_id_returns_null(gql_ro: GraphQLRunner) -> None:
    for bad in ("abc", "-1", "999999999", "99999999999999999999999"):
        assert (await gql_ro.ok(WORKSPACE, {"id": bad}, admin_viewer()))["workspace"] is None


async def test_node_workspace_and_member_as_member_resolve(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    team = await demo_team(seeded_shared_url)
    member = (
        await ids(
            seeded_shared_url, "SELECT min(id) FROM workspace_members WHERE workspace_id=$1", team
        )
    )[0]
    for type_name, row_id in (("Workspace", team), ("WorkspaceMember", member)):
        for viewer in (customer_viewer(ALICE), admin_viewer()):
            data = await gql_ro.ok(NODE, {"id": gid(type_name, row_id)}, viewer)
            assert data["node"] == {"id": gid(type_name, row_id), "rowId": row_id}


# --- members root and paging -----------------------------------------------------------------


async def test_workspace_members_as_customer_returns_their_workspaces_members(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = set(
        await ids(
            seeded_shared_url,
            """
            SELECT id FROM workspace_members WHERE customer_id = $1
              OR status = 'active' AND workspace_id IN (
              SELECT workspace_id FROM workspace_members
              WHERE customer_id = $1 AND status = 'active')
            """,
            ALICE,
        )
    )
    data = await gql_ro.ok(WORKSPACE_MEMBERS, {"first": 100}, customer_viewer(ALICE))
    assert {e["node"]["rowId"] for e in data["workspaceMembers"]["edges"]} == expected
    assert data["workspaceMembers"]["totalCount"] == len(expected)


async def test_workspace_members_paging_forward_and_backward(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    all_ids = await ids(seeded_shared_url, "SELECT id FROM workspace_members ORDER BY id")
    members = await walk_forward(gql_ro, WORKSPACE_MEMBERS, "workspaceMembers", 45, admin_viewer())
    assert members == all_ids
    first = (await gql_ro.ok(WORKSPACE_MEMBERS, {"first": 30}, admin_viewer()))["workspaceMembers"]
    back = await gql_ro.ok(
        WORKSPACE_MEMBERS, {"last": 5, "before": first["edges"][20]["cursor"]}, admin_viewer()
    )
    assert [e["node"]["rowId"] for e in back["workspaceMembers"]["edges"]] == all_ids[15:20]


async def test_workspace_members_edge_paging_covers_every_member_once(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    team = await demo_team(seeded_shared_url)
    expected = await ids(
        seeded_shared_url,
        "SELECT id FROM workspace_members WHERE workspace_id=$1 ORDER BY id",
        team,
    )
    seen: list[int] = []
    after = None
    while True:
        variables = {"id": str(team), "first": 2, "after": after}
        conn = (await gql_ro.ok(MEMBERS_OF, variables, customer_viewer(ALICE)))["workspace"][
            "members"
        ]
        assert conn["totalCount"] == len(expected)
        seen.extend(e["node"]["rowId"] for e in conn["edges"])
        if not conn["pageInfo"]["hasNextPage"]:
            break
        after = conn["pageInfo"]["endCursor"]
    assert seen == expected
    last = await gql_ro.ok(MEMBERS_OF, {"id": str(team), "last": 2}, customer_viewer(ALICE))
    assert [e["node"]["rowId"] for e in last["workspace"]["members"]["edges"]] == expected[-2:]


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (WORKSPACES, {"first": 101}),
        (WORKSPACES, {"first": 1, "after": "bm90IGEgY3Vyc29y"}),
        (WORKSPACE_MEMBERS, {"last": 500}),
        (WORKSPACE_MEMBERS, {"first": 3, "before": "%%%"}),
        (WORKSPACES, {"where": {"ownerId": {"eq": "bob"}}}),
    ],
)
async def test_workspaces_bad_input_returns_bad_user_input(
    gql_ro: GraphQLRunner, query: str, variables: dict[str, Any]
) -> None:
    result = await gql_ro(query, variables, admin_viewer())
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_workspace_members_edge_over_cap_returns_bad_user_input(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    team = await demo_team(seeded_shared_url)
    for variables in ({"first": 101}, {"first": 1, "after": "garbage"}):
        result = await gql_ro(MEMBERS_OF, {"id": str(team), **variables}, admin_viewer())
        assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


# --- filters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "sql"),
    [
        ({"type": {"eq": "TEAM"}}, "type = 'team'"),
        ({"status": {"in": ["ARCHIVED"]}}, "status = 'archived'"),
        ({"ownerId": {"eq": "3"}}, "owner_id = 3"),
        (
            {"type": {"in": ["ENTERPRISE", "TEAM"]}, "status": {"eq": "ACTIVE"}},
            "type IN ('enterprise', 'team') AND status = 'active'",
        ),
    ],
)
async def test_workspaces_where_returns_matching_rows(
    gql_ro: GraphQLRunner, seeded_shared_url: str, where: dict[str, Any], sql: str
) -> None:
    expected = await ids(seeded_shared_url, f"SELECT id FROM workspaces WHERE {sql} ORDER BY id")
    data = await gql_ro.ok(WORKSPACES, {"first": 100, "where": where}, admin_viewer())
    assert [e["node"]["rowId"] for e in data["workspaces"]["edges"]] == expected[:100]
    assert data["workspaces"]["totalCount"] == len(expected) > 0


@pytest.mark.parametrize(
    ("where", "sql"),
    [
        ({"role": {"eq": "VIEWER"}}, "role = 'viewer'"),
        ({"customerId": {"in": ["2", "3"]}}, "customer_id IN (2, 3)"),
        (
            {"workspaceId": {"eq": "1"}, "role": {"in": ["OWNER"]}},
            "workspace_id = 1 AND role = 'owner'",
        ),
    ],
)
async def test_workspace_members_where_returns_matching_rows(
    gql_ro: GraphQLRunner, seeded_shared_url: str, where: dict[str, Any], sql: str
) -> None:
    expected = await ids(
        seeded_shared_url, f"SELECT id FROM workspace_members WHERE {sql} ORDER BY id"
    )
    data = await gql_ro.ok(WORKSPACE_MEMBERS, {"first": 100, "where": where}, admin_viewer())
    assert [e["node"]["rowId"] for e in data["workspaceMembers"]["edges"]] == expected[:100]
    assert data["workspaceMembers"]["totalCount"] == len(expected) > 0


async def test_workspaces_order_by_name_matches_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await ids(seeded_shared_url, "SELECT id FROM workspaces ORDER BY name, id")
    seen = await walk_forward(
        gql_ro, WORKSPACES, "workspaces", 50, admin_viewer(), orderBy="NAME_ASC"
    )
    assert seen == expected
