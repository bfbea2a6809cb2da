"""Types of the `workspaces` area: Workspace and WorkspaceMember."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.schema.connections import child_connection
from remotegpu.schema.enums import (
    WorkspaceMemberStatus,
    WorkspaceRole,
    WorkspaceStatus,
    WorkspaceType,
)
from remotegpu.schema.inputs.workspaces import (
    WORKSPACE_MEMBER_ORDERINGS,
    WorkspaceMemberOrder,
    WorkspaceMemberWhere,
)
from remotegpu.schema.node import Node
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.base import col, from_row, table_doc
from remotegpu.schema.types.customers import Customer, owned_edge, paging

Info = strawberry.Info[Context, None]

W = "workspaces"


@strawberry.type(description=table_doc("workspaces"))
class Workspace(Node):
    row_id: int = col(W, "id")
    uuid: UUID = col(W, "uuid")
    owner_id: int = col(W, "owner_id")
    name: str = col(W, "name")
    description: str | None = col(W, "description")
    type: WorkspaceType | None = col(W, "type")
    member_count: int | None = col(W, "member_count")
    status: WorkspaceStatus | None = col(W, "status")
    created_at: datetime | None = col(W, "created_at")
    updated_at: datetime | None = col(W, "updated_at")

    @strawberry.field(description="The customer owning this workspace.")
    async def owner(self, info: Info) -> Customer | None:
        row = await info.context.loaders.customers.customer_by_id.load(self.owner_id)
        return None if row is None else Customer.from_row(row)

    @strawberry.field(description="Memberships of this workspace (any status).")
    async def members(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: WorkspaceMemberWhere | None = None,
        order_by: WorkspaceMemberOrder = WorkspaceMemberOrder.ID_ASC,
    ) -> Connection[WorkspaceMember]:
        ld = info.context.loaders.workspaces
        return await child_connection(
            info.context,
            ld.workspace_members_page_by_workspace_id,
            ld.workspace_members_count_by_workspace_id,
            self.row_id,
            WorkspaceMember.from_row,
            WORKSPACE_MEMBER_ORDERINGS[order_by],
            where,
            **paging(first, after, last, before),
        )

    datasets = owned_edge(
        "Datasets of this workspace, visible to the viewer.",
        "storage.datasets_page_by_workspace_id",
        "storage.Dataset",
        "storage.DATASET_ORDERINGS",
    )
    models = owned_edge(
        "ML models of this workspace, visible to the viewer.",
        "storage.models_page_by_workspace_id",
        "storage.Model",
        "storage.MODEL_ORDERINGS",
    )
    artifacts = owned_edge(
        "Artifacts of this workspace, visible to the viewer.",
        "storage.artifacts_page_by_workspace_id",
        "storage.Artifact",
        "storage.ARTIFACT_ORDERINGS",
    )
    training_jobs = owned_edge(
        "Training jobs of this workspace, visible to the viewer.",
        "workloads.training_jobs_page_by_workspace_id",
        "workloads.TrainingJob",
        "workloads.TRAINING_JOB_ORDERINGS",
    )
    inference_services = owned_edge(
        "Inference services of this workspace, visible to the viewer.",
        "workloads.inference_services_page_by_workspace_id",
        "workloads.InferenceService",
        "workloads.INFERENCE_SERVICE_ORDERINGS",
    )

    @classmethod
    def from_row(cls, row: m.Workspace) -> Workspace:
        return from_row(cls, row)


M = "workspace_members"


@strawberry.type(description=table_doc("workspace_members"))
class WorkspaceMember(Node):
    row_id: int = col(M, "id")
    workspace_id: int = col(M, "workspace_id")
    customer_id: int = col(M, "customer_id")
    role: WorkspaceRole | None = col(M, "role")
    status: WorkspaceMemberStatus | None = col(M, "status")
    joined_at: datetime | None = col(M, "joined_at")
    created_at: datetime | None = col(M, "created_at")

    @strawberry.field(description="The workspace of this membership.")
    async def workspace(self, info: Info) -> Workspace | None:
        row = await info.context.loaders.workspaces.workspace_by_id.load(self.workspace_id)
        return None if row is None else Workspace.from_row(row)

    @strawberry.field(description="The member.")
    async def customer(self, info: Info) -> Customer | None:
        row = await info.context.loaders.customers.customer_by_id.load(self.customer_id)
        return None if row is None else Customer.from_row(row)

    @classmethod
    def from_row(cls, row: m.WorkspaceMember) -> WorkspaceMember:
        return from_row(cls, row)
