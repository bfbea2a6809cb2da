"""Mutations of the `storage` area: datasets, models, their versions, mounts, artifacts.

Thin: each names the domain call and its payload; `mutate` runs it (one transaction, audit
row, typed errors) and reloads the result through the request's loaders, so the payload shows
the state after commit as the viewer may see it.
"""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.domain import artifacts, datasets, ml_models, mounts
from remotegpu.resolvers.mutate import Reload, deleted, mutate
from remotegpu.schema.inputs.drafts import to_draft
from remotegpu.schema.inputs.storage_mutations import (
    ArtifactCreateInput,
    ArtifactDeleteInput,
    DatasetCreateInput,
    DatasetDeleteInput,
    DatasetMountInput,
    DatasetUnmountInput,
    DatasetUpdateInput,
    DatasetVersionCreateInput,
    ModelCreateInput,
    ModelDeleteInput,
    ModelUpdateInput,
    ModelVersionCreateInput,
)
from remotegpu.schema.types.storage import (
    Artifact,
    Dataset,
    DatasetMount,
    DatasetVersion,
    Model,
    ModelVersion,
)
from remotegpu.schema.types.storage_payloads import (
    ArtifactCreatePayload,
    ArtifactDeletePayload,
    DatasetCreatePayload,
    DatasetDeletePayload,
    DatasetMountPayload,
    DatasetUnmountPayload,
    DatasetUpdatePayload,
    DatasetVersionCreatePayload,
    ModelCreatePayload,
    ModelDeletePayload,
    ModelUpdatePayload,
    ModelVersionCreatePayload,
)

Info = strawberry.Info[Context, None]

DATASET = Reload(lambda loaders: loaders.storage.dataset_by_id, Dataset.from_row)
DATASET_VERSION = Reload(
    lambda loaders: loaders.storage.dataset_version_by_id, DatasetVersion.from_row
)
MODEL = Reload(lambda loaders: loaders.storage.model_by_id, Model.from_row)
MODEL_VERSION = Reload(lambda loaders: loaders.storage.model_version_by_id, ModelVersion.from_row)
MOUNT = Reload(lambda loaders: loaders.storage.dataset_usage_by_id, DatasetMount.from_row)
ARTIFACT = Reload(lambda loaders: loaders.storage.artifact_by_id, Artifact.from_row)


