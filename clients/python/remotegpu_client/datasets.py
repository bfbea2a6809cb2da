from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import StorageType


class Datasets(BaseModel):
    datasets: "DatasetsDatasets"


class DatasetsDatasets(BaseModel):
    nodes: list["DatasetsDatasetsNodes"]
    total_count: int = Field(alias="totalCount")


class DatasetsDatasetsNodes(BaseModel):
    id: str
    row_id: int = Field(alias="rowId")
    name: str
    total_size: Optional[int] = Field(alias="totalSize")
    storage_type: Optional[StorageType] = Field(alias="storageType")


Datasets.model_rebuild()
DatasetsDatasets.model_rebuild()
