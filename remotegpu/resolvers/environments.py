"""Root fields of the `environments` area: environments, one environment, port mappings."""

from __future__ import annotations

from typing import Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import Environment as EnvironmentRow
from remotegpu.db.models import PortMapping as PortMappingRow
from remotegpu.loaders.environments import visible_environments, visible_port_mappings
from remotegpu.schema.entities import node_for_id_argument
from remotegpu.schema.inputs.environments import (
    ENVIRONMENT_ORDERINGS,
    PORT_MAPPING_ORDERINGS,
    EnvironmentOrder,
    EnvironmentWhere,
    PortMappingOrder,
    PortMappingWhere,
)
from remotegpu.schema.node import id_argument_description
from remotegpu.schema.relations import root_connection_field, root_lookup
from remotegpu.schema.types.environments import Environment, PortMapping

Info = strawberry.Info[Context, None]


_ENVIRONMENT_ID = Annotated[
    str, strawberry.argument(description=id_argument_description("environmentByRowId"))
]
_ROW_ID = Annotated[str, strawberry.argument(description="The table key (`rowId`).")]


@strawberry.type
class EnvironmentsQuery:
    environments = root_connection_field(
        Environment,
        EnvironmentRow,
        visible_environments,
        ENVIRONMENT_ORDERINGS,
        EnvironmentWhere,
        default=EnvironmentOrder.CREATED_AT_DESC,
        description="Environments (admins: all; agents: those on their host; customers: their "
        "own).",
    )

    @strawberry.field(description="One environment by its global ID, if visible.")
    async def environment(
        self,
        info: Info,
        id: _ENVIRONMENT_ID,
    ) -> Environment | None:
        return await node_for_id_argument(info.context, Environment, id)

    environment_by_row_id = root_lookup(
        Environment,
        "environments.environment_by_id",
        "row_id",
        _ROW_ID,
        description="One environment by its table key (`rowId`), if visible.",
    )

    port_mappings = root_connection_field(
        PortMapping,
        PortMappingRow,
        visible_port_mappings,
        PORT_MAPPING_ORDERINGS,
        PortMappingWhere,
        default=PortMappingOrder.EXTERNAL_PORT_ASC,
        description="Port mappings of the environments the viewer may see.",
    )
