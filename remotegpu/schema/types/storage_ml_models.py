"""Types of the `storage` area for machine-learning models: Model and ModelVersion.

Import them from `remotegpu.schema.types.storage`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated
from uuid import UUID

import strawberry

from remotegpu.db import models as m
from remotegpu.schema.enums import StorageStatus, StorageVisibility
from remotegpu.schema.inputs.storage import (
    MODEL_VERSION_ORDERINGS,
    ModelVersionOrder,
    ModelVersionWhere,
)
from remotegpu.schema.inputs.workloads import (
    INFERENCE_SERVICE_ORDERINGS,
    TRAINING_JOB_ORDERINGS,
    InferenceServiceWhere,
    TrainingJobWhere,
)
from remotegpu.schema.node import Node
from remotegpu.schema.relations import (
    children,
    customer_reference,
    lazy_type,
    reference,
    workspace_reference,
)
from remotegpu.schema.scalars import JSON, BigInt
from remotegpu.schema.types.base import col, from_row, table_doc
from remotegpu.schema.types.storage_datasets import (
    TrainingJobT,
)

if TYPE_CHECKING:
    from remotegpu.schema.types.workloads import InferenceService

InferenceServiceT = Annotated[
    "InferenceService", strawberry.lazy("remotegpu.schema.types.workloads")
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

    owner = customer_reference(
        "customer_id",
        description="The customer owning this model (models.customer_id).",
        compiled=False,
    )
    workspace = workspace_reference(
        description="The workspace this model belongs to, if any.",
        compiled=False,
    )
    versions = children(
        lazy_type("remotegpu.schema.types.storage_ml_models", "ModelVersion"),  # declared below
        "storage.model_versions_page_by_model_id",
        MODEL_VERSION_ORDERINGS,
        ModelVersionWhere,
        default=ModelVersionOrder.CREATED_AT_DESC,
        description="Versions of this model, with their evaluation metrics.",
    )
    training_jobs = children(
        TrainingJobT,
        "workloads.training_jobs_page_by_model_id",
        TRAINING_JOB_ORDERINGS,
        TrainingJobWhere,
        nullable=True,
        description="Training jobs that fine-tune or produce this model.",
    )
    inference_services = children(
        InferenceServiceT,
        "workloads.inference_services_page_by_model_id",
        INFERENCE_SERVICE_ORDERINGS,
        InferenceServiceWhere,
        nullable=True,
        description="Inference services serving this model.",
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

    model = reference(
        Model, "storage.model_by_id", "model_id", description="The model this is a version of."
    )

    @classmethod
    def from_row(cls, row: m.MlModelVersion) -> ModelVersion:
        return from_row(cls, row)
