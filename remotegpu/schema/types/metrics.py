"""Types of the `metrics` area: host, GPU and environment samples."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.schema.node import Node
from remotegpu.schema.relations import reference
from remotegpu.schema.scalars import BigInt
from remotegpu.schema.types.base import col, from_row, table_doc

if TYPE_CHECKING:
    from remotegpu.schema.types.environments import Environment
    from remotegpu.schema.types.hosts import Gpu, Host

Info = strawberry.Info[Context, None]
HostT = Annotated["Host", strawberry.lazy("remotegpu.schema.types.hosts")]
GpuT = Annotated["Gpu", strawberry.lazy("remotegpu.schema.types.hosts")]
EnvironmentT = Annotated["Environment", strawberry.lazy("remotegpu.schema.types.environments")]


H = "host_metrics"


@strawberry.type(description=table_doc(H))
class HostMetric(Node):
    row_id: int = col(H, "id")
    host_id: str = col(H, "host_id")
    cpu_usage_percent: float | None = col(H, "cpu_usage_percent")
    cpu_load_1m: float | None = col(H, "cpu_load_1m")
    cpu_load_5m: float | None = col(H, "cpu_load_5m")
    cpu_load_15m: float | None = col(H, "cpu_load_15m")
    memory_used: BigInt | None = col(H, "memory_used")
    memory_available: BigInt | None = col(H, "memory_available")
    memory_usage_percent: float | None = col(H, "memory_usage_percent")
    disk_used: BigInt | None = col(H, "disk_used")
    disk_available: BigInt | None = col(H, "disk_available")
    disk_usage_percent: float | None = col(H, "disk_usage_percent")
    disk_io_read_bytes: BigInt | None = col(H, "disk_io_read_bytes")
    disk_io_write_bytes: BigInt | None = col(H, "disk_io_write_bytes")
    network_rx_bytes: BigInt | None = col(H, "network_rx_bytes")
    network_tx_bytes: BigInt | None = col(H, "network_tx_bytes")
    network_rx_packets: BigInt | None = col(H, "network_rx_packets")
    network_tx_packets: BigInt | None = col(H, "network_tx_packets")
    gpu_avg_utilization: float | None = col(H, "gpu_avg_utilization")
    gpu_avg_memory_used: BigInt | None = col(H, "gpu_avg_memory_used")
    gpu_avg_temperature: float | None = col(H, "gpu_avg_temperature")
    gpu_avg_power: float | None = col(H, "gpu_avg_power")
    collected_at: datetime | None = col(H, "collected_at")

    host = reference(
        HostT,
        "hosts.host_by_id",
        "host_id",
        description="The host this sample was taken on.",
        compiled=False,
    )

    @classmethod
    def from_row(cls, row: m.HostMetric) -> HostMetric:
        return from_row(cls, row)


G = "gpu_metrics"


@strawberry.type(description=table_doc(G))
class GpuMetric(Node):
    row_id: int = col(G, "id")
    gpu_id: int = col(G, "gpu_id")
    host_id: str = col(G, "host_id")
    utilization_percent: float | None = col(G, "utilization_percent")
    memory_used: BigInt | None = col(G, "memory_used")
    memory_usage_percent: float | None = col(G, "memory_usage_percent")
    temperature: float | None = col(G, "temperature")
    power_draw: float | None = col(G, "power_draw")
    fan_speed_percent: float | None = col(G, "fan_speed_percent")
    sm_clock: int | None = col(G, "sm_clock")
    memory_clock: int | None = col(G, "memory_clock")
    process_count: int | None = col(G, "process_count")
    collected_at: datetime | None = col(G, "collected_at")

    gpu = reference(
        GpuT,
        "hosts.gpu_by_id",
        "gpu_id",
        description="The GPU this sample was taken from.",
        compiled=False,
    )

    host = reference(
        HostT, "hosts.host_by_id", "host_id", description="The host of that GPU.", compiled=False
    )

    @classmethod
    def from_row(cls, row: m.GpuMetric) -> GpuMetric:
        return from_row(cls, row)


E = "environment_metrics"


@strawberry.type(description=table_doc(E))
class EnvironmentMetric(Node):
    row_id: int = col(E, "id")
    env_id: str = col(E, "env_id")
    cpu_usage_percent: float | None = col(E, "cpu_usage_percent")
    memory_usage_percent: float | None = col(E, "memory_usage_percent")
    gpu_usage_percent: float | None = col(E, "gpu_usage_percent")
    disk_usage_percent: float | None = col(E, "disk_usage_percent")
    network_rx_bytes: BigInt | None = col(E, "network_rx_bytes")
    network_tx_bytes: BigInt | None = col(E, "network_tx_bytes")
    collected_at: datetime | None = col(E, "collected_at")

    environment = reference(
        EnvironmentT,
        "environments.environment_by_id",
        "env_id",
        description="The environment this sample describes.",
        compiled=False,
    )

    @classmethod
    def from_row(cls, row: m.EnvironmentMetric) -> EnvironmentMetric:
        return from_row(cls, row)
