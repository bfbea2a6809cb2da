"""Datasets, models, images, artifacts and dataset mounts.

Tables of 06_data_and_images.sql and 13_relationships.sql.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from remotegpu.db.models.base import (
    Base,
    BigSerialId,
    CreatedAt,
    CreatedUpdatedAt,
    TimestampDefaultNow,
    UuidDefaultRandom,
)


class _VersionedArtifact:
    """The columns datasets and models share (one versioned-artifact service serves both)."""

    id: Mapped[BigSerialId]
    uuid: Mapped[UuidDefaultRandom]
    customer_id: Mapped[int]  # -> customers.id (owner)
    workspace_id: Mapped[int | None]  # -> workspaces.id
    name: Mapped[str] = mapped_column(String(256))
    description: Mapped[str | None]
    storage_path: Mapped[str] = mapped_column(String(512))
    total_size: Mapped[int | None] = mapped_column(server_default=text("0"))
    # uploading, ready, error
    status: Mapped[str | None] = mapped_column(String(20), server_default=text("'uploading'"))
    # private, workspace, public
    visibility: Mapped[str | None] = mapped_column(String(20), server_default=text("'private'"))
    created_at: Mapped[TimestampDefaultNow | None]
    updated_at: Mapped[TimestampDefaultNow | None]


class _ArtifactVersion:
    """The columns dataset versions and model versions share (each adds its parent's key)."""

    id: Mapped[BigSerialId]
    version: Mapped[str] = mapped_column(String(64))  # e.g. v1.0, v1.1
    description: Mapped[str | None]
    storage_path: Mapped[str] = mapped_column(String(512))
    size: Mapped[int | None] = mapped_column(server_default=text("0"))
    created_at: Mapped[TimestampDefaultNow | None]


class Dataset(_VersionedArtifact, Base):
    """Datasets owned by a customer, optionally in a workspace."""

    __tablename__ = "datasets"
    __table_args__ = (
        Index("idx_datasets_customer", "customer_id"),
        Index("idx_datasets_workspace", "workspace_id"),
        Index("idx_datasets_status", "status"),
        Index("idx_datasets_visibility", "visibility"),
    )

    # minio, s3, nfs
    storage_type: Mapped[str | None] = mapped_column(String(32), server_default=text("'minio'"))
    file_count: Mapped[int | None] = mapped_column(Integer, server_default=text("0"))


class DatasetVersion(_ArtifactVersion, Base):
    """Immutable versions of a dataset."""

    __tablename__ = "dataset_versions"
    __table_args__ = (
        # unnamed in the SQL; this is the name PostgreSQL gives it
        UniqueConstraint("dataset_id", "version", name="dataset_versions_dataset_id_version_key"),
        Index("idx_dataset_versions_dataset", "dataset_id"),
    )

    dataset_id: Mapped[int]  # -> datasets.id
    file_count: Mapped[int | None] = mapped_column(Integer, server_default=text("0"))


class MlModel(_VersionedArtifact, Base):
    """ML models owned by a customer, optionally in a workspace."""

    __tablename__ = "models"
    __table_args__ = (
        Index("idx_models_customer", "customer_id"),
        Index("idx_models_workspace", "workspace_id"),
        Index("idx_models_framework", "framework"),
    )

    framework: Mapped[str | None] = mapped_column(String(64))  # pytorch, tensorflow, onnx, ...


class MlModelVersion(_ArtifactVersion, Base):
    """Versions of a model, with evaluation metrics."""

    __tablename__ = "model_versions"
    __table_args__ = (
        # unnamed in the SQL; this is the name PostgreSQL gives it
        UniqueConstraint("model_id", "version", name="model_versions_model_id_version_key"),
        Index("idx_model_versions_model", "model_id"),
    )

    model_id: Mapped[int]  # -> models.id
    # e.g. {"accuracy": 0.93, "loss": 0.21}
    metrics: Mapped[dict[str, Any] | None]


class Image(CreatedUpdatedAt, Base):
    """Container images environments can be started from (name is the image reference)."""

    __tablename__ = "images"
    __table_args__ = (
        Index("idx_images_category", "category"),
        Index("idx_images_framework", "framework"),
        Index("idx_images_is_official", "is_official"),
        Index("idx_images_status", "status"),
    )

    id: Mapped[BigSerialId]
    name: Mapped[str] = mapped_column(String(256), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(256))
    description: Mapped[str | None]
    category: Mapped[str | None] = mapped_column(String(64))  # base, pytorch, tensorflow, ...
    framework: Mapped[str | None] = mapped_column(String(64))
    framework_version: Mapped[str | None] = mapped_column(String(64))
    cuda_version: Mapped[str | None] = mapped_column(String(32))
    python_version: Mapped[str | None] = mapped_column(String(32))
    is_official: Mapped[bool | None] = mapped_column(Boolean, server_default=text("false"))
    size: Mapped[int | None]
    registry_url: Mapped[str | None] = mapped_column(String(512))
    # active, deprecated
    status: Mapped[str | None] = mapped_column(String(20), server_default=text("'active'"))


class Artifact(CreatedAt, Base):
    """Files produced by work: model files, checkpoints, logs, reports."""

    __tablename__ = "artifacts"
    __table_args__ = (
        Index("idx_artifacts_customer", "customer_id"),
        Index("idx_artifacts_workspace", "workspace_id"),
        Index("idx_artifacts_type", "type"),
        Index("idx_artifacts_source", "source_type", "source_id"),
    )

    id: Mapped[BigSerialId]
    customer_id: Mapped[int]  # -> customers.id
    workspace_id: Mapped[int | None]  # -> workspaces.id
    name: Mapped[str] = mapped_column(String(256))
    type: Mapped[str] = mapped_column(String(64))  # model, checkpoint, log, report
    storage_path: Mapped[str] = mapped_column(String(512))
    size: Mapped[int | None] = mapped_column(server_default=text("0"))
    # training_job, inference_service, environment
    source_type: Mapped[str | None] = mapped_column(String(32))
    source_id: Mapped[str | None] = mapped_column(String(128))  # -> id of that source


class DatasetUsage(Base):
    """A dataset mounted into an environment (mount history; unmounted_at set on unmount)."""

    __tablename__ = "dataset_usage"
    __table_args__ = (
        Index("idx_dataset_usage_env", "env_id"),
        Index("idx_dataset_usage_dataset", "dataset_id"),
        # migration 14: datasets currently mounted in an environment
        Index("idx_dataset_usage_open", "env_id", postgresql_where=text("unmounted_at IS NULL")),
    )

    id: Mapped[BigSerialId]
    env_id: Mapped[str] = mapped_column(String(64))  # -> environments.id
    dataset_id: Mapped[int]  # -> datasets.id
    mount_path: Mapped[str] = mapped_column(String(512))
    # mounted read-only
    readonly: Mapped[bool | None] = mapped_column(Boolean, server_default=text("true"))
    mounted_at: Mapped[TimestampDefaultNow | None]
    unmounted_at: Mapped[datetime | None]
