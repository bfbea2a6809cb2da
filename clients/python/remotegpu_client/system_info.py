from pydantic import Field

from .base_model import BaseModel


class SystemInfo(BaseModel):
    system_info: "SystemInfoSystemInfo" = Field(alias="systemInfo")


class SystemInfoSystemInfo(BaseModel):
    name: str
    version: str
    api_version: str = Field(alias="apiVersion")


SystemInfo.model_rebuild()
