"""Loaders of the `workspaces` area: workspaces and their members, scoped to the viewer.

A customer sees the workspaces it is an active member of (and those it owns), the active
memberships of those workspaces, and its own memberships (invitations included). Admins see
everything; agents and anonymous viewers nothing.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, or_

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Workspace, WorkspaceMember
from remotegpu.loaders.area import AreaLoaders, Rows
from remotegpu.loaders.scopes import customer_scope, owned_or_in_workspace, workspace_ids_of


def visible_workspaces(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all. Customers: workspaces they own or are an active member of."""
    return owned_or_in_workspace(viewer, Workspace.owner_id, Workspace.id)


def visible_workspace_members(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all. Customers: the active memberships of their workspaces, and their own
    memberships (invitations included).

    The same rule as `visible_customers`: another customer's invitation would reveal who was
    invited before they joined, so only active memberships of a workspace are its members.
    """
    return customer_scope(
        viewer,
        lambda customer_id: or_(
            WorkspaceMember.customer_id == customer_id,
            and_(
                WorkspaceMember.status == "active",
                WorkspaceMember.workspace_id.in_(workspace_ids_of(customer_id)),
            ),
        ),
    )


workspaces = Rows(Workspace, visible_workspaces)
members = Rows(WorkspaceMember, visible_workspace_members)


class WorkspacesLoaders(AreaLoaders):
    workspace_by_id = workspaces.by(Workspace.id)
    workspaces_page_by_owner_id = workspaces.pages_by(Workspace.owner_id)
    workspaces_count_by_owner_id = workspaces.counts_by(Workspace.owner_id)
    workspace_member_by_id = members.by(WorkspaceMember.id)
    workspace_members_page_by_workspace_id = members.pages_by(WorkspaceMember.workspace_id)
    workspace_members_count_by_workspace_id = members.counts_by(WorkspaceMember.workspace_id)
    workspace_members_page_by_customer_id = members.pages_by(WorkspaceMember.customer_id)
    workspace_members_count_by_customer_id = members.counts_by(WorkspaceMember.customer_id)
