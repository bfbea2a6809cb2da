"""Filters and orderings of the `workspaces` area."""

from __future__ import annotations

from enum import Enum

import strawberry
from sqlalchemy import ColumnElement

from remotegpu.db.models import Workspace, WorkspaceMember
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.enums import WorkspaceRole, WorkspaceStatus, WorkspaceType
from remotegpu.schema.inputs.common import (
    EnumFilter,
    KeyFilter,
    enum_conditions,
    key_conditions,
)


@strawberry.input(description="Filter workspaces (every field is an indexed column).")
class WorkspaceWhere:
    type: EnumFilter[WorkspaceType] | None = strawberry.field(
        default=None, description="Personal, team or enterprise."
    )
    status: EnumFilter[WorkspaceStatus] | None = strawberry.field(
        default=None, description="Active or archived."
    )
    owner_id: KeyFilter | None = strawberry.field(
        default=None, description="The owner's customer key (workspaces.owner_id)."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *enum_conditions(Workspace.type, self.type),
            *enum_conditions(Workspace.status, self.status),
            *key_conditions(Workspace.owner_id, self.owner_id, int),
        ]


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
class WorkspaceMemberWhere:
    workspace_id: KeyFilter | None = strawberry.field(
        default=None, description="The workspace key (workspace_members.workspace_id)."
    )
    customer_id: KeyFilter | None = strawberry.field(
        default=None, description="The member's customer key (workspace_members.customer_id)."
    )
    role: EnumFilter[WorkspaceRole] | None = strawberry.field(
        default=None, description="The member's role."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *key_conditions(WorkspaceMember.workspace_id, self.workspace_id, int),
            *key_conditions(WorkspaceMember.customer_id, self.customer_id, int),
            *enum_conditions(WorkspaceMember.role, self.role),
        ]


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
