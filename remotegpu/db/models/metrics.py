"""Monitoring time series (07_monitoring.sql)."""

from sqlalchemy import BigInteger, Double, Index, Integer, String, text
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
    cpu_usage_percent: Mapped[float | None] = mapped_column(Double)
    cpu_load_1m: Mapped[float | None] = mapped_column(Double)
    cpu_load_5m: Mapped[float | None] = mapped_column(Double)
    cpu_load_15m: Mapped[float | None] = mapped_column(Double)
    memory_used: Mapped[int | None] = mapped_column(BigInteger)
    memory_available: Mapped[int | None] = mapped_column(BigInteger)
    memory_usage_percent: Mapped[float | None] = mapped_column(Double)
    disk_used: Mapped[int | None] = mapped_column(BigInteger)
    disk_available: Mapped[int | None] = mapped_column(BigInteger)
    disk_usage_percent: Mapped[float | None] = mapped_column(Double)
    disk_io_read_bytes: Mapped[int | None] = mapped_column(BigInteger)
    disk_io_write_bytes: Mapped[int | None] = mapped_column(BigInteger)
    network_rx_bytes: Mapped[int | None] = mapped_column(BigInteger)
    network_tx_bytes: Mapped[int | None] = mapped_column(BigInteger)
    network_rx_packets: Mapped[int | None] = mapped_column(BigInteger)
    network_tx_packets: Mapped[int | None] = mapped_column(BigInteger)
    gpu_avg_utilization: Mapped[float | None] = mapped_column(Double)
    gpu_avg_memory_used: Mapped[int | None] = mapped_column(BigInteger)
    gpu_avg_temperature: Mapped[float | None] = mapped_column(Double)
    gpu_avg_power: Mapped[float | None] = mapped_column(Double)
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
    gpu_id: Mapped[int] = mapped_column(BigInteger)  # -> gpus.id
    host_id: Mapped[str] = mapped_column(String(64))  # -> hosts.id
    utilization_percent: Mapped[float | None] = mapped_column(Double)
    memory_used: Mapped[int | None] = mapped_column(BigInteger)
    memory_usage_percent: Mapped[float | None] = mapped_column(Double)
    temperature: Mapped[float | None] = mapped_column(Double)  # degrees C
    power_draw: Mapped[float | None] = mapped_column(Double)  # watts
    fan_speed_percent: Mapped[float | None] = mapped_column(Double)
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
    cpu_usage_percent: Mapped[float | None] = mapped_column(Double)
    memory_usage_percent: Mapped[float | None] = mapped_column(Double)
    gpu_usage_percent: Mapped[float | None] = mapped_column(Double)
    disk_usage_percent: Mapped[float | None] = mapped_column(Double)
    network_rx_bytes: Mapped[int | None] = mapped_column(BigInteger)
    network_tx_bytes: Mapped[int | None] = mapped_column(BigInteger)
    collected_at: Mapped[TimestampDefaultNow | None]
