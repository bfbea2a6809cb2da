"""Types of the `storage` area for container images: Image.

Import it from `remotegpu.schema.types.storage`.
"""

from __future__ import annotations

from datetime import datetime

import strawberry

from remotegpu.db import models as m
from remotegpu.schema.enums import ImageStatus
from remotegpu.schema.inputs.environments import ENVIRONMENT_ORDERINGS, EnvironmentWhere
from remotegpu.schema.node import Node
from remotegpu.schema.relations import children
from remotegpu.schema.scalars import BigInt
from remotegpu.schema.types.base import col, from_row, table_doc
from remotegpu.schema.types.storage_datasets import EnvironmentT

IM = "images"


@strawberry.type(description=table_doc(IM))
class Image(Node):
    row_id: int = col(IM, "id")
    name: str = col(IM, "name")
    display_name: str | None = col(IM, "display_name")
    description: str | None = col(IM, "description")
    category: str | None = col(IM, "category")
    framework: str | None = col(IM, "framework")
    framework_version: str | None = col(IM, "framework_version")
    cuda_version: str | None = col(IM, "cuda_version")
    python_version: str | None = col(IM, "python_version")
    is_official: bool | None = col(IM, "is_official")
    size: BigInt | None = col(IM, "size")
    registry_url: str | None = col(IM, "registry_url")
    status: ImageStatus | None = col(IM, "status")
    created_at: datetime | None = col(IM, "created_at")
    updated_at: datetime | None = col(IM, "updated_at")

    environments = children(
        EnvironmentT,
        "environments.environments_page_by_image",
        ENVIRONMENT_ORDERINGS,
        EnvironmentWhere,
        nullable=True,
        via="name",
        description="Environments started from this image, visible to the viewer.",
    )

    @classmethod
    def from_row(cls, row: m.Image) -> Image:
        return from_row(cls, row)
