"""Types of the `workspaces` area: Workspace and WorkspaceMember."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.schema.enums import (
    WorkspaceMemberStatus,
    WorkspaceRole,
    WorkspaceStatus,
    WorkspaceType,
)
from remotegpu.schema.inputs import storage as storage_in
from remotegpu.schema.inputs import workloads as workloads_in
from remotegpu.schema.inputs.workspaces import (
    WORKSPACE_MEMBER_ORDERINGS,
    WorkspaceMemberOrder,
    WorkspaceMemberWhere,
)
from remotegpu.schema.node import Node
from remotegpu.schema.relations import children, lazy_type, reference
from remotegpu.schema.types.base import col, from_row, table_doc
from remotegpu.schema.types.customers import Customer, owned_edge

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

    owner = reference(
        Customer,
        "customers.customer_by_id",
        "owner_id",
        description="The customer owning this workspace.",
    )
    members = children(
        lazy_type("remotegpu.schema.types.workspaces", "WorkspaceMember"),  # declared below
        "workspaces.workspace_members_page_by_workspace_id",
        WORKSPACE_MEMBER_ORDERINGS,
        WorkspaceMemberWhere,
        default=WorkspaceMemberOrder.ID_ASC,
        description="Memberships of this workspace (any status).",
    )

    datasets = owned_edge(
        "Datasets of this workspace, visible to the viewer.",
        "storage.datasets_page_by_workspace_id",
        "storage.Dataset",
        storage_in.DATASET_ORDERINGS,
        storage_in.DatasetWhere,
    )
    models = owned_edge(
        "ML models of this workspace, visible to the viewer.",
        "storage.models_page_by_workspace_id",
        "storage.Model",
        storage_in.MODEL_ORDERINGS,
        storage_in.ModelWhere,
    )
    artifacts = owned_edge(
        "Artifacts of this workspace, visible to the viewer.",
        "storage.artifacts_page_by_workspace_id",
        "storage.Artifact",
        storage_in.ARTIFACT_ORDERINGS,
        storage_in.ArtifactWhere,
    )
    training_jobs = owned_edge(
        "Training jobs of this workspace, visible to the viewer.",
        "workloads.training_jobs_page_by_workspace_id",
        "workloads.TrainingJob",
        workloads_in.TRAINING_JOB_ORDERINGS,
        workloads_in.TrainingJobWhere,
    )
    inference_services = owned_edge(
        "Inference services of this workspace, visible to the viewer.",
        "workloads.inference_services_page_by_workspace_id",
        "workloads.InferenceService",
        workloads_in.INFERENCE_SERVICE_ORDERINGS,
        workloads_in.InferenceServiceWhere,
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

    workspace = reference(
        Workspace,
        "workspaces.workspace_by_id",
        "workspace_id",
        description="The workspace of this membership.",
    )
    customer = reference(
        Customer, "customers.customer_by_id", "customer_id", description="The member."
    )

    @classmethod
    def from_row(cls, row: m.WorkspaceMember) -> WorkspaceMember:
        return from_row(cls, row)
