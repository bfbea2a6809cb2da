"""Remote development environments and their port mappings (05_environments.sql)."""

from datetime import datetime

from sqlalchemy import Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from remotegpu.db.models.base import Base, BigSerialId, TimestampDefaultNow


class Environment(Base):
    """Remote development environments placed on a host, owned by a customer."""

    __tablename__ = "environments"
    __table_args__ = (
        Index("idx_environments_user", "user_id"),
        Index("idx_environments_host", "host_id"),
        Index("idx_environments_status", "status"),
        Index("idx_environments_created_at", text("created_at DESC")),
        # migration 14: keyset pagination of a customer's environments, newest first
        Index("idx_environments_user_created", "user_id", text("created_at DESC"), text("id DESC")),
        Index("idx_environments_workspace", "workspace_id"),  # migration 16
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int]  # -> customers.id (owner)
    host_id: Mapped[str] = mapped_column(String(64))  # -> hosts.id
    name: Mapped[str] = mapped_column(String(128))
    description: Mapped[str | None]
    image: Mapped[str] = mapped_column(String(256))  # -> images.name
    # creating, running, stopped, error, deleting
    status: Mapped[str | None] = mapped_column(String(20), server_default=text("'creating'"))
    cpu: Mapped[int] = mapped_column(Integer)  # cores
    memory: Mapped[int]  # bytes
    gpu: Mapped[int | None] = mapped_column(Integer, server_default=text("0"))  # GPUs
    storage: Mapped[int | None]  # bytes
    ssh_port: Mapped[int | None] = mapped_column(Integer)
    rdp_port: Mapped[int | None] = mapped_column(Integer)
    jupyter_port: Mapped[int | None] = mapped_column(Integer)
    container_id: Mapped[str | None] = mapped_column(String(128))
    pod_name: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[TimestampDefaultNow | None]
    updated_at: Mapped[TimestampDefaultNow | None]
    started_at: Mapped[datetime | None]
    stopped_at: Mapped[datetime | None]
    # migration 16: -> workspaces.id, NULL for personal environments
    workspace_id: Mapped[int | None]


class PortMapping(Base):
    """External gateway ports mapped to an environment service (ssh, rdp, jupyter, custom)."""

    __tablename__ = "port_mappings"
    __table_args__ = (
        Index("idx_port_mappings_env", "env_id"),
        Index("idx_port_mappings_external_port", "external_port"),
        Index("idx_port_mappings_status", "status"),
        # migration 14: unique only among active rows, so released ports can be reused
        Index(
            "uq_port_mappings_active_external_port",
            "external_port",
            unique=True,
            postgresql_where=text("status = 'active'"),
        ),
    )

    id: Mapped[BigSerialId]
    env_id: Mapped[str] = mapped_column(String(64))  # -> environments.id
    service_type: Mapped[str] = mapped_column(String(32))  # ssh, rdp, jupyter, custom
    external_port: Mapped[int] = mapped_column(Integer)
    internal_port: Mapped[int] = mapped_column(Integer)
    # active, released
    status: Mapped[str | None] = mapped_column(String(20), server_default=text("'active'"))
    allocated_at: Mapped[TimestampDefaultNow | None]
    released_at: Mapped[datetime | None]
