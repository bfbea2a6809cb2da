"""`internal` users are platform employees: staff for support tickets, customers otherwise.

Tickets (issues, requirements, their comments): they see and handle every tenant's, may be
assignees and move tickets past the first state. Everything else: their own tenant only, like
an external customer, and no host inventory.
"""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import pytest

from remotegpu.auth.viewer import Scope, Viewer
from tests.auth.conftest import MakeCustomer, MakeHost
from tests.graphql import GraphQLRunner, admin_viewer, customer_viewer, runner_for

TICKETS = """
query {
  issues(first: 50) { totalCount nodes { rowId reporter { rowId } } }
  requirements(first: 50) { totalCount nodes { rowId } }
  comments(first: 50) { totalCount nodes { rowId } }
}
"""
ISSUE_ASSIGN = """
mutation A($id: Int!, $to: Int) {
  issueAssign(input: { id: $id, assigneeId: $to }) { issue { assigneeId } errors { code } }
}
"""
ISSUE_TRANSITION = """
mutation T($id: Int!, $status: IssueStatus!) {
  issueTransition(input: { id: $id, status: $status }) { issue { status } errors { code } }
}
"""
COMMENT_CREATE = """
mutation C($id: Int!) {
  commentCreate(input: { subjectType: ISSUE, subjectId: $id, content: "on it" }) {
    comment { rowId } errors { code }
  }
}
"""
TENANT_DATA = """
query N($env: ID!, $customer: ID!) {
  environments(first: 50) { totalCount }
  hosts(first: 50) { totalCount nodes { rowId } }
  host(id: "host-a") { rowId }
  customers(first: 50) { nodes { rowId } }
  environment: node(id: $env) { id }
  customer: node(id: $customer) { id }
}
"""
CUSTOMER_SUSPEND = """
mutation S($id: Int!) { customerSuspend(input: { customerId: $id }) { errors { code } } }
"""


def gid(type_name: str, row_id: object) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{row_id}".encode()).decode()


@dataclass(frozen=True)
class Tenants:
    ops: Viewer  # internal: a platform employee
    carol: Viewer  # external, owns the ticket, the environment on host-a
    dave: Viewer  # external, another tenant
    issue: int
    carol_id: int
    dave_id: int
    ops_id: int


@pytest.fixture
async def gql(migrated_url: str) -> AsyncIterator[GraphQLRunner]:
    async for runner in runner_for(migrated_url):
        yield runner


@pytest.fixture
async def tenants(
    db: asyncpg.Connection, make_customer: MakeCustomer, make_host: MakeHost
) -> Tenants:
    ops = await make_customer("ops", user_type="internal")
    carol = await make_customer("carol")
    dave = await make_customer("dave")
    await make_host("host-a")
    await db.execute(
        "INSERT INTO environments (id, user_id, host_id, name, image, status, cpu, memory)"
        " VALUES ('env-carol', $1, 'host-a', 'carol-env', 'img', 'running', 1, 1024)",
        carol.id,
    )
    issue = await db.fetchval(
        "INSERT INTO issues (issue_no, customer_id, title, type, status)"
        " VALUES ('ISSUE-2026-0001', $1, 'GPU missing', 'bug', 'open') RETURNING id",
        carol.id,
    )
    await db.execute(
        "INSERT INTO requirements (requirement_no, customer_id, title, status)"
        " VALUES ('REQ-2026-0001', $1, 'More RAM', 'submitted')",
        carol.id,
    )
    await db.execute(
        "INSERT INTO comments (customer_id, resource_type, resource_id, content)"
        " VALUES ($1, 'issue', $2, 'still broken')",
        carol.id,
        issue,
    )
    return Tenants(
        ops=customer_viewer(ops.id, "internal", "ops"),
        carol=customer_viewer(carol.id, "external", "carol"),
        dave=customer_viewer(dave.id, "external", "dave"),
        issue=issue,
        carol_id=carol.id,
        dave_id=dave.id,
        ops_id=ops.id,
    )


def _ok(payload: dict[str, Any]) -> None:
    assert payload["errors"] == [], payload


# --- tickets: staff ---------------------------------------------------------------------------


async def test_tickets_as_internal_user_include_every_tenants(
    gql: GraphQLRunner, tenants: Tenants
) -> None:
    seen = await gql.ok(TICKETS, viewer=tenants.ops)
    assert [n["rowId"] for n in seen["issues"]["nodes"]] == [tenants.issue]
    assert seen["requirements"]["totalCount"] == 1
    assert seen["comments"]["totalCount"] == 1
    # The ticket is support work; the reporter's profile is tenant data and stays hidden.
    assert seen["issues"]["nodes"][0]["reporter"] is None
    hidden = await gql.ok(TICKETS, viewer=tenants.dave)
    assert hidden["issues"]["totalCount"] == 0
    assert hidden["requirements"]["totalCount"] == 0
    assert hidden["comments"]["totalCount"] == 0


