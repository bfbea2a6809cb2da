"""Ticket numbers under truly parallel creates: distinct and gap-free (domain-rules.md,
"Tickets").

100 issueCreate (and 30 requirementCreate) go over HTTP at once to `remotegpu serve` (two
worker processes); only the row lock of the ticket_sequences upsert orders them. Each
repetition starts from empty ticket tables, so its numbers must be exactly 0001..N.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import asyncpg
import httpx
import pytest

from tests.concurrency.conftest import add_customers, assert_invariants
from tests.live import bearer, gql_http
from tests.support.documents import mutation_document

REPEAT = range(3)

ISSUE_CREATE = mutation_document("issueCreate", "issue { rowId issueNo }")
REQUIREMENT_CREATE = mutation_document("requirementCreate", "requirement { rowId requirementNo }")


async def _reset(sql: asyncpg.Connection) -> None:
    await sql.execute("TRUNCATE issues, requirements, comments, ticket_sequences, audit_logs")


async def _create_all(
    server: httpx.AsyncClient,
    customers: list[int],
    document: str,
    field: str,
    count: int,
    extra: dict[str, Any],
) -> list[str]:
    headers = [bearer(c) for c in customers]

    async def one(client: httpx.AsyncClient, i: int) -> str:
        variables: dict[str, object] = {"input": {"title": f"ticket {i}", **extra}}
        body: Any = await gql_http(client, document, variables, headers[i % len(headers)])
        assert "errors" not in body, body
        payload = next(iter(body["data"].values()))
        assert payload["errors"] == [], payload
        number: str = payload[field]["issueNo" if field == "issue" else "requirementNo"]
        return number

    # A client of its own: the module's client may hold keep-alive connections that uvicorn
    # is closing right now (idle > 5 s since the previous repetition), a ReadError on reuse.
    limits = httpx.Limits(max_connections=count, max_keepalive_connections=count)
    async with httpx.AsyncClient(base_url=server.base_url, timeout=120, limits=limits) as client:
        return list(await asyncio.gather(*(one(client, i) for i in range(count))))


def _expected(prefix: str, count: int) -> list[str]:
    year = datetime.now(UTC).year
    return [f"{prefix}-{year}-{n:04d}" for n in range(1, count + 1)]


async def _assert_gap_free(
    sql: asyncpg.Connection, numbers: list[str], prefix: str, count: int, table: str
) -> None:
    """The numbers handed out, and those `table` stores, are exactly prefix-year-0001..count."""
    assert sorted(numbers) == _expected(prefix, count)
    column = f"{table[:-1]}_no"
    stored = await sql.fetch(f"SELECT {column} FROM {table} ORDER BY {column}")
    assert [r[column] for r in stored] == _expected(prefix, count)


# Per kind of ticket: its create mutation, the input it needs beyond a title, its prefix, its table.
NUMBERING: dict[str, tuple[str, dict[str, object], str, str]] = {
    "issue": (ISSUE_CREATE, {"type": "BUG"}, "ISSUE", "issues"),
    "requirement": (REQUIREMENT_CREATE, {}, "REQ", "requirements"),
}


async def _numbers_in_parallel(
    server: httpx.AsyncClient, sql: asyncpg.Connection, field: str, customers: int, count: int
) -> None:
    """From a reset sequence, creates count tickets of a kind at once and checks their numbers."""
    document, extra, prefix, table = NUMBERING[field]
    await _reset(sql)
    people = await add_customers(sql, customers)
    numbers = await _create_all(server, people, document, field, count, extra)
    await _assert_gap_free(sql, numbers, prefix, count, table)


@pytest.mark.parametrize("attempt", REPEAT)
async def test_issue_create_100_parallel_numbers_distinct_and_gap_free(
    server: httpx.AsyncClient, sql: asyncpg.Connection, attempt: int
) -> None:
    await _numbers_in_parallel(server, sql, "issue", 5, 100)
    assert await sql.fetchval("SELECT last_no FROM ticket_sequences WHERE kind = 'issue'") == 100
    audits = await sql.fetchval(
        "SELECT count(*) FROM audit_logs WHERE action = 'issue.create' AND status_code = 200"
    )
    assert audits == 100
    await assert_invariants(sql)


@pytest.mark.parametrize("attempt", REPEAT)
async def test_requirement_create_30_parallel_numbers_distinct_and_gap_free(
    server: httpx.AsyncClient, sql: asyncpg.Connection, attempt: int
) -> None:
    await _numbers_in_parallel(server, sql, "requirement", 3, 30)
    await assert_invariants(sql)
