"""Types of the `storage` area for datasets: Dataset, DatasetVersion, DatasetMount, and the
helpers the other storage type modules share (lazy references, owner and workspace loads).

Import them from `remotegpu.schema.types.storage`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated
from uuid import UUID

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.schema.enums import StorageStatus, StorageType, StorageVisibility
from remotegpu.schema.inputs.storage import (
    DATASET_MOUNT_ORDERINGS,
    DATASET_VERSION_ORDERINGS,
    DatasetMountOrder,
    DatasetMountWhere,
    DatasetVersionOrder,
    DatasetVersionWhere,
)
from remotegpu.schema.inputs.workloads import TRAINING_JOB_ORDERINGS, TrainingJobWhere
from remotegpu.schema.node import Node
from remotegpu.schema.relations import (
    children,
    customer_reference,
    lazy_type,
    reference,
    workspace_reference,
)
from remotegpu.schema.scalars import BigInt
from remotegpu.schema.types.base import col, from_row, table_doc

if TYPE_CHECKING:
    from remotegpu.schema.types.environments import Environment
    from remotegpu.schema.types.workloads import TrainingJob

Info = strawberry.Info[Context, None]
EnvironmentT = Annotated["Environment", strawberry.lazy("remotegpu.schema.types.environments")]
TrainingJobT = Annotated["TrainingJob", strawberry.lazy("remotegpu.schema.types.workloads")]
_HERE = "remotegpu.schema.types.storage_datasets"


D = "datasets"


@strawberry.type(description=table_doc(D))
class Dataset(Node):
    row_id: int = col(D, "id")
    uuid: UUID = col(D, "uuid")
    name: str = col(D, "name")
    description: str | None = col(D, "description")
    storage_path: str = col(D, "storage_path")
    storage_type: StorageType | None = col(D, "storage_type")
    total_size: BigInt | None = col(D, "total_size")
    file_count: int | None = col(D, "file_count")
    status: StorageStatus | None = col(D, "status")
    visibility: StorageVisibility | None = col(D, "visibility")
    created_at: datetime | None = col(D, "created_at")
    updated_at: datetime | None = col(D, "updated_at")
    customer_id: int = col(D, "customer_id")
    workspace_id: int | None = col(D, "workspace_id")

    owner = customer_reference(
        "customer_id",
        description="The customer owning this dataset (datasets.customer_id).",
        compiled=False,
    )
    workspace = workspace_reference(
        description="The workspace this dataset belongs to, if any.",
        compiled=False,
    )
    versions = children(
        lazy_type(_HERE, "DatasetVersion"),  # declared below
        "storage.dataset_versions_page_by_dataset_id",
        DATASET_VERSION_ORDERINGS,
        DatasetVersionWhere,
        default=DatasetVersionOrder.CREATED_AT_DESC,
        description="Versions of this dataset.",
    )
    mounts = children(
        lazy_type(_HERE, "DatasetMount"),  # declared below
        "storage.dataset_usage_page_by_dataset_id",
        DATASET_MOUNT_ORDERINGS,
        DatasetMountWhere,
        default=DatasetMountOrder.MOUNTED_AT_DESC,
        description="Where this dataset is or was mounted (environments the viewer may see).",
    )
    training_jobs = children(
        TrainingJobT,
        "workloads.training_jobs_page_by_dataset_id",
        TRAINING_JOB_ORDERINGS,
        TrainingJobWhere,
        nullable=True,
        description="Training jobs that train on this dataset.",
    )

    @classmethod
    def from_row(cls, row: m.Dataset) -> Dataset:
        return from_row(cls, row)


DV = "dataset_versions"


@strawberry.type(description=table_doc(DV))
class DatasetVersion(Node):
    row_id: int = col(DV, "id")
    version: str = col(DV, "version")
    description: str | None = col(DV, "description")
    storage_path: str = col(DV, "storage_path")
    size: BigInt | None = col(DV, "size")
    file_count: int | None = col(DV, "file_count")
    created_at: datetime | None = col(DV, "created_at")
    dataset_id: int = col(DV, "dataset_id")

    dataset = reference(
        Dataset,
        "storage.dataset_by_id",
        "dataset_id",
        description="The dataset this is a version of.",
    )

    @classmethod
    def from_row(cls, row: m.DatasetVersion) -> DatasetVersion:
        return from_row(cls, row)


U = "dataset_usage"


@strawberry.type(description=table_doc(U))
class DatasetMount(Node):
    row_id: int = col(U, "id")
    mount_path: str = col(U, "mount_path")
    readonly: bool | None = col(U, "readonly")
    mounted_at: datetime | None = col(U, "mounted_at")
    unmounted_at: datetime | None = col(U, "unmounted_at")
    open: bool = strawberry.field(description="Still mounted: unmounted_at is null.")
    env_id: str = col(U, "env_id")
    dataset_id: int = col(U, "dataset_id")

    environment = reference(
        EnvironmentT,
        "environments.environment_by_id",
        "env_id",
        description="The environment the dataset is mounted into.",
    )
    dataset = reference(
        Dataset,
        "storage.dataset_by_id",
        "dataset_id",
        description="The mounted dataset (null if the viewer may not see it).",
    )

    @classmethod
    def from_row(cls, row: m.DatasetUsage) -> DatasetMount:
        return from_row(cls, row, open=row.unmounted_at is None)
