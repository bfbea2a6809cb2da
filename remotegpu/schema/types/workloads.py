"""Types of the `workloads` area: TrainingJob and InferenceService."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import workloads as m
from remotegpu.schema.enums import InferenceServiceStatus, TrainingJobStatus
from remotegpu.schema.node import Node
from remotegpu.schema.relations import customer_reference, reference, workspace_reference
from remotegpu.schema.scalars import BigInt
from remotegpu.schema.types.base import col, from_row, table_doc

if TYPE_CHECKING:
    from remotegpu.schema.types.environments import Environment
    from remotegpu.schema.types.storage import Dataset, Model, ModelVersion

Info = strawberry.Info[Context, None]
EnvironmentT = Annotated["Environment", strawberry.lazy("remotegpu.schema.types.environments")]
DatasetT = Annotated["Dataset", strawberry.lazy("remotegpu.schema.types.storage")]
ModelT = Annotated["Model", strawberry.lazy("remotegpu.schema.types.storage")]
ModelVersionT = Annotated["ModelVersion", strawberry.lazy("remotegpu.schema.types.storage")]


def _model_reference(description: str) -> Any:
    return reference(
        ModelT, "storage.model_by_id", "model_id", description=description, compiled=False
    )


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

    owner = customer_reference(
        "customer_id",
        description="The customer who owns this job (training_jobs.customer_id).",
        compiled=False,
    )
    workspace = workspace_reference(
        description="The workspace this job belongs to, if any.",
        compiled=False,
    )
    environment = reference(
        EnvironmentT,
        "environments.environment_by_id",
        "env_id",
        description="The environment this job runs in, if any.",
    )
    dataset = reference(
        DatasetT,
        "storage.dataset_by_id",
        "dataset_id",
        description="The dataset this job trains on, if any.",
    )
    model = _model_reference("The model this job trains, if any.")

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

    owner = customer_reference(
        "customer_id",
        description="The customer who owns this service.",
        compiled=False,
    )
    workspace = workspace_reference(
        description="The workspace this service belongs to, if any.",
        compiled=False,
    )
    model = _model_reference("The model this service serves, if any.")

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
