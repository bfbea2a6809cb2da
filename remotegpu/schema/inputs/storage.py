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
    datetime_conditions,
    enum_conditions,
    key_conditions,
    string_conditions,
)

# --- datasets ---------------------------------------------------------------------------------


@strawberry.input(description="Filter datasets (every field is an indexed column).")
class DatasetWhere:
    status: EnumFilter[StorageStatus] | None = strawberry.field(
        default=None, description="Match the status (one value or a list)."
    )
    visibility: EnumFilter[StorageVisibility] | None = strawberry.field(
        default=None, description="Match the visibility (one value or a list)."
    )
    owner_id: KeyFilter | None = strawberry.field(
        default=None, description="Owner (datasets.customer_id)."
    )
    workspace_id: KeyFilter | None = strawberry.field(
        default=None, description="Match the workspace id (one key or a list)."
    )
    name: StringFilter | None = strawberry.field(
        default=None, description="Match the name text (exact, list, prefix or substring)."
    )
    created_at: DateTimeFilter | None = strawberry.field(
        default=None, description="Time range on created at."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *enum_conditions(Dataset.status, self.status),
            *enum_conditions(Dataset.visibility, self.visibility),
            *key_conditions(Dataset.customer_id, self.owner_id, int),
            *key_conditions(Dataset.workspace_id, self.workspace_id, int),
            *string_conditions(Dataset.name, self.name),
            *datetime_conditions(Dataset.created_at, self.created_at),
        ]


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
class DatasetVersionWhere:
    dataset_id: KeyFilter | None = strawberry.field(
        default=None, description="Match the dataset id (one key or a list)."
    )
    version: StringFilter | None = strawberry.field(
        default=None, description="Version label (indexed together with the dataset)."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *key_conditions(DatasetVersion.dataset_id, self.dataset_id, int),
            *string_conditions(DatasetVersion.version, self.version),
        ]


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
class ModelWhere:
    framework: StringFilter | None = strawberry.field(
        default=None, description="pytorch, tensorflow, onnx, ... (indexed)."
    )
    owner_id: KeyFilter | None = strawberry.field(
        default=None, description="Owner (models.customer_id)."
    )
    workspace_id: KeyFilter | None = strawberry.field(
        default=None, description="Match the workspace id (one key or a list)."
    )
    status: EnumFilter[StorageStatus] | None = strawberry.field(
        default=None, description="Match the status (one value or a list)."
    )
    visibility: EnumFilter[StorageVisibility] | None = strawberry.field(
        default=None, description="Match the visibility (one value or a list)."
    )
    name: StringFilter | None = strawberry.field(
        default=None, description="Match the name text (exact, list, prefix or substring)."
    )
    created_at: DateTimeFilter | None = strawberry.field(
        default=None, description="Time range on created at."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *string_conditions(MlModel.framework, self.framework),
            *key_conditions(MlModel.customer_id, self.owner_id, int),
            *key_conditions(MlModel.workspace_id, self.workspace_id, int),
            *enum_conditions(MlModel.status, self.status),
            *enum_conditions(MlModel.visibility, self.visibility),
            *string_conditions(MlModel.name, self.name),
            *datetime_conditions(MlModel.created_at, self.created_at),
        ]


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
class ModelVersionWhere:
    model_id: KeyFilter | None = strawberry.field(
        default=None, description="Match the model id (one key or a list)."
    )
    version: StringFilter | None = strawberry.field(
        default=None, description="Version label (indexed together with the model)."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *key_conditions(MlModelVersion.model_id, self.model_id, int),
            *string_conditions(MlModelVersion.version, self.version),
        ]


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
class ImageWhere:
    status: EnumFilter[ImageStatus] | None = strawberry.field(
        default=None, description="Match the status (one value or a list)."
    )
    category: StringFilter | None = strawberry.field(
        default=None, description="base, pytorch, tensorflow, custom, ..."
    )
    framework: StringFilter | None = strawberry.field(
        default=None, description="Match the framework text (exact, list, prefix or substring)."
    )
    is_official: bool | None = strawberry.field(
        default=None, description="Only rows whose is official is this value."
    )
    name: StringFilter | None = strawberry.field(
        default=None, description="Image reference (unique)."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        conds = [
            *enum_conditions(Image.status, self.status),
            *string_conditions(Image.category, self.category),
            *string_conditions(Image.framework, self.framework),
            *string_conditions(Image.name, self.name),
        ]
        if self.is_official is not None:
            conds.append(Image.is_official == self.is_official)
        return conds


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
class ArtifactWhere:
    type: EnumFilter[ArtifactType] | None = strawberry.field(
        default=None, description="Match the type (one value or a list)."
    )
    owner_id: KeyFilter | None = strawberry.field(
        default=None, description="Owner (artifacts.customer_id)."
    )
    workspace_id: KeyFilter | None = strawberry.field(
        default=None, description="Match the workspace id (one key or a list)."
    )
    source_type: EnumFilter[ArtifactSourceType] | None = strawberry.field(
        default=None, description="Match the source type (one value or a list)."
    )
    source_id: KeyFilter | None = strawberry.field(
        default=None, description="Key of the producing job, service or environment."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *enum_conditions(Artifact.type, self.type),
            *key_conditions(Artifact.customer_id, self.owner_id, int),
            *key_conditions(Artifact.workspace_id, self.workspace_id, int),
            *enum_conditions(Artifact.source_type, self.source_type),
            *key_conditions(Artifact.source_id, self.source_id),
        ]


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


@strawberry.input(description="Filter dataset mounts (dataset_usage).")
class DatasetMountWhere:
    env_id: KeyFilter | None = strawberry.field(default=None, description="Environment key.")
    dataset_id: KeyFilter | None = strawberry.field(
        default=None, description="Match the dataset id (one key or a list)."
    )
    open: bool | None = strawberry.field(
        default=None, description="true: still mounted (unmounted_at is null); false: ended."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        conds = [
            *key_conditions(DatasetUsage.env_id, self.env_id),
            *key_conditions(DatasetUsage.dataset_id, self.dataset_id, int),
        ]
        if self.open is not None:
            unmounted = DatasetUsage.unmounted_at
            conds.append(unmounted.is_(None) if self.open else unmounted.is_not(None))
        return conds


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
