"""`node` / `nodes`: any object by its global ID, with the same visibility as everywhere."""

from __future__ import annotations

from typing import Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.loaders.paging import BadUserInputError
from remotegpu.schema.entities import resolve_nodes
from remotegpu.schema.node import Node

Info = strawberry.Info[Context, None]


_GLOBAL_ID = Annotated[
    strawberry.ID, strawberry.argument(description="A global ID (the `id` of any object).")
]
_GLOBAL_IDS = Annotated[
    list[strawberry.ID],
    strawberry.argument(description="Global IDs, at most the page cap (100) of them."),
]


@strawberry.type
class NodeQuery:
    @strawberry.field(description="Any object by its global ID; null if missing or not visible.")
    async def node(self, info: Info, id: _GLOBAL_ID) -> Node | None:
        found = await resolve_nodes(info.context, [id])
        return found[0]

    @strawberry.field(description="Objects by global IDs, in order; null where not visible.")
    async def nodes(self, info: Info, ids: _GLOBAL_IDS) -> list[Node | None]:
        if len(ids) > info.context.settings.page_size_max:
            raise BadUserInputError(f"at most {info.context.settings.page_size_max} ids per call")
        return await resolve_nodes(info.context, ids)
