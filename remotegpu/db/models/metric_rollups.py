"""Hourly and daily roll-ups of the metric samples, and job watermarks (24_metric_rollups.sql).

One roll-up table per subject (host, GPU, environment) and granularity (hour, day): one row per
subject and bucket with the sample count and, per metric, min / max / avg. The metrics are the
alert vocabulary (`cpu_usage`, `gpu_temperature`, ...; domain/alerts.MetricType) mapped to the
raw column of each subject that carries it, so a roll-up, a series and an alert rule name the
same quantity the same way. The tables are SQLAlchemy Core tables built from that mapping (six
tables of 10 to 24 near-identical columns), not ORM classes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Double,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
)
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeEngine

from remotegpu.db.models.base import Base, TimestampDefaultNow

AGGREGATES = ("min", "max", "avg")
GRANULARITIES = ("hourly", "daily")


@dataclass(frozen=True)
class RollupSubject:
    """A sampled subject: its raw table, its key column and metric -> raw column."""

    name: str  # host, gpu, environment (alert_records.resource_type)
    raw_table: str
    key: str
    key_type: TypeEngine[Any]
    metrics: dict[str, str]

    def table_name(self, granularity: str) -> str:
        return f"{self.raw_table}_{granularity}"


HOST = RollupSubject(
    "host",
    "host_metrics",
    "host_id",
    String(64),
    {
        "cpu_usage": "cpu_usage_percent",
        "memory_usage": "memory_usage_percent",
        "disk_usage": "disk_usage_percent",
        "gpu_usage": "gpu_avg_utilization",
        "gpu_temperature": "gpu_avg_temperature",
        "network_rx": "network_rx_bytes",
        "network_tx": "network_tx_bytes",
    },
)
GPU = RollupSubject(
    "gpu",
    "gpu_metrics",
    "gpu_id",
    BigInteger(),
    {
        "gpu_usage": "utilization_percent",
        "gpu_memory_usage": "memory_usage_percent",
        "gpu_temperature": "temperature",
    },
)
ENVIRONMENT = RollupSubject(
    "environment",
    "environment_metrics",
    "env_id",
    String(64),
    {
        "cpu_usage": "cpu_usage_percent",
        "memory_usage": "memory_usage_percent",
        "gpu_usage": "gpu_usage_percent",
        "disk_usage": "disk_usage_percent",
        "network_rx": "network_rx_bytes",
        "network_tx": "network_tx_bytes",
    },
)
SUBJECTS: tuple[RollupSubject, ...] = (HOST, GPU, ENVIRONMENT)


def _rollup_table(subject: RollupSubject, granularity: str) -> Table:
    name = subject.table_name(granularity)
    columns: list[Column[Any]] = [
        Column(subject.key, subject.key_type, nullable=False),
        Column("bucket_start", DateTime(timezone=True), nullable=False),
        Column("sample_count", Integer, nullable=False),
    ]
    for metric in subject.metrics:
        columns += [Column(f"{metric}_{agg}", Double) for agg in AGGREGATES]
    return Table(
        name,
        Base.metadata,
        *columns,
        PrimaryKeyConstraint(subject.key, "bucket_start", name=f"{name}_pkey"),
        Index(f"idx_{name}_bucket_start", "bucket_start"),
    )


ROLLUP_TABLES: dict[tuple[str, str], Table] = {
    (subject.name, granularity): _rollup_table(subject, granularity)
    for subject in SUBJECTS
    for granularity in GRANULARITIES
}


class JobWatermark(Base):
    """How far a recurring job has processed time: everything before done_until is done."""

    __tablename__ = "job_watermarks"

    job: Mapped[str] = mapped_column(String(64), primary_key=True)
    done_until: Mapped[datetime]
    advanced_at: Mapped[TimestampDefaultNow]
