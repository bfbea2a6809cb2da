"""Root fields of the `workspaces` area: workspaces and their memberships."""

from __future__ import annotations

from typing import Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import Workspace as WorkspaceRow
from remotegpu.db.models import WorkspaceMember as WorkspaceMemberRow
from remotegpu.loaders.workspaces import visible_workspace_members, visible_workspaces
from remotegpu.schema.entities import node_for_id_argument
from remotegpu.schema.inputs.workspaces import (
    WORKSPACE_MEMBER_ORDERINGS,
    WORKSPACE_ORDERINGS,
    WorkspaceMemberOrder,
    WorkspaceMemberWhere,
    WorkspaceOrder,
    WorkspaceWhere,
)
from remotegpu.schema.node import id_argument_description
from remotegpu.schema.relations import root_connection_field, root_lookup
from remotegpu.schema.types.workspaces import Workspace, WorkspaceMember

Info = strawberry.Info[Context, None]


_WORKSPACE_ID = Annotated[
    strawberry.ID, strawberry.argument(description=id_argument_description("workspaceByRowId"))
]
_ROW_ID = Annotated[int, strawberry.argument(description="The table key (`rowId`).")]


@strawberry.type
class WorkspacesQuery:
    workspaces = root_connection_field(
        Workspace,
        WorkspaceRow,
        visible_workspaces,
        WORKSPACE_ORDERINGS,
        WorkspaceWhere,
        default=WorkspaceOrder.ID_ASC,
        description="Workspaces (admins: all; customers: those they own or actively belong to).",
    )

    @strawberry.field(description="One workspace by its global ID, if visible.")
    async def workspace(self, info: Info, id: _WORKSPACE_ID) -> Workspace | None:
        return await node_for_id_argument(info.context, Workspace, str(id))

    workspace_by_row_id = root_lookup(
        Workspace,
        "workspaces.workspace_by_id",
        "row_id",
        _ROW_ID,
        description="One workspace by its table key (`rowId`), if visible.",
        compiled=False,
    )

    workspace_members = root_connection_field(
        WorkspaceMember,
        WorkspaceMemberRow,
        visible_workspace_members,
        WORKSPACE_MEMBER_ORDERINGS,
        WorkspaceMemberWhere,
        default=WorkspaceMemberOrder.ID_ASC,
        description="Workspace memberships (admins: all; customers: those of their workspaces "
        "and their own).",
    )
