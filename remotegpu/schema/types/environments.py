"""Types of the `environments` area: Environment and PortMapping."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.db.models.metric_rollups import ENVIRONMENT
from remotegpu.schema.connections import child_connection
from remotegpu.schema.enums import EnvironmentStatus, PortMappingStatus, PortServiceType
from remotegpu.schema.inputs.environments import (
    PORT_MAPPING_ORDERINGS,
    PortMappingOrder,
    PortMappingWhere,
)
from remotegpu.schema.inputs.hosts import GPU_ORDERINGS, GpuOrder, GpuWhere
from remotegpu.schema.node import Node
from remotegpu.schema.pagination import Connection
from remotegpu.schema.scalars import BigInt
from remotegpu.schema.types.base import col, from_row, table_doc
from remotegpu.schema.types.hosts import Gpu, Host
from remotegpu.schema.types.metric_series import MetricSeries, metric_series_field

if TYPE_CHECKING:
    from remotegpu.schema.inputs.billing import BillingRecordOrder, BillingRecordWhere
    from remotegpu.schema.inputs.metrics import MetricWhere
    from remotegpu.schema.inputs.storage import DatasetMountOrder, DatasetMountWhere
    from remotegpu.schema.inputs.workloads import TrainingJobOrder, TrainingJobWhere
    from remotegpu.schema.types.billing import BillingRecord
    from remotegpu.schema.types.customers import Customer
    from remotegpu.schema.types.metrics import EnvironmentMetric
    from remotegpu.schema.types.storage import DatasetMount, Image
    from remotegpu.schema.types.workloads import TrainingJob
    from remotegpu.schema.types.workspaces import Workspace

Info = strawberry.Info[Context, None]
CustomerT = Annotated["Customer", strawberry.lazy("remotegpu.schema.types.customers")]
WorkspaceT = Annotated["Workspace", strawberry.lazy("remotegpu.schema.types.workspaces")]
ImageT = Annotated["Image", strawberry.lazy("remotegpu.schema.types.storage")]
DatasetMountT = Annotated["DatasetMount", strawberry.lazy("remotegpu.schema.types.storage")]
DatasetMountWhereT = Annotated[
    "DatasetMountWhere", strawberry.lazy("remotegpu.schema.inputs.storage")
]
DatasetMountOrderT = Annotated[
    "DatasetMountOrder", strawberry.lazy("remotegpu.schema.inputs.storage")
]
EnvironmentMetricT = Annotated[
    "EnvironmentMetric", strawberry.lazy("remotegpu.schema.types.metrics")
]
MetricWhereT = Annotated["MetricWhere", strawberry.lazy("remotegpu.schema.inputs.metrics")]
BillingRecordT = Annotated["BillingRecord", strawberry.lazy("remotegpu.schema.types.billing")]
BillingRecordWhereT = Annotated[
    "BillingRecordWhere", strawberry.lazy("remotegpu.schema.inputs.billing")
]
BillingRecordOrderT = Annotated[
    "BillingRecordOrder", strawberry.lazy("remotegpu.schema.inputs.billing")
]
TrainingJobT = Annotated["TrainingJob", strawberry.lazy("remotegpu.schema.types.workloads")]
TrainingJobWhereT = Annotated[
    "TrainingJobWhere", strawberry.lazy("remotegpu.schema.inputs.workloads")
]
TrainingJobOrderT = Annotated[
    "TrainingJobOrder", strawberry.lazy("remotegpu.schema.inputs.workloads")
]

T = "environments"


@strawberry.type(description=table_doc("environments"))
class Environment(Node):
    row_id: str = col(T, "id")
    user_id: int = col(T, "user_id")
    host_id: str = col(T, "host_id")
    name: str = col(T, "name")
    description: str | None = col(T, "description")
    image_name: str = col(T, "image")
    status: EnvironmentStatus | None = col(T, "status")
    cpu: int = col(T, "cpu")
    memory: BigInt = col(T, "memory")
    gpu: int | None = col(T, "gpu")
    storage: BigInt | None = col(T, "storage")
    ssh_port: int | None = col(T, "ssh_port")
    rdp_port: int | None = col(T, "rdp_port")
    jupyter_port: int | None = col(T, "jupyter_port")
    container_id: str | None = col(T, "container_id")
    pod_name: str | None = col(T, "pod_name")
    created_at: datetime | None = col(T, "created_at")
    updated_at: datetime | None = col(T, "updated_at")
    started_at: datetime | None = col(T, "started_at")
    stopped_at: datetime | None = col(T, "stopped_at")
    workspace_id: int | None = col(T, "workspace_id")

    @strawberry.field(description="The customer owning this environment (environments.user_id).")
    async def owner(self, info: Info) -> CustomerT | None:
        from remotegpu.schema.types.customers import Customer

        row = await info.context.loaders.customers.customer_by_id.load(self.user_id)
        return None if row is None else Customer.from_row(row)

    @strawberry.field(
        description="The workspace this environment belongs to; null for personal ones."
    )
    async def workspace(self, info: Info) -> WorkspaceT | None:
        from remotegpu.schema.types.workspaces import Workspace

        if self.workspace_id is None:
            return None
        row = await info.context.loaders.workspaces.workspace_by_id.load(self.workspace_id)
        return None if row is None else Workspace.from_row(row)

    @strawberry.field(description="The host this environment is placed on.")
    async def host(self, info: Info) -> Host | None:
        row = await info.context.loaders.hosts.host_by_id.load(self.host_id)
        return None if row is None else Host.for_viewer(row, info.context)

    @strawberry.field(description="The image this environment runs (images.name = image).")
    async def image(self, info: Info) -> ImageT | None:
        from remotegpu.schema.types.storage import Image

        row = await info.context.loaders.storage.image_by_name.load(self.image_name)
        return None if row is None else Image.from_row(row)

    @strawberry.field(description="Gateway ports mapped to services of this environment.")
    async def port_mappings(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: PortMappingWhere | None = None,
        order_by: PortMappingOrder = PortMappingOrder.EXTERNAL_PORT_ASC,
    ) -> Connection[PortMapping]:
        loaders = info.context.loaders.environments
        return await child_connection(
            info.context,
            loaders.port_mappings_page_by_env_id,
            loaders.port_mappings_count_by_env_id,
            self.row_id,
            PortMapping.from_row,
            PORT_MAPPING_ORDERINGS[order_by],
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="GPUs allocated to this environment (gpus.allocated_to).")
    async def gpus(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: GpuWhere | None = None,
        order_by: GpuOrder = GpuOrder.HOST_AND_INDEX,
    ) -> Connection[Gpu]:
        loaders = info.context.loaders.hosts
        return await child_connection(
            info.context,
            loaders.gpus_page_by_allocated_to,
            loaders.gpus_count_by_allocated_to,
            self.row_id,
            Gpu.from_row,
            GPU_ORDERINGS[order_by],
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="Datasets mounted into this environment (dataset_usage).")
    async def dataset_mounts(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: DatasetMountWhereT | None = None,
        order_by: DatasetMountOrderT | None = None,
    ) -> Connection[DatasetMountT]:
        from remotegpu.schema.inputs.storage import DATASET_MOUNT_ORDERINGS, DatasetMountOrder
        from remotegpu.schema.types.storage import DatasetMount

        loaders = info.context.loaders.storage
        return await child_connection(
            info.context,
            loaders.dataset_usage_page_by_env_id,
            loaders.dataset_usage_count_by_env_id,
            self.row_id,
            DatasetMount.from_row,
            DATASET_MOUNT_ORDERINGS[order_by or next(iter(DatasetMountOrder))],
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="Resource samples of this environment, newest first.")
    async def metrics(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: MetricWhereT | None = None,
    ) -> Connection[EnvironmentMetricT]:
        from remotegpu.schema.inputs.metrics import METRIC_ORDERINGS_ENV
        from remotegpu.schema.types.metrics import EnvironmentMetric

        loaders = info.context.loaders.metrics
        return await child_connection(
            info.context,
            loaders.environment_metrics_page_by_env_id,
            loaders.environment_metrics_count_by_env_id,
            self.row_id,
            EnvironmentMetric.from_row,
            METRIC_ORDERINGS_ENV,
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="Billing records charged for this environment.")
    async def billing_records(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: BillingRecordWhereT | None = None,
        order_by: BillingRecordOrderT | None = None,
    ) -> Connection[BillingRecordT]:
        from remotegpu.schema.inputs.billing import BILLING_RECORD_ORDERINGS, BillingRecordOrder
        from remotegpu.schema.types.billing import BillingRecord

        loaders = info.context.loaders.billing
        return await child_connection(
            info.context,
            loaders.billing_records_page_by_env_id,
            loaders.billing_records_count_by_env_id,
            self.row_id,
            BillingRecord.from_row,
            BILLING_RECORD_ORDERINGS[order_by or next(iter(BillingRecordOrder))],
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="Training jobs running in this environment.")
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
            loaders.training_jobs_page_by_env_id,
            loaders.training_jobs_count_by_env_id,
            self.row_id,
            TrainingJob.from_row,
            TRAINING_JOB_ORDERINGS[order_by or next(iter(TrainingJobOrder))],
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    metric_series: list[MetricSeries] | None = metric_series_field(
        ENVIRONMENT, "Readable by whoever sees the environment."
    )

    @classmethod
    def from_row(cls, row: m.Environment) -> Environment:
        return from_row(cls, row, image_name=row.image)


P = "port_mappings"


@strawberry.type(description=table_doc("port_mappings"))
class PortMapping(Node):
    row_id: int = col(P, "id")
    env_id: str = col(P, "env_id")
    service_type: PortServiceType = col(P, "service_type")
    external_port: int = col(P, "external_port")
    internal_port: int = col(P, "internal_port")
    status: PortMappingStatus | None = col(P, "status")
    allocated_at: datetime | None = col(P, "allocated_at")
    released_at: datetime | None = col(P, "released_at")

    @strawberry.field(description="The environment this port is mapped to.")
    async def environment(self, info: Info) -> Environment | None:
        row = await info.context.loaders.environments.environment_by_id.load(self.env_id)
        return None if row is None else Environment.from_row(row)

    @classmethod
    def from_row(cls, row: m.PortMapping) -> PortMapping:
        return from_row(cls, row)
