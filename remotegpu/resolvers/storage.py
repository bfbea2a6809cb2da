"""Root fields of the `storage` area: datasets, models, versions, images, artifacts, mounts."""

from __future__ import annotations

from typing import Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.loaders.storage import (
    visible_artifacts,
    visible_dataset_usage,
    visible_dataset_versions,
    visible_datasets,
    visible_images,
    visible_model_versions,
    visible_models,
)
from remotegpu.schema.connections import root_connection
from remotegpu.schema.inputs.hosts import conditions_of
from remotegpu.schema.inputs.storage import (
    ARTIFACT_ORDERINGS,
    DATASET_MOUNT_ORDERINGS,
    DATASET_ORDERINGS,
    DATASET_VERSION_ORDERINGS,
    IMAGE_ORDERINGS,
    MODEL_ORDERINGS,
    MODEL_VERSION_ORDERINGS,
    ArtifactOrder,
    ArtifactWhere,
    DatasetMountOrder,
    DatasetMountWhere,
    DatasetOrder,
    DatasetVersionOrder,
    DatasetVersionWhere,
    DatasetWhere,
    ImageOrder,
    ImageWhere,
    ModelOrder,
    ModelVersionOrder,
    ModelVersionWhere,
    ModelWhere,
)
from remotegpu.schema.node import (
    InvalidGlobalIdError,
    from_global_id,
    id_argument_description,
    int_key,
)
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.storage import (
    Artifact,
    Dataset,
    DatasetMount,
    DatasetVersion,
    Image,
    Model,
    ModelVersion,
)

Info = strawberry.Info[Context, None]


def _row_key(id: strawberry.ID, type_name: str) -> int | None:
    """The row key from `id`: the table key itself, or a global ID of `type_name`."""
    text = str(id)
    if not text.isdigit():
        try:
            kind, text = from_global_id(text)
        except InvalidGlobalIdError:
            return None
        if kind != type_name:
            return None
    return int_key(text)


_DATASET_ID = Annotated[
    strawberry.ID, strawberry.argument(description=id_argument_description("datasetByRowId"))
]
_MODEL_ID = Annotated[
    strawberry.ID, strawberry.argument(description=id_argument_description("modelByRowId"))
]
_ROW_ID = Annotated[int, strawberry.argument(description="The table key (`rowId`).")]


_IMAGE_NAME = Annotated[str, strawberry.argument(description="The image name (natural key).")]


@strawberry.type
class StorageQuery:
    @strawberry.field(
        description="Datasets (admins: all; customers: their own, their workspaces' shared "
        "ones, and public ones)."
    )
    async def datasets(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: DatasetWhere | None = None,
        order_by: DatasetOrder = DatasetOrder.CREATED_AT_DESC,
    ) -> Connection[Dataset]:
        return await root_connection(
            info.context,
            m.Dataset,
            visible_datasets,
            Dataset.from_row,
            DATASET_ORDERINGS[order_by],
            conditions_of(where),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="One dataset by its global ID, if visible.")
    async def dataset(self, info: Info, id: _DATASET_ID) -> Dataset | None:
        key = _row_key(id, "Dataset")
        return None if key is None else await _dataset_by_key(info, key)

    @strawberry.field(description="One dataset by its table key (`rowId`), if visible.")
    async def dataset_by_row_id(self, info: Info, row_id: _ROW_ID) -> Dataset | None:
        return await _dataset_by_key(info, row_id)

    @strawberry.field(description="Versions of the datasets the viewer may see.")
    async def dataset_versions(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: DatasetVersionWhere | None = None,
        order_by: DatasetVersionOrder = DatasetVersionOrder.CREATED_AT_DESC,
    ) -> Connection[DatasetVersion]:
        return await root_connection(
            info.context,
            m.DatasetVersion,
            visible_dataset_versions,
            DatasetVersion.from_row,
            DATASET_VERSION_ORDERINGS[order_by],
            conditions_of(where),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(
        description="ML models (admins: all; customers: their own, their workspaces' shared "
        "ones, and public ones)."
    )
    async def models(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: ModelWhere | None = None,
        order_by: ModelOrder = ModelOrder.CREATED_AT_DESC,
    ) -> Connection[Model]:
        return await root_connection(
            info.context,
            m.MlModel,
            visible_models,
            Model.from_row,
            MODEL_ORDERINGS[order_by],
            conditions_of(where),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="One model by its global ID, if visible.")
    async def model(self, info: Info, id: _MODEL_ID) -> Model | None:
        key = _row_key(id, "Model")
        return None if key is None else await _model_by_key(info, key)

    @strawberry.field(description="One model by its table key (`rowId`), if visible.")
    async def model_by_row_id(self, info: Info, row_id: _ROW_ID) -> Model | None:
        return await _model_by_key(info, row_id)

    @strawberry.field(description="Versions of the models the viewer may see.")
    async def model_versions(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: ModelVersionWhere | None = None,
        order_by: ModelVersionOrder = ModelVersionOrder.CREATED_AT_DESC,
    ) -> Connection[ModelVersion]:
        return await root_connection(
            info.context,
            m.MlModelVersion,
            visible_model_versions,
            ModelVersion.from_row,
            MODEL_VERSION_ORDERINGS[order_by],
            conditions_of(where),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(
        description="Container images (admins: all; other logged-in customers: active ones)."
    )
    async def images(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: ImageWhere | None = None,
        order_by: ImageOrder = ImageOrder.NAME_ASC,
    ) -> Connection[Image]:
        return await root_connection(
            info.context,
            m.Image,
            visible_images,
            Image.from_row,
            IMAGE_ORDERINGS[order_by],
            conditions_of(where),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="One image by its reference (images.name), if visible.")
    async def image(self, info: Info, name: _IMAGE_NAME) -> Image | None:
        row = await info.context.loaders.storage.image_by_name.load(name)
        return None if row is None else Image.from_row(row)

    @strawberry.field(
        description="Artifacts (admins: all; customers: their own and their workspaces')."
    )
    async def artifacts(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: ArtifactWhere | None = None,
        order_by: ArtifactOrder = ArtifactOrder.CREATED_AT_DESC,
    ) -> Connection[Artifact]:
        return await root_connection(
            info.context,
            m.Artifact,
            visible_artifacts,
            Artifact.from_row,
            ARTIFACT_ORDERINGS[order_by],
            conditions_of(where),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(
        description="Dataset mounts (dataset_usage) of the environments the viewer may see."
    )
    async def dataset_mounts(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: DatasetMountWhere | None = None,
        order_by: DatasetMountOrder = DatasetMountOrder.MOUNTED_AT_DESC,
    ) -> Connection[DatasetMount]:
        return await root_connection(
            info.context,
            m.DatasetUsage,
            visible_dataset_usage,
            DatasetMount.from_row,
            DATASET_MOUNT_ORDERINGS[order_by],
            conditions_of(where),
            first=first,
            after=after,
            last=last,
            before=before,
        )


async def _dataset_by_key(info: Info, key: int) -> Dataset | None:
    row = await info.context.loaders.storage.dataset_by_id.load(key)
    return None if row is None else Dataset.from_row(row)


async def _model_by_key(info: Info, key: int) -> Model | None:
    row = await info.context.loaders.storage.model_by_id.load(key)
    return None if row is None else Model.from_row(row)
