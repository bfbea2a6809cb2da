"""Types of the `storage` area for machine-learning models: Model and ModelVersion.

Import them from `remotegpu.schema.types.storage`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated
from uuid import UUID

import strawberry

from remotegpu.db import models as m
from remotegpu.schema.connections import child_connection
from remotegpu.schema.enums import StorageStatus, StorageVisibility
from remotegpu.schema.inputs.storage import (
    MODEL_VERSION_ORDERINGS,
    ModelVersionOrder,
    ModelVersionWhere,
)
from remotegpu.schema.node import Node
from remotegpu.schema.pagination import Connection
from remotegpu.schema.scalars import JSON, BigInt
from remotegpu.schema.types.base import col, from_row, table_doc
from remotegpu.schema.types.storage_datasets import (
    CustomerT,
    Info,
    TrainingJobOrderT,
    TrainingJobT,
    TrainingJobWhereT,
    WorkspaceT,
    load_owner,
    load_workspace,
)

if TYPE_CHECKING:
    from remotegpu.schema.inputs.workloads import InferenceServiceOrder, InferenceServiceWhere
    from remotegpu.schema.types.workloads import InferenceService

InferenceServiceT = Annotated[
    "InferenceService", strawberry.lazy("remotegpu.schema.types.workloads")
]
InferenceServiceWhereT = Annotated[
    "InferenceServiceWhere", strawberry.lazy("remotegpu.schema.inputs.workloads")
]
InferenceServiceOrderT = Annotated[
    "InferenceServiceOrder", strawberry.lazy("remotegpu.schema.inputs.workloads")
]


M = "models"


@strawberry.type(name="Model", description=table_doc(M))
class Model(Node):
    row_id: int = col(M, "id")
    uuid: UUID = col(M, "uuid")
    name: str = col(M, "name")
    description: str | None = col(M, "description")
    framework: str | None = col(M, "framework")
    storage_path: str = col(M, "storage_path")
    total_size: BigInt | None = col(M, "total_size")
    status: StorageStatus | None = col(M, "status")
    visibility: StorageVisibility | None = col(M, "visibility")
    created_at: datetime | None = col(M, "created_at")
    updated_at: datetime | None = col(M, "updated_at")
    customer_id: int = col(M, "customer_id")
    workspace_id: int | None = col(M, "workspace_id")

    @strawberry.field(description="The customer owning this model (models.customer_id).")
    async def owner(self, info: Info) -> CustomerT | None:
        return await load_owner(info, self.customer_id)

    @strawberry.field(description="The workspace this model belongs to, if any.")
    async def workspace(self, info: Info) -> WorkspaceT | None:
        return await load_workspace(info, self.workspace_id)

    @strawberry.field(description="Versions of this model, with their evaluation metrics.")
    async def versions(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: ModelVersionWhere | None = None,
        order_by: ModelVersionOrder = ModelVersionOrder.CREATED_AT_DESC,
    ) -> Connection[ModelVersion]:
        loaders = info.context.loaders.storage
        return await child_connection(
            info.context,
            loaders.model_versions_page_by_model_id,
            loaders.model_versions_count_by_model_id,
            self.row_id,
            ModelVersion.from_row,
            MODEL_VERSION_ORDERINGS[order_by],
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="Training jobs that fine-tune or produce this model.")
    async def training_jobs(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: TrainingJobWhereT | None = None,
        order_by: TrainingJobOrderT | None = None,
    ) -> Connection[TrainingJobT]:
        from remotegpu.schema.inputs.workloads import TRAINING_JOB_ORDERINGS, TrainingJobOrder
        from remotegpu.schema.types.workloads import TrainingJob

        loaders = info.context.loaders.workloads
        return await child_connection(
            info.context,
            loaders.training_jobs_page_by_model_id,
            loaders.training_jobs_count_by_model_id,
            self.row_id,
            TrainingJob.from_row,
            TRAINING_JOB_ORDERINGS[order_by or next(iter(TrainingJobOrder))],
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="Inference services serving this model.")
    async def inference_services(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: InferenceServiceWhereT | None = None,
        order_by: InferenceServiceOrderT | None = None,
    ) -> Connection[InferenceServiceT]:
        from remotegpu.schema.inputs.workloads import (
            INFERENCE_SERVICE_ORDERINGS,
            InferenceServiceOrder,
        )
        from remotegpu.schema.types.workloads import InferenceService

        loaders = info.context.loaders.workloads
        return await child_connection(
            info.context,
            loaders.inference_services_page_by_model_id,
            loaders.inference_services_count_by_model_id,
            self.row_id,
            InferenceService.from_row,
            INFERENCE_SERVICE_ORDERINGS[order_by or next(iter(InferenceServiceOrder))],
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @classmethod
    def from_row(cls, row: m.MlModel) -> Model:
        return from_row(cls, row)


MV = "model_versions"


@strawberry.type(description=table_doc(MV))
class ModelVersion(Node):
    row_id: int = col(MV, "id")
    version: str = col(MV, "version")
    description: str | None = col(MV, "description")
    storage_path: str = col(MV, "storage_path")
    size: BigInt | None = col(MV, "size")
    metrics: JSON | None = col(MV, "metrics")
    created_at: datetime | None = col(MV, "created_at")
    model_id: int = col(MV, "model_id")

    @strawberry.field(description="The model this is a version of.")
    async def model(self, info: Info) -> Model | None:
        row = await info.context.loaders.storage.model_by_id.load(self.model_id)
        return None if row is None else Model.from_row(row)

    @classmethod
    def from_row(cls, row: m.MlModelVersion) -> ModelVersion:
        return from_row(cls, row)
