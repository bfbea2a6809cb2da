"""Mutations of the `storage` area: datasets, models, their versions, mounts, artifacts.

Thin: each builds the domain call, runs it through `run_mutation` (one transaction, audit row,
typed errors) and reloads the result through the request's loaders, so the payload shows the
state after commit as the viewer may see it.
"""

from __future__ import annotations

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.context import Context
from remotegpu.domain import artifacts, datasets, ml_models, mounts
from remotegpu.resolvers.support import run_mutation
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
from remotegpu.schema.node import to_global_id
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


def _value(value: str | None) -> str | None:
    """Enum inputs arrive as enum members; the domain takes the stored strings."""
    return None if value is None else str(value)


async def _dataset(info: Info, dataset_id: int) -> Dataset | None:
    row = await info.context.loaders.storage.dataset_by_id.load(dataset_id)
    return None if row is None else Dataset.from_row(row)


async def _model(info: Info, model_id: int) -> Model | None:
    row = await info.context.loaders.storage.model_by_id.load(model_id)
    return None if row is None else Model.from_row(row)


async def _mount(info: Info, mount_id: int) -> DatasetMount | None:
    row = await info.context.loaders.storage.dataset_usage_by_id.load(mount_id)
    return None if row is None else DatasetMount.from_row(row)


