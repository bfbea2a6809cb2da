"""Filters and orderings of the `hosts` area."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from sqlalchemy import ColumnElement

from remotegpu.db.models import Gpu, Host
from remotegpu.loaders.paging import BadUserInputError, Ordering
from remotegpu.schema.enums import GpuStatus, HostHealthStatus, HostStatus, OsType
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    StringFilter,
    datetime_conditions,
    enum_conditions,
    string_conditions,
)
from remotegpu.schema.scalars import JSON


@strawberry.input(description="Filter hosts (every field is an indexed column).")
class HostWhere:
    status: EnumFilter[HostStatus] | None = strawberry.field(
        default=None, description="Match the status (one value or a list)."
    )
    health_status: EnumFilter[HostHealthStatus] | None = strawberry.field(
        default=None, description="Match the health status (one value or a list)."
    )
    os_type: EnumFilter[OsType] | None = strawberry.field(
        default=None, description="Match the os type (one value or a list)."
    )
    name: StringFilter | None = strawberry.field(
        default=None, description="Match the name text (exact, list, prefix or substring)."
    )
    region: str | None = strawberry.field(default=None, description="labels->>'region'.")
    labels_contain: JSON | None = strawberry.field(
        default=None, description="Hosts whose labels contain this JSON object (GIN, `@>`)."
    )
    created_at: DateTimeFilter | None = strawberry.field(
        default=None, description="Time range on created at."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        conds = [
            *enum_conditions(Host.status, self.status),
            *enum_conditions(Host.health_status, self.health_status),
            *enum_conditions(Host.os_type, self.os_type),
            *string_conditions(Host.name, self.name),
            *datetime_conditions(Host.created_at, self.created_at),
        ]
        if self.region is not None:
            conds.append(Host.labels["region"].astext == self.region)
        if self.labels_contain is not None:
            # Any JSON passes the scalar, but `@>` on labels is bound as JSONB only for an
            # object: a string or number would reach PostgreSQL as text and fail there.
            if not isinstance(self.labels_contain, dict):
                raise BadUserInputError("`where`: labelsContain must be a JSON object")
            conds.append(Host.labels.contains(self.labels_contain))
        return conds


@strawberry.enum(description="Orderings of hosts.")
class HostOrder(Enum):
    ID_ASC = "id_asc"
    NAME_ASC = "name_asc"
    CREATED_AT_DESC = "created_at_desc"


HOST_ORDERINGS: dict[HostOrder, Ordering] = {
    HostOrder.ID_ASC: Ordering("id", (Host.id,)),
    HostOrder.NAME_ASC: Ordering("name", (Host.name, Host.id)),
    HostOrder.CREATED_AT_DESC: Ordering("created", (Host.created_at, Host.id), descending=True),
}


@strawberry.input(description="Filter GPUs.")
class GpuWhere:
    status: EnumFilter[GpuStatus] | None = strawberry.field(
        default=None, description="Match the status (one value or a list)."
    )
    health_status: EnumFilter[HostHealthStatus] | None = strawberry.field(
        default=None, description="Match the health status (one value or a list)."
    )
    name: StringFilter | None = strawberry.field(default=None, description="GPU model name.")
    host_id: StringFilter | None = strawberry.field(
        default=None, description="Match the host id text (exact, list, prefix or substring)."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *enum_conditions(Gpu.status, self.status),
            *enum_conditions(Gpu.health_status, self.health_status),
            *string_conditions(Gpu.name, self.name),
            *string_conditions(Gpu.host_id, self.host_id),
        ]


@strawberry.enum(description="Orderings of GPUs.")
class GpuOrder(Enum):
    ID_ASC = "id_asc"
    HOST_AND_INDEX = "host_and_index"


GPU_ORDERINGS: dict[GpuOrder, Ordering] = {
    GpuOrder.ID_ASC: Ordering("id", (Gpu.id,)),
    GpuOrder.HOST_AND_INDEX: Ordering("host_index", (Gpu.host_id, Gpu.gpu_index, Gpu.id)),
}


def conditions_of(where: Any) -> list[ColumnElement[bool]]:
    return [] if where is None else list(where.conditions())
