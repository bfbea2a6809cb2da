"""Root fields of the `environments` area: environments, one environment, port mappings."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import Environment as EnvironmentRow
from remotegpu.db.models import PortMapping as PortMappingRow
from remotegpu.loaders.environments import visible_environments, visible_port_mappings
from remotegpu.schema.connections import root_connection
from remotegpu.schema.inputs.environments import (
    ENVIRONMENT_ORDERINGS,
    PORT_MAPPING_ORDERINGS,
    EnvironmentOrder,
    EnvironmentWhere,
    PortMappingOrder,
    PortMappingWhere,
)
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.environments import Environment, PortMapping

Info = strawberry.Info[Context, None]


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

    @strawberry.field(description="One environment by its key (environments.id), if visible.")
    async def environment(self, info: Info, id: str) -> Environment | None:
        row = await info.context.loaders.environments.environment_by_id.load(id)
        return None if row is None else Environment.from_row(row)

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
