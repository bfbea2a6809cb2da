from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class DatasetVersionCreate(BaseModel):
    dataset_version_create: "DatasetVersionCreateDatasetVersionCreate" = Field(
        alias="datasetVersionCreate"
    )


class DatasetVersionCreateDatasetVersionCreate(BaseModel):
    dataset_version: Optional[
        "DatasetVersionCreateDatasetVersionCreateDatasetVersion"
    ] = Field(alias="datasetVersion")
    errors: list["DatasetVersionCreateDatasetVersionCreateErrors"]


class DatasetVersionCreateDatasetVersionCreateDatasetVersion(BaseModel):
    id: str
    version: str
    size: Optional[int]
    created_at: Optional[datetime] = Field(alias="createdAt")


class DatasetVersionCreateDatasetVersionCreateErrors(BaseModel):
    field: Optional[list[str]]
    code: ErrorCode
    message: str


DatasetVersionCreate.model_rebuild()
DatasetVersionCreateDatasetVersionCreate.model_rebuild()
