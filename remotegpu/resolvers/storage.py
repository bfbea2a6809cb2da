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
from remotegpu.schema.relations import root_connection_field, root_lookup
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
    datasets = root_connection_field(
        Dataset,
        m.Dataset,
        visible_datasets,
        DATASET_ORDERINGS,
        DatasetWhere,
        default=DatasetOrder.CREATED_AT_DESC,
        description="Datasets (admins: all; customers: their own, their workspaces' shared "
        "ones, and public ones).",
    )

    @strawberry.field(description="One dataset by its global ID, if visible.")
    async def dataset(self, info: Info, id: _DATASET_ID) -> Dataset | None:
        key = _row_key(id, "Dataset")
        return None if key is None else await _dataset_by_key(info, key)

    dataset_by_row_id = root_lookup(
        Dataset,
        "storage.dataset_by_id",
        "row_id",
        _ROW_ID,
        description="One dataset by its table key (`rowId`), if visible.",
        compiled=False,
    )

    dataset_versions = root_connection_field(
        DatasetVersion,
        m.DatasetVersion,
        visible_dataset_versions,
        DATASET_VERSION_ORDERINGS,
        DatasetVersionWhere,
        default=DatasetVersionOrder.CREATED_AT_DESC,
        description="Versions of the datasets the viewer may see.",
    )

    models = root_connection_field(
        Model,
        m.MlModel,
        visible_models,
        MODEL_ORDERINGS,
        ModelWhere,
        default=ModelOrder.CREATED_AT_DESC,
        description="ML models (admins: all; customers: their own, their workspaces' shared "
        "ones, and public ones).",
    )

    @strawberry.field(description="One model by its global ID, if visible.")
    async def model(self, info: Info, id: _MODEL_ID) -> Model | None:
        key = _row_key(id, "Model")
        return None if key is None else await _model_by_key(info, key)

    model_by_row_id = root_lookup(
        Model,
        "storage.model_by_id",
        "row_id",
        _ROW_ID,
        description="One model by its table key (`rowId`), if visible.",
        compiled=False,
    )

    model_versions = root_connection_field(
        ModelVersion,
        m.MlModelVersion,
        visible_model_versions,
        MODEL_VERSION_ORDERINGS,
        ModelVersionWhere,
        default=ModelVersionOrder.CREATED_AT_DESC,
        description="Versions of the models the viewer may see.",
    )

    images = root_connection_field(
        Image,
        m.Image,
        visible_images,
        IMAGE_ORDERINGS,
        ImageWhere,
        default=ImageOrder.NAME_ASC,
        description="Container images (admins: all; other logged-in customers: active ones).",
    )

    image = root_lookup(
        Image,
        "storage.image_by_name",
        "name",
        _IMAGE_NAME,
        description="One image by its reference (images.name), if visible.",
        compiled=False,
    )

    artifacts = root_connection_field(
        Artifact,
        m.Artifact,
        visible_artifacts,
        ARTIFACT_ORDERINGS,
        ArtifactWhere,
        default=ArtifactOrder.CREATED_AT_DESC,
        description="Artifacts (admins: all; customers: their own and their workspaces').",
    )

    dataset_mounts = root_connection_field(
        DatasetMount,
        m.DatasetUsage,
        visible_dataset_usage,
        DATASET_MOUNT_ORDERINGS,
        DatasetMountWhere,
        default=DatasetMountOrder.MOUNTED_AT_DESC,
        description="Dataset mounts (dataset_usage) of the environments the viewer may see.",
    )


async def _dataset_by_key(info: Info, key: int) -> Dataset | None:
    row = await info.context.loaders.storage.dataset_by_id.load(key)
    return None if row is None else Dataset.from_row(row)


async def _model_by_key(info: Info, key: int) -> Model | None:
    row = await info.context.loaders.storage.model_by_id.load(key)
    return None if row is None else Model.from_row(row)
