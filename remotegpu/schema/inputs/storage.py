"""Filters and orderings of the `storage` area."""

from __future__ import annotations

from enum import Enum

import strawberry
from sqlalchemy import ColumnElement

from remotegpu.db.models import (
    Artifact,
    Dataset,
    DatasetUsage,
    DatasetVersion,
    Image,
    MlModel,
    MlModelVersion,
)
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.enums import (
    ArtifactSourceType,
    ArtifactType,
    ImageStatus,
    StorageStatus,
    StorageVisibility,
)
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    KeyFilter,
    StringFilter,
)
from remotegpu.schema.inputs.filters import Where, filter_by, filter_on

# --- datasets ---------------------------------------------------------------------------------


@strawberry.input(description="Filter datasets (every field is an indexed column).")
class DatasetWhere(Where):
    status: EnumFilter[StorageStatus] | None = filter_on(
        Dataset.status, "Match the status (one value or a list)."
    )
    visibility: EnumFilter[StorageVisibility] | None = filter_on(
        Dataset.visibility, "Match the visibility (one value or a list)."
    )
    owner_id: KeyFilter | None = filter_on(Dataset.customer_id, "Owner (datasets.customer_id).")
    workspace_id: KeyFilter | None = filter_on(
        Dataset.workspace_id, "Match the workspace id (one key or a list)."
    )
    name: StringFilter | None = filter_on(
        Dataset.name, "Match the name text (exact, list, prefix or substring)."
    )
    created_at: DateTimeFilter | None = filter_on(Dataset.created_at, "Time range on created at.")


@strawberry.enum(description="Orderings of datasets.")
class DatasetOrder(Enum):
    CREATED_AT_DESC = "created_at_desc"
    ID_ASC = "id_asc"
    NAME_ASC = "name_asc"


DATASET_ORDERINGS: dict[DatasetOrder, Ordering] = {
    DatasetOrder.CREATED_AT_DESC: Ordering(
        "created", (Dataset.created_at, Dataset.id), descending=True
    ),
    DatasetOrder.ID_ASC: Ordering("id", (Dataset.id,)),
    DatasetOrder.NAME_ASC: Ordering("name", (Dataset.name, Dataset.id)),
}


@strawberry.input(description="Filter dataset versions.")
class DatasetVersionWhere(Where):
    dataset_id: KeyFilter | None = filter_on(
        DatasetVersion.dataset_id, "Match the dataset id (one key or a list)."
    )
    version: StringFilter | None = filter_on(
        DatasetVersion.version, "Version label (indexed together with the dataset)."
    )


@strawberry.enum(description="Orderings of dataset versions.")
class DatasetVersionOrder(Enum):
    CREATED_AT_DESC = "created_at_desc"
    ID_ASC = "id_asc"
    VERSION_ASC = "version_asc"


DATASET_VERSION_ORDERINGS: dict[DatasetVersionOrder, Ordering] = {
    DatasetVersionOrder.CREATED_AT_DESC: Ordering(
        "created", (DatasetVersion.created_at, DatasetVersion.id), descending=True
    ),
    DatasetVersionOrder.ID_ASC: Ordering("id", (DatasetVersion.id,)),
    DatasetVersionOrder.VERSION_ASC: Ordering(
        "version", (DatasetVersion.version, DatasetVersion.id)
    ),
}

# --- models -----------------------------------------------------------------------------------


@strawberry.input(description="Filter models.")
class ModelWhere(Where):
    framework: StringFilter | None = filter_on(
        MlModel.framework, "pytorch, tensorflow, onnx, ... (indexed)."
    )
    owner_id: KeyFilter | None = filter_on(MlModel.customer_id, "Owner (models.customer_id).")
    workspace_id: KeyFilter | None = filter_on(
        MlModel.workspace_id, "Match the workspace id (one key or a list)."
    )
    status: EnumFilter[StorageStatus] | None = filter_on(
        MlModel.status, "Match the status (one value or a list)."
    )
    visibility: EnumFilter[StorageVisibility] | None = filter_on(
        MlModel.visibility, "Match the visibility (one value or a list)."
    )
    name: StringFilter | None = filter_on(
        MlModel.name, "Match the name text (exact, list, prefix or substring)."
    )
    created_at: DateTimeFilter | None = filter_on(MlModel.created_at, "Time range on created at.")


@strawberry.enum(description="Orderings of models.")
class ModelOrder(Enum):
    CREATED_AT_DESC = "created_at_desc"
    ID_ASC = "id_asc"
    NAME_ASC = "name_asc"


MODEL_ORDERINGS: dict[ModelOrder, Ordering] = {
    ModelOrder.CREATED_AT_DESC: Ordering(
        "created", (MlModel.created_at, MlModel.id), descending=True
    ),
    ModelOrder.ID_ASC: Ordering("id", (MlModel.id,)),
    ModelOrder.NAME_ASC: Ordering("name", (MlModel.name, MlModel.id)),
}


