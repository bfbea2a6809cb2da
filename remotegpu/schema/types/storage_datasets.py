"""Types of the `storage` area for datasets: Dataset, DatasetVersion, DatasetMount, and the
helpers the other storage type modules share (lazy references, owner and workspace loads).

Import them from `remotegpu.schema.types.storage`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, TypeVar
from uuid import UUID

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.loaders.base import RowByKeyLoader
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
from remotegpu.schema.node import Node, register_node
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
RowT = TypeVar("RowT")
NodeT = TypeVar("NodeT")
EnvironmentT = Annotated["Environment", strawberry.lazy("remotegpu.schema.types.environments")]
TrainingJobT = Annotated["TrainingJob", strawberry.lazy("remotegpu.schema.types.workloads")]
_HERE = "remotegpu.schema.types.storage_datasets"


def int_keys(ids: Sequence[str]) -> list[int | None]:
    """Global-ID row keys of BIGSERIAL tables; anything not a BIGINT is None."""
    out: list[int | None] = []
    for i in ids:
        key = int(i) if str(i).isascii() and str(i).isdigit() else None
        out.append(key if key is not None and key < 2**63 else None)
    return out


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


async def by_int_ids(
    loader: RowByKeyLoader[RowT], convert: Callable[[RowT], NodeT], ids: Sequence[str]
) -> list[NodeT | None]:
    """Objects for `node(id)` of a BIGSERIAL table, in order; None for bad or hidden keys."""
    keys = int_keys(ids)
    wanted = [k for k in keys if k is not None]
    rows = dict(zip(wanted, await loader.load_many(wanted), strict=True))
    out: list[NodeT | None] = []
    for key in keys:
        row = None if key is None else rows.get(key)
        out.append(None if row is None else convert(row))
    return out


async def _datasets_by_ids(ctx: Context, ids: Sequence[str]) -> list[Dataset | None]:
    return await by_int_ids(ctx.loaders.storage.dataset_by_id, Dataset.from_row, ids)


async def _dataset_versions_by_ids(ctx: Context, ids: Sequence[str]) -> list[DatasetVersion | None]:
    loader = ctx.loaders.storage.dataset_version_by_id
    return await by_int_ids(loader, DatasetVersion.from_row, ids)


async def _dataset_mounts_by_ids(ctx: Context, ids: Sequence[str]) -> list[DatasetMount | None]:
    return await by_int_ids(ctx.loaders.storage.dataset_usage_by_id, DatasetMount.from_row, ids)


register_node("Dataset", _datasets_by_ids)
register_node("DatasetVersion", _dataset_versions_by_ids)
register_node("DatasetMount", _dataset_mounts_by_ids)
