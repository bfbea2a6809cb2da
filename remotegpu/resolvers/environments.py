"""Root fields of the `environments` area: environments, one environment, port mappings."""

from __future__ import annotations

from typing import Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import Environment as EnvironmentRow
from remotegpu.db.models import PortMapping as PortMappingRow
from remotegpu.loaders.environments import visible_environments, visible_port_mappings
from remotegpu.schema.connections import root_connection
from remotegpu.schema.entities import row_key_from_id
from remotegpu.schema.inputs.environments import (
    ENVIRONMENT_ORDERINGS,
    PORT_MAPPING_ORDERINGS,
    EnvironmentOrder,
    EnvironmentWhere,
    PortMappingOrder,
    PortMappingWhere,
)
from remotegpu.schema.node import id_argument_description
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.environments import Environment, PortMapping

Info = strawberry.Info[Context, None]


_ENVIRONMENT_ID = Annotated[
    str, strawberry.argument(description=id_argument_description("environmentByRowId"))
]
_ROW_ID = Annotated[str, strawberry.argument(description="The table key (`rowId`).")]


@strawberry.type
class EnvironmentsQuery:
    @strawberry.field(
        description="Environments (admins: all; agents: those on their host; customers: their own)."
    )
    async def environments(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: EnvironmentWhere | None = None,
        order_by: EnvironmentOrder = EnvironmentOrder.CREATED_AT_DESC,
    ) -> Connection[Environment]:
        return await root_connection(
            info.context,
            EnvironmentRow,
            visible_environments,
            Environment.from_row,
            ENVIRONMENT_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="One environment by its global ID, if visible.")
    async def environment(
        self,
        info: Info,
        id: _ENVIRONMENT_ID,
    ) -> Environment | None:
        key = row_key_from_id(id, "Environment")
        return None if key is None else await _environment_by_key(info, key)

    @strawberry.field(description="One environment by its table key (`rowId`), if visible.")
    async def environment_by_row_id(
        self,
        info: Info,
        row_id: _ROW_ID,
    ) -> Environment | None:
        return await _environment_by_key(info, row_id)

    @strawberry.field(description="Port mappings of the environments the viewer may see.")
    async def port_mappings(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: PortMappingWhere | None = None,
        order_by: PortMappingOrder = PortMappingOrder.EXTERNAL_PORT_ASC,
    ) -> Connection[PortMapping]:
        return await root_connection(
            info.context,
            PortMappingRow,
            visible_port_mappings,
            PortMapping.from_row,
            PORT_MAPPING_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )


async def _environment_by_key(info: Info, key: str) -> Environment | None:
    row = await info.context.loaders.environments.environment_by_id.load(key)
    return None if row is None else Environment.from_row(row)