@strawberry.input(description="Filter model versions.")
class ModelVersionWhere(Where):
    model_id: KeyFilter | None = filter_on(
        MlModelVersion.model_id, "Match the model id (one key or a list)."
    )
    version: StringFilter | None = filter_on(
        MlModelVersion.version, "Version label (indexed together with the model)."
    )


@strawberry.enum(description="Orderings of model versions.")
class ModelVersionOrder(Enum):
    CREATED_AT_DESC = "created_at_desc"
    ID_ASC = "id_asc"
    VERSION_ASC = "version_asc"


MODEL_VERSION_ORDERINGS: dict[ModelVersionOrder, Ordering] = {
    ModelVersionOrder.CREATED_AT_DESC: Ordering(
        "created", (MlModelVersion.created_at, MlModelVersion.id), descending=True
    ),
    ModelVersionOrder.ID_ASC: Ordering("id", (MlModelVersion.id,)),
    ModelVersionOrder.VERSION_ASC: Ordering("version", (MlModelVersion.version, MlModelVersion.id)),
}

# --- images -----------------------------------------------------------------------------------


@strawberry.input(description="Filter images (every field is an indexed column).")
class ImageWhere(Where):
    status: EnumFilter[ImageStatus] | None = filter_on(
        Image.status, "Match the status (one value or a list)."
    )
    category: StringFilter | None = filter_on(
        Image.category, "base, pytorch, tensorflow, custom, ..."
    )
    framework: StringFilter | None = filter_on(
        Image.framework, "Match the framework text (exact, list, prefix or substring)."
    )
    is_official: bool | None = filter_on(
        Image.is_official, "Only rows whose is official is this value."
    )
    name: StringFilter | None = filter_on(Image.name, "Image reference (unique).")


@strawberry.enum(description="Orderings of images.")
class ImageOrder(Enum):
    NAME_ASC = "name_asc"
    ID_ASC = "id_asc"
    CREATED_AT_DESC = "created_at_desc"


IMAGE_ORDERINGS: dict[ImageOrder, Ordering] = {
    ImageOrder.NAME_ASC: Ordering("name", (Image.name, Image.id)),
    ImageOrder.ID_ASC: Ordering("id", (Image.id,)),
    ImageOrder.CREATED_AT_DESC: Ordering("created", (Image.created_at, Image.id), descending=True),
}

# --- artifacts --------------------------------------------------------------------------------


@strawberry.input(description="Filter artifacts (every field is an indexed column).")
class ArtifactWhere(Where):
    type: EnumFilter[ArtifactType] | None = filter_on(
        Artifact.type, "Match the type (one value or a list)."
    )
    owner_id: KeyFilter | None = filter_on(Artifact.customer_id, "Owner (artifacts.customer_id).")
    workspace_id: KeyFilter | None = filter_on(
        Artifact.workspace_id, "Match the workspace id (one key or a list)."
    )
    source_type: EnumFilter[ArtifactSourceType] | None = filter_on(
        Artifact.source_type, "Match the source type (one value or a list)."
    )
    source_id: KeyFilter | None = filter_on(
        Artifact.source_id, "Key of the producing job, service or environment."
    )


@strawberry.enum(description="Orderings of artifacts.")
class ArtifactOrder(Enum):
    CREATED_AT_DESC = "created_at_desc"
    ID_ASC = "id_asc"
    NAME_ASC = "name_asc"


ARTIFACT_ORDERINGS: dict[ArtifactOrder, Ordering] = {
    ArtifactOrder.CREATED_AT_DESC: Ordering(
        "created", (Artifact.created_at, Artifact.id), descending=True
    ),
    ArtifactOrder.ID_ASC: Ordering("id", (Artifact.id,)),
    ArtifactOrder.NAME_ASC: Ordering("name", (Artifact.name, Artifact.id)),
}

# --- dataset mounts (dataset_usage) -----------------------------------------------------------


def _open(still_mounted: bool) -> ColumnElement[bool]:
    unmounted = DatasetUsage.unmounted_at
    return unmounted.is_(None) if still_mounted else unmounted.is_not(None)


@strawberry.input(description="Filter dataset mounts (dataset_usage).")
class DatasetMountWhere(Where):
    env_id: KeyFilter | None = filter_on(DatasetUsage.env_id, "Environment key.")
    dataset_id: KeyFilter | None = filter_on(
        DatasetUsage.dataset_id, "Match the dataset id (one key or a list)."
    )
    open: bool | None = filter_by(
        _open, "true: still mounted (unmounted_at is null); false: ended."
    )


@strawberry.enum(description="Orderings of dataset mounts.")
class DatasetMountOrder(Enum):
    MOUNTED_AT_DESC = "mounted_at_desc"
    ID_ASC = "id_asc"


DATASET_MOUNT_ORDERINGS: dict[DatasetMountOrder, Ordering] = {
    DatasetMountOrder.MOUNTED_AT_DESC: Ordering(
        "mounted", (DatasetUsage.mounted_at, DatasetUsage.id), descending=True
    ),
    DatasetMountOrder.ID_ASC: Ordering("id", (DatasetUsage.id,)),
}
