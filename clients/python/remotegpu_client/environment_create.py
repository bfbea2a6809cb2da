from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import EnvironmentStatus, ErrorCode


class EnvironmentCreate(BaseModel):
    environment_create: "EnvironmentCreateEnvironmentCreate" = Field(
        alias="environmentCreate"
    )


class EnvironmentCreateEnvironmentCreate(BaseModel):
    environment: Optional["EnvironmentCreateEnvironmentCreateEnvironment"]
    errors: list["EnvironmentCreateEnvironmentCreateErrors"]


class EnvironmentCreateEnvironmentCreateEnvironment(BaseModel):
    id: str
    row_id: str = Field(alias="rowId")
    name: str
    status: Optional[EnvironmentStatus]


class EnvironmentCreateEnvironmentCreateErrors(BaseModel):
    field: Optional[list[str]]
    code: ErrorCode
    message: str


EnvironmentCreate.model_rebuild()
EnvironmentCreateEnvironmentCreate.model_rebuild()
