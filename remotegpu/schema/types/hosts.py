"""Types of the `hosts` area: Host and Gpu."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.db.models.metric_rollups import GPU, HOST
from remotegpu.loaders.hosts import sees_host_inventory
from remotegpu.schema.connections import child_connection
from remotegpu.schema.enums import DeploymentMode, GpuStatus, HostHealthStatus, HostStatus, OsType
from remotegpu.schema.inputs.hosts import GPU_ORDERINGS, GpuOrder, GpuWhere
from remotegpu.schema.node import Node
from remotegpu.schema.pagination import Connection
from remotegpu.schema.scalars import JSON, BigInt
from remotegpu.schema.types.base import col, from_row, table_doc
from remotegpu.schema.types.metric_series import MetricSeries, metric_series_field

if TYPE_CHECKING:
    from remotegpu.schema.inputs.environments import EnvironmentOrder, EnvironmentWhere
    from remotegpu.schema.inputs.metrics import MetricWhere
    from remotegpu.schema.types.environments import Environment
    from remotegpu.schema.types.metrics import GpuMetric, HostMetric

Info = strawberry.Info[Context, None]
EnvironmentT = Annotated["Environment", strawberry.lazy("remotegpu.schema.types.environments")]
EnvironmentWhereT = Annotated[
    "EnvironmentWhere", strawberry.lazy("remotegpu.schema.inputs.environments")
]
EnvironmentOrderT = Annotated[
    "EnvironmentOrder", strawberry.lazy("remotegpu.schema.inputs.environments")
]
HostMetricT = Annotated["HostMetric", strawberry.lazy("remotegpu.schema.types.metrics")]
GpuMetricT = Annotated["GpuMetric", strawberry.lazy("remotegpu.schema.types.metrics")]
MetricWhereT = Annotated["MetricWhere", strawberry.lazy("remotegpu.schema.inputs.metrics")]

T = "hosts"


@strawberry.type(description=table_doc("hosts"))
class Host(Node):
    row_id: str = col(T, "id")
    name: str = col(T, "name")
    os_type: OsType = col(T, "os_type")
    os_version: str | None = col(T, "os_version")
    arch: str | None = col(T, "arch")
    deployment_mode: DeploymentMode = col(T, "deployment_mode")
    status: HostStatus | None = col(T, "status")
    health_status: HostHealthStatus | None = col(T, "health_status")
    total_cpu: int = col(T, "total_cpu")
    total_memory: BigInt = col(T, "total_memory")
    total_disk: BigInt | None = col(T, "total_disk")
    total_gpu: int | None = col(T, "total_gpu")
    last_heartbeat: datetime | None = col(T, "last_heartbeat")
    registered_at: datetime | None = col(T, "registered_at")
    created_at: datetime | None = col(T, "created_at")
    updated_at: datetime | None = col(T, "updated_at")
    # Inventory: only admins and the host's own agent see these; null for everyone else.
    hostname: str | None = col(T, "hostname")
    ip_address: str | None = col(T, "ip_address")
    public_ip: str | None = col(T, "public_ip")
    k8s_node_name: str | None = col(T, "k8s_node_name")
    used_cpu: int | None = col(T, "used_cpu")
    used_memory: BigInt | None = col(T, "used_memory")
    used_disk: BigInt | None = col(T, "used_disk")
    used_gpu: int | None = col(T, "used_gpu")
    ssh_port: int | None = col(T, "ssh_port")
    winrm_port: int | None = col(T, "winrm_port")
    agent_port: int | None = col(T, "agent_port")
    labels: JSON | None = col(T, "labels")
    tags: list[str] | None = col(T, "tags")

    @strawberry.field(description="GPUs installed in this host (customers: the ones they hold).")
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
            loaders.gpus_page_by_host_id,
            loaders.gpus_count_by_host_id,
            self.row_id,
            Gpu.from_row,
            GPU_ORDERINGS[order_by],
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="Environments placed on this host, visible to the viewer.")
    async def environments(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: EnvironmentWhereT | None = None,
        order_by: EnvironmentOrderT | None = None,
    ) -> Connection[EnvironmentT]:
        from remotegpu.schema.inputs.environments import ENVIRONMENT_ORDERINGS, EnvironmentOrder
        from remotegpu.schema.types.environments import Environment

        loaders = info.context.loaders.environments
        return await child_connection(
            info.context,
            loaders.environments_page_by_host_id,
            loaders.environments_count_by_host_id,
            self.row_id,
            Environment.from_row,
            ENVIRONMENT_ORDERINGS[order_by or EnvironmentOrder.CREATED_AT_DESC],
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="Resource samples of this host, newest first.")
    async def metrics(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: MetricWhereT | None = None,
    ) -> Connection[HostMetricT]:
        from remotegpu.schema.inputs.metrics import METRIC_ORDERINGS_HOST
        from remotegpu.schema.types.metrics import HostMetric

        loaders = info.context.loaders.metrics
        return await child_connection(
            info.context,
            loaders.host_metrics_page_by_host_id,
            loaders.host_metrics_count_by_host_id,
            self.row_id,
            HostMetric.from_row,
            METRIC_ORDERINGS_HOST,
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    metric_series: list[MetricSeries] | None = metric_series_field(
        HOST, "Platform admins and the host's agent only; null for anyone else."
    )

    @classmethod
    def for_viewer(cls, row: m.Host, ctx: Context) -> Host:
        host = from_row(cls, row)
        if not sees_host_inventory(ctx.viewer, row.id):
            for name in _INVENTORY:
                setattr(host, name, None)
        return host


_INVENTORY = (
    "hostname",
    "ip_address",
    "public_ip",
    "k8s_node_name",
    "used_cpu",
    "used_memory",
    "used_disk",
    "used_gpu",
    "ssh_port",
    "winrm_port",
    "agent_port",
    "labels",
    "tags",
)

G = "gpus"


@strawberry.type(description=table_doc("gpus"))
class Gpu(Node):
    row_id: int = col(G, "id")
    host_id: str = col(G, "host_id")
    gpu_index: int = col(G, "gpu_index")
    uuid: str | None = col(G, "uuid")
    name: str | None = col(G, "name")
    brand: str | None = col(G, "brand")
    architecture: str | None = col(G, "architecture")
    memory_total: BigInt | None = col(G, "memory_total")
    cuda_cores: int | None = col(G, "cuda_cores")
    compute_capability: str | None = col(G, "compute_capability")
    status: GpuStatus | None = col(G, "status")
    health_status: HostHealthStatus | None = col(G, "health_status")
    allocated_at: datetime | None = col(G, "allocated_at")
    power_limit: int | None = col(G, "power_limit")
    temperature_limit: int | None = col(G, "temperature_limit")
    created_at: datetime | None = col(G, "created_at")
    updated_at: datetime | None = col(G, "updated_at")
    allocated_to_id: strawberry.Private[str | None]

    @strawberry.field(description="The host this GPU is installed in.")
    async def host(self, info: Info) -> Host | None:
        row = await info.context.loaders.hosts.host_by_id.load(self.host_id)
        return None if row is None else Host.for_viewer(row, info.context)

    @strawberry.field(description="The environment holding this GPU (gpus.allocated_to).")
    async def allocated_to(self, info: Info) -> EnvironmentT | None:
        from remotegpu.schema.types.environments import Environment

        if self.allocated_to_id is None:
            return None
        row = await info.context.loaders.environments.environment_by_id.load(self.allocated_to_id)
        return None if row is None else Environment.from_row(row)

    @strawberry.field(description="Samples of this GPU, newest first.")
    async def metrics(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: MetricWhereT | None = None,
    ) -> Connection[GpuMetricT]:
        from remotegpu.schema.inputs.metrics import METRIC_ORDERINGS_GPU
        from remotegpu.schema.types.metrics import GpuMetric

        loaders = info.context.loaders.metrics
        return await child_connection(
            info.context,
            loaders.gpu_metrics_page_by_gpu_id,
            loaders.gpu_metrics_count_by_gpu_id,
            self.row_id,
            GpuMetric.from_row,
            METRIC_ORDERINGS_GPU,
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    metric_series: list[MetricSeries] | None = metric_series_field(
        GPU, "Customers: the GPUs allocated to their environments."
    )

    @classmethod
    def from_row(cls, row: m.Gpu) -> Gpu:
        return from_row(cls, row, allocated_to_id=row.allocated_to)
