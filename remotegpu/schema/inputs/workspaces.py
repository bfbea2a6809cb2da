"""Filters and orderings of the `workspaces` area."""

from __future__ import annotations

from enum import Enum

import strawberry

from remotegpu.db.models import Workspace, WorkspaceMember
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.enums import WorkspaceRole, WorkspaceStatus, WorkspaceType
from remotegpu.schema.inputs.common import (
    EnumFilter,
    KeyFilter,
)
from remotegpu.schema.inputs.filters import Where, filter_on


@strawberry.input(description="Filter workspaces (every field is an indexed column).")
class WorkspaceWhere(Where):
    type: EnumFilter[WorkspaceType] | None = filter_on(
        Workspace.type, "Personal, team or enterprise."
    )
    status: EnumFilter[WorkspaceStatus] | None = filter_on(Workspace.status, "Active or archived.")
    owner_id: KeyFilter | None = filter_on(
        Workspace.owner_id, "The owner's customer key (workspaces.owner_id)."
    )


@strawberry.enum(description="Orderings of workspaces.")
class WorkspaceOrder(Enum):
    ID_ASC = "id_asc"
    NAME_ASC = "name_asc"
    CREATED_AT_DESC = "created_at_desc"


WORKSPACE_ORDERINGS: dict[WorkspaceOrder, Ordering] = {
    WorkspaceOrder.ID_ASC: Ordering("id", (Workspace.id,)),
    WorkspaceOrder.NAME_ASC: Ordering("name", (Workspace.name, Workspace.id)),
    WorkspaceOrder.CREATED_AT_DESC: Ordering(
        "created", (Workspace.created_at, Workspace.id), descending=True
    ),
}


@strawberry.input(description="Filter workspace memberships (every field is an indexed column).")
class WorkspaceMemberWhere(Where):
    workspace_id: KeyFilter | None = filter_on(
        WorkspaceMember.workspace_id, "The workspace key (workspace_members.workspace_id)."
    )
    customer_id: KeyFilter | None = filter_on(
        WorkspaceMember.customer_id, "The member's customer key (workspace_members.customer_id)."
    )
    role: EnumFilter[WorkspaceRole] | None = filter_on(WorkspaceMember.role, "The member's role.")


@strawberry.enum(description="Orderings of workspace memberships.")
class WorkspaceMemberOrder(Enum):
    ID_ASC = "id_asc"
    JOINED_AT_DESC = "joined_at_desc"
    CREATED_AT_DESC = "created_at_desc"


WORKSPACE_MEMBER_ORDERINGS: dict[WorkspaceMemberOrder, Ordering] = {
    WorkspaceMemberOrder.ID_ASC: Ordering("id", (WorkspaceMember.id,)),
    WorkspaceMemberOrder.JOINED_AT_DESC: Ordering(
        "joined", (WorkspaceMember.joined_at, WorkspaceMember.id), descending=True
    ),
    WorkspaceMemberOrder.CREATED_AT_DESC: Ordering(
        "created", (WorkspaceMember.created_at, WorkspaceMember.id), descending=True
    ),
}
