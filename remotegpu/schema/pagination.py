"""Relay connection types: the GraphQL face of loaders/paging.py."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

import strawberry
from graphql import GraphQLInterfaceType, GraphQLObjectType, GraphQLSchema

from remotegpu.loaders.paging import Ordering, Page, encode_cursor

NodeT = TypeVar("NodeT")
RowT = TypeVar("RowT")


@strawberry.type(description="Where a page sits in the whole list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow `endCursor`.")
    has_previous_page: bool = strawberry.field(description="Items precede `startCursor`.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first edge.")
    end_cursor: str | None = strawberry.field(description="Cursor of the last edge.")


@strawberry.type(description="An item of a connection, with its cursor.")
class Edge(Generic[NodeT]):
    cursor: str = strawberry.field(description="Opaque position; pass to `after`/`before`.")
    node: NodeT = strawberry.field(description="The item.")


@strawberry.type(description="A page of a list, Relay style.")
class Connection(Generic[NodeT]):
    page_info: PageInfo = strawberry.field(description="Paging state.")
    # Rows are turned into objects once, and cursors are encoded only when `edges` is
    # selected: `nodes { ... }` pages (the common case) pay for neither twice.
    _rows: strawberry.Private[list[Any]]
    _ordering: strawberry.Private[Ordering]
    _convert: strawberry.Private[Callable[[Any], Any]]
    _count: strawberry.Private[Callable[[], Awaitable[int]]]
    _nodes: strawberry.Private[list[Any] | None] = None

    def _objects(self) -> list[Any]:
        if self._nodes is None:
            self._nodes = [self._convert(row) for row in self._rows]
        return self._nodes

    @strawberry.field(description="The items with their cursors.")
    def edges(self) -> list[Edge[NodeT]]:
        return [
            Edge(cursor=encode_cursor(self._ordering, row), node=node)
            for row, node in zip(self._rows, self._objects(), strict=True)
        ]

    @strawberry.field(description="The items of this page, without cursors.")
    def nodes(self) -> list[NodeT]:
        return self._objects()

    @strawberry.field(description="Items in the whole list; computed only when asked for.")
    async def total_count(self) -> int:
        return await self._count()


def build_connection(
    page: Page[RowT],
    ordering: Ordering,
    convert: Callable[[RowT], NodeT],
    count: Callable[[], Awaitable[int]],
) -> Connection[NodeT]:
    rows = page.rows
    info = PageInfo(
        has_next_page=page.has_next,
        has_previous_page=page.has_previous,
        start_cursor=encode_cursor(ordering, rows[0]) if rows else None,
        end_cursor=encode_cursor(ordering, rows[-1]) if rows else None,
    )
    return Connection(
        page_info=info, _rows=list(rows), _ordering=ordering, _convert=convert, _count=count
    )


# Arguments that every connection field (and every mutation) repeats, described once here
# rather than in each of the ~80 resolvers that declare them; api.py applies them to every
# field of the assembled schema whose argument of that name has no description of its own.
REPEATED_ARGUMENTS: dict[str, str] = {
    "first": "Page from the start: at most this many items after `after`. Defaults to the "
    "server's page size (20 unless configured); over the page cap (100) is an error.",
    "after": "Cursor (`endCursor` or an edge's `cursor`): the page starts after this item.",
    "last": "Page from the end: at most this many items before `before` (same cap as "
    "`first`); when both are given, `last` wins.",
    "before": "Cursor (`startCursor` or an edge's `cursor`): the page ends before this item.",
    "where": "Filter: only items matching every condition given (conditions are ANDed; an "
    "omitted condition does not filter).",
    "orderBy": "Sort order. Ties are broken by the table key, so cursors stay stable.",
    "input": "The mutation's arguments (see the input type's fields).",
}


def describe_repeated_arguments(schema: GraphQLSchema) -> None:
    for type_ in schema.type_map.values():
        if isinstance(type_, GraphQLObjectType | GraphQLInterfaceType):
            for field in type_.fields.values():
                for name, argument in field.args.items():
                    if argument.description is None and name in REPEATED_ARGUMENTS:
                        argument.description = REPEATED_ARGUMENTS[name]
