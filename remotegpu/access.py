"""Who may read and who may manage a row, each rule stated once as an SQL predicate.

The loaders put these predicates in their WHERE clauses (what a query, a look-up and every edge
shows); the domain selects the same expressions beside the row a mutation locks, and answers
NOT_FOUND when the viewer may not read it, FORBIDDEN when it reads but may not manage it. A
mutation therefore cannot touch what a query would hide, and a rule changes in one place.

The rules (domain-rules.md, "Who may do what"): platform admins read and manage everything;
agent tokens and anonymous viewers read none of these rows; a customer reads what it owns and
what belongs to workspaces it is an active member of (datasets and models: only when their
visibility is `workspace`, and everyone reads `public` ones); it manages what it owns and what
it reads in a workspace where it is an active owner or admin.

This module sits below `domain` and `loaders` (which may not import each other) and above
`auth` and `db`: the import-linter layers in pyproject.toml.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, false, or_, select, true

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Customer, WorkspaceMember

# Workspace roles that manage every member's resources there (change visibility, delete).
MANAGE_ROLES = ("owner", "admin")


def workspace_ids_of(customer_id: int) -> Select[int]:
    """Workspaces the customer is an active member of (owners are members too)."""
    return select(WorkspaceMember.workspace_id).where(
        WorkspaceMember.customer_id == customer_id, WorkspaceMember.status == "active"
    )


def managed_workspace_ids_of(customer_id: int) -> Select[int]:
    """Workspaces where the customer is an active owner or admin."""
    return workspace_ids_of(customer_id).where(WorkspaceMember.role.in_(MANAGE_ROLES))


def customer_scope(
    viewer: Viewer, rule: Callable[[int], ColumnElement[bool]]
) -> ColumnElement[bool]:
    """The frame of every rule below: admins (not through an agent token) all rows, agent
    tokens and anonymous viewers none, a customer the rows `rule(its customer id)` selects."""
    if viewer.is_admin and viewer.agent_host_id is None:
        return true()
    if viewer.customer_id is None or viewer.agent_host_id is not None:
        return false()
    return rule(viewer.customer_id)


def owned_or_in_workspace(
    viewer: Viewer, owner: Any, workspace: Any | None = None
) -> ColumnElement[bool]:
    """Admins: all. Customers: rows they own, or rows of a workspace they belong to."""

    def mine(customer_id: int) -> ColumnElement[bool]:
        if workspace is None:
            owned: ColumnElement[bool] = owner == customer_id
            return owned
        return or_(owner == customer_id, workspace.in_(workspace_ids_of(customer_id)))

    return customer_scope(viewer, mine)


def own_only(viewer: Viewer, owner: Any) -> ColumnElement[bool]:
    """Admins: all. Customers: their own rows. Agents: none."""
    return owned_or_in_workspace(viewer, owner)


def managed(viewer: Viewer, owner: Any, workspace: Any) -> ColumnElement[bool]:
    """Rows the viewer may change or delete, among those it reads: admins all; customers what
    they own and what lives in a workspace where they are an active owner or admin."""
    return customer_scope(
        viewer,
        lambda customer_id: or_(
            owner == customer_id, workspace.in_(managed_workspace_ids_of(customer_id))
        ),
    )


def _shared_with(table: Any, customer_id: int, admin: ColumnElement[bool]) -> ColumnElement[bool]:
    """The rule for datasets and models (rows with a `visibility`): admins all; a customer its
    own, `workspace` ones of workspaces it belongs to, and `public` ones."""
    return or_(
        admin,
        table.customer_id == customer_id,
        (table.visibility == "workspace") & table.workspace_id.in_(workspace_ids_of(customer_id)),
        table.visibility == "public",
    )


def shared_readable(viewer: Viewer, table: Any) -> ColumnElement[bool]:
    """Datasets or models (`table`) the viewer may read; agents and anonymous viewers none."""
    return customer_scope(viewer, lambda customer_id: _shared_with(table, customer_id, false()))


def shared_readable_by(table: Any, customer_id: int) -> ColumnElement[bool]:
    """The same rule for a customer who is not the viewer (the owner of an environment a
    dataset is mounted into); whether it is an admin is read in the same statement."""
    is_admin = exists().where(Customer.id == customer_id, Customer.user_type == "admin")
    return _shared_with(table, customer_id, is_admin)
