"""Types of the `storage` area for datasets: Dataset, DatasetVersion, DatasetMount, and the
helpers the other storage type modules share (lazy references, owner and workspace loads).

Import them from `remotegpu.schema.types.storage`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, TypeVar
from uuid import UUID

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.schema.connections import child_connection
from remotegpu.schema.enums import StorageStatus, StorageType, StorageVisibility
from remotegpu.schema.inputs.storage import (
    DATASET_MOUNT_ORDERINGS,
    DATASET_VERSION_ORDERINGS,
    DatasetMountOrder,
    DatasetMountWhere,
    DatasetVersionOrder,
    DatasetVersionWhere,
)
from remotegpu.schema.node import Node
from remotegpu.schema.pagination import Connection
from remotegpu.schema.scalars import BigInt
from remotegpu.schema.types.base import col, from_row, table_doc

if TYPE_CHECKING:
    from remotegpu.schema.inputs.workloads import TrainingJobOrder, TrainingJobWhere
    from remotegpu.schema.types.customers import Customer
    from remotegpu.schema.types.environments import Environment
    from remotegpu.schema.types.workloads import TrainingJob
    from remotegpu.schema.types.workspaces import Workspace

Info = strawberry.Info[Context, None]
RowT = TypeVar("RowT")
NodeT = TypeVar("NodeT")
CustomerT = Annotated["Customer", strawberry.lazy("remotegpu.schema.types.customers")]
WorkspaceT = Annotated["Workspace", strawberry.lazy("remotegpu.schema.types.workspaces")]
EnvironmentT = Annotated["Environment", strawberry.lazy("remotegpu.schema.types.environments")]
TrainingJobT = Annotated["TrainingJob", strawberry.lazy("remotegpu.schema.types.workloads")]
TrainingJobWhereT = Annotated[
    "TrainingJobWhere", strawberry.lazy("remotegpu.schema.inputs.workloads")
]
TrainingJobOrderT = Annotated[
    "TrainingJobOrder", strawberry.lazy("remotegpu.schema.inputs.workloads")
]


async def load_owner(info: Info, customer_id: int) -> CustomerT | None:
    from remotegpu.schema.types.customers import Customer

    row = await info.context.loaders.customers.customer_by_id.load(customer_id)
    return None if row is None else Customer.from_row(row)


async def load_workspace(info: Info, workspace_id: int | None) -> WorkspaceT | None:
    from remotegpu.schema.types.workspaces import Workspace

    if workspace_id is None:
        return None
    row = await info.context.loaders.workspaces.workspace_by_id.load(workspace_id)
    return None if row is None else Workspace.from_row(row)


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

    @strawberry.field(description="The customer owning this dataset (datasets.customer_id).")
    async def owner(self, info: Info) -> CustomerT | None:
        return await load_owner(info, self.customer_id)

    @strawberry.field(description="The workspace this dataset belongs to, if any.")
    async def workspace(self, info: Info) -> WorkspaceT | None:
        return await load_workspace(info, self.workspace_id)

    @strawberry.field(description="Versions of this dataset.")
    async def versions(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: DatasetVersionWhere | None = None,
        order_by: DatasetVersionOrder = DatasetVersionOrder.CREATED_AT_DESC,
    ) -> Connection[DatasetVersion]:
        loaders = info.context.loaders.storage
        return await child_connection(
            info.context,
            loaders.dataset_versions_page_by_dataset_id,
            loaders.dataset_versions_count_by_dataset_id,
            self.row_id,
            DatasetVersion.from_row,
            DATASET_VERSION_ORDERINGS[order_by],
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(
        description="Where this dataset is or was mounted (environments the viewer may see)."
    )
    async def mounts(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: DatasetMountWhere | None = None,
        order_by: DatasetMountOrder = DatasetMountOrder.MOUNTED_AT_DESC,
    ) -> Connection[DatasetMount]:
        loaders = info.context.loaders.storage
        return await child_connection(
            info.context,
            loaders.dataset_usage_page_by_dataset_id,
            loaders.dataset_usage_count_by_dataset_id,
            self.row_id,
            DatasetMount.from_row,
            DATASET_MOUNT_ORDERINGS[order_by],
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="Training jobs that train on this dataset.")
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
            loaders.training_jobs_page_by_dataset_id,
            loaders.training_jobs_count_by_dataset_id,
            self.row_id,
            TrainingJob.from_row,
            TRAINING_JOB_ORDERINGS[order_by or next(iter(TrainingJobOrder))],
            where,
            first=first,
            after=after,
            last=last,
            before=before,
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

    @strawberry.field(description="The dataset this is a version of.")
    async def dataset(self, info: Info) -> Dataset | None:
        row = await info.context.loaders.storage.dataset_by_id.load(self.dataset_id)
        return None if row is None else Dataset.from_row(row)

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

    @strawberry.field(description="The environment the dataset is mounted into.")
    async def environment(self, info: Info) -> EnvironmentT | None:
        from remotegpu.schema.types.environments import Environment

        row = await info.context.loaders.environments.environment_by_id.load(self.env_id)
        return None if row is None else Environment.from_row(row)

    @strawberry.field(description="The mounted dataset (null if the viewer may not see it).")
    async def dataset(self, info: Info) -> Dataset | None:
        row = await info.context.loaders.storage.dataset_by_id.load(self.dataset_id)
        return None if row is None else Dataset.from_row(row)

    @classmethod
    def from_row(cls, row: m.DatasetUsage) -> DatasetMount:
        return from_row(cls, row, open=row.unmounted_at is None)
