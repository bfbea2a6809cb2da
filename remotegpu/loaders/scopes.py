"""SQL building blocks of visibility shared by every area."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, false, or_, select, true

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import WorkspaceMember


def workspace_ids_of(customer_id: int) -> Select[int]:
    """Workspaces the customer is an active member of (owners are members too)."""
    return select(WorkspaceMember.workspace_id).where(
        WorkspaceMember.customer_id == customer_id, WorkspaceMember.status == "active"
    )


def owned_or_in_workspace(
    viewer: Viewer, owner: Any, workspace: Any | None = None
) -> ColumnElement[bool]:
    """Admins: all. Customers: rows they own, or rows of a workspace they belong to."""
    if viewer.is_admin and viewer.agent_host_id is None:
        return true()
    if viewer.customer_id is None or viewer.agent_host_id is not None:
        return false()
    if workspace is None:
        mine: ColumnElement[bool] = owner == viewer.customer_id
        return mine
    return or_(owner == viewer.customer_id, workspace.in_(workspace_ids_of(viewer.customer_id)))


def own_only(viewer: Viewer, owner: Any) -> ColumnElement[bool]:
    """Admins: all. Customers: their own rows. Agents: none."""
    return owned_or_in_workspace(viewer, owner)