@strawberry.type
class StorageMutation:
    # --- datasets --------------------------------------------------------------------------

    @strawberry.mutation(
        description="Register a dataset owned by the viewer (admins: any customer), optionally "
        "in a workspace; it starts UPLOADING."
    )
    async def dataset_create(self, info: Info, input: DatasetCreateInput) -> DatasetCreatePayload:
        draft = datasets.DatasetDraft(
            name=input.name,
            storage_path=input.storage_path,
            storage_type=str(input.storage_type),
            description=input.description,
            visibility=str(input.visibility),
            workspace_id=input.workspace_id,
            owner_id=input.owner_id,
        )

        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await datasets.create_dataset(session, info.context.viewer, draft)
            return row.id, str(row.id)

        outcome = await run_mutation(info, "dataset.create", "dataset", work)
        if outcome.value is None:
            return DatasetCreatePayload(errors=outcome.errors)
        return DatasetCreatePayload(dataset=await _dataset(info, outcome.value))

    @strawberry.mutation(
        description="Rename, describe, set the status or the visibility of a dataset (its "
        "owner, or an owner/admin of its workspace)."
    )
    async def dataset_update(self, info: Info, input: DatasetUpdateInput) -> DatasetUpdatePayload:
        changes = datasets.DatasetChanges(
            name=input.name,
            description=input.description,
            status=_value(input.status),
            visibility=_value(input.visibility),
        )

        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await datasets.update_dataset(
                session, info.context.viewer, input.dataset_id, changes
            )
            return row.id, str(row.id)

        outcome = await run_mutation(
            info, "dataset.update", "dataset", work, resource_id=str(input.dataset_id)
        )
        if outcome.value is None:
            return DatasetUpdatePayload(errors=outcome.errors)
        return DatasetUpdatePayload(dataset=await _dataset(info, outcome.value))

    @strawberry.mutation(
        description="Delete a dataset and its versions (its owner, or an owner/admin of its "
        "workspace). IN_USE while it is mounted or a pending/running training job uses it."
    )
    async def dataset_delete(self, info: Info, input: DatasetDeleteInput) -> DatasetDeletePayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            gone = await datasets.delete_dataset(session, info.context.viewer, input.dataset_id)
            return gone, str(gone)

        outcome = await run_mutation(
            info, "dataset.delete", "dataset", work, resource_id=str(input.dataset_id)
        )
        if outcome.value is None:
            return DatasetDeletePayload(errors=outcome.errors)
        return DatasetDeletePayload(
            deleted_id=to_global_id("Dataset", outcome.value), deleted_row_id=outcome.value
        )

    @strawberry.mutation(
        description="Add an immutable version to a dataset; the dataset's total size and file "
        "count grow by the version's. CONFLICT if the version label is taken."
    )
    async def dataset_version_create(
        self, info: Info, input: DatasetVersionCreateInput
    ) -> DatasetVersionCreatePayload:
        draft = datasets.VersionDraft(
            version=input.version,
            storage_path=input.storage_path,
            size=input.size or 0,
            file_count=input.file_count,
            description=input.description,
        )

        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await datasets.create_dataset_version(
                session, info.context.viewer, input.dataset_id, draft
            )
            return row.id, str(row.id)

        outcome = await run_mutation(info, "dataset_version.create", "dataset_version", work)
        if outcome.value is None:
            return DatasetVersionCreatePayload(errors=outcome.errors)
        row = await info.context.loaders.storage.dataset_version_by_id.load(outcome.value)
        return DatasetVersionCreatePayload(
            dataset_version=None if row is None else DatasetVersion.from_row(row),
            dataset=await _dataset(info, input.dataset_id),
        )

    # --- mounts ----------------------------------------------------------------------------

    @strawberry.mutation(
        description="Mount a READY dataset into an environment (its owner, an owner/admin of "
        "its workspace, or an admin); the environment's owner must be able to read it."
    )
    async def dataset_mount(self, info: Info, input: DatasetMountInput) -> DatasetMountPayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await mounts.mount_dataset(
                session,
                info.context.viewer,
                env_id=input.environment_id,
                dataset_id=input.dataset_id,
                mount_path=input.mount_path,
                readonly=input.readonly,
            )
            return row.id, str(row.id)

        outcome = await run_mutation(info, "dataset.mount", "dataset_usage", work)
        if outcome.value is None:
            return DatasetMountPayload(errors=outcome.errors)
        return DatasetMountPayload(mount=await _mount(info, outcome.value))

    @strawberry.mutation(description="End an open dataset mount (sets its unmountedAt).")
    async def dataset_unmount(
        self, info: Info, input: DatasetUnmountInput
    ) -> DatasetUnmountPayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await mounts.unmount_dataset(session, info.context.viewer, input.mount_id)
            return row.id, str(row.id)

        outcome = await run_mutation(
            info, "dataset.unmount", "dataset_usage", work, resource_id=str(input.mount_id)
        )
        if outcome.value is None:
            return DatasetUnmountPayload(errors=outcome.errors)
        return DatasetUnmountPayload(mount=await _mount(info, outcome.value))

    # --- models ----------------------------------------------------------------------------

    @strawberry.mutation(
        description="Register a model owned by the viewer (admins: any customer), optionally "
        "in a workspace; it starts UPLOADING."
    )
    async def model_create(self, info: Info, input: ModelCreateInput) -> ModelCreatePayload:
        draft = ml_models.ModelDraft(
            name=input.name,
            storage_path=input.storage_path,
            framework=input.framework,
            description=input.description,
            visibility=str(input.visibility),
            workspace_id=input.workspace_id,
            owner_id=input.owner_id,
        )

        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await ml_models.create_model(session, info.context.viewer, draft)
            return row.id, str(row.id)

        outcome = await run_mutation(info, "model.create", "model", work)
        if outcome.value is None:
            return ModelCreatePayload(errors=outcome.errors)
        return ModelCreatePayload(model=await _model(info, outcome.value))

    @strawberry.mutation(
        description="Rename, describe, set the framework, status or visibility of a model "
        "(its owner, or an owner/admin of its workspace)."
    )
    async def model_update(self, info: Info, input: ModelUpdateInput) -> ModelUpdatePayload:
        changes = ml_models.ModelChanges(
            name=input.name,
            description=input.description,
            framework=input.framework,
            status=_value(input.status),
            visibility=_value(input.visibility),
        )

        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await ml_models.update_model(
                session, info.context.viewer, input.model_id, changes
            )
            return row.id, str(row.id)

        outcome = await run_mutation(
            info, "model.update", "model", work, resource_id=str(input.model_id)
        )
        if outcome.value is None:
            return ModelUpdatePayload(errors=outcome.errors)
        return ModelUpdatePayload(model=await _model(info, outcome.value))

    @strawberry.mutation(
        description="Delete a model and its versions (its owner, or an owner/admin of its "
        "workspace). IN_USE while a creating/running inference service or a pending/running "
        "training job uses it."
    )
    async def model_delete(self, info: Info, input: ModelDeleteInput) -> ModelDeletePayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            gone = await ml_models.delete_model(session, info.context.viewer, input.model_id)
            return gone, str(gone)

        outcome = await run_mutation(
            info, "model.delete", "model", work, resource_id=str(input.model_id)
        )
        if outcome.value is None:
            return ModelDeletePayload(errors=outcome.errors)
        return ModelDeletePayload(
            deleted_id=to_global_id("Model", outcome.value), deleted_row_id=outcome.value
        )

    @strawberry.mutation(
        description="Add an immutable version (with metrics) to a model; the model's total "
        "size grows by the version's. CONFLICT if the version label is taken."
    )
    async def model_version_create(
        self, info: Info, input: ModelVersionCreateInput
    ) -> ModelVersionCreatePayload:
        draft = ml_models.ModelVersionDraft(
            version=input.version,
            storage_path=input.storage_path,
            size=input.size or 0,
            metrics=input.metrics,
            description=input.description,
        )

        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await ml_models.create_model_version(
                session, info.context.viewer, input.model_id, draft
            )
            return row.id, str(row.id)

        outcome = await run_mutation(info, "model_version.create", "model_version", work)
        if outcome.value is None:
            return ModelVersionCreatePayload(errors=outcome.errors)
        row = await info.context.loaders.storage.model_version_by_id.load(outcome.value)
        return ModelVersionCreatePayload(
            model_version=None if row is None else ModelVersion.from_row(row),
            model=await _model(info, input.model_id),
        )

    # --- artifacts -------------------------------------------------------------------------

    @strawberry.mutation(
        description="Record an artifact produced by a training job, inference service or "
        "environment of its owner (the viewer; admins: any customer)."
    )
    async def artifact_create(
        self, info: Info, input: ArtifactCreateInput
    ) -> ArtifactCreatePayload:
        draft = artifacts.ArtifactDraft(
            name=input.name,
            type=str(input.type),
            storage_path=input.storage_path,
            source_type=str(input.source_type),
            source_id=input.source_id,
            size=input.size or 0,
            workspace_id=input.workspace_id,
            owner_id=input.owner_id,
        )

        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await artifacts.create_artifact(session, info.context.viewer, draft)
            return row.id, str(row.id)

        outcome = await run_mutation(info, "artifact.create", "artifact", work)
        if outcome.value is None:
            return ArtifactCreatePayload(errors=outcome.errors)
        row = await info.context.loaders.storage.artifact_by_id.load(outcome.value)
        return ArtifactCreatePayload(artifact=None if row is None else Artifact.from_row(row))

    @strawberry.mutation(
        description="Delete an artifact record (its owner, an owner/admin of its workspace, "
        "or an admin)."
    )
    async def artifact_delete(
        self, info: Info, input: ArtifactDeleteInput
    ) -> ArtifactDeletePayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            gone = await artifacts.delete_artifact(session, info.context.viewer, input.artifact_id)
            return gone, str(gone)

        outcome = await run_mutation(
            info, "artifact.delete", "artifact", work, resource_id=str(input.artifact_id)
        )
        if outcome.value is None:
            return ArtifactDeletePayload(errors=outcome.errors)
        return ArtifactDeletePayload(
            deleted_id=to_global_id("Artifact", outcome.value), deleted_row_id=outcome.value
        )
