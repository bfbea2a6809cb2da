"""Root fields of the `workspaces` area: workspaces and their memberships."""

from __future__ import annotations

from typing import Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import Workspace as WorkspaceRow
from remotegpu.db.models import WorkspaceMember as WorkspaceMemberRow
from remotegpu.loaders.workspaces import visible_workspace_members, visible_workspaces
from remotegpu.schema.connections import root_connection
from remotegpu.schema.entities import row_key_from_id
from remotegpu.schema.inputs.workspaces import (
    WORKSPACE_MEMBER_ORDERINGS,
    WORKSPACE_ORDERINGS,
    WorkspaceMemberOrder,
    WorkspaceMemberWhere,
    WorkspaceOrder,
    WorkspaceWhere,
)
from remotegpu.schema.node import id_argument_description, int_key
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.workspaces import Workspace, WorkspaceMember

Info = strawberry.Info[Context, None]


_WORKSPACE_ID = Annotated[
    strawberry.ID, strawberry.argument(description=id_argument_description("workspaceByRowId"))
]
_ROW_ID = Annotated[int, strawberry.argument(description="The table key (`rowId`).")]


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

    @strawberry.field(description="One workspace by its global ID, if visible.")
    async def workspace(self, info: Info, id: _WORKSPACE_ID) -> Workspace | None:
        text = row_key_from_id(str(id), "Workspace")
        key = None if text is None else int_key(text)
        return None if key is None else await _workspace_by_key(info, key)

    @strawberry.field(description="One workspace by its table key (`rowId`), if visible.")
    async def workspace_by_row_id(self, info: Info, row_id: _ROW_ID) -> Workspace | None:
        return await _workspace_by_key(info, row_id)

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


async def _workspace_by_key(info: Info, key: int) -> Workspace | None:
    row = await info.context.loaders.workspaces.workspace_by_id.load(key)
    return None if row is None else Workspace.from_row(row)
