"""Mutations of the `storage` area: datasets, models, their versions, mounts, artifacts.

Thin: each names the domain call and its payload; `mutation` runs it (one transaction, audit
row, typed errors) and reloads the result through the request's loaders, so the payload shows
the state after commit as the viewer may see it.
"""

from __future__ import annotations

from typing import TypeVar

import strawberry

from remotegpu.domain import artifacts, datasets, ml_models, mounts
from remotegpu.resolvers.mutate import Reload, deleted, mutation, per_input
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

DATASET = Reload(lambda loaders: loaders.storage.dataset_by_id, Dataset.from_row)
DATASET_VERSION = Reload(
    lambda loaders: loaders.storage.dataset_version_by_id, DatasetVersion.from_row
)
MODEL = Reload(lambda loaders: loaders.storage.model_by_id, Model.from_row)
MODEL_VERSION = Reload(lambda loaders: loaders.storage.model_version_by_id, ModelVersion.from_row)
MOUNT = Reload(lambda loaders: loaders.storage.dataset_usage_by_id, DatasetMount.from_row)
ARTIFACT = Reload(lambda loaders: loaders.storage.artifact_by_id, Artifact.from_row)

D = TypeVar("D")


def _version(
    draft: type[D], input: DatasetVersionCreateInput | ModelVersionCreateInput | ArtifactCreateInput
) -> D:
    """A stored file's draft: an unknown size is recorded as 0."""
    return to_draft(draft, input, size=input.size or 0)


@strawberry.type
class StorageMutation:
    # --- datasets --------------------------------------------------------------------------

    dataset_create = mutation(
        "Register a dataset owned by the viewer (admins: any customer), optionally in a "
        "workspace; it starts UPLOADING.",
        "dataset.create",
        DatasetCreateInput,
        DatasetCreatePayload,
        lambda session, viewer, input: datasets.create_dataset(
            session, viewer, to_draft(datasets.DatasetDraft, input)
        ),
        dataset=DATASET,
    )
    dataset_update = mutation(
        "Rename, describe, set the status or the visibility of a dataset (its owner, or an "
        "owner/admin of its workspace).",
        "dataset.update",
        DatasetUpdateInput,
        DatasetUpdatePayload,
        lambda session, viewer, input: datasets.update_dataset(
            session, viewer, input.dataset_id, to_draft(datasets.DatasetChanges, input)
        ),
        resource_id=lambda input: input.dataset_id,
        dataset=DATASET,
    )
    dataset_delete = mutation(
        "Delete a dataset and its versions (its owner, or an owner/admin of its workspace). "
        "IN_USE while it is mounted or a pending/running training job uses it.",
        "dataset.delete",
        DatasetDeleteInput,
        DatasetDeletePayload,
        lambda session, viewer, input: datasets.delete_dataset(session, viewer, input.dataset_id),
        resource_id=lambda input: input.dataset_id,
        **deleted("Dataset"),
    )
    dataset_version_create = mutation(
        "Add an immutable version to a dataset; the dataset's total size and file count grow "
        "by the version's. CONFLICT if the version label is taken.",
        "dataset_version.create",
        DatasetVersionCreateInput,
        DatasetVersionCreatePayload,
        lambda session, viewer, input: datasets.create_dataset_version(
            session, viewer, input.dataset_id, _version(datasets.VersionDraft, input)
        ),
        dataset_version=DATASET_VERSION,
        dataset=per_input(lambda input: DATASET.at(input.dataset_id)),
    )

    # --- mounts ----------------------------------------------------------------------------

    dataset_mount = mutation(
        "Mount a READY dataset into an environment (its owner, an owner/admin of its "
        "workspace, or an admin); the environment's owner must be able to read it.",
        "dataset.mount",
        DatasetMountInput,
        DatasetMountPayload,
        lambda session, viewer, input: mounts.mount_dataset(
            session,
            viewer,
            env_id=input.environment_id,
            dataset_id=input.dataset_id,
            mount_path=input.mount_path,
            readonly=input.readonly,
        ),
        resource_type="dataset_usage",
        mount=MOUNT,
    )
    dataset_unmount = mutation(
        "End an open dataset mount (sets its unmountedAt).",
        "dataset.unmount",
        DatasetUnmountInput,
        DatasetUnmountPayload,
        lambda session, viewer, input: mounts.unmount_dataset(session, viewer, input.mount_id),
        resource_type="dataset_usage",
        resource_id=lambda input: input.mount_id,
        mount=MOUNT,
    )

    # --- models ----------------------------------------------------------------------------

    model_create = mutation(
        "Register a model owned by the viewer (admins: any customer), optionally in a "
        "workspace; it starts UPLOADING.",
        "model.create",
        ModelCreateInput,
        ModelCreatePayload,
        lambda session, viewer, input: ml_models.create_model(
            session, viewer, to_draft(ml_models.ModelDraft, input)
        ),
        model=MODEL,
    )
    model_update = mutation(
        "Rename, describe, set the framework, status or visibility of a model (its owner, or "
        "an owner/admin of its workspace).",
        "model.update",
        ModelUpdateInput,
        ModelUpdatePayload,
        lambda session, viewer, input: ml_models.update_model(
            session, viewer, input.model_id, to_draft(ml_models.ModelChanges, input)
        ),
        resource_id=lambda input: input.model_id,
        model=MODEL,
    )
    model_delete = mutation(
        "Delete a model and its versions (its owner, or an owner/admin of its workspace). "
        "IN_USE while a creating/running inference service or a pending/running training job "
        "uses it.",
        "model.delete",
        ModelDeleteInput,
        ModelDeletePayload,
        lambda session, viewer, input: ml_models.delete_model(session, viewer, input.model_id),
        resource_id=lambda input: input.model_id,
        **deleted("Model"),
    )
    model_version_create = mutation(
        "Add an immutable version (with metrics) to a model; the model's total size grows by "
        "the version's. CONFLICT if the version label is taken.",
        "model_version.create",
        ModelVersionCreateInput,
        ModelVersionCreatePayload,
        lambda session, viewer, input: ml_models.create_model_version(
            session, viewer, input.model_id, _version(ml_models.ModelVersionDraft, input)
        ),
        model_version=MODEL_VERSION,
        model=per_input(lambda input: MODEL.at(input.model_id)),
    )

    # --- artifacts -------------------------------------------------------------------------

    artifact_create = mutation(
        "Record an artifact produced by a training job, inference service or environment of "
        "its owner (the viewer; admins: any customer).",
        "artifact.create",
        ArtifactCreateInput,
        ArtifactCreatePayload,
        lambda session, viewer, input: artifacts.create_artifact(
            session, viewer, _version(artifacts.ArtifactDraft, input)
        ),
        artifact=ARTIFACT,
    )
    artifact_delete = mutation(
        "Delete an artifact record (its owner, an owner/admin of its workspace, or an admin).",
        "artifact.delete",
        ArtifactDeleteInput,
        ArtifactDeletePayload,
        lambda session, viewer, input: artifacts.delete_artifact(
            session, viewer, input.artifact_id
        ),
        resource_id=lambda input: input.artifact_id,
        **deleted("Artifact"),
    )
