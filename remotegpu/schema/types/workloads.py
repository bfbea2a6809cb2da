"""Types of the `workloads` area: TrainingJob and InferenceService."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import workloads as m
from remotegpu.schema.enums import InferenceServiceStatus, TrainingJobStatus
from remotegpu.schema.node import Node
from remotegpu.schema.scalars import BigInt
from remotegpu.schema.types.base import col, from_row, table_doc

if TYPE_CHECKING:
    from remotegpu.schema.types.customers import Customer
    from remotegpu.schema.types.environments import Environment
    from remotegpu.schema.types.storage import Dataset, Model, ModelVersion
    from remotegpu.schema.types.workspaces import Workspace

Info = strawberry.Info[Context, None]
CustomerT = Annotated["Customer", strawberry.lazy("remotegpu.schema.types.customers")]
WorkspaceT = Annotated["Workspace", strawberry.lazy("remotegpu.schema.types.workspaces")]
EnvironmentT = Annotated["Environment", strawberry.lazy("remotegpu.schema.types.environments")]
DatasetT = Annotated["Dataset", strawberry.lazy("remotegpu.schema.types.storage")]
ModelT = Annotated["Model", strawberry.lazy("remotegpu.schema.types.storage")]
ModelVersionT = Annotated["ModelVersion", strawberry.lazy("remotegpu.schema.types.storage")]


async def _owner(info: Info, customer_id: int) -> CustomerT | None:
    from remotegpu.schema.types.customers import Customer

    row = await info.context.loaders.customers.customer_by_id.load(customer_id)
    return None if row is None else Customer.from_row(row)


async def _workspace(info: Info, workspace_id: int | None) -> WorkspaceT | None:
    from remotegpu.schema.types.workspaces import Workspace

    if workspace_id is None:
        return None
    row = await info.context.loaders.workspaces.workspace_by_id.load(workspace_id)
    return None if row is None else Workspace.from_row(row)


async def _model(info: Info, model_id: int | None) -> ModelT | None:
    from remotegpu.schema.types.storage import Model

    if model_id is None:
        return None
    row = await info.context.loaders.storage.model_by_id.load(model_id)
    return None if row is None else Model.from_row(row)


T = "training_jobs"


@strawberry.type(description=table_doc("training_jobs"))
class TrainingJob(Node):
    row_id: str = col(T, "id")
    customer_id: int = col(T, "customer_id")
    workspace_id: int | None = col(T, "workspace_id")
    env_id: str | None = col(T, "env_id")
    name: str = col(T, "name")
    description: str | None = col(T, "description")
    framework: str | None = col(T, "framework")
    script_path: str | None = col(T, "script_path")
    dataset_id: int | None = col(T, "dataset_id")
    model_id: int | None = col(T, "model_id")
    status: TrainingJobStatus | None = col(T, "status")
    priority: int | None = col(T, "priority")
    cpu: int | None = col(T, "cpu")
    memory: BigInt | None = col(T, "memory")
    gpu: int | None = col(T, "gpu")
    started_at: datetime | None = col(T, "started_at")
    completed_at: datetime | None = col(T, "completed_at")
    created_at: datetime | None = col(T, "created_at")
    updated_at: datetime | None = col(T, "updated_at")

    @strawberry.field(description="The customer who owns this job (training_jobs.customer_id).")
    async def owner(self, info: Info) -> CustomerT | None:
        return await _owner(info, self.customer_id)

    @strawberry.field(description="The workspace this job belongs to, if any.")
    async def workspace(self, info: Info) -> WorkspaceT | None:
        return await _workspace(info, self.workspace_id)

    @strawberry.field(description="The environment this job runs in, if any.")
    async def environment(self, info: Info) -> EnvironmentT | None:
        from remotegpu.schema.types.environments import Environment

        if self.env_id is None:
            return None
        row = await info.context.loaders.environments.environment_by_id.load(self.env_id)
        return None if row is None else Environment.from_row(row)

    @strawberry.field(description="The dataset this job trains on, if any.")
    async def dataset(self, info: Info) -> DatasetT | None:
        from remotegpu.schema.types.storage import Dataset

        if self.dataset_id is None:
            return None
        row = await info.context.loaders.storage.dataset_by_id.load(self.dataset_id)
        return None if row is None else Dataset.from_row(row)

    @strawberry.field(description="The model this job trains, if any.")
    async def model(self, info: Info) -> ModelT | None:
        return await _model(info, self.model_id)

    @classmethod
    def from_row(cls, row: m.TrainingJob) -> TrainingJob:
        return from_row(cls, row)


S = "inference_services"


@strawberry.type(description=table_doc("inference_services"))
class InferenceService(Node):
    row_id: str = col(S, "id")
    customer_id: int = col(S, "customer_id")
    workspace_id: int | None = col(S, "workspace_id")
    name: str = col(S, "name")
    description: str | None = col(S, "description")
    model_id: int | None = col(S, "model_id")
    model_version_name: str | None = col(S, "model_version")
    framework: str | None = col(S, "framework")
    status: InferenceServiceStatus | None = col(S, "status")
    endpoint_url: str | None = col(S, "endpoint_url")
    cpu: int | None = col(S, "cpu")
    memory: BigInt | None = col(S, "memory")
    gpu: int | None = col(S, "gpu")
    replicas: int | None = col(S, "replicas")
    created_at: datetime | None = col(S, "created_at")
    updated_at: datetime | None = col(S, "updated_at")

    @strawberry.field(description="The customer who owns this service.")
    async def owner(self, info: Info) -> CustomerT | None:
        return await _owner(info, self.customer_id)

    @strawberry.field(description="The workspace this service belongs to, if any.")
    async def workspace(self, info: Info) -> WorkspaceT | None:
        return await _workspace(info, self.workspace_id)

    @strawberry.field(description="The model this service serves, if any.")
    async def model(self, info: Info) -> ModelT | None:
        return await _model(info, self.model_id)

    # Python name differs from the column so that from_row does not treat it as a column.
    @strawberry.field(
        name="modelVersion",
        description="The served version of the model (model_versions by model_id + version).",
    )
    async def served_version(self, info: Info) -> ModelVersionT | None:
        from remotegpu.schema.types.storage import ModelVersion

        if self.model_id is None or self.model_version_name is None:
            return None
        loader = info.context.loaders.workloads.model_version_by_model_and_version
        row = await loader.load((self.model_id, self.model_version_name))
        return None if row is None else ModelVersion.from_row(row)

    @classmethod
    def from_row(cls, row: m.InferenceService) -> InferenceService:
        return from_row(cls, row, model_version_name=row.model_version)
