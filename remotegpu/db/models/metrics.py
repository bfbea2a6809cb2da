"""Monitoring time series (07_monitoring.sql)."""

from sqlalchemy import Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from remotegpu.db.models.base import Base, BigSerialId, TimestampDefaultNow


class HostMetric(Base):
    """Time series: host resource samples (CPU, memory, disk, network, GPU averages)."""

    __tablename__ = "host_metrics"
    __table_args__ = (
        Index("idx_host_metrics_host_time", "host_id", text("collected_at DESC")),
        Index("idx_host_metrics_collected_at", text("collected_at DESC")),
    )

    id: Mapped[BigSerialId]
    host_id: Mapped[str] = mapped_column(String(64))  # -> hosts.id
    cpu_usage_percent: Mapped[float | None]
    cpu_load_1m: Mapped[float | None]
    cpu_load_5m: Mapped[float | None]
    cpu_load_15m: Mapped[float | None]
    memory_used: Mapped[int | None]
    memory_available: Mapped[int | None]
    memory_usage_percent: Mapped[float | None]
    disk_used: Mapped[int | None]
    disk_available: Mapped[int | None]
    disk_usage_percent: Mapped[float | None]
    disk_io_read_bytes: Mapped[int | None]
    disk_io_write_bytes: Mapped[int | None]
    network_rx_bytes: Mapped[int | None]
    network_tx_bytes: Mapped[int | None]
    network_rx_packets: Mapped[int | None]
    network_tx_packets: Mapped[int | None]
    gpu_avg_utilization: Mapped[float | None]
    gpu_avg_memory_used: Mapped[int | None]
    gpu_avg_temperature: Mapped[float | None]
    gpu_avg_power: Mapped[float | None]
    collected_at: Mapped[TimestampDefaultNow | None]


class GpuMetric(Base):
    """Time series: per-GPU samples."""

    __tablename__ = "gpu_metrics"
    __table_args__ = (
        Index("idx_gpu_metrics_gpu_time", "gpu_id", text("collected_at DESC")),
        Index("idx_gpu_metrics_host_time", "host_id", text("collected_at DESC")),
        Index("idx_gpu_metrics_collected_at", text("collected_at DESC")),
    )

    id: Mapped[BigSerialId]
    gpu_id: Mapped[int]  # -> gpus.id
    host_id: Mapped[str] = mapped_column(String(64))  # -> hosts.id
    utilization_percent: Mapped[float | None]
    memory_used: Mapped[int | None]
    memory_usage_percent: Mapped[float | None]
    temperature: Mapped[float | None]  # degrees C
    power_draw: Mapped[float | None]  # watts
    fan_speed_percent: Mapped[float | None]
    sm_clock: Mapped[int | None] = mapped_column(Integer)
    memory_clock: Mapped[int | None] = mapped_column(Integer)
    process_count: Mapped[int | None] = mapped_column(Integer)
    collected_at: Mapped[TimestampDefaultNow | None]


class EnvironmentMetric(Base):
    """Time series: per-environment samples."""

    __tablename__ = "environment_metrics"
    __table_args__ = (
        Index("idx_environment_metrics_env_time", "env_id", text("collected_at DESC")),
        Index("idx_environment_metrics_collected_at", text("collected_at DESC")),
    )

    id: Mapped[BigSerialId]
    env_id: Mapped[str] = mapped_column(String(64))  # -> environments.id
    cpu_usage_percent: Mapped[float | None]
    memory_usage_percent: Mapped[float | None]
    gpu_usage_percent: Mapped[float | None]
    disk_usage_percent: Mapped[float | None]
    network_rx_bytes: Mapped[int | None]
    network_tx_bytes: Mapped[int | None]
    collected_at: Mapped[TimestampDefaultNow | None]
