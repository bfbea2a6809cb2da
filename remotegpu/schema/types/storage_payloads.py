"""Payloads of the `storage` mutations: the object after commit (as the viewer may see it)
and `errors`."""

from __future__ import annotations

import strawberry

from remotegpu.schema.types.payload import (
    Payload,
    deleted_id_field,
    deleted_row_id_field,
    payload,
)
from remotegpu.schema.types.storage import (
    Artifact,
    Dataset,
    DatasetMount,
    DatasetVersion,
    Model,
    ModelVersion,
)


@payload("Result of datasetCreate.")
class DatasetCreatePayload(Payload):
    dataset: Dataset | None = strawberry.field(default=None, description="The new dataset.")


@payload("Result of datasetUpdate.")
class DatasetUpdatePayload(Payload):
    dataset: Dataset | None = strawberry.field(default=None, description="The changed dataset.")


@payload("Result of datasetDelete.")
class DatasetDeletePayload(Payload):
    deleted_id: strawberry.ID | None = deleted_id_field("dataset")
    deleted_row_id: int | None = deleted_row_id_field("dataset")


@payload("Result of datasetVersionCreate.")
class DatasetVersionCreatePayload(Payload):
    dataset_version: DatasetVersion | None = strawberry.field(
        default=None, description="The new version."
    )
    dataset: Dataset | None = strawberry.field(
        default=None, description="Its dataset, with the new total size and file count."
    )


@payload("Result of modelCreate.")
class ModelCreatePayload(Payload):
    model: Model | None = strawberry.field(default=None, description="The new model.")


@payload("Result of modelUpdate.")
class ModelUpdatePayload(Payload):
    model: Model | None = strawberry.field(default=None, description="The changed model.")


@payload("Result of modelDelete.")
class ModelDeletePayload(Payload):
    deleted_id: strawberry.ID | None = deleted_id_field("model")
    deleted_row_id: int | None = deleted_row_id_field("model")


@payload("Result of modelVersionCreate.")
class ModelVersionCreatePayload(Payload):
    model_version: ModelVersion | None = strawberry.field(
        default=None, description="The new version."
    )
    model: Model | None = strawberry.field(
        default=None, description="Its model, with the new total size."
    )


@payload("Result of datasetMount.")
class DatasetMountPayload(Payload):
    mount: DatasetMount | None = strawberry.field(default=None, description="The new mount.")


@payload("Result of datasetUnmount.")
class DatasetUnmountPayload(Payload):
    mount: DatasetMount | None = strawberry.field(
        default=None, description="The mount, now with unmountedAt set."
    )


@payload("Result of artifactCreate.")
class ArtifactCreatePayload(Payload):
    artifact: Artifact | None = strawberry.field(default=None, description="The new artifact.")


@payload("Result of artifactDelete.")
class ArtifactDeletePayload(Payload):
    deleted_id: strawberry.ID | None = deleted_id_field("artifact")
    deleted_row_id: int | None = deleted_row_id_field("artifact")
