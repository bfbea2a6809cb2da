"""invoiceMarkPaid and invoiceCancel over GraphQL on the seeded fleet: admins only, the invoice
state machine, one audit row per call, the customer's notification and the invoice.paid event,
and two admins recording one payment at once."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import pytest

from remotegpu.db.urls import asyncpg_dsn
from remotegpu.domain.invariants import find_violations_on
from tests.graphql import GraphQLRunner, admin_viewer, customer_viewer
from tests.support.documents import mutation_document

MARK_PAID = mutation_document("invoiceMarkPaid", "invoice { rowId invoiceNo status paidAt }")

CANCEL = mutation_document("invoiceCancel", "invoice { rowId status }")


@pytest.fixture
async def sql(seeded_url: str) -> AsyncIterator[asyncpg.Connection]:
    conn = await asyncpg.connect(asyncpg_dsn(seeded_url))
    yield conn
    assert await find_violations_on(conn) == []
    await conn.close()


async def an_invoice(sql: asyncpg.Connection, status: str) -> asyncpg.Record:
    row = await sql.fetchrow(
        "SELECT id, customer_id, invoice_no, billing_period_end FROM invoices"
        " WHERE status = $1 ORDER BY id LIMIT 1",
        status,
    )
    assert row is not None, f"the seed has no {status} invoice"
    return row


async def audit(sql: asyncpg.Connection, action: str) -> list[tuple[Any, ...]]:
    rows = await sql.fetch(
        "SELECT resource_id, status_code, error_message FROM audit_logs WHERE action = $1"
        " ORDER BY id",
        action,
    )
    return [tuple(r) for r in rows]


async def test_invoice_mark_paid_pending_invoice_paid_notified_and_announced(
    gql: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    invoice = await an_invoice(sql, "pending")
    paid_at = invoice["billing_period_end"] + timedelta(days=2)
    variables = {"input": {"rowId": invoice["id"], "paidAt": paid_at.isoformat()}}
    data = await gql.ok(MARK_PAID, variables, admin_viewer())
    payload = data["invoiceMarkPaid"]
    assert payload["errors"] == []
    assert payload["invoice"]["status"] == "PAID"
    assert datetime.fromisoformat(payload["invoice"]["paidAt"]) == paid_at
    assert await audit(sql, "invoice.mark_paid") == [(str(invoice["id"]), 200, None)]
    event = await sql.fetchrow(
        "SELECT customer_id, payload FROM event_outbox WHERE event_type = 'invoice.paid'"
    )
    assert event is not None
    assert event["customer_id"] == invoice["customer_id"]
    assert json.loads(event["payload"])["invoiceNo"] == invoice["invoice_no"]
    title = await sql.fetchval(
        "SELECT title FROM notifications WHERE customer_id = $1 ORDER BY id DESC LIMIT 1",
        invoice["customer_id"],
    )
    assert title == f"Invoice {invoice['invoice_no']} paid"


async def test_invoice_mark_paid_by_its_customer_forbidden_and_unchanged(
    gql: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    invoice = await an_invoice(sql, "pending")
    viewer = customer_viewer(invoice["customer_id"])
    data = await gql.ok(MARK_PAID, {"input": {"rowId": invoice["id"]}}, viewer)
    assert data["invoiceMarkPaid"]["invoice"] is None
    assert [e["code"] for e in data["invoiceMarkPaid"]["errors"]] == ["FORBIDDEN"]
    status = await sql.fetchval("SELECT status FROM invoices WHERE id = $1", invoice["id"])
    assert status == "pending"
    assert [row[1] for row in await audit(sql, "invoice.mark_paid")] == [403]


async def test_invoice_mark_paid_future_payment_invalid_input(
    gql: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    invoice = await an_invoice(sql, "pending")
    future = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    variables = {"input": {"rowId": invoice["id"], "paidAt": future}}
    data = await gql.ok(MARK_PAID, variables, admin_viewer())
    errors = data["invoiceMarkPaid"]["errors"]
    assert [(e["code"], e["field"]) for e in errors] == [("INVALID_INPUT", ["paidAt"])]
    assert await sql.fetchval("SELECT status FROM invoices WHERE id = $1", invoice["id"]) == (
        "pending"
    )
    assert await sql.fetchval("SELECT count(*) FROM event_outbox") == 0


async def test_invoice_cancel_overdue_invoice_cancelled_then_second_cancel_refused(
    gql: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    invoice = await an_invoice(sql, "overdue")
    variables = {"input": {"rowId": invoice["id"]}}
    first = (await gql.ok(CANCEL, variables, admin_viewer()))["invoiceCancel"]
    assert (first["invoice"]["status"], first["errors"]) == ("CANCELLED", [])
    second = (await gql.ok(CANCEL, variables, admin_viewer()))["invoiceCancel"]
    assert [e["code"] for e in second["errors"]] == ["INVALID_TRANSITION"]
    assert [row[1] for row in await audit(sql, "invoice.cancel")] == [200, 409]


async def test_invoice_cancel_paid_or_missing_invoice_refused(
    gql: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    paid = await an_invoice(sql, "paid")
    data = await gql.ok(CANCEL, {"input": {"rowId": paid["id"]}}, admin_viewer())
    assert [e["code"] for e in data["invoiceCancel"]["errors"]] == ["INVALID_TRANSITION"]
    data = await gql.ok(CANCEL, {"input": {"rowId": 2**31 - 1}}, admin_viewer())
    assert [e["code"] for e in data["invoiceCancel"]["errors"]] == ["NOT_FOUND"]


async def test_invoice_mark_paid_two_admins_at_once_one_payment(
    gql: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    invoice = await an_invoice(sql, "pending")
    variables = {"input": {"rowId": invoice["id"]}}
    results = await asyncio.gather(
        *(gql.ok(MARK_PAID, variables, admin_viewer()) for _ in range(4))
    )
    codes = sorted(e["code"] for result in results for e in result["invoiceMarkPaid"]["errors"])
    assert codes == ["INVALID_TRANSITION"] * 3
    events = await sql.fetchval(
        "SELECT count(*) FROM event_outbox WHERE event_type = 'invoice.paid'"
    )
    assert events == 1
