"""Filters and orderings of the `hosts` area."""

from __future__ import annotations

from enum import Enum

import strawberry
from sqlalchemy import ColumnElement

from remotegpu.db.models import Gpu, Host
from remotegpu.loaders.paging import BadUserInputError, Ordering
from remotegpu.schema.enums import GpuStatus, HostHealthStatus, HostStatus, OsType
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    StringFilter,
)
from remotegpu.schema.inputs.filters import Where, filter_by, filter_on
from remotegpu.schema.scalars import JSON


def _labels_contain(labels: JSON) -> ColumnElement[bool]:
    # Any JSON passes the scalar, but `@>` on labels is bound as JSONB only for an object: a
    # string or number would reach PostgreSQL as text and fail there.
    if not isinstance(labels, dict):
        raise BadUserInputError("`where`: labelsContain must be a JSON object")
    return Host.labels.contains(labels)


@strawberry.input(description="Filter hosts (every field is an indexed column).")
class HostWhere(Where):
    status: EnumFilter[HostStatus] | None = filter_on(
        Host.status, "Match the status (one value or a list)."
    )
    health_status: EnumFilter[HostHealthStatus] | None = filter_on(
        Host.health_status, "Match the health status (one value or a list)."
    )
    os_type: EnumFilter[OsType] | None = filter_on(
        Host.os_type, "Match the os type (one value or a list)."
    )
    name: StringFilter | None = filter_on(
        Host.name, "Match the name text (exact, list, prefix or substring)."
    )
    region: str | None = filter_on(Host.labels["region"].astext, "labels->>'region'.")
    labels_contain: JSON | None = filter_by(
        _labels_contain, "Hosts whose labels contain this JSON object (GIN, `@>`)."
    )
    created_at: DateTimeFilter | None = filter_on(Host.created_at, "Time range on created at.")


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
class GpuWhere(Where):
    status: EnumFilter[GpuStatus] | None = filter_on(
        Gpu.status, "Match the status (one value or a list)."
    )
    health_status: EnumFilter[HostHealthStatus] | None = filter_on(
        Gpu.health_status, "Match the health status (one value or a list)."
    )
    name: StringFilter | None = filter_on(Gpu.name, "GPU model name.")
    host_id: StringFilter | None = filter_on(
        Gpu.host_id, "Match the host id text (exact, list, prefix or substring)."
    )


@strawberry.enum(description="Orderings of GPUs.")
class GpuOrder(Enum):
    ID_ASC = "id_asc"
    HOST_AND_INDEX = "host_and_index"


GPU_ORDERINGS: dict[GpuOrder, Ordering] = {
    GpuOrder.ID_ASC: Ordering("id", (Gpu.id,)),
    GpuOrder.HOST_AND_INDEX: Ordering("host_index", (Gpu.host_id, Gpu.gpu_index, Gpu.id)),
}
