from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import EnvironmentStatus, PortServiceType


class Environments(BaseModel):
    environments: "EnvironmentsEnvironments"


class EnvironmentsEnvironments(BaseModel):
    nodes: list["EnvironmentsEnvironmentsNodes"]
    page_info: "EnvironmentsEnvironmentsPageInfo" = Field(alias="pageInfo")


class EnvironmentsEnvironmentsNodes(BaseModel):
    id: str
    row_id: str = Field(alias="rowId")
    name: str
    status: Optional[EnvironmentStatus]
    memory: int
    created_at: Optional[datetime] = Field(alias="createdAt")
    host: Optional["EnvironmentsEnvironmentsNodesHost"]
    port_mappings: "EnvironmentsEnvironmentsNodesPortMappings" = Field(
        alias="portMappings"
    )


class EnvironmentsEnvironmentsNodesHost(BaseModel):
    name: str


class EnvironmentsEnvironmentsNodesPortMappings(BaseModel):
    nodes: list["EnvironmentsEnvironmentsNodesPortMappingsNodes"]


class EnvironmentsEnvironmentsNodesPortMappingsNodes(BaseModel):
    service_type: PortServiceType = Field(alias="serviceType")
    external_port: int = Field(alias="externalPort")


class EnvironmentsEnvironmentsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


Environments.model_rebuild()
EnvironmentsEnvironments.model_rebuild()
EnvironmentsEnvironmentsNodes.model_rebuild()
EnvironmentsEnvironmentsNodesPortMappings.model_rebuild()
