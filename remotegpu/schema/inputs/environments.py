"""Filters and orderings of the `environments` area."""

from __future__ import annotations

from enum import Enum

import strawberry
from sqlalchemy import ColumnElement

from remotegpu.db.models import Environment, PortMapping
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.enums import EnvironmentStatus, PortMappingStatus, PortServiceType
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    KeyFilter,
    StringFilter,
    datetime_conditions,
    enum_conditions,
    key_conditions,
    string_conditions,
)


@strawberry.input(description="Filter environments (every field is an indexed column).")
class EnvironmentWhere:
    status: EnumFilter[EnvironmentStatus] | None = strawberry.field(
        default=None, description="Match the status (one value or a list)."
    )
    owner_id: KeyFilter | None = strawberry.field(
        default=None, description="Owning customer (environments.user_id)."
    )
    host_id: KeyFilter | None = strawberry.field(
        default=None, description="Host the environment is placed on."
    )
    image: StringFilter | None = strawberry.field(
        default=None, description="Image reference (images.name)."
    )
    name: StringFilter | None = strawberry.field(
        default=None, description="Match the name text (exact, list, prefix or substring)."
    )
    created_at: DateTimeFilter | None = strawberry.field(
        default=None, description="Time range on created at."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *enum_conditions(Environment.status, self.status),
            *key_conditions(Environment.user_id, self.owner_id, int),
            *key_conditions(Environment.host_id, self.host_id),
            *string_conditions(Environment.image, self.image),
            *string_conditions(Environment.name, self.name),
            *datetime_conditions(Environment.created_at, self.created_at),
        ]


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
class PortMappingWhere:
    status: EnumFilter[PortMappingStatus] | None = strawberry.field(
        default=None, description="Match the status (one value or a list)."
    )
    service_type: EnumFilter[PortServiceType] | None = strawberry.field(
        default=None, description="Match the service type (one value or a list)."
    )
    env_id: KeyFilter | None = strawberry.field(
        default=None, description="Environment the port is mapped to."
    )
    external_port: int | None = strawberry.field(
        default=None, description="External gateway port equal to."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        conds = [
            *enum_conditions(PortMapping.status, self.status),
            *enum_conditions(PortMapping.service_type, self.service_type),
            *key_conditions(PortMapping.env_id, self.env_id),
        ]
        if self.external_port is not None:
            conds.append(PortMapping.external_port == self.external_port)
        return conds


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
