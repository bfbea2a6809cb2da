"""Filters and orderings of the `environments` area."""

from __future__ import annotations

from enum import Enum

import strawberry

from remotegpu.db.models import Environment, PortMapping
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.enums import EnvironmentStatus, PortMappingStatus, PortServiceType
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    KeyFilter,
    StringFilter,
)
from remotegpu.schema.inputs.filters import Where, filter_on


@strawberry.input(description="Filter environments (every field is an indexed column).")
class EnvironmentWhere(Where):
    status: EnumFilter[EnvironmentStatus] | None = filter_on(
        Environment.status, "Match the status (one value or a list)."
    )
    owner_id: KeyFilter | None = filter_on(
        Environment.user_id, "Owning customer (environments.user_id)."
    )
    host_id: KeyFilter | None = filter_on(Environment.host_id, "Host the environment is placed on.")
    image: StringFilter | None = filter_on(Environment.image, "Image reference (images.name).")
    name: StringFilter | None = filter_on(
        Environment.name, "Match the name text (exact, list, prefix or substring)."
    )
    created_at: DateTimeFilter | None = filter_on(
        Environment.created_at, "Time range on created at."
    )


@strawberry.enum(description="Orderings of environments.")
class EnvironmentOrder(Enum):
    CREATED_AT_DESC = "created_at_desc"
    CREATED_AT_ASC = "created_at_asc"
    NAME_ASC = "name_asc"
    ID_ASC = "id_asc"


ENVIRONMENT_ORDERINGS: dict[EnvironmentOrder, Ordering] = {
    EnvironmentOrder.CREATED_AT_DESC: Ordering(
        "created_desc", (Environment.created_at, Environment.id), descending=True
    ),
    EnvironmentOrder.CREATED_AT_ASC: Ordering(
        "created_asc", (Environment.created_at, Environment.id)
    ),
    EnvironmentOrder.NAME_ASC: Ordering("name", (Environment.name, Environment.id)),
    EnvironmentOrder.ID_ASC: Ordering("id", (Environment.id,)),
}


@strawberry.input(description="Filter port mappings (every field is an indexed column).")
class PortMappingWhere(Where):
    status: EnumFilter[PortMappingStatus] | None = filter_on(
        PortMapping.status, "Match the status (one value or a list)."
    )
    service_type: EnumFilter[PortServiceType] | None = filter_on(
        PortMapping.service_type, "Match the service type (one value or a list)."
    )
    env_id: KeyFilter | None = filter_on(PortMapping.env_id, "Environment the port is mapped to.")
    external_port: int | None = filter_on(
        PortMapping.external_port, "External gateway port equal to."
    )


@strawberry.enum(description="Orderings of port mappings.")
class PortMappingOrder(Enum):
    EXTERNAL_PORT_ASC = "external_port_asc"
    ALLOCATED_AT_DESC = "allocated_at_desc"
    ID_ASC = "id_asc"


PORT_MAPPING_ORDERINGS: dict[PortMappingOrder, Ordering] = {
    PortMappingOrder.EXTERNAL_PORT_ASC: Ordering(
        "external_port", (PortMapping.external_port, PortMapping.id)
    ),
    PortMappingOrder.ALLOCATED_AT_DESC: Ordering(
        "allocated_desc", (PortMapping.allocated_at, PortMapping.id), descending=True
    ),
    PortMappingOrder.ID_ASC: Ordering("id", (PortMapping.id,)),
}
