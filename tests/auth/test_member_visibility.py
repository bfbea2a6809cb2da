"""One visibility rule for customers on every path: an invited member has not joined yet.

A customer sees itself and the active members of the workspaces it is an active member of
(domain rules, "Who may do what"). The root connection, `customer(username)`, `node(id)`,
`workspace.members`, `workspaceMembers`, `member.customer` and `customer.memberships` all
answer the same.
"""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from dataclasses import dataclass

import asyncpg
import pytest

from tests.auth.conftest import MakeCustomer
from tests.graphql import GraphQLRunner, admin_viewer, customer_viewer, runner_for

CUSTOMERS = "query { customers(first: 100) { totalCount nodes { rowId } } }"
CUSTOMER_BY_USERNAME = "query C($u: String!) { customer(username: $u) { rowId } }"
NODE = "query N($id: ID!) { node(id: $id) { id } }"
WORKSPACE = """
query W($id: ID!) {
  workspace(id: $id) {
    memberCount
    members(first: 100) { totalCount nodes { rowId customerId status customer { rowId } } }
  }
}
"""
WORKSPACE_MEMBERS = "query { workspaceMembers(first: 100) { totalCount nodes { rowId } } }"
MEMBERSHIPS_OF = """
query M($u: String!) { customer(username: $u) { memberships(first: 100) { nodes { rowId } } } }
"""
MY_MEMBERSHIPS = """
query { viewer { memberships(first: 100) { nodes { rowId status workspace { rowId } } } } }
"""


def gid(type_name: str, row_id: int) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{row_id}".encode()).decode()


@dataclass(frozen=True)
class Team:
    workspace: int
    owner: int  # alice, active owner
    member: int  # bob, active member
    invited: int  # ivan, invited: not a member yet
    invitation: int  # ivan's workspace_members row
    memberships: tuple[int, int]  # alice's and bob's rows


@pytest.fixture
async def gql(migrated_url: str) -> AsyncIterator[GraphQLRunner]:
    async for runner in runner_for(migrated_url):
        yield runner


@pytest.fixture
async def team(db: asyncpg.Connection, make_customer: MakeCustomer) -> Team:
    alice = await make_customer("alice")
    bob = await make_customer("bob")
    ivan = await make_customer("ivan")
    workspace = await db.fetchval(
        "INSERT INTO workspaces (owner_id, name, type, member_count, status)"
        " VALUES ($1, 'team', 'team', 2, 'active') RETURNING id",
        alice.id,
    )
    rows = []
    for customer, role, status in (
        (alice.id, "owner", "active"),
        (bob.id, "member", "active"),
        (ivan.id, "member", "invited"),
    ):
        rows.append(
            await db.fetchval(
                "INSERT INTO workspace_members (workspace_id, customer_id, role, status)"
                " VALUES ($1, $2, $3, $4) RETURNING id",
                workspace,
                customer,
                role,
                status,
            )
        )
    return Team(workspace, alice.id, bob.id, ivan.id, rows[2], (rows[0], rows[1]))


async def test_workspace_people_as_active_member_exclude_the_invited_on_every_path(
    gql: GraphQLRunner, team: Team
) -> None:
    for me in (team.owner, team.member):
        viewer = customer_viewer(me)
        customers = (await gql.ok(CUSTOMERS, viewer=viewer))["customers"]
        assert {n["rowId"] for n in customers["nodes"]} == {team.owner, team.member}
        assert customers["totalCount"] == 2
        by_name = await gql.ok(CUSTOMER_BY_USERNAME, {"u": "ivan"}, viewer)
        assert by_name["customer"] is None
        assert (await gql.ok(NODE, {"id": gid("Customer", team.invited)}, viewer))["node"] is None
        workspace = (await gql.ok(WORKSPACE, {"id": str(team.workspace)}, viewer))["workspace"]
        members = workspace["members"]
        assert {n["rowId"] for n in members["nodes"]} == set(team.memberships)
        assert members["totalCount"] == workspace["memberCount"] == 2
        assert all(n["customer"]["rowId"] == n["customerId"] for n in members["nodes"])
        root = (await gql.ok(WORKSPACE_MEMBERS, viewer=viewer))["workspaceMembers"]
        assert {n["rowId"] for n in root["nodes"]} == set(team.memberships)
        assert root["totalCount"] == 2
        invitation = await gql.ok(NODE, {"id": gid("WorkspaceMember", team.invitation)}, viewer)
        assert invitation["node"] is None
        assert (await gql.ok(MEMBERSHIPS_OF, {"u": "ivan"}, viewer))["customer"] is None


async def test_workspace_people_as_invited_customer_show_only_its_invitation(
    gql: GraphQLRunner, team: Team
) -> None:
    viewer = customer_viewer(team.invited)
    customers = (await gql.ok(CUSTOMERS, viewer=viewer))["customers"]
    assert {n["rowId"] for n in customers["nodes"]} == {team.invited}
    assert (await gql.ok(NODE, {"id": gid("Customer", team.owner)}, viewer))["node"] is None
    mine = (await gql.ok(MY_MEMBERSHIPS, viewer=viewer))["viewer"]["memberships"]["nodes"]
    # Its own invitation, but not yet the workspace behind it.
    assert mine == [{"rowId": team.invitation, "status": "INVITED", "workspace": None}]
    root = (await gql.ok(WORKSPACE_MEMBERS, viewer=viewer))["workspaceMembers"]
    assert {n["rowId"] for n in root["nodes"]} == {team.invitation}


async def test_workspace_people_after_the_invitation_is_accepted_include_the_new_member(
    gql: GraphQLRunner, team: Team, db: asyncpg.Connection
) -> None:
    await db.execute(
        "UPDATE workspace_members SET status = 'active' WHERE id = $1", team.invitation
    )
    viewer = customer_viewer(team.member)
    customers = (await gql.ok(CUSTOMERS, viewer=viewer))["customers"]
    assert {n["rowId"] for n in customers["nodes"]} == {team.owner, team.member, team.invited}
    node = await gql.ok(NODE, {"id": gid("Customer", team.invited)}, viewer)
    assert node["node"] == {"id": gid("Customer", team.invited)}


async def test_workspace_people_as_admin_include_the_invited(
    gql: GraphQLRunner, team: Team
) -> None:
    workspace = (await gql.ok(WORKSPACE, {"id": str(team.workspace)}, admin_viewer(team.owner)))[
        "workspace"
    ]
    assert {n["rowId"] for n in workspace["members"]["nodes"]} == {
        *team.memberships,
        team.invitation,
    }
