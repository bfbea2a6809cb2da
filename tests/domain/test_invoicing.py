"""Monthly invoices (domain-rules.md, "Billing"): exact Decimal totals of the month's records,
INV-YYYY-MM-NNNN gap-free and unique under concurrency, one invoice per customer and month, the
state machine, notifications and outbox events; the invariant checker stays silent."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.db.engine import transaction
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.invoicing import (
    cancel_invoice,
    create_invoice,
    mark_invoice_overdue,
    mark_invoice_paid,
    month_bounds,
)
from tests.support.fleet import add_customer

Sessions = async_sessionmaker[AsyncSession]


def at(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


async def add_record(
    conn: asyncpg.Connection,
    customer_id: int,
    start: datetime,
    unit_price: str,
    quantity: float = 1.0,
    currency: str = "CNY",
) -> None:
    """A billing record whose amount is quantity x unit_price rounded to 4 places."""
    await conn.execute(
        "INSERT INTO billing_records (customer_id, resource_type, quantity, unit_price, amount,"
        " currency, start_time, end_time)"
        " VALUES ($1, 'gpu', $2::float8, $3::numeric, round($2::float8::numeric * $3::numeric, 4),"
        " $4, $5::timestamptz, $5::timestamptz + interval '1 hour')",
        customer_id,
        quantity,
        Decimal(unit_price),
        currency,
        start,
    )


async def run(sessions: Sessions, operation: Callable[[AsyncSession], Awaitable[Any]]) -> Any:
    async with transaction(sessions) as session:
        return await operation(session)


async def create(sessions: Sessions, customer_id: int, year: int = 2025, month: int = 3) -> Any:
    return await run(
        sessions, lambda s: create_invoice(s, customer_id=customer_id, year=year, month=month)
    )


async def attempt(
    sessions: Sessions, operation: Callable[[AsyncSession], Awaitable[Any]]
) -> Any | ErrorCode:
    try:
        return await run(sessions, operation)
    except DomainError as error:
        return error.code


async def events(conn: asyncpg.Connection) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        "SELECT * FROM event_outbox WHERE event_type <> 'notification.created' ORDER BY id"
    )
    return [dict(row) | {"payload": json.loads(row["payload"])} for row in rows]


async def notes(conn: asyncpg.Connection) -> list[asyncpg.Record]:
    return list(await conn.fetch("SELECT * FROM notifications ORDER BY id"))


async def numbers(conn: asyncpg.Connection) -> list[str]:
    return [r[0] for r in await conn.fetch("SELECT invoice_no FROM invoices ORDER BY invoice_no")]


# --- creating --------------------------------------------------------------------------------


def test_month_bounds() -> None:
    assert month_bounds(2025, 3) == (at(2025, 3, 1), at(2025, 4, 1))
    assert month_bounds(2024, 12) == (at(2024, 12, 1), at(2025, 1, 1))


async def test_invoice_sums_exactly_the_records_starting_in_the_month(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    alice = await add_customer(conn)
    bob = await add_customer(conn)
    inside = [
        (at(2025, 3, 1), "0.0001", 1.0),  # the first instant is in
        (at(2025, 3, 15, 8), "1234.5678", 1.0),
        (at(2025, 3, 20), "0.1", 3.0),  # 0.3 exactly, not 0.30000000000000004
        (at(2025, 3, 31, 23, 59, 59), "2.3333", 1.5),  # 3.49995 -> 3.5000 (half-up)
    ]
    for start, price, quantity in inside:
        await add_record(conn, alice, start, price, quantity)
    await add_record(conn, alice, at(2025, 2, 28, 23, 59, 59), "100")  # February
    await add_record(conn, alice, at(2025, 4, 1), "100")  # April's first instant
    await add_record(conn, bob, at(2025, 3, 10), "100")  # someone else's

    invoice = await create(sessions, alice)

    expected = Decimal("0.0001") + Decimal("1234.5678") + Decimal("0.3000") + Decimal("3.5000")
    assert invoice.total_amount == expected == Decimal("1238.3679")
    row = await conn.fetchrow("SELECT * FROM invoices WHERE id = $1", invoice.id)
    assert row["total_amount"] == expected
    assert row["invoice_no"] == "INV-2025-03-0001"
    assert (row["customer_id"], row["status"], row["paid_at"]) == (alice, "pending", None)
    assert (row["billing_period_start"], row["billing_period_end"]) == (
        at(2025, 3, 1),
        at(2025, 4, 1),
    )
    assert row["currency"] == "CNY"

    [note] = await notes(conn)
    assert (note["customer_id"], note["type"], note["level"]) == (alice, "billing", "info")
    assert "1238.3679" in note["content"]
    [event] = await events(conn)
    assert event["event_type"] == "invoice.created"
    assert (event["customer_id"], event["resource_type"]) == (alice, "invoice")
    assert event["resource_id"] == str(invoice.id)
    assert event["payload"]["invoiceNo"] == "INV-2025-03-0001"
    assert event["payload"]["totalAmount"] == "1238.3679"


async def test_a_month_without_records_is_a_zero_invoice(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    alice = await add_customer(conn)
    invoice = await create(sessions, alice, 2025, 1)
    assert invoice.total_amount == Decimal(0)
    assert invoice.invoice_no == "INV-2025-01-0001"


async def test_numbering_continues_after_existing_invoices_and_is_per_month(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    # Invoices written directly (as the seed does), with no counter row yet.
    old = await add_customer(conn)
    for number in (1, 2):
        await conn.execute(
            "INSERT INTO invoices (invoice_no, customer_id, billing_period_start,"
            " billing_period_end, total_amount, status) VALUES ($1, $2, $3, $4, 0, 'paid')",
            f"INV-2025-03-{number:04d}",
            old if number == 1 else await add_customer(conn),
            at(2025, 3, 1),
            at(2025, 4, 1),
        )
    alice = await add_customer(conn)
    assert (await create(sessions, alice)).invoice_no == "INV-2025-03-0003"
    assert (await create(sessions, alice, 2025, 4)).invoice_no == "INV-2025-04-0001"
    assert (await create(sessions, old, 2025, 4)).invoice_no == "INV-2025-04-0002"
    assert (await create(sessions, alice, 2024, 12)).invoice_no == "INV-2024-12-0001"


async def test_concurrent_invoices_are_numbered_without_gaps_or_duplicates(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    customers = [await add_customer(conn) for _ in range(10)]
    for i, customer in enumerate(customers):
        await add_record(conn, customer, at(2025, 5, 2 + i), f"{i}.25")

    invoices = await asyncio.gather(*(create(sessions, c, 2025, 5) for c in customers))

    assert sorted(i.invoice_no for i in invoices) == [f"INV-2025-05-{n:04d}" for n in range(1, 11)]
    assert await numbers(conn) == [f"INV-2025-05-{n:04d}" for n in range(1, 11)]
    by_customer = {i.customer_id: i.total_amount for i in invoices}
    assert by_customer == {c: Decimal(f"{i}.25") for i, c in enumerate(customers)}
    assert len(await notes(conn)) == 10
    assert [e["event_type"] for e in await events(conn)] == ["invoice.created"] * 10


async def test_a_rolled_back_creation_leaves_no_gap(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    alice = await add_customer(conn)
    bob = await add_customer(conn)

    class Abort(Exception):
        pass

    async def create_then_fail(session: AsyncSession) -> None:
        await create_invoice(session, customer_id=alice, year=2025, month=3)
        raise Abort

    with pytest.raises(Abort):
        await run(sessions, create_then_fail)
    assert (await create(sessions, bob)).invoice_no == "INV-2025-03-0001"


async def test_one_invoice_per_customer_and_month(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    alice = await add_customer(conn)
    first = await create(sessions, alice)
    assert (
        await attempt(sessions, lambda s: create_invoice(s, customer_id=alice, year=2025, month=3))
        == ErrorCode.CONFLICT
    )
    assert await numbers(conn) == ["INV-2025-03-0001"]

    # A cancelled invoice does not count: the month can be invoiced again, with a new number.
    await run(sessions, lambda s: cancel_invoice(s, invoice_id=first.id))
    again = await create(sessions, alice)
    assert again.invoice_no == "INV-2025-03-0002"
    assert (
        await attempt(sessions, lambda s: create_invoice(s, customer_id=alice, year=2025, month=3))
        == ErrorCode.CONFLICT
    )


async def test_concurrent_creations_for_one_customer_and_month_make_one_invoice(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    alice = await add_customer(conn)
    results = await asyncio.gather(
        *(
            attempt(sessions, lambda s: create_invoice(s, customer_id=alice, year=2025, month=3))
            for _ in range(5)
        )
    )
    assert sorted(str(r) for r in results if isinstance(r, ErrorCode)) == ["CONFLICT"] * 4
    assert await numbers(conn) == ["INV-2025-03-0001"]


@pytest.mark.parametrize(
    ("year", "month", "code"),
    [
        (2025, 13, ErrorCode.INVALID_INPUT),
        (2025, 0, ErrorCode.INVALID_INPUT),
        (1999, 12, ErrorCode.INVALID_INPUT),
        (3000, 1, ErrorCode.INVALID_INPUT),
        (2999, 12, ErrorCode.INVALID_INPUT),  # not over yet
    ],
)
async def test_create_rejects_bad_months(
    conn: asyncpg.Connection, sessions: Sessions, year: int, month: int, code: ErrorCode
) -> None:
    alice = await add_customer(conn)
    result = await attempt(
        sessions, lambda s: create_invoice(s, customer_id=alice, year=year, month=month)
    )
    assert result == code
    assert await numbers(conn) == []


async def test_the_current_month_cannot_be_invoiced(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    alice = await add_customer(conn)
    now = datetime.now(UTC)
    result = await attempt(
        sessions, lambda s: create_invoice(s, customer_id=alice, year=now.year, month=now.month)
    )
    assert result == ErrorCode.INVALID_INPUT
    # ... but it can once it is over.
    later = at(now.year + 1, 1, 1)
    invoice = await run(
        sessions,
        lambda s: create_invoice(s, customer_id=alice, year=now.year, month=now.month, now=later),
    )
    assert invoice.invoice_no == f"INV-{now.year}-{now.month:02d}-0001"


async def test_unknown_customer_is_not_found(conn: asyncpg.Connection, sessions: Sessions) -> None:
    result = await attempt(
        sessions, lambda s: create_invoice(s, customer_id=9999, year=2025, month=3)
    )
    assert result == ErrorCode.NOT_FOUND


async def test_mixed_currencies_are_refused(conn: asyncpg.Connection, sessions: Sessions) -> None:
    alice = await add_customer(conn)
    await add_record(conn, alice, at(2025, 3, 2), "1", currency="CNY")
    await add_record(conn, alice, at(2025, 3, 3), "1", currency="USD")
    assert (
        await attempt(sessions, lambda s: create_invoice(s, customer_id=alice, year=2025, month=3))
        == ErrorCode.CONFLICT
    )
    assert await numbers(conn) == []


# --- state machine ---------------------------------------------------------------------------


async def test_pending_to_paid(conn: asyncpg.Connection, sessions: Sessions) -> None:
    alice = await add_customer(conn)
    await add_record(conn, alice, at(2025, 3, 2), "12.5")
    invoice = await create(sessions, alice)
    paid_at = at(2025, 4, 3, 9, 30)

    paid = await run(
        sessions, lambda s: mark_invoice_paid(s, invoice_id=invoice.id, paid_at=paid_at)
    )

    assert (paid.status, paid.paid_at) == ("paid", paid_at)
    row = await conn.fetchrow("SELECT status, paid_at FROM invoices WHERE id = $1", invoice.id)
    assert (row["status"], row["paid_at"]) == ("paid", paid_at)
    _created, paid_event = await events(conn)
    assert paid_event["event_type"] == "invoice.paid"
    assert (paid_event["customer_id"], paid_event["resource_id"]) == (alice, str(invoice.id))
    assert paid_event["payload"]["paidAt"] == paid_at.isoformat()
    assert paid_event["payload"]["status"] == "paid"
    _, note = await notes(conn)
    assert (note["customer_id"], note["type"]) == (alice, "billing")

    for operation in (
        lambda s: mark_invoice_paid(s, invoice_id=invoice.id),
        lambda s: mark_invoice_overdue(s, invoice_id=invoice.id),
        lambda s: cancel_invoice(s, invoice_id=invoice.id),
    ):
        assert await attempt(sessions, operation) == ErrorCode.INVALID_TRANSITION
    assert len(await events(conn)) == 2


async def test_pending_to_overdue_to_paid(conn: asyncpg.Connection, sessions: Sessions) -> None:
    alice = await add_customer(conn)
    invoice = await create(sessions, alice)
    overdue = await run(sessions, lambda s: mark_invoice_overdue(s, invoice_id=invoice.id))
    assert overdue.status == "overdue"
    assert (await notes(conn))[-1]["level"] == "warning"
    assert [e["event_type"] for e in await events(conn)] == ["invoice.created", "invoice.overdue"]
    assert (
        await attempt(sessions, lambda s: mark_invoice_overdue(s, invoice_id=invoice.id))
        == ErrorCode.INVALID_TRANSITION
    )

    paid = await run(sessions, lambda s: mark_invoice_paid(s, invoice_id=invoice.id))
    assert paid.status == "paid"
    assert paid.paid_at is not None
    assert [e["event_type"] for e in await events(conn)] == [
        "invoice.created",
        "invoice.overdue",
        "invoice.paid",
    ]
    assert len(await notes(conn)) == 3


@pytest.mark.parametrize("overdue_first", [False, True])
async def test_cancel(conn: asyncpg.Connection, sessions: Sessions, overdue_first: bool) -> None:
    alice = await add_customer(conn)
    invoice = await create(sessions, alice)
    if overdue_first:
        await run(sessions, lambda s: mark_invoice_overdue(s, invoice_id=invoice.id))
    cancelled = await run(sessions, lambda s: cancel_invoice(s, invoice_id=invoice.id))
    assert cancelled.status == "cancelled"
    assert (await notes(conn))[-1]["title"] == f"Invoice {invoice.invoice_no} cancelled"
    for operation in (
        lambda s: mark_invoice_paid(s, invoice_id=invoice.id),
        lambda s: mark_invoice_overdue(s, invoice_id=invoice.id),
        lambda s: cancel_invoice(s, invoice_id=invoice.id),
    ):
        assert await attempt(sessions, operation) == ErrorCode.INVALID_TRANSITION
    row = await conn.fetchrow("SELECT status, paid_at FROM invoices WHERE id = $1", invoice.id)
    assert (row["status"], row["paid_at"]) == ("cancelled", None)


async def test_transitions_of_an_unknown_invoice_are_not_found(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    for operation in (
        lambda s: mark_invoice_paid(s, invoice_id=777),
        lambda s: mark_invoice_overdue(s, invoice_id=777),
        lambda s: cancel_invoice(s, invoice_id=777),
    ):
        assert await attempt(sessions, operation) == ErrorCode.NOT_FOUND


async def test_concurrent_payments_pay_once(conn: asyncpg.Connection, sessions: Sessions) -> None:
    alice = await add_customer(conn)
    invoice = await create(sessions, alice)
    results = await asyncio.gather(
        *(
            attempt(sessions, lambda s: mark_invoice_paid(s, invoice_id=invoice.id))
            for _ in range(5)
        )
    )
    assert sorted(str(r) for r in results if isinstance(r, ErrorCode)) == ["INVALID_TRANSITION"] * 4
    assert [e["event_type"] for e in await events(conn)] == ["invoice.created", "invoice.paid"]
