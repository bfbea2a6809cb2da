"""Loaders of the `workspaces` area: workspaces and their members, scoped to the viewer.

A customer sees the workspaces it is an active member of (and those it owns), the active
memberships of those workspaces, and its own memberships (invitations included). Admins see
everything; agents and anonymous viewers nothing.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, false, or_, true

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Workspace, WorkspaceMember
from remotegpu.loaders.base import (
    CountByParentLoader,
    LoaderEnv,
    PageByParentLoader,
    RowByKeyLoader,
)
from remotegpu.loaders.scopes import workspace_ids_of


def visible_workspaces(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all. Customers: workspaces they own or are an active member of."""
    if viewer.agent_host_id is not None or viewer.customer_id is None:
        return false()
    if viewer.is_admin:
        return true()
    return or_(
        Workspace.owner_id == viewer.customer_id,
        Workspace.id.in_(workspace_ids_of(viewer.customer_id)),
    )


def visible_workspace_members(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all. Customers: the active memberships of their workspaces, and their own
    memberships (invitations included).

    The same rule as `visible_customers`: another customer's invitation would reveal who was
    invited before they joined, so only active memberships of a workspace are its members.
    """
    if viewer.agent_host_id is not None or viewer.customer_id is None:
        return false()
    if viewer.is_admin:
        return true()
    return or_(
        WorkspaceMember.customer_id == viewer.customer_id,
        and_(
            WorkspaceMember.status == "active",
            WorkspaceMember.workspace_id.in_(workspace_ids_of(viewer.customer_id)),
        ),
    )


class WorkspacesLoaders:
    def __init__(self, env: LoaderEnv) -> None:
        w, wm = visible_workspaces, visible_workspace_members
        self.workspace_by_id = RowByKeyLoader(env, Workspace, Workspace.id, w)
        self.workspaces_page_by_owner_id = PageByParentLoader(env, Workspace, Workspace.owner_id, w)
        self.workspaces_count_by_owner_id = CountByParentLoader(
            env, Workspace, Workspace.owner_id, w
        )
        self.workspace_member_by_id = RowByKeyLoader(env, WorkspaceMember, WorkspaceMember.id, wm)
        self.workspace_members_page_by_workspace_id = PageByParentLoader(
            env, WorkspaceMember, WorkspaceMember.workspace_id, wm
        )
        self.workspace_members_count_by_workspace_id = CountByParentLoader(
            env, WorkspaceMember, WorkspaceMember.workspace_id, wm
        )
        self.workspace_members_page_by_customer_id = PageByParentLoader(
            env, WorkspaceMember, WorkspaceMember.customer_id, wm
        )
        self.workspace_members_count_by_customer_id = CountByParentLoader(
            env, WorkspaceMember, WorkspaceMember.customer_id, wm
        )
