"""Inputs of the `storage` mutations: datasets, models, their versions, mounts, artifacts."""

from __future__ import annotations

import strawberry

from remotegpu.schema.enums import (
    ArtifactSourceType,
    ArtifactType,
    StorageStatus,
    StorageType,
    StorageVisibility,
)
from remotegpu.schema.inputs.fields import optional
from remotegpu.schema.scalars import JSON, BigInt

# Descriptions that more than one field shares.
_NAME = "Display name, 1-256 characters."
_NEW_NAME = "New name, 1-256 characters."
_NEW_STATUS = "New status (UPLOADING, READY, ERROR)."
_DATASET = "The dataset (rowId)."
_MODEL = "The model (rowId)."

_DESCRIPTION = "Free text, at most 10,000 characters; blank means none."
_STORAGE_PATH = "Where the files live, e.g. s3://bucket/prefix (1-512 characters)."
_VISIBILITY = (
    "Who may read it: PRIVATE (the owner), WORKSPACE (members of its workspace; needs a "
    "workspace), PUBLIC (every customer)."
)
_WORKSPACE = "Workspace (rowId) it belongs to; the viewer must be an active owner, admin or member."
_OWNER = "Owner (customer rowId); platform admins only. Default: the viewer."
_VERSION = "Version label, 1-64 of A-Z a-z 0-9 . _ - (e.g. v1.0); unique per parent."

# --- datasets ----------------------------------------------------------------------------


@strawberry.input(description="A new dataset; it starts in status UPLOADING.")
class DatasetCreateInput:
    name: str = strawberry.field(description=_NAME)
    storage_path: str = strawberry.field(description=_STORAGE_PATH)
    storage_type: StorageType = strawberry.field(
        default=StorageType.MINIO, description="Storage backend of storagePath."
    )
    description: str | None = optional(_DESCRIPTION)
    visibility: StorageVisibility = strawberry.field(
        default=StorageVisibility.PRIVATE, description=_VISIBILITY
    )
    workspace_id: int | None = optional(_WORKSPACE)
    owner_id: int | None = optional(_OWNER)


@strawberry.input(
    description="Changes to a dataset (owner, or owner/admin of its workspace); "
    "omitted fields stay as they are."
)
class DatasetUpdateInput:
    dataset_id: int = strawberry.field(description=_DATASET)
    name: str | None = optional(_NEW_NAME)
    description: str | None = optional(_DESCRIPTION)
    status: StorageStatus | None = optional(_NEW_STATUS)
    visibility: StorageVisibility | None = optional(_VISIBILITY)


@strawberry.input(description="The dataset to delete, with its versions.")
class DatasetDeleteInput:
    dataset_id: int = strawberry.field(description=_DATASET)


@strawberry.input(description="A new, immutable version of a dataset.")
class DatasetVersionCreateInput:
    dataset_id: int = strawberry.field(description=_DATASET)
    version: str = strawberry.field(description=_VERSION)
    storage_path: str = strawberry.field(description=_STORAGE_PATH)
    # No BigInt default anywhere: codegen would print it as a string ("0") into int fields.
    size: BigInt | None = optional(
        "Bytes in this version (>= 0; absent means 0); added to the dataset."
    )
    file_count: int = strawberry.field(
        default=0, description="Files in this version (>= 0); added to the dataset."
    )
    description: str | None = optional(_DESCRIPTION)


# --- models ------------------------------------------------------------------------------


@strawberry.input(description="A new model; it starts in status UPLOADING.")
class ModelCreateInput:
    name: str = strawberry.field(description=_NAME)
    storage_path: str = strawberry.field(description=_STORAGE_PATH)
    framework: str | None = optional("Framework, free text up to 64 characters (e.g. pytorch).")
    description: str | None = optional(_DESCRIPTION)
    visibility: StorageVisibility = strawberry.field(
        default=StorageVisibility.PRIVATE, description=_VISIBILITY
    )
    workspace_id: int | None = optional(_WORKSPACE)
    owner_id: int | None = optional(_OWNER)


@strawberry.input(
    description="Changes to a model (owner, or owner/admin of its workspace); "
    "omitted fields stay as they are."
)
class ModelUpdateInput:
    model_id: int = strawberry.field(description=_MODEL)
    name: str | None = optional(_NEW_NAME)
    description: str | None = optional(_DESCRIPTION)
    framework: str | None = optional("New framework (free text, up to 64 characters).")
    status: StorageStatus | None = optional(_NEW_STATUS)
    visibility: StorageVisibility | None = optional(_VISIBILITY)


@strawberry.input(description="The model to delete, with its versions.")
class ModelDeleteInput:
    model_id: int = strawberry.field(description=_MODEL)


@strawberry.input(description="A new, immutable version of a model.")
class ModelVersionCreateInput:
    model_id: int = strawberry.field(description=_MODEL)
    version: str = strawberry.field(description=_VERSION)
    storage_path: str = strawberry.field(description=_STORAGE_PATH)
    size: BigInt | None = optional(
        "Bytes in this version (>= 0; absent means 0); added to the model."
    )
    metrics: JSON | None = optional(
        'Evaluation metrics: a JSON object of numbers, e.g. {"accuracy": 0.93}.'
    )
    description: str | None = optional(_DESCRIPTION)


# --- mounts --------------------------------------------------------------------------------


@strawberry.input(description="Mount a ready dataset into an environment.")
class DatasetMountInput:
    environment_id: str = strawberry.field(
        description="The environment (rowId); its owner must be able to read the dataset."
    )
    dataset_id: int = strawberry.field(description="The dataset (rowId); status READY.")
    mount_path: str = strawberry.field(
        description="Absolute path inside the environment, without '..', outside the system "
        "directories (/, /bin, /boot, /dev, /etc, /proc, /root, /sbin, /sys, /usr); stored "
        "normalised (no '.', '//' or trailing '/')."
    )
    readonly: bool = strawberry.field(default=True, description="Mount read-only.")


@strawberry.input(description="End an open dataset mount.")
class DatasetUnmountInput:
    mount_id: int = strawberry.field(description="The mount (DatasetMount rowId).")


# --- artifacts -----------------------------------------------------------------------------


@strawberry.input(description="Record a file produced by a job, service or environment.")
class ArtifactCreateInput:
    name: str = strawberry.field(description=_NAME)
    type: ArtifactType = strawberry.field(description="What the file is.")
    storage_path: str = strawberry.field(description=_STORAGE_PATH)
    source_type: ArtifactSourceType = strawberry.field(description="What produced it.")
    source_id: str = strawberry.field(
        description="rowId of the producing job, service or environment; it must belong to "
        "the artifact's owner."
    )
    size: BigInt | None = optional("Bytes (>= 0; absent means 0).")
    workspace_id: int | None = optional(_WORKSPACE)
    owner_id: int | None = optional(_OWNER)


@strawberry.input(description="The artifact record to delete.")
class ArtifactDeleteInput:
    artifact_id: int = strawberry.field(description="The artifact (rowId).")
