"""Types of the `storage` area for artifacts (what jobs, services and environments produced):
Artifact and the ArtifactSource union.

Import them from `remotegpu.schema.types.storage`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from remotegpu.db import models as m
from remotegpu.schema.enums import ArtifactSourceType, ArtifactType
from remotegpu.schema.node import Node
from remotegpu.schema.relations import customer_reference, workspace_reference
from remotegpu.schema.scalars import BigInt
from remotegpu.schema.types.base import col, from_row, table_doc
from remotegpu.schema.types.environments import Environment
from remotegpu.schema.types.storage_datasets import (
    Info,
)
from remotegpu.schema.types.workloads import InferenceService, TrainingJob

ArtifactSource = Annotated[
    TrainingJob | InferenceService | Environment,
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

    owner = customer_reference(
        "customer_id",
        description="The customer owning this artifact (artifacts.customer_id).",
        compiled=False,
    )
    workspace = workspace_reference(
        description="The workspace this artifact belongs to, if any.",
        compiled=False,
    )

    @strawberry.field(
        description="The job, service or environment that produced this artifact; null when "
        "unknown, gone, or not visible to the viewer."
    )
    async def source(self, info: Info) -> ArtifactSource | None:
        if self.source_id is None:
            return None
        loaders = info.context.loaders
        if self.source_type == ArtifactSourceType.TRAINING_JOB:
            job = await loaders.workloads.training_job_by_id.load(self.source_id)
            return None if job is None else TrainingJob.from_row(job)
        if self.source_type == ArtifactSourceType.INFERENCE_SERVICE:
            svc = await loaders.workloads.inference_service_by_id.load(self.source_id)
            return None if svc is None else InferenceService.from_row(svc)
        if self.source_type == ArtifactSourceType.ENVIRONMENT:
            env = await loaders.environments.environment_by_id.load(self.source_id)
            return None if env is None else Environment.from_row(env)
        return None

    @classmethod
    def from_row(cls, row: m.Artifact) -> Artifact:
        return from_row(cls, row)
