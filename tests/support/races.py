"""Racing environment creates against a live server: the create document, its input, sending
many at once (each on its own connection) and sorting the answers into created and refused."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

import httpx

from tests.live import bearer, gql_http
from tests.support.fleet import environment_input

CREATE = """
mutation Create($input: EnvironmentCreateInput!) {
  environmentCreate(input: $input) {
    environment {
      rowId status gpu host { rowId }
      portMappings(first: 5) { nodes { serviceType externalPort } }
    }
    errors { field code message }
  }
}
"""


def create_input(name: str, host_id: str | None = None, **extra: Any) -> dict[str, Any]:
    return environment_input(name, **({"hostId": host_id} if host_id else {}), **extra)


async def create(
    server: httpx.AsyncClient, customer_id: int, variables: dict[str, Any]
) -> dict[str, Any]:
    """One environmentCreate; top-level GraphQL errors are never acceptable."""
    body = await gql_http(server, CREATE, {"input": variables}, bearer(customer_id))
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]  # type: ignore[assignment]
    payload: dict[str, Any] = data["environmentCreate"]
    return payload


async def race(
    server: httpx.AsyncClient, requests: list[tuple[int, dict[str, Any]]]
) -> list[dict[str, Any]]:
    """Send every request at once, each on its own connection.

    A fresh client per race: reusing the module client's idle keep-alive connections races
    with uvicorn closing them after 5 s (httpx.ReadError), which is not what is tested here.
    """
    limits = httpx.Limits(max_connections=len(requests))
    async with httpx.AsyncClient(base_url=server.base_url, timeout=120, limits=limits) as client:
        return list(await asyncio.gather(*(create(client, c, v) for c, v in requests)))


def split(payloads: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], Counter[str]]:
    """The environments created, and the error codes of the refused requests."""
    created, codes = [], Counter[str]()
    for p in payloads:
        if p["errors"]:
            assert p["environment"] is None, p
            assert len(p["errors"]) == 1, p
            codes[p["errors"][0]["code"]] += 1
        else:
            assert p["environment"] is not None, p
            created.append(p["environment"])
    return created, codes
