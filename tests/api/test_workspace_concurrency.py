"""Concurrent membership changes of one workspace over real HTTP: member_count never drifts.

One server process (two workers) serves the whole module on a fresh migrated database; each
of the 20 repetitions races on a workspace of its own: 30 adds at once, then 15 removes mixed
with 15 re-adds of the same customers. Afterwards member_count equals the active member
rows and the invariant checker finds nothing.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import httpx
import pytest

from remotegpu.domain.invariants import find_violations_on
from tests.live import bearer, gql_http, live_server
from tests.support.db import connection

ADD = """
mutation ($input: WorkspaceMemberAddInput!) {
  workspaceMemberAdd(input: $input) { member { customerId } errors { code field message } }
}"""
REMOVE = """
mutation ($input: WorkspaceMemberRemoveInput!) {
  workspaceMemberRemove(input: $input) { removedCustomerId errors { code field message } }
}"""
CUSTOMERS = 30
# The test PostgreSQL is shared (max_connections 100): a small pool still lets 30 requests race.
SERVER_POOL = {"db_pool_size": "8", "db_max_overflow": "4"}
LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100)


@dataclass(frozen=True)
class Race:
    base_url: httpx.URL
    conn: asyncpg.Connection
    owner: int
    customers: list[int]


async def _add_customers(conn: asyncpg.Connection, n: int) -> list[int]:
    """Customers with quota rows and personal workspaces (so the invariants hold), by SQL."""
    tag = uuid.uuid4().hex[:8]
    ids: list[int] = [
        r["id"]
        for r in await conn.fetch(
            "INSERT INTO customers (username, email, password_hash)"
            " SELECT 'race-' || $1 || '-' || i, 'race-' || $1 || '-' || i || '@example.com',"
            " 'not-a-hash' FROM generate_series(1, $2) AS i RETURNING id",
            tag,
            n,
        )
    ]
    await conn.execute("INSERT INTO resource_quotas (user_id) SELECT unnest($1::bigint[])", ids)
    await conn.execute(
        "WITH w AS (INSERT INTO workspaces (owner_id, name, type, member_count)"
        " SELECT id, 'personal', 'personal', 1 FROM unnest($1::bigint[]) AS id"
        " RETURNING id, owner_id)"
        " INSERT INTO workspace_members (workspace_id, customer_id, role)"
        " SELECT id, owner_id, 'owner' FROM w",
        ids,
    )
    return ids


@pytest.fixture(scope="module")
async def race(module_url: str) -> AsyncIterator[Race]:
    async with connection(module_url) as conn:
        owner, *customers = await _add_customers(conn, CUSTOMERS + 1)
        async with live_server(module_url, workers=2, **SERVER_POOL) as client:
            yield Race(client.base_url, conn, owner, customers)


async def _team(race: Race) -> int:
    workspace_id: int = await race.conn.fetchval(
        "WITH w AS (INSERT INTO workspaces (owner_id, name, type, member_count)"
        " VALUES ($1, 'race', 'team', 1) RETURNING id, owner_id)"
        " INSERT INTO workspace_members (workspace_id, customer_id, role)"
        " SELECT id, owner_id, 'owner' FROM w RETURNING workspace_id",
        race.owner,
    )
    return workspace_id


async def _call(race: Race, client: httpx.AsyncClient, doc: str, **input: Any) -> dict[str, Any]:
    body = await gql_http(client, doc, {"input": input}, bearer(race.owner))
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]  # type: ignore[assignment]
    (payload,) = data.values()
    result: dict[str, Any] = payload
    return result


async def _counts(race: Race, workspace_id: int) -> tuple[int, int]:
    row = await race.conn.fetchrow(
        "SELECT w.member_count, (SELECT count(*) FROM workspace_members m"
        " WHERE m.workspace_id = w.id AND m.status = 'active') AS active"
        " FROM workspaces w WHERE w.id = $1",
        workspace_id,
    )
    return row["member_count"], row["active"]


@pytest.mark.parametrize("repetition", range(20))
async def test_workspace_member_add_remove_concurrently_keeps_member_count_exact(
    race: Race, repetition: int
) -> None:
    # A client per repetition: no keep-alive connection idles across repetitions, where the
    # server may close it just as the client reuses it.
    async with httpx.AsyncClient(base_url=race.base_url, timeout=120, limits=LIMITS) as client:
        await _race(race, client, repetition)


async def _race(race: Race, client: httpx.AsyncClient, repetition: int) -> None:
    ws = await _team(race)
    added = await asyncio.gather(
        *(_call(race, client, ADD, workspaceId=ws, customerId=c) for c in race.customers)
    )
    assert all(p["errors"] == [] for p in added), added
    assert await _counts(race, ws) == (CUSTOMERS + 1, CUSTOMERS + 1)

    churn = race.customers[:15]
    calls = [_call(race, client, REMOVE, workspaceId=ws, customerId=c) for c in churn]
    calls += [_call(race, client, ADD, workspaceId=ws, customerId=c) for c in churn]
    order = list(range(len(calls)))
    order = order[repetition % 2 :: 2] + order[1 - repetition % 2 :: 2]  # interleave
    results = await asyncio.gather(*(calls[i] for i in order))
    by_call = dict(zip(order, results, strict=True))
    removes, readds = [by_call[i] for i in range(15)], [by_call[i] for i in range(15, 30)]
    # Each remove finds its member (an add either conflicts or follows the remove); each
    # re-add either lands after the remove or conflicts with the member still there.
    assert all(p["errors"] == [] for p in removes), removes
    assert {e["code"] for p in readds for e in p["errors"]} <= {"CONFLICT"}
    readded = sum(1 for p in readds if not p["errors"])
    expected = 1 + (CUSTOMERS - 15) + readded
    assert await _counts(race, ws) == (expected, expected)
    members = {
        r["customer_id"]
        for r in await race.conn.fetch(
            "SELECT customer_id FROM workspace_members WHERE workspace_id = $1", ws
        )
    }
    readded_ids = {c for c, p in zip(churn, readds, strict=True) if not p["errors"]}
    assert members == {race.owner, *race.customers[15:], *readded_ids}
    assert await find_violations_on(race.conn) == []
