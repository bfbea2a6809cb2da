"""Root fields of the `workspaces` area: workspaces and their memberships."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import Workspace as WorkspaceRow
from remotegpu.db.models import WorkspaceMember as WorkspaceMemberRow
from remotegpu.loaders.workspaces import visible_workspace_members, visible_workspaces
from remotegpu.schema.connections import root_connection
from remotegpu.schema.inputs.workspaces import (
    WORKSPACE_MEMBER_ORDERINGS,
    WORKSPACE_ORDERINGS,
    WorkspaceMemberOrder,
    WorkspaceMemberWhere,
    WorkspaceOrder,
    WorkspaceWhere,
)
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.customers import int_keys
from remotegpu.schema.types.workspaces import Workspace, WorkspaceMember

Info = strawberry.Info[Context, None]


@strawberry.type
class WorkspacesQuery:
    @strawberry.field(
        description="Workspaces (admins: all; customers: those they own or actively belong to)."
    )
    async def workspaces(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: WorkspaceWhere | None = None,
        order_by: WorkspaceOrder = WorkspaceOrder.ID_ASC,
    ) -> Connection[Workspace]:
        return await root_connection(
            info.context,
            WorkspaceRow,
            visible_workspaces,
            Workspace.from_row,
            WORKSPACE_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="One workspace by its table key (workspaces.id), if visible.")
    async def workspace(self, info: Info, id: strawberry.ID) -> Workspace | None:
        (key,) = int_keys([id])
        if key is None:
            return None
        row = await info.context.loaders.workspaces.workspace_by_id.load(key)
        return None if row is None else Workspace.from_row(row)

    @strawberry.field(
        description="Workspace memberships (admins: all; customers: those of their workspaces "
        "and their own)."
    )
    async def workspace_members(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: WorkspaceMemberWhere | None = None,
        order_by: WorkspaceMemberOrder = WorkspaceMemberOrder.ID_ASC,
    ) -> Connection[WorkspaceMember]:
        return await root_connection(
            info.context,
            WorkspaceMemberRow,
            visible_workspace_members,
            WorkspaceMember.from_row,
            WORKSPACE_MEMBER_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )
