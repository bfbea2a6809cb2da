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
from remotegpu.schema.entities import node_for_id_argument
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
from remotegpu.schema.node import id_argument_description
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
        return await node_for_id_argument(info.context, Dataset, str(id))

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
        return await node_for_id_argument(info.context, Model, str(id))

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