@strawberry.type
class StorageMutation:
    # --- datasets --------------------------------------------------------------------------

    @strawberry.mutation(
        description="Register a dataset owned by the viewer (admins: any customer), optionally "
        "in a workspace; it starts UPLOADING."
    )
    async def dataset_create(self, info: Info, input: DatasetCreateInput) -> DatasetCreatePayload:
        draft = to_draft(datasets.DatasetDraft, input)
        return await mutate(
            info,
            "dataset.create",
            lambda session, viewer: datasets.create_dataset(session, viewer, draft),
            DatasetCreatePayload,
            dataset=DATASET,
        )

    @strawberry.mutation(
        description="Rename, describe, set the status or the visibility of a dataset (its "
        "owner, or an owner/admin of its workspace)."
    )
    async def dataset_update(self, info: Info, input: DatasetUpdateInput) -> DatasetUpdatePayload:
        changes = to_draft(datasets.DatasetChanges, input)
        return await mutate(
            info,
            "dataset.update",
            lambda session, viewer: datasets.update_dataset(
                session, viewer, input.dataset_id, changes
            ),
            DatasetUpdatePayload,
            resource_id=input.dataset_id,
            dataset=DATASET,
        )

    @strawberry.mutation(
        description="Delete a dataset and its versions (its owner, or an owner/admin of its "
        "workspace). IN_USE while it is mounted or a pending/running training job uses it."
    )
    async def dataset_delete(self, info: Info, input: DatasetDeleteInput) -> DatasetDeletePayload:
        return await mutate(
            info,
            "dataset.delete",
            lambda session, viewer: datasets.delete_dataset(session, viewer, input.dataset_id),
            DatasetDeletePayload,
            resource_id=input.dataset_id,
            **deleted("Dataset"),
        )

    @strawberry.mutation(
        description="Add an immutable version to a dataset; the dataset's total size and file "
        "count grow by the version's. CONFLICT if the version label is taken."
    )
    async def dataset_version_create(
        self, info: Info, input: DatasetVersionCreateInput
    ) -> DatasetVersionCreatePayload:
        draft = to_draft(datasets.VersionDraft, input, size=input.size or 0)
        return await mutate(
            info,
            "dataset_version.create",
            lambda session, viewer: datasets.create_dataset_version(
                session, viewer, input.dataset_id, draft
            ),
            DatasetVersionCreatePayload,
            dataset_version=DATASET_VERSION,
            dataset=DATASET.at(input.dataset_id),
        )

    # --- mounts ----------------------------------------------------------------------------

    @strawberry.mutation(
        description="Mount a READY dataset into an environment (its owner, an owner/admin of "
        "its workspace, or an admin); the environment's owner must be able to read it."
    )
    async def dataset_mount(self, info: Info, input: DatasetMountInput) -> DatasetMountPayload:
        return await mutate(
            info,
            "dataset.mount",
            lambda session, viewer: mounts.mount_dataset(
                session,
                viewer,
                env_id=input.environment_id,
                dataset_id=input.dataset_id,
                mount_path=input.mount_path,
                readonly=input.readonly,
            ),
            DatasetMountPayload,
            resource_type="dataset_usage",
            mount=MOUNT,
        )

    @strawberry.mutation(description="End an open dataset mount (sets its unmountedAt).")
    async def dataset_unmount(
        self, info: Info, input: DatasetUnmountInput
    ) -> DatasetUnmountPayload:
        return await mutate(
            info,
            "dataset.unmount",
            lambda session, viewer: mounts.unmount_dataset(session, viewer, input.mount_id),
            DatasetUnmountPayload,
            resource_type="dataset_usage",
            resource_id=input.mount_id,
            mount=MOUNT,
        )

    # --- models ----------------------------------------------------------------------------

    @strawberry.mutation(
        description="Register a model owned by the viewer (admins: any customer), optionally "
        "in a workspace; it starts UPLOADING."
    )
    async def model_create(self, info: Info, input: ModelCreateInput) -> ModelCreatePayload:
        draft = to_draft(ml_models.ModelDraft, input)
        return await mutate(
            info,
            "model.create",
            lambda session, viewer: ml_models.create_model(session, viewer, draft),
            ModelCreatePayload,
            model=MODEL,
        )

    @strawberry.mutation(
        description="Rename, describe, set the framework, status or visibility of a model "
        "(its owner, or an owner/admin of its workspace)."
    )
    async def model_update(self, info: Info, input: ModelUpdateInput) -> ModelUpdatePayload:
        changes = to_draft(ml_models.ModelChanges, input)
        return await mutate(
            info,
            "model.update",
            lambda session, viewer: ml_models.update_model(
                session, viewer, input.model_id, changes
            ),
            ModelUpdatePayload,
            resource_id=input.model_id,
            model=MODEL,
        )

    @strawberry.mutation(
        description="Delete a model and its versions (its owner, or an owner/admin of its "
        "workspace). IN_USE while a creating/running inference service or a pending/running "
        "training job uses it."
    )
    async def model_delete(self, info: Info, input: ModelDeleteInput) -> ModelDeletePayload:
        return await mutate(
            info,
            "model.delete",
            lambda session, viewer: ml_models.delete_model(session, viewer, input.model_id),
            ModelDeletePayload,
            resource_id=input.model_id,
            **deleted("Model"),
        )

    @strawberry.mutation(
        description="Add an immutable version (with metrics) to a model; the model's total "
        "size grows by the version's. CONFLICT if the version label is taken."
    )
    async def model_version_create(
        self, info: Info, input: ModelVersionCreateInput
    ) -> ModelVersionCreatePayload:
        draft = to_draft(ml_models.ModelVersionDraft, input, size=input.size or 0)
        return await mutate(
            info,
            "model_version.create",
            lambda session, viewer: ml_models.create_model_version(
                session, viewer, input.model_id, draft
            ),
            ModelVersionCreatePayload,
            model_version=MODEL_VERSION,
            model=MODEL.at(input.model_id),
        )

    # --- artifacts -------------------------------------------------------------------------

    @strawberry.mutation(
        description="Record an artifact produced by a training job, inference service or "
        "environment of its owner (the viewer; admins: any customer)."
    )
    async def artifact_create(
        self, info: Info, input: ArtifactCreateInput
    ) -> ArtifactCreatePayload:
        draft = to_draft(artifacts.ArtifactDraft, input, size=input.size or 0)
        return await mutate(
            info,
            "artifact.create",
            lambda session, viewer: artifacts.create_artifact(session, viewer, draft),
            ArtifactCreatePayload,
            artifact=ARTIFACT,
        )

    @strawberry.mutation(
        description="Delete an artifact record (its owner, an owner/admin of its workspace, "
        "or an admin)."
    )
    async def artifact_delete(
        self, info: Info, input: ArtifactDeleteInput
    ) -> ArtifactDeletePayload:
        return await mutate(
            info,
            "artifact.delete",
            lambda session, viewer: artifacts.delete_artifact(session, viewer, input.artifact_id),
            ArtifactDeletePayload,
            resource_id=input.artifact_id,
            **deleted("Artifact"),
        )
