from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class Viewer(BaseModel):
    viewer: Optional["ViewerViewer"]


class ViewerViewer(BaseModel):
    id: str
    row_id: int = Field(alias="rowId")
    username: str


Viewer.model_rebuild()
