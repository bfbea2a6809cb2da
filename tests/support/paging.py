"""Connections walked page by page over GraphQL, and global IDs built the way the API builds
them, so a test can compare a whole paged listing with the rows SQL returns."""

from __future__ import annotations

import base64
from typing import Any

from tests.graphql import GraphQLRunner


def global_id(type_name: str, row_id: object) -> str:
    """The Relay global ID of a row: base64url of `Type:rowId`."""
    return base64.urlsafe_b64encode(f"{type_name}:{row_id}".encode()).decode()


def connection_at(data: dict[str, Any], field: str) -> dict[str, Any]:
    """The connection at `field` of a result's data: a root field (`alertRules`) or a dotted
    path to a child connection (`node.records`)."""
    for key in field.split("."):
        data = data[key]
    return data


def row_ids(conn: dict[str, Any]) -> list[Any]:
    """The `rowId` of every row of one page, whether it lists `nodes` or `edges`."""
    rows = conn["nodes"] if "nodes" in conn else [e["node"] for e in conn["edges"]]
    return [n["rowId"] for n in rows]


async def walk_forward(
    gql: GraphQLRunner, doc: str, field: str, size: int, viewer: Any, **variables: Any
) -> list[Any]:
    """Every `rowId` of connection `field` (see connection_at), following `after` cursors
    `size` at a time."""
    seen: list[Any] = []
    after = None
    while True:
        data = await gql.ok(doc, {"first": size, "after": after, **variables}, viewer)
        conn = connection_at(data, field)
        seen += row_ids(conn)
        if not conn["pageInfo"]["hasNextPage"]:
            return seen
        after = conn["pageInfo"]["endCursor"]


async def walk_backward(
    gql: GraphQLRunner, doc: str, field: str, size: int, viewer: Any, **variables: Any
) -> list[Any]:
    """Every `rowId` of connection `field`, following `before` cursors from the end; in the
    connection's order (the same list walk_forward returns when the cursors are right)."""
    seen: list[Any] = []
    before = None
    while True:
        data = await gql.ok(doc, {"last": size, "before": before, **variables}, viewer)
        conn = connection_at(data, field)
        seen = row_ids(conn) + seen
        if not conn["pageInfo"]["hasPreviousPage"]:
            return seen
        before = conn["pageInfo"]["startCursor"]


async def walk_both_ways(
    gql: GraphQLRunner, doc: str, field: str, variables: dict[str, Any], size: int, viewer: Any
) -> tuple[list[Any], list[Any]]:
    """Every `rowId` of connection `field` forward (first/after) and backward (last/before),
    both in presentation order: a correct connection gives the same list twice."""
    forward = await walk_forward(gql, doc, field, size, viewer, **variables)
    backward = await walk_backward(gql, doc, field, size, viewer, **variables)
    return forward, backward


async def walk_edges(
    gql: GraphQLRunner,
    document: str,
    field: str,
    viewer: Any,
    *,
    page: int,
    backward: bool = False,
    where: dict[str, Any] | None = None,
    order_by: str | None = None,
) -> tuple[list[Any], int]:
    """Every `edges { node { rowId } }` of a connection, page by page, in presentation order
    (`backward`: last/before from the end); also the reported totalCount."""
    seen: list[Any] = []
    cursor: str | None = None
    total = -1
    while True:
        variables: dict[str, Any] = {"where": where}
        if order_by:
            variables["orderBy"] = order_by
        if backward:
            variables.update(last=page, before=cursor)
        else:
            variables.update(first=page, after=cursor)
        conn = (await gql.ok(document, variables, viewer))[field]
        total = conn["totalCount"]
        rows = [e["node"]["rowId"] for e in conn["edges"]]
        seen = rows + seen if backward else seen + rows
        info = conn["pageInfo"]
        more = info["hasPreviousPage"] if backward else info["hasNextPage"]
        if not more:
            return seen, total
        cursor = info["startCursor"] if backward else info["endCursor"]


async def assert_walks(
    gql: GraphQLRunner,
    doc: str,
    field: str,
    viewer: Any,
    expected: list[Any],
    *,
    forward: int,
    backward: int | None = None,
    **variables: Any,
) -> None:
    """Walking connection `field` forward `forward` rows a page (and, given `backward`, from
    the end that many a page) lists exactly `expected`, and its totalCount is their number."""
    assert await walk_forward(gql, doc, field, forward, viewer, **variables) == expected
    if backward is not None:
        assert await walk_backward(gql, doc, field, backward, viewer, **variables) == expected
    data = await gql.ok(doc, {"first": 1, **variables}, viewer)
    assert connection_at(data, field)["totalCount"] == len(expected)
