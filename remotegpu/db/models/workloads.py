"""Training jobs and inference services (09_training_and_inference.sql)."""

from datetime import datetime

from sqlalchemy import Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from remotegpu.db.models.base import Base, CreatedUpdatedAt


class TrainingJob(CreatedUpdatedAt, Base):
    """Training jobs; text primary key."""

    __tablename__ = "training_jobs"
    __table_args__ = (
        Index("idx_training_jobs_customer", "customer_id"),
        Index("idx_training_jobs_workspace", "workspace_id"),
        Index("idx_training_jobs_status", "status"),
        Index("idx_training_jobs_created_at", text("created_at DESC")),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    customer_id: Mapped[int]  # -> customers.id
    workspace_id: Mapped[int | None]  # -> workspaces.id
    env_id: Mapped[str | None] = mapped_column(String(64))  # -> environments.id
    name: Mapped[str] = mapped_column(String(256))
    description: Mapped[str | None]
    framework: Mapped[str | None] = mapped_column(String(64))
    script_path: Mapped[str | None] = mapped_column(String(512))
    dataset_id: Mapped[int | None]  # -> datasets.id
    model_id: Mapped[int | None]  # -> models.id
    # pending, running, completed, failed, cancelled
    status: Mapped[str | None] = mapped_column(String(20), server_default=text("'pending'"))
    # higher number runs first
    priority: Mapped[int | None] = mapped_column(Integer, server_default=text("0"))
    cpu: Mapped[int | None] = mapped_column(Integer)
    memory: Mapped[int | None]
    gpu: Mapped[int | None] = mapped_column(Integer)
    started_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]


class InferenceService(CreatedUpdatedAt, Base):
    """Model-serving deployments; text primary key."""

    __tablename__ = "inference_services"
    __table_args__ = (
        Index("idx_inference_services_customer", "customer_id"),
        Index("idx_inference_services_workspace", "workspace_id"),
        Index("idx_inference_services_status", "status"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    customer_id: Mapped[int]  # -> customers.id
    workspace_id: Mapped[int | None]  # -> workspaces.id
    name: Mapped[str] = mapped_column(String(256))
    description: Mapped[str | None]
    model_id: Mapped[int | None]  # -> models.id
    # -> model_versions.version of that model
    model_version: Mapped[str | None] = mapped_column(String(64))
    framework: Mapped[str | None] = mapped_column(String(64))
    # creating, running, stopped, error
    status: Mapped[str | None] = mapped_column(String(20), server_default=text("'creating'"))
    endpoint_url: Mapped[str | None] = mapped_column(String(512))
    cpu: Mapped[int | None] = mapped_column(Integer)
    memory: Mapped[int | None]
    gpu: Mapped[int | None] = mapped_column(Integer)
    replicas: Mapped[int | None] = mapped_column(Integer, server_default=text("1"))
