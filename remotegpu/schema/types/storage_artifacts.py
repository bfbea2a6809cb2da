"""Types of the `storage` area for artifacts (what jobs, services and environments produced):
Artifact and the ArtifactSource union.

Import them from `remotegpu.schema.types.storage`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from remotegpu.db import models as m
from remotegpu.schema.enums import ArtifactSourceType, ArtifactType
from remotegpu.schema.node import Node
from remotegpu.schema.scalars import BigInt
from remotegpu.schema.types.base import col, from_row, table_doc
from remotegpu.schema.types.storage_datasets import (
    CustomerT,
    EnvironmentT,
    Info,
    TrainingJobT,
    WorkspaceT,
    load_owner,
    load_workspace,
)

if TYPE_CHECKING:
    from remotegpu.schema.types.workloads import InferenceService

InferenceServiceT = Annotated[
    "InferenceService", strawberry.lazy("remotegpu.schema.types.workloads")
]
ArtifactSource = Annotated[
    TrainingJobT | InferenceServiceT | EnvironmentT,
    strawberry.union(
        "ArtifactSource",
        description="What produced an artifact: a training job, an inference service or an "
        "environment (artifacts.source_type / source_id).",
    ),
]


A = "artifacts"


@strawberry.type(description=table_doc(A))
class Artifact(Node):
    row_id: int = col(A, "id")
    name: str = col(A, "name")
    type: ArtifactType = col(A, "type")
    storage_path: str = col(A, "storage_path")
    size: BigInt | None = col(A, "size")
    source_type: ArtifactSourceType | None = col(A, "source_type")
    source_id: str | None = col(A, "source_id")
    created_at: datetime | None = col(A, "created_at")
    customer_id: int = col(A, "customer_id")
    workspace_id: int | None = col(A, "workspace_id")

    @strawberry.field(description="The customer owning this artifact (artifacts.customer_id).")
    async def owner(self, info: Info) -> CustomerT | None:
        return await load_owner(info, self.customer_id)

    @strawberry.field(description="The workspace this artifact belongs to, if any.")
    async def workspace(self, info: Info) -> WorkspaceT | None:
        return await load_workspace(info, self.workspace_id)

    @strawberry.field(
        description="The job, service or environment that produced this artifact; null when "
        "unknown, gone, or not visible to the viewer."
    )
    async def source(self, info: Info) -> ArtifactSource | None:
        if self.source_id is None:
            return None
        loaders = info.context.loaders
        if self.source_type == ArtifactSourceType.TRAINING_JOB:
            from remotegpu.schema.types.workloads import TrainingJob

            job = await loaders.workloads.training_job_by_id.load(self.source_id)
            return None if job is None else TrainingJob.from_row(job)
        if self.source_type == ArtifactSourceType.INFERENCE_SERVICE:
            from remotegpu.schema.types.workloads import InferenceService

            svc = await loaders.workloads.inference_service_by_id.load(self.source_id)
            return None if svc is None else InferenceService.from_row(svc)
        if self.source_type == ArtifactSourceType.ENVIRONMENT:
            from remotegpu.schema.types.environments import Environment

            env = await loaders.environments.environment_by_id.load(self.source_id)
            return None if env is None else Environment.from_row(env)
        return None

    @classmethod
    def from_row(cls, row: m.Artifact) -> Artifact:
        return from_row(cls, row)
