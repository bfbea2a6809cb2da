"""Inputs of metricsReport: a host agent's batch of host, GPU and environment samples.

Every field but the keys is optional (null = not measured); descriptions are the columns'.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

import strawberry

from remotegpu.db.comments import column_comment
from remotegpu.schema.scalars import BigInt


def _c(table: str, column: str) -> Any:
    return strawberry.field(default=None, description=column_comment(table, column))


def _when(table: str) -> Any:
    return strawberry.field(
        default=None,
        description=column_comment(table, "collected_at") + " Default: when the report arrives; "
        "at most 7 days old.",
    )


H, G, E = "host_metrics", "gpu_metrics", "environment_metrics"


@strawberry.input(description="One sample of the reporting host (a host_metrics row).")
class HostSampleInput:
    cpu_usage_percent: float | None = _c(H, "cpu_usage_percent")
    cpu_load_1m: float | None = _c(H, "cpu_load_1m")
    cpu_load_5m: float | None = _c(H, "cpu_load_5m")
    cpu_load_15m: float | None = _c(H, "cpu_load_15m")
    memory_used: BigInt | None = _c(H, "memory_used")
    memory_available: BigInt | None = _c(H, "memory_available")
    memory_usage_percent: float | None = _c(H, "memory_usage_percent")
    disk_used: BigInt | None = _c(H, "disk_used")
    disk_available: BigInt | None = _c(H, "disk_available")
    disk_usage_percent: float | None = _c(H, "disk_usage_percent")
    disk_io_read_bytes: BigInt | None = _c(H, "disk_io_read_bytes")
    disk_io_write_bytes: BigInt | None = _c(H, "disk_io_write_bytes")
    network_rx_bytes: BigInt | None = _c(H, "network_rx_bytes")
    network_tx_bytes: BigInt | None = _c(H, "network_tx_bytes")
    network_rx_packets: BigInt | None = _c(H, "network_rx_packets")
    network_tx_packets: BigInt | None = _c(H, "network_tx_packets")
    gpu_avg_utilization: float | None = _c(H, "gpu_avg_utilization")
    gpu_avg_memory_used: BigInt | None = _c(H, "gpu_avg_memory_used")
    gpu_avg_temperature: float | None = _c(H, "gpu_avg_temperature")
    gpu_avg_power: float | None = _c(H, "gpu_avg_power")
    collected_at: datetime | None = _when(H)


@strawberry.input(description="One sample of a GPU of the reporting host (a gpu_metrics row).")
class GpuSampleInput:
    gpu_id: int = strawberry.field(description="The GPU (rowId); it must be on the host.")
    utilization_percent: float | None = _c(G, "utilization_percent")
    memory_used: BigInt | None = _c(G, "memory_used")
    memory_usage_percent: float | None = _c(G, "memory_usage_percent")
    temperature: float | None = _c(G, "temperature")
    power_draw: float | None = _c(G, "power_draw")
    fan_speed_percent: float | None = _c(G, "fan_speed_percent")
    sm_clock: int | None = _c(G, "sm_clock")
    memory_clock: int | None = _c(G, "memory_clock")
    process_count: int | None = _c(G, "process_count")
    collected_at: datetime | None = _when(G)


@strawberry.input(
    description="One sample of an environment on the reporting host (an environment_metrics row)."
)
class EnvironmentSampleInput:
    environment_id: str = strawberry.field(
        description="The environment (rowId); it must be on the host."
    )
    cpu_usage_percent: float | None = _c(E, "cpu_usage_percent")
    memory_usage_percent: float | None = _c(E, "memory_usage_percent")
    gpu_usage_percent: float | None = _c(E, "gpu_usage_percent")
    disk_usage_percent: float | None = _c(E, "disk_usage_percent")
    network_rx_bytes: BigInt | None = _c(E, "network_rx_bytes")
    network_tx_bytes: BigInt | None = _c(E, "network_tx_bytes")
    collected_at: datetime | None = _when(E)


@strawberry.input(
    description="A batch of samples of one host: checked whole, then written in bulk, or not at "
    "all. At most REMOTEGPU_METRICS_BATCH_MAX samples (1,000 by default) in all."
)
class MetricsReportInput:
    host_id: str = strawberry.field(description="Key of the reporting host (rowId).")
    host_samples: list[HostSampleInput] = strawberry.field(
        default_factory=list, description="Samples of the host itself."
    )
    gpu_samples: list[GpuSampleInput] = strawberry.field(
        default_factory=list, description="Samples of the host's GPUs."
    )
    environment_samples: list[EnvironmentSampleInput] = strawberry.field(
        default_factory=list, description="Samples of environments on the host."
    )


def sample_columns(sample: object) -> dict[str, Any]:
    """An input object's fields as metric-table columns (environment_id is env_id there)."""
    values = {f.name: getattr(sample, f.name) for f in dataclasses.fields(sample)}  # type: ignore[arg-type]
    if "environment_id" in values:
        values["env_id"] = values.pop("environment_id")
    return values
