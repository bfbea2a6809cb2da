"""Types of the `hosts` area: Host and Gpu."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.db.models.metric_rollups import GPU, HOST
from remotegpu.loaders.hosts import sees_host_inventory
from remotegpu.schema.enums import DeploymentMode, GpuStatus, HostHealthStatus, HostStatus, OsType
from remotegpu.schema.inputs.environments import (
    ENVIRONMENT_ORDERINGS,
    EnvironmentOrder,
    EnvironmentWhere,
)
from remotegpu.schema.inputs.hosts import GPU_ORDERINGS, GpuOrder, GpuWhere
from remotegpu.schema.inputs.metrics import METRIC_ORDERINGS_GPU, METRIC_ORDERINGS_HOST, MetricWhere
from remotegpu.schema.node import Node
from remotegpu.schema.relations import children, reference
from remotegpu.schema.scalars import JSON, BigInt
from remotegpu.schema.types.base import col, from_row, table_doc
from remotegpu.schema.types.metric_series import MetricSeries, metric_series_field

if TYPE_CHECKING:
    from remotegpu.schema.types.environments import Environment
    from remotegpu.schema.types.metrics import GpuMetric, HostMetric

EnvironmentT = Annotated["Environment", strawberry.lazy("remotegpu.schema.types.environments")]
HostMetricT = Annotated["HostMetric", strawberry.lazy("remotegpu.schema.types.metrics")]
GpuMetricT = Annotated["GpuMetric", strawberry.lazy("remotegpu.schema.types.metrics")]
# Declared below Host, which connects to it.
GpuT = Annotated["Gpu", strawberry.lazy("remotegpu.schema.types.hosts")]

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

    gpus = children(
        GpuT,
        "hosts.gpus_page_by_host_id",
        GPU_ORDERINGS,
        GpuWhere,
        default=GpuOrder.HOST_AND_INDEX,
        description="GPUs installed in this host (customers: the ones they hold).",
    )
    environments = children(
        EnvironmentT,
        "environments.environments_page_by_host_id",
        ENVIRONMENT_ORDERINGS,
        EnvironmentWhere,
        default=EnvironmentOrder.CREATED_AT_DESC,
        nullable=True,
        description="Environments placed on this host, visible to the viewer.",
    )
    metrics = children(
        HostMetricT,
        "metrics.host_metrics_page_by_host_id",
        METRIC_ORDERINGS_HOST,
        MetricWhere,
        description="Resource samples of this host, newest first.",
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

    host = reference(
        Host, "hosts.host_by_id", "host_id", description="The host this GPU is installed in."
    )
    allocated_to = reference(
        EnvironmentT,
        "environments.environment_by_id",
        "allocated_to",
        attr="allocated_to_id",
        description="The environment holding this GPU (gpus.allocated_to).",
    )
    metrics = children(
        GpuMetricT,
        "metrics.gpu_metrics_page_by_gpu_id",
        METRIC_ORDERINGS_GPU,
        MetricWhere,
        description="Samples of this GPU, newest first.",
    )

    metric_series: list[MetricSeries] | None = metric_series_field(
        GPU, "Customers: the GPUs allocated to their environments."
    )

    @classmethod
    def from_row(cls, row: m.Gpu) -> Gpu:
        return from_row(cls, row, allocated_to_id=row.allocated_to)
