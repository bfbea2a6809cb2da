"""`node` / `nodes`: any object by its global ID, with the same visibility as everywhere."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.loaders.paging import BadUserInputError
from remotegpu.schema.node import Node, resolve_nodes

Info = strawberry.Info[Context, None]


@strawberry.type
class NodeQuery:
    @strawberry.field(description="Any object by its global ID; null if missing or not visible.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        found = await resolve_nodes(info.context, [id])
        return found[0]

    @strawberry.field(description="Objects by global IDs, in order; null where not visible.")
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        if len(ids) > info.context.settings.page_size_max:
            raise BadUserInputError(f"at most {info.context.settings.page_size_max} ids per call")
        return await resolve_nodes(info.context, ids)
