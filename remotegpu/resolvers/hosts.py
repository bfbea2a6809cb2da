"""Root fields of the `hosts` area: the fleet, one host, GPUs, and GPU availability."""

from __future__ import annotations

from typing import Annotated

import strawberry
from sqlalchemy import case, func, select

from remotegpu.context import Context
from remotegpu.db.models import Gpu as GpuRow
from remotegpu.db.models import Host as HostRow
from remotegpu.loaders.hosts import visible_gpus, visible_hosts
from remotegpu.schema.entities import node_for_id_argument
from remotegpu.schema.inputs.hosts import (
    GPU_ORDERINGS,
    HOST_ORDERINGS,
    GpuOrder,
    GpuWhere,
    HostOrder,
    HostWhere,
)
from remotegpu.schema.node import id_argument_description
from remotegpu.schema.relations import root_connection_field, root_lookup
from remotegpu.schema.types.hosts import Gpu, Host

Info = strawberry.Info[Context, None]


@strawberry.type(description="Free and total GPUs of one model in one region.")
class GpuAvailability:
    gpu_model: str = strawberry.field(description="GPU model name, e.g. NVIDIA A100 80GB.")
    region: str | None = strawberry.field(description="Region (labels->>'region').")
    total: int = strawberry.field(description="GPUs of this model on online, healthy hosts.")
    free: int = strawberry.field(description="Of those, available and healthy right now.")


_HOST_ID = Annotated[str, strawberry.argument(description=id_argument_description("hostByRowId"))]
_ROW_ID = Annotated[str, strawberry.argument(description="The table key (`rowId`).")]


@strawberry.type
class HostsQuery:
    hosts = root_connection_field(
        Host,
        HostRow,
        visible_hosts,
        HOST_ORDERINGS,
        HostWhere,
        default=HostOrder.ID_ASC,
        description="Hosts of the fleet (admins: all; others: what they may see).",
    )

    @strawberry.field(description="One host by its global ID, if visible.")
    async def host(
        self,
        info: Info,
        id: _HOST_ID,
    ) -> Host | None:
        return await node_for_id_argument(info.context, Host, id)

    host_by_row_id = root_lookup(
        Host,
        "hosts.host_by_id",
        "row_id",
        _ROW_ID,
        description="One host by its table key (`rowId`), if visible.",
    )

    gpus = root_connection_field(
        Gpu,
        GpuRow,
        visible_gpus,
        GPU_ORDERINGS,
        GpuWhere,
        default=GpuOrder.ID_ASC,
        description="GPUs (admins: all; agents: their host's; customers: held).",
    )

    @strawberry.field(
        description="The GPU catalogue per model and region: total and free. Readable by any "
        "logged-in customer; reveals no host details."
    )
    async def gpu_availability(self, info: Info) -> list[GpuAvailability]:
        if not info.context.viewer.is_authenticated:
            return []
        region = HostRow.labels["region"].astext
        free = case(
            ((GpuRow.status == "available") & (GpuRow.health_status == "healthy"), 1), else_=0
        )
        stmt = (
            select(GpuRow.name, region, func.count(), func.sum(free))
            .join(HostRow, HostRow.id == GpuRow.host_id)
            .where(HostRow.status == "online", HostRow.health_status == "healthy")
            .group_by(GpuRow.name, region)
            .order_by(GpuRow.name, region)
        )
        async with info.context.sessions() as session:
            rows = (await session.execute(stmt)).all()
        return [
            GpuAvailability(gpu_model=name or "unknown", region=reg, total=total, free=int(n or 0))
            for name, reg, total, n in rows
        ]
