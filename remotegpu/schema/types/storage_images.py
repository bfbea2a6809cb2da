"""Types of the `storage` area for container images: Image.

Import it from `remotegpu.schema.types.storage`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from remotegpu.db import models as m
from remotegpu.schema.connections import child_connection
from remotegpu.schema.enums import ImageStatus
from remotegpu.schema.node import Node
from remotegpu.schema.pagination import Connection
from remotegpu.schema.scalars import BigInt
from remotegpu.schema.types.base import col, from_row, table_doc
from remotegpu.schema.types.storage_datasets import EnvironmentT, Info

if TYPE_CHECKING:
    from remotegpu.schema.inputs.environments import EnvironmentOrder, EnvironmentWhere

EnvironmentWhereT = Annotated[
    "EnvironmentWhere", strawberry.lazy("remotegpu.schema.inputs.environments")
]
EnvironmentOrderT = Annotated[
    "EnvironmentOrder", strawberry.lazy("remotegpu.schema.inputs.environments")
]


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

    @strawberry.field(description="Environments started from this image, visible to the viewer.")
    async def environments(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: EnvironmentWhereT | None = None,
        order_by: EnvironmentOrderT | None = None,
    ) -> Connection[EnvironmentT]:
        from remotegpu.schema.inputs.environments import ENVIRONMENT_ORDERINGS, EnvironmentOrder
        from remotegpu.schema.types.environments import Environment

        loaders = info.context.loaders.environments
        return await child_connection(
            info.context,
            loaders.environments_page_by_image,
            loaders.environments_count_by_image,
            self.name,
            Environment.from_row,
            ENVIRONMENT_ORDERINGS[order_by or next(iter(EnvironmentOrder))],
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @classmethod
    def from_row(cls, row: m.Image) -> Image:
        return from_row(cls, row)
