"""Payloads of the `storage` mutations: the object after commit (as the viewer may see it)
and `errors`."""

from __future__ import annotations

from typing import Any

import strawberry

from remotegpu.schema.errors import UserError
from remotegpu.schema.types.storage import (
    Artifact,
    Dataset,
    DatasetMount,
    DatasetVersion,
    Model,
    ModelVersion,
)


def _errors() -> Any:
    return strawberry.field(
        default_factory=list, description="Why nothing changed; empty on success."
    )


def _deleted_id(what: str) -> Any:
    return strawberry.field(default=None, description=f"Global ID of the deleted {what}.")


def _deleted_row_id(what: str) -> Any:
    return strawberry.field(default=None, description=f"rowId of the deleted {what}.")


@strawberry.type(description="Result of datasetCreate.")
class DatasetCreatePayload:
    dataset: Dataset | None = strawberry.field(default=None, description="The new dataset.")
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of datasetUpdate.")
class DatasetUpdatePayload:
    dataset: Dataset | None = strawberry.field(default=None, description="The changed dataset.")
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of datasetDelete.")
class DatasetDeletePayload:
    deleted_id: strawberry.ID | None = _deleted_id("dataset")
    deleted_row_id: int | None = _deleted_row_id("dataset")
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of datasetVersionCreate.")
class DatasetVersionCreatePayload:
    dataset_version: DatasetVersion | None = strawberry.field(
        default=None, description="The new version."
    )
    dataset: Dataset | None = strawberry.field(
        default=None, description="Its dataset, with the new total size and file count."
    )
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of modelCreate.")
class ModelCreatePayload:
    model: Model | None = strawberry.field(default=None, description="The new model.")
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of modelUpdate.")
class ModelUpdatePayload:
    model: Model | None = strawberry.field(default=None, description="The changed model.")
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of modelDelete.")
class ModelDeletePayload:
    deleted_id: strawberry.ID | None = _deleted_id("model")
    deleted_row_id: int | None = _deleted_row_id("model")
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of modelVersionCreate.")
class ModelVersionCreatePayload:
    model_version: ModelVersion | None = strawberry.field(
        default=None, description="The new version."
    )
    model: Model | None = strawberry.field(
        default=None, description="Its model, with the new total size."
    )
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of datasetMount.")
class DatasetMountPayload:
    mount: DatasetMount | None = strawberry.field(default=None, description="The new mount.")
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of datasetUnmount.")
class DatasetUnmountPayload:
    mount: DatasetMount | None = strawberry.field(
        default=None, description="The mount, now with unmountedAt set."
    )
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of artifactCreate.")
class ArtifactCreatePayload:
    artifact: Artifact | None = strawberry.field(default=None, description="The new artifact.")
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of artifactDelete.")
class ArtifactDeletePayload:
    deleted_id: strawberry.ID | None = _deleted_id("artifact")
    deleted_row_id: int | None = _deleted_row_id("artifact")
    errors: list[UserError] = _errors()