async def test_issue_assign_internal_user_as_assignee_succeeds_and_external_is_refused(
    gql: GraphQLRunner, tenants: Tenants
) -> None:
    to_ops = await gql.ok(ISSUE_ASSIGN, {"id": tenants.issue, "to": tenants.ops_id}, tenants.ops)
    _ok(to_ops["issueAssign"])
    assert to_ops["issueAssign"]["issue"]["assigneeId"] == tenants.ops_id
    to_dave = await gql.ok(
        ISSUE_ASSIGN, {"id": tenants.issue, "to": tenants.dave_id}, admin_viewer(tenants.ops_id)
    )
    assert [e["code"] for e in to_dave["issueAssign"]["errors"]] == ["INVALID_INPUT"]
    by_reporter = await gql.ok(
        ISSUE_ASSIGN, {"id": tenants.issue, "to": tenants.ops_id}, tenants.carol
    )
    assert [e["code"] for e in by_reporter["issueAssign"]["errors"]] == ["FORBIDDEN"]


async def test_issue_transition_as_internal_user_moves_past_the_first_state(
    gql: GraphQLRunner, tenants: Tenants
) -> None:
    variables = {"id": tenants.issue, "status": "IN_PROGRESS"}
    by_reporter = await gql.ok(ISSUE_TRANSITION, variables, tenants.carol)
    assert [e["code"] for e in by_reporter["issueTransition"]["errors"]] == ["FORBIDDEN"]
    by_ops = await gql.ok(ISSUE_TRANSITION, variables, tenants.ops)
    _ok(by_ops["issueTransition"])
    assert by_ops["issueTransition"]["issue"]["status"] == "IN_PROGRESS"


async def test_comment_create_as_internal_user_on_another_tenants_issue_succeeds(
    gql: GraphQLRunner, tenants: Tenants
) -> None:
    by_ops = await gql.ok(COMMENT_CREATE, {"id": tenants.issue}, tenants.ops)
    _ok(by_ops["commentCreate"])
    by_dave = await gql.ok(COMMENT_CREATE, {"id": tenants.issue}, tenants.dave)
    assert [e["code"] for e in by_dave["commentCreate"]["errors"]] == ["NOT_FOUND"]


# --- everything else: a customer --------------------------------------------------------------


async def test_tenant_data_as_internal_user_is_own_tenant_only_without_host_inventory(
    gql: GraphQLRunner, tenants: Tenants
) -> None:
    variables = {
        "env": gid("Environment", "env-carol"),
        "customer": gid("Customer", tenants.carol_id),
    }
    ops = await gql.ok(TENANT_DATA, variables, tenants.ops)
    assert ops["environments"]["totalCount"] == 0
    assert ops["hosts"]["totalCount"] == 0
    assert ops["host"] is None
    assert [n["rowId"] for n in ops["customers"]["nodes"]] == [tenants.ops_id]
    assert ops["environment"] is None
    assert ops["customer"] is None
    # The same document as carol (the tenant) sees her data: the check can tell.
    carol = await gql.ok(TENANT_DATA, variables, tenants.carol)
    assert carol["environments"]["totalCount"] == 1
    assert [n["rowId"] for n in carol["hosts"]["nodes"]] == ["host-a"]
    assert carol["environment"] == {"id": variables["env"]}


async def test_customer_suspend_as_internal_user_is_forbidden(
    gql: GraphQLRunner, tenants: Tenants, db: asyncpg.Connection
) -> None:
    result = await gql.ok(CUSTOMER_SUSPEND, {"id": tenants.dave_id}, tenants.ops)
    assert [e["code"] for e in result["customerSuspend"]["errors"]] == ["FORBIDDEN"]
    assert await db.fetchval("SELECT status FROM customers WHERE id = $1", tenants.dave_id) == (
        "active"
    )


def test_viewer_internal_user_is_ticket_staff_but_not_admin() -> None:
    internal = Viewer(customer_id=1, user_type="internal", scopes=frozenset({Scope.READ}))
    assert internal.is_staff
    assert not internal.is_admin
    external = Viewer(customer_id=2, user_type="external", scopes=frozenset({Scope.READ}))
    assert not external.is_staff
    # An admin's agent token speaks for a host, not for the support desk.
    agent = Viewer(
        customer_id=3, user_type="admin", scopes=frozenset({Scope.AGENT}), agent_host_id="h"
    )
    assert not agent.is_staff
