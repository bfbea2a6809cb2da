"""Workspace mutations on the seeded small fleet: create, update, archive, delete, members,
ownership transfer, leave. Each rule: a passing and a failing case, the payload and the
database afterwards (workspace and member rows, member_count, audit_logs, invariants)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import pytest

from remotegpu.auth.viewer import Viewer
from tests.graphql import GraphQLRunner, admin_viewer, customer_viewer
from tests.support.db import assert_consistent, audits_since_mark, connection, mark_audit_log
from tests.support.documents import mutation_documents
from tests.support.results import code_and_field, mutate

ADMIN = admin_viewer(1)  # the seeded platform admin

CREATE, UPDATE, ARCHIVE, DELETE, ADD, REMOVE, ROLE, TRANSFER, LEAVE = mutation_documents(
    """
    workspaceCreate: workspace { rowId name type ownerId memberCount status description }
    workspaceUpdate: workspace { rowId name description }
    workspaceArchive: workspace { rowId status }
    workspaceDelete: deletedWorkspaceId
    workspaceMemberAdd: member { customerId role status } workspace { memberCount }
    workspaceMemberRemove: removedCustomerId workspace { memberCount }
    workspaceMemberRoleChange: member { customerId role } workspace { memberCount }
    workspaceOwnershipTransfer: workspace { ownerId memberCount }
    workspaceLeave: leftWorkspaceId
    """
)


@dataclass(frozen=True)
class Team:
    """A team workspace: owner, admin, member and viewer (active), an invited customer, and
    an outsider who belongs to none of it."""

    id: int
    owner: int
    admin: int
    member: int
    viewer: int
    invited: int
    outsider: int
    spare: int  # another outsider

    def as_(self, customer_id: int) -> Viewer:
        return customer_viewer(customer_id)


@pytest.fixture
async def conn(seeded_url: str) -> AsyncIterator[asyncpg.Connection]:
    async with connection(seeded_url) as c:
        await mark_audit_log(c)
        yield c


@pytest.fixture
async def team(conn: asyncpg.Connection) -> Team:
    ids = [
        r["id"]
        for r in await conn.fetch(
            "SELECT id FROM customers WHERE status = 'active' AND user_type <> 'admin'"
            " ORDER BY id LIMIT 7"
        )
    ]
    ws = await conn.fetchval(
        "INSERT INTO workspaces (owner_id, name, type, member_count)"
        " VALUES ($1, 'Research', 'team', 4) RETURNING id",
        ids[0],
    )
    for customer_id, role, status in zip(
        ids[:5],
        ("owner", "admin", "member", "viewer", "member"),
        ("active", "active", "active", "active", "invited"),
        strict=True,
    ):
        await conn.execute(
            "INSERT INTO workspace_members (workspace_id, customer_id, role, status)"
            " VALUES ($1, $2, $3, $4)",
            ws,
            customer_id,
            role,
            status,
        )
    return Team(ws, *ids)


async def state(conn: asyncpg.Connection, ws: int) -> tuple[Any, ...]:
    """The workspace row and its member rows, to prove a refusal changed nothing."""
    row = await conn.fetchrow("SELECT * FROM workspaces WHERE id = $1", ws)
    members = await conn.fetch(
        "SELECT customer_id, role, status FROM workspace_members WHERE workspace_id = $1"
        " ORDER BY customer_id",
        ws,
    )
    return (None if row is None else tuple(row), [tuple(m) for m in members])


async def roles(conn: asyncpg.Connection, ws: int) -> dict[int, str]:
    rows = await conn.fetch(
        "SELECT customer_id, role FROM workspace_members WHERE workspace_id = $1 AND status ="
        " 'active'",
        ws,
    )
    return {r["customer_id"]: r["role"] for r in rows}


async def member_count(conn: asyncpg.Connection, ws: int) -> int:
    count: int = await conn.fetchval("SELECT member_count FROM workspaces WHERE id = $1", ws)
    return count


async def refused(
    gql: GraphQLRunner,
    conn: asyncpg.Connection,
    ws: int,
    doc: str,
    viewer: Viewer,
    expected: tuple[str, list[str] | None],
    **input: Any,
) -> dict[str, Any]:
    """Run a mutation that must fail with `expected` and leave the workspace as it was."""
    before = await state(conn, ws)
    payload = await mutate(gql, doc, viewer, **input)
    assert code_and_field(payload) == expected
    assert await state(conn, ws) == before
    return payload


async def live_environment_in(conn: asyncpg.Connection, ws: int) -> None:
    await conn.execute(
        "UPDATE environments SET workspace_id = $1 WHERE id = (SELECT id FROM environments"
        " WHERE status = 'running' ORDER BY id LIMIT 1)",
        ws,
    )


WS_FIELD = ["input", "workspaceId"]
CUSTOMER_FIELD = ["input", "customerId"]

# --- workspaceCreate -------------------------------------------------------------------------


async def test_workspace_create_makes_viewer_the_one_owner_member(
    gql: GraphQLRunner, conn: asyncpg.Connection
) -> None:
    payload = await mutate(
        gql, CREATE, customer_viewer(2), name="  Lab  ", type="ENTERPRISE", description="x"
    )
    assert payload["errors"] == []
    ws = payload["workspace"]
    assert (ws["name"], ws["type"], ws["ownerId"], ws["memberCount"], ws["status"]) == (
        "Lab",
        "ENTERPRISE",
        2,
        1,
        "ACTIVE",
    )
    assert await roles(conn, ws["rowId"]) == {2: "owner"}
    assert await audits_since_mark(conn, "workspace.create") == [(200, 2, str(ws["rowId"]))]
    await assert_consistent(conn)


@pytest.mark.parametrize(
    ("fields", "path"),
    [({"type": "PERSONAL"}, "type"), ({"name": "   "}, "name"), ({"name": "n" * 129}, "name")],
)
async def test_workspace_create_invalid_input_creates_nothing(
    gql: GraphQLRunner, conn: asyncpg.Connection, fields: dict[str, str], path: str
) -> None:
    before = await conn.fetchval("SELECT count(*) FROM workspaces")
    payload = await mutate(gql, CREATE, customer_viewer(2), **{"name": "ok", **fields})
    assert payload["workspace"] is None
    assert code_and_field(payload) == ("INVALID_INPUT", ["input", path])
    assert await conn.fetchval("SELECT count(*) FROM workspaces") == before
    assert await audits_since_mark(conn, "workspace.create") == [(422, 2, None)]


# --- workspaceUpdate -------------------------------------------------------------------------


async def test_workspace_update_by_admin_member_renames(
    gql: GraphQLRunner, conn: asyncpg.Connection, team: Team
) -> None:
    payload = await mutate(
        gql, UPDATE, team.as_(team.admin), workspaceId=team.id, name="Renamed", description=None
    )
    assert payload == {
        "workspace": {"rowId": team.id, "name": "Renamed", "description": None},
        "errors": [],
    }
    assert await conn.fetchval("SELECT name FROM workspaces WHERE id = $1", team.id) == "Renamed"
    assert await audits_since_mark(conn, "workspace.update") == [(200, team.admin, str(team.id))]
    await assert_consistent(conn)


async def test_workspace_update_by_member_is_forbidden_and_by_outsider_not_found(
    gql: GraphQLRunner, conn: asyncpg.Connection, team: Team
) -> None:
    await refused(
        gql, conn, team.id, UPDATE, team.as_(team.member), ("FORBIDDEN", None),
        workspaceId=team.id, name="Mine",
    )  # fmt: skip
    await refused(
        gql, conn, team.id, UPDATE, team.as_(team.outsider), ("NOT_FOUND", WS_FIELD),
        workspaceId=team.id, name="Mine",
    )  # fmt: skip
    assert await audits_since_mark(conn, "workspace.update") == [
        (403, team.member, str(team.id)),
        (404, team.outsider, str(team.id)),
    ]


# --- workspaceArchive ------------------------------------------------------------------------


async def test_workspace_archive_by_owner_archives_once(
    gql: GraphQLRunner, conn: asyncpg.Connection, team: Team
) -> None:
    payload = await mutate(gql, ARCHIVE, team.as_(team.owner), workspaceId=team.id)
    assert payload == {"workspace": {"rowId": team.id, "status": "ARCHIVED"}, "errors": []}
    assert await conn.fetchval("SELECT status FROM workspaces WHERE id = $1", team.id) == (
        "archived"
    )
    await refused(
        gql, conn, team.id, ARCHIVE, team.as_(team.owner), ("INVALID_TRANSITION", None),
        workspaceId=team.id,
    )  # fmt: skip
    assert await audits_since_mark(conn, "workspace.archive") == [
        (200, team.owner, str(team.id)),
        (409, team.owner, str(team.id)),
    ]
    await assert_consistent(conn)


async def test_workspace_archive_with_live_environment_is_in_use(
    gql: GraphQLRunner, conn: asyncpg.Connection, team: Team
) -> None:
    await live_environment_in(conn, team.id)
    await refused(
        gql, conn, team.id, ARCHIVE, team.as_(team.owner), ("IN_USE", WS_FIELD),
        workspaceId=team.id,
    )  # fmt: skip
    await refused(
        gql, conn, team.id, ARCHIVE, team.as_(team.admin), ("FORBIDDEN", None),
        workspaceId=team.id,
    )  # fmt: skip
    assert await audits_since_mark(conn, "workspace.archive") == [
        (409, team.owner, str(team.id)),
        (403, team.admin, str(team.id)),
    ]


# --- workspaceDelete -------------------------------------------------------------------------


async def test_workspace_delete_by_owner_removes_workspace_and_members(
    gql: GraphQLRunner, conn: asyncpg.Connection, team: Team
) -> None:
    payload = await mutate(gql, DELETE, team.as_(team.owner), workspaceId=team.id)
    assert payload == {"deletedWorkspaceId": team.id, "errors": []}
    assert await state(conn, team.id) == (None, [])
    assert await audits_since_mark(conn, "workspace.delete") == [(200, team.owner, str(team.id))]
    await assert_consistent(conn)


async def test_workspace_delete_refused_while_referenced_or_personal_or_not_owner(
    gql: GraphQLRunner, conn: asyncpg.Connection, team: Team
) -> None:
    await refused(
        gql, conn, team.id, DELETE, team.as_(team.admin), ("FORBIDDEN", None),
        workspaceId=team.id,
    )  # fmt: skip
    await refused(
        gql, conn, team.id, DELETE, team.as_(team.outsider), ("NOT_FOUND", WS_FIELD),
        workspaceId=team.id,
    )  # fmt: skip
    dataset = await conn.fetchval("SELECT id FROM datasets ORDER BY id LIMIT 1")
    await conn.execute("UPDATE datasets SET workspace_id = $1 WHERE id = $2", team.id, dataset)
    payload = await refused(
        gql, conn, team.id, DELETE, team.as_(team.owner), ("IN_USE", WS_FIELD),
        workspaceId=team.id,
    )  # fmt: skip
    assert "datasets" in payload["errors"][0]["message"]
    await live_environment_in(conn, team.id)
    payload = await refused(
        gql, conn, team.id, DELETE, team.as_(team.owner), ("IN_USE", WS_FIELD),
        workspaceId=team.id,
    )  # fmt: skip
    assert "live environment" in payload["errors"][0]["message"]
    personal = await conn.fetchval(
        "SELECT id FROM workspaces WHERE owner_id = $1 AND type = 'personal'", team.owner
    )
    await refused(
        gql, conn, personal, DELETE, team.as_(team.owner), ("FORBIDDEN", None),
        workspaceId=personal,
    )  # fmt: skip
    assert [a[0] for a in await audits_since_mark(conn, "workspace.delete")] == [
        403,
        404,
        409,
        409,
        403,
    ]
    await assert_consistent(conn)


# --- workspaceMemberAdd ----------------------------------------------------------------------


async def test_workspace_member_add_by_owner_counts_and_notifies(
    gql: GraphQLRunner, conn: asyncpg.Connection, team: Team
) -> None:
    username = await conn.fetchval("SELECT username FROM customers WHERE id = $1", team.outsider)
    payload = await mutate(
        gql, ADD, team.as_(team.owner), workspaceId=team.id, username=username.upper(),
        role="ADMIN",
    )  # fmt: skip
    assert payload == {
        "member": {"customerId": team.outsider, "role": "ADMIN", "status": "ACTIVE"},
        "workspace": {"memberCount": 5},
        "errors": [],
    }
    assert (await roles(conn, team.id))[team.outsider] == "admin"
    assert await member_count(conn, team.id) == 5
    assert await conn.fetchval(
        "SELECT count(*) FROM notifications WHERE customer_id = $1 AND title LIKE '%Research%'",
        team.outsider,
    )
    assert await audits_since_mark(conn, "workspace.member_add") == [
        (200, team.owner, str(team.id))
    ]
    await assert_consistent(conn)


async def test_workspace_member_add_by_admin_member_and_platform_admin(
    gql: GraphQLRunner, conn: asyncpg.Connection, team: Team
) -> None:
    payload = await mutate(
        gql, ADD, team.as_(team.admin), workspaceId=team.id, customerId=team.outsider,
        role="VIEWER",
    )  # fmt: skip
    assert payload["errors"] == []
    assert payload["workspace"] == {"memberCount": 5}
    payload = await mutate(
        gql, ADD, ADMIN, workspaceId=team.id, customerId=team.spare, role="ADMIN"
    )
    assert payload["errors"] == []
    assert await member_count(conn, team.id) == 6
    await assert_consistent(conn)


@pytest.mark.parametrize(
    ("who", "fields", "expected"),
    [
        ("admin", {"role": "ADMIN"}, ("FORBIDDEN", None)),
        ("member", {}, ("FORBIDDEN", None)),
        ("viewer", {}, ("FORBIDDEN", None)),
        ("outsider", {}, ("NOT_FOUND", WS_FIELD)),
        ("owner", {"role": "OWNER"}, ("INVALID_INPUT", ["input", "role"])),
        (
            "owner",
            {"customerId": None, "username": "no-such-user"},
            ("NOT_FOUND", ["input", "username"]),
        ),
        ("owner", {"username": "alice"}, ("INVALID_INPUT", ["input"])),
        ("owner", {"customerId": "member"}, ("CONFLICT", CUSTOMER_FIELD)),
        ("owner", {"customerId": "invited"}, ("CONFLICT", CUSTOMER_FIELD)),
    ],
)
async def test_workspace_member_add_refused_changes_nothing(
    gql: GraphQLRunner,
    conn: asyncpg.Connection,
    team: Team,
    who: str,
    fields: dict[str, Any],
    expected: tuple[str, list[str] | None],
) -> None:
    values: dict[str, Any] = {"customerId": team.outsider, "role": "MEMBER", **fields}
    if isinstance(values["customerId"], str):
        values["customerId"] = getattr(team, values["customerId"])
    await refused(
        gql, conn, team.id, ADD, team.as_(getattr(team, who)), expected, workspaceId=team.id,
        **values,
    )  # fmt: skip
    status = {"FORBIDDEN": 403, "NOT_FOUND": 404, "CONFLICT": 409}.get(expected[0], 422)
    assert await audits_since_mark(conn, "workspace.member_add") == [
        (status, getattr(team, who), str(team.id))
    ]


async def test_workspace_member_add_to_personal_workspace_is_forbidden(
    gql: GraphQLRunner, conn: asyncpg.Connection, team: Team
) -> None:
    personal = await conn.fetchval(
        "SELECT id FROM workspaces WHERE owner_id = $1 AND type = 'personal'", team.owner
    )
    await refused(
        gql, conn, personal, ADD, team.as_(team.owner), ("FORBIDDEN", None),
        workspaceId=personal, customerId=team.outsider,
    )  # fmt: skip


# --- workspaceMemberRemove -------------------------------------------------------------------


async def test_workspace_member_remove_by_owner_and_admin_member(
    gql: GraphQLRunner, conn: asyncpg.Connection, team: Team
) -> None:
    payload = await mutate(
        gql, REMOVE, team.as_(team.admin), workspaceId=team.id, customerId=team.member
    )
    assert payload == {
        "removedCustomerId": team.member,
        "workspace": {"memberCount": 3},
        "errors": [],
    }
    payload = await mutate(
        gql, REMOVE, team.as_(team.owner), workspaceId=team.id, customerId=team.admin
    )
    assert payload["workspace"] == {"memberCount": 2}
    # An invitation is not counted: removing it leaves the count alone.
    payload = await mutate(
        gql, REMOVE, team.as_(team.owner), workspaceId=team.id, customerId=team.invited
    )
    assert payload["workspace"] == {"memberCount": 2}
    assert await roles(conn, team.id) == {team.owner: "owner", team.viewer: "viewer"}
    assert await member_count(conn, team.id) == 2
    assert [a[0] for a in await audits_since_mark(conn, "workspace.member_remove")] == [
        200,
        200,
        200,
    ]
    await assert_consistent(conn)


@pytest.mark.parametrize(
    ("who", "target", "expected"),
    [
        ("owner", "owner", ("LAST_OWNER", CUSTOMER_FIELD)),
        ("admin", "owner", ("LAST_OWNER", CUSTOMER_FIELD)),
        ("admin", "admin", ("FORBIDDEN", None)),
        ("member", "viewer", ("FORBIDDEN", None)),
        ("outsider", "viewer", ("NOT_FOUND", WS_FIELD)),
        ("owner", "outsider", ("NOT_FOUND", CUSTOMER_FIELD)),
    ],
)
async def test_workspace_member_remove_refused_changes_nothing(
    gql: GraphQLRunner,
    conn: asyncpg.Connection,
    team: Team,
    who: str,
    target: str,
    expected: tuple[str, list[str] | None],
) -> None:
    await refused(
        gql, conn, team.id, REMOVE, team.as_(getattr(team, who)), expected,
        workspaceId=team.id, customerId=getattr(team, target),
    )  # fmt: skip
    assert len(await audits_since_mark(conn, "workspace.member_remove")) == 1


# --- workspaceMemberRoleChange ---------------------------------------------------------------


async def test_workspace_member_role_change_by_owner_and_admin_member(
    gql: GraphQLRunner, conn: asyncpg.Connection, team: Team
) -> None:
    payload = await mutate(
        gql, ROLE, team.as_(team.admin), workspaceId=team.id, customerId=team.member,
        role="VIEWER",
    )  # fmt: skip
    assert payload["member"] == {"customerId": team.member, "role": "VIEWER"}
    payload = await mutate(
        gql, ROLE, team.as_(team.owner), workspaceId=team.id, customerId=team.viewer,
        role="ADMIN",
    )  # fmt: skip
    assert payload["errors"] == []
    assert await roles(conn, team.id) == {
        team.owner: "owner",
        team.admin: "admin",
        team.member: "viewer",
        team.viewer: "admin",
    }
    assert await member_count(conn, team.id) == 4
    assert [a[0] for a in await audits_since_mark(conn, "workspace.member_role_change")] == [
        200,
        200,
    ]
    await assert_consistent(conn)


@pytest.mark.parametrize(
    ("who", "target", "role", "expected"),
    [
        ("owner", "owner", "ADMIN", ("LAST_OWNER", CUSTOMER_FIELD)),
        ("owner", "member", "OWNER", ("INVALID_INPUT", ["input", "role"])),
        ("admin", "member", "ADMIN", ("FORBIDDEN", None)),
        ("admin", "admin", "MEMBER", ("FORBIDDEN", None)),
        ("member", "viewer", "MEMBER", ("FORBIDDEN", None)),
        ("outsider", "viewer", "MEMBER", ("NOT_FOUND", WS_FIELD)),
    ],
)
async def test_workspace_member_role_change_refused_changes_nothing(
    gql: GraphQLRunner,
    conn: asyncpg.Connection,
    team: Team,
    who: str,
    target: str,
    role: str,
    expected: tuple[str, list[str] | None],
) -> None:
    await refused(
        gql, conn, team.id, ROLE, team.as_(getattr(team, who)), expected,
        workspaceId=team.id, customerId=getattr(team, target), role=role,
    )  # fmt: skip
    assert len(await audits_since_mark(conn, "workspace.member_role_change")) == 1


# --- workspaceOwnershipTransfer --------------------------------------------------------------


async def test_workspace_ownership_transfer_keeps_exactly_one_owner(
    gql: GraphQLRunner, conn: asyncpg.Connection, team: Team
) -> None:
    payload = await mutate(
        gql, TRANSFER, team.as_(team.owner), workspaceId=team.id, newOwnerId=team.member
    )
    assert payload == {"workspace": {"ownerId": team.member, "memberCount": 4}, "errors": []}
    assert await roles(conn, team.id) == {
        team.owner: "admin",
        team.admin: "admin",
        team.member: "owner",
        team.viewer: "viewer",
    }
    assert await conn.fetchval("SELECT owner_id FROM workspaces WHERE id = $1", team.id) == (
        team.member
    )
    # The old owner is an admin now: it may no longer transfer.
    await refused(
        gql, conn, team.id, TRANSFER, team.as_(team.owner), ("FORBIDDEN", None),
        workspaceId=team.id, newOwnerId=team.owner,
    )  # fmt: skip
    assert [a[0] for a in await audits_since_mark(conn, "workspace.ownership_transfer")] == [
        200,
        403,
    ]
    await assert_consistent(conn)


@pytest.mark.parametrize(
    ("who", "target", "expected"),
    [
        ("admin", "member", ("FORBIDDEN", None)),
        ("owner", "outsider", ("INVALID_INPUT", ["input", "newOwnerId"])),
        ("owner", "invited", ("INVALID_INPUT", ["input", "newOwnerId"])),
        ("owner", "owner", ("INVALID_INPUT", ["input", "newOwnerId"])),
        ("outsider", "member", ("NOT_FOUND", WS_FIELD)),
    ],
)
async def test_workspace_ownership_transfer_refused_changes_nothing(
    gql: GraphQLRunner,
    conn: asyncpg.Connection,
    team: Team,
    who: str,
    target: str,
    expected: tuple[str, list[str] | None],
) -> None:
    await refused(
        gql, conn, team.id, TRANSFER, team.as_(getattr(team, who)), expected,
        workspaceId=team.id, newOwnerId=getattr(team, target),
    )  # fmt: skip
    assert len(await audits_since_mark(conn, "workspace.ownership_transfer")) == 1


# --- workspaceLeave --------------------------------------------------------------------------


async def test_workspace_leave_by_member_and_invited(
    gql: GraphQLRunner, conn: asyncpg.Connection, team: Team
) -> None:
    payload = await mutate(gql, LEAVE, team.as_(team.member), workspaceId=team.id)
    assert payload == {"leftWorkspaceId": team.id, "errors": []}
    assert await member_count(conn, team.id) == 3
    await mutate(gql, LEAVE, team.as_(team.invited), workspaceId=team.id)  # declines
    assert await member_count(conn, team.id) == 3
    assert set(await roles(conn, team.id)) == {team.owner, team.admin, team.viewer}
    assert await audits_since_mark(conn, "workspace.leave") == [
        (200, team.member, str(team.id)),
        (200, team.invited, str(team.id)),
    ]
    await assert_consistent(conn)


async def test_workspace_leave_by_owner_is_last_owner_and_outsider_not_found(
    gql: GraphQLRunner, conn: asyncpg.Connection, team: Team
) -> None:
    await refused(
        gql, conn, team.id, LEAVE, team.as_(team.owner), ("LAST_OWNER", WS_FIELD),
        workspaceId=team.id,
    )  # fmt: skip
    await refused(
        gql, conn, team.id, LEAVE, team.as_(team.outsider), ("NOT_FOUND", WS_FIELD),
        workspaceId=team.id,
    )  # fmt: skip
    assert [a[0] for a in await audits_since_mark(conn, "workspace.leave")] == [409, 404]


async def test_workspace_member_add_to_archived_or_of_suspended_customer_is_refused(
    gql: GraphQLRunner, conn: asyncpg.Connection, team: Team
) -> None:
    await conn.execute("UPDATE customers SET status = 'suspended' WHERE id = $1", team.spare)
    await refused(
        gql, conn, team.id, ADD, team.as_(team.owner), ("INVALID_INPUT", CUSTOMER_FIELD),
        workspaceId=team.id, customerId=team.spare,
    )  # fmt: skip
    await conn.execute("UPDATE workspaces SET status = 'archived' WHERE id = $1", team.id)
    await refused(
        gql, conn, team.id, ADD, team.as_(team.owner), ("INVALID_TRANSITION", None),
        workspaceId=team.id, customerId=team.outsider,
    )  # fmt: skip
    assert [a[0] for a in await audits_since_mark(conn, "workspace.member_add")] == [422, 409]


async def test_workspace_ownership_transfer_of_personal_workspace_is_forbidden(
    gql: GraphQLRunner, conn: asyncpg.Connection, team: Team
) -> None:
    personal = await conn.fetchval(
        "SELECT id FROM workspaces WHERE owner_id = $1 AND type = 'personal'", team.owner
    )
    await conn.execute(
        "INSERT INTO workspace_members (workspace_id, customer_id, role) VALUES ($1, $2, 'member')",
        personal,
        team.outsider,
    )
    await conn.execute("UPDATE workspaces SET member_count = 2 WHERE id = $1", personal)
    await refused(
        gql, conn, personal, TRANSFER, team.as_(team.owner), ("FORBIDDEN", None),
        workspaceId=personal, newOwnerId=team.outsider,
    )  # fmt: skip
    assert await audits_since_mark(conn, "workspace.ownership_transfer") == [
        (403, team.owner, str(personal))
    ]
    await assert_consistent(conn)
