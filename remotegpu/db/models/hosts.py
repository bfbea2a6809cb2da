"""GPU servers and their devices (04_hosts_and_devices.sql)."""

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from remotegpu.db.models.base import Base, BigSerialId, CreatedUpdatedAt, TimestampDefaultNow


class Host(CreatedUpdatedAt, Base):
    """Physical or virtual GPU servers; text primary key (e.g. "host-a100-01")."""

    __tablename__ = "hosts"
    __table_args__ = (
        Index("idx_hosts_os_type", "os_type"),
        Index("idx_hosts_status", "status"),
        Index("idx_hosts_deployment_mode", "deployment_mode"),
        Index("idx_hosts_labels", "labels", postgresql_using="gin"),
        Index("idx_hosts_health_status", "health_status"),
        # migration 14: filter hosts by region
        Index("idx_hosts_region", text("(labels->>'region')")),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    hostname: Mapped[str | None] = mapped_column(String(256))
    ip_address: Mapped[str] = mapped_column(String(64))
    public_ip: Mapped[str | None] = mapped_column(String(64))
    os_type: Mapped[str] = mapped_column(String(20))  # linux, windows
    os_version: Mapped[str | None] = mapped_column(String(64))
    arch: Mapped[str | None] = mapped_column(String(20), server_default=text("'x86_64'"))
    deployment_mode: Mapped[str] = mapped_column(String(20))  # traditional, kubernetes
    k8s_node_name: Mapped[str | None] = mapped_column(String(128))
    # online, offline, maintenance
    status: Mapped[str | None] = mapped_column(String(20), server_default=text("'offline'"))
    # healthy, degraded, unhealthy, unknown
    health_status: Mapped[str | None] = mapped_column(String(20), server_default=text("'unknown'"))
    total_cpu: Mapped[int] = mapped_column(Integer)
    total_memory: Mapped[int]  # bytes
    total_disk: Mapped[int | None]  # bytes
    total_gpu: Mapped[int | None] = mapped_column(Integer, server_default=text("0"))
    # used_*: denormalised sums over the host's live environments, kept by the application
    used_cpu: Mapped[int | None] = mapped_column(Integer, server_default=text("0"))
    used_memory: Mapped[int | None] = mapped_column(server_default=text("0"))
    used_disk: Mapped[int | None] = mapped_column(server_default=text("0"))
    used_gpu: Mapped[int | None] = mapped_column(Integer, server_default=text("0"))
    ssh_port: Mapped[int | None] = mapped_column(Integer, server_default=text("22"))
    winrm_port: Mapped[int | None] = mapped_column(Integer)
    agent_port: Mapped[int | None] = mapped_column(Integer, server_default=text("8080"))
    # free-form labels; labels->>'region' is the host's region
    labels: Mapped[dict[str, Any] | None]
    tags: Mapped[list[str] | None] = mapped_column(ARRAY(Text))
    last_heartbeat: Mapped[datetime | None]
    registered_at: Mapped[TimestampDefaultNow | None]


class Gpu(CreatedUpdatedAt, Base):
    """GPU devices of a host; allocated_to holds the environment that holds the device."""

    __tablename__ = "gpus"
    __table_args__ = (
        # unnamed in the SQL; this is the name PostgreSQL gives it
        UniqueConstraint("host_id", "gpu_index", name="gpus_host_id_gpu_index_key"),
        Index("idx_gpus_host", "host_id"),
        Index("idx_gpus_status", "status"),
        Index("idx_gpus_allocated_to", "allocated_to"),
        Index("idx_gpus_health_status", "health_status"),
    )

    id: Mapped[BigSerialId]
    host_id: Mapped[str] = mapped_column(String(64))  # -> hosts.id
    gpu_index: Mapped[int] = mapped_column(Integer)
    uuid: Mapped[str | None] = mapped_column(String(128), unique=True)
    name: Mapped[str | None] = mapped_column(String(128))
    brand: Mapped[str | None] = mapped_column(String(64))
    architecture: Mapped[str | None] = mapped_column(String(64))
    memory_total: Mapped[int | None]  # bytes
    cuda_cores: Mapped[int | None] = mapped_column(Integer)
    compute_capability: Mapped[str | None] = mapped_column(String(32))
    # available, allocated, maintenance, error
    status: Mapped[str | None] = mapped_column(String(20), server_default=text("'available'"))
    # healthy, degraded, error
    health_status: Mapped[str | None] = mapped_column(String(20), server_default=text("'healthy'"))
    allocated_to: Mapped[str | None] = mapped_column(String(64))  # -> environments.id or NULL
    allocated_at: Mapped[datetime | None]
    power_limit: Mapped[int | None] = mapped_column(Integer)
    temperature_limit: Mapped[int | None] = mapped_column(Integer)
