"""Sending a mutation and reading what a GraphQL call answered: a mutation's payload, its one
user error, the code of a top-level error, and the page a connection answers when the viewer
may see none of it."""

from __future__ import annotations

from typing import Any

from remotegpu.auth.viewer import Viewer
from tests.graphql import GraphQLRunner

# A connection page with no rows: what another tenant's (or an agent's) filter answers.
EMPTY_PAGE = {
    "totalCount": 0,
    "pageInfo": {
        "hasNextPage": False,
        "hasPreviousPage": False,
        "startCursor": None,
        "endCursor": None,
    },
    "nodes": [],
}


def payload(result: dict[str, Any], name: str) -> dict[str, Any]:
    """The payload of mutation `name` in a raw result that has no top-level errors."""
    assert "errors" not in result, result["errors"]
    data: dict[str, Any] = result["data"][name]
    return data


def only_error(data: dict[str, Any]) -> dict[str, Any]:
    """The one user error of a payload: fails when there is none or more than one."""
    assert len(data["errors"]) == 1, data["errors"]
    error: dict[str, Any] = data["errors"][0]
    return error


def errors_code(result: dict[str, Any]) -> str:
    """The code of the first top-level error of a raw result: fails when there is none."""
    assert "errors" in result, result
    return str(result["errors"][0]["extensions"]["code"])


def code_and_field(payload: dict[str, Any]) -> tuple[str, list[str] | None]:
    """The code and field path of a payload's one user error."""
    (error,) = payload["errors"]
    return error["code"], error["field"]


async def mutate(gql: GraphQLRunner, doc: str, viewer: Viewer, **input: Any) -> dict[str, Any]:
    """The payload of the one mutation of `doc`, sent as `viewer` with `input` as $input."""
    data = await gql.ok(doc, {"input": input}, viewer)
    (payload,) = data.values()
    result: dict[str, Any] = payload
    return result
