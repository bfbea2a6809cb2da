"""Monthly invoices: what the invoicing job calls, and the invoice state machine.

One invoice per customer and calendar month (UTC) whose total is the sum of the customer's
billing records starting in the month; `invoice_no` = `INV-YYYY-MM-NNNN` (the billed month),
numbered 1..n without gaps per month and unique under concurrency. States (domain-rules.md,
"Billing"): `pending -> paid (paid_at) | overdue | cancelled`, `overdue -> paid | cancelled`.
Everything runs in the caller's transaction and never commits.

Numbering reuses the `ticket_sequences` counter table of migration 17 with kind 'invoice' and
year = YYYYMM of the billed month: the upsert's row lock serialises creators of one month until
their commit, and a rollback hands the number back, so there are no gaps. A month's first
number starts after the highest one already stored for that month (the seed writes invoices).

Two creators of one customer's month are serialised by a lock on the customer row, so the
check "no invoice for that month yet" cannot race. A cancelled invoice does not count: its
month may be invoiced again (with a new number; the cancelled one keeps its own).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.models import BillingRecord, Customer, Invoice
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.events import EventType, emit
from remotegpu.domain.notifications import NotificationKind, notify
from remotegpu.domain.validators import spelled

SEQUENCE_KIND = "invoice"
DEFAULT_CURRENCY = "CNY"
# Errors of the invoice operations name the invoice as their callers have always seen it:
# `invoiceId`, not inside `input` (see DomainError.outside_input).
_INVOICE_ID = "invoice_id"

# Allowed moves: from -> to.
TRANSITIONS: dict[str, frozenset[str]] = {
    "pending": frozenset({"paid", "overdue", "cancelled"}),
    "overdue": frozenset({"paid", "cancelled"}),
    "paid": frozenset(),
    "cancelled": frozenset(),
}

# The upsert's row lock serialises the creators of one month until their commit; a rollback
# restores last_no. The VALUES of a month's first row start after the highest number already
# stored for that month.
_NEXT_NUMBER_SQL = """
    INSERT INTO ticket_sequences AS s (kind, year, last_no)
    SELECT :kind, :period, COALESCE((
               SELECT max(substring(i.invoice_no FROM '^INV-[0-9]{4}-[0-9]{2}-([0-9]+)$')::int)
               FROM invoices i
               WHERE i.invoice_no LIKE :prefix || '%'), 0) + 1
    ON CONFLICT (kind, year) DO UPDATE SET last_no = s.last_no + 1
    RETURNING s.last_no
"""


def _refused(code: ErrorCode, message: str, field: str) -> DomainError:
    # Invoicing's callers (the monthly job, invoiceMarkPaid, invoiceCancel) have always been
    # told the field outside `input` (DomainError.outside_input).
    return DomainError(code, message, field, outside_input=True)


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    """[first instant of the month, first instant of the next month) in UTC."""
    if not 2000 <= year <= 2999:
        raise _refused(ErrorCode.INVALID_INPUT, "year must be 2000 to 2999", "year")
    if not 1 <= month <= 12:
        raise _refused(ErrorCode.INVALID_INPUT, "month must be 1 to 12", "month")
    start = datetime(year, month, 1, tzinfo=UTC)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
    return start, end


async def next_invoice_number(session: AsyncSession, year: int, month: int) -> str:
    """The next `INV-YYYY-MM-NNNN` of the month; held (row-locked) until the transaction ends."""
    prefix = f"INV-{year:04d}-{month:02d}-"
    params = {"kind": SEQUENCE_KIND, "period": year * 100 + month, "prefix": prefix}
    last_no: int = (await session.execute(text(_NEXT_NUMBER_SQL), params)).scalar_one()
    return f"{prefix}{last_no:04d}"


def _at(value: datetime | None, field: str) -> datetime:
    if value is None:
        return datetime.now(UTC)
    if value.tzinfo is None:
        raise _refused(ErrorCode.INVALID_INPUT, f"{spelled(field)} must be timezone-aware", field)
    return value


def _payload(invoice: Invoice) -> dict[str, Any]:
    return {
        "invoiceId": invoice.id,
        "invoiceNo": invoice.invoice_no,
        "customerId": invoice.customer_id,
        "billingPeriodStart": invoice.billing_period_start.isoformat(),
        "billingPeriodEnd": invoice.billing_period_end.isoformat(),
        "totalAmount": str(invoice.total_amount),
        "currency": invoice.currency,
        "status": invoice.status,
        "paidAt": invoice.paid_at.isoformat() if invoice.paid_at else None,
    }


def _month_label(invoice: Invoice) -> str:
    return invoice.billing_period_start.astimezone(UTC).strftime("%Y-%m")


async def create_invoice(
    session: AsyncSession,
    *,
    customer_id: int,
    year: int,
    month: int,
    now: datetime | None = None,
) -> Invoice:
    """The customer's pending invoice for a finished month (UTC), totalling the billing records
    that start in it. NOT_FOUND for an unknown customer, INVALID_INPUT for a month not over yet
    (later records would make the total wrong), CONFLICT if the month is already invoiced
    (cancelled invoices aside) or its records are in several currencies."""
    start, end = month_bounds(year, month)
    if end > _at(now, "now"):
        raise _refused(
            ErrorCode.INVALID_INPUT,
            f"{year:04d}-{month:02d} has not ended yet: invoice a month once it is over",
            "month",
        )
    # Serialises invoicing of this customer (FOR NO KEY UPDATE: nothing else is blocked that
    # only reads or references the row).
    found = await session.scalar(
        select(Customer.id).where(Customer.id == customer_id).with_for_update(key_share=True)
    )
    if found is None:
        raise _refused(ErrorCode.NOT_FOUND, f"customer {customer_id} not found", "customer_id")
    existing = await session.scalar(
        select(Invoice.invoice_no).where(
            Invoice.customer_id == customer_id,
            Invoice.billing_period_start == start,
            Invoice.status != "cancelled",
        )
    )
    if existing is not None:
        raise _refused(
            ErrorCode.CONFLICT,
            f"customer {customer_id} already has invoice {existing} for {year:04d}-{month:02d}",
            "month",
        )
    in_month = (
        BillingRecord.customer_id == customer_id,
        BillingRecord.start_time >= start,
        BillingRecord.start_time < end,
    )
    currency_of = func.coalesce(BillingRecord.currency, DEFAULT_CURRENCY).label("currency")
    totals = (
        await session.execute(
            select(currency_of, func.sum(BillingRecord.amount))
            .where(*in_month)
            .group_by(currency_of)
        )
    ).all()
    if len(totals) > 1:
        currencies = ", ".join(sorted(str(row[0]) for row in totals))
        raise _refused(
            ErrorCode.CONFLICT,
            f"the month's billing records are in several currencies ({currencies})",
            "month",
        )
    currency = str(totals[0][0]) if totals else DEFAULT_CURRENCY
    total = Decimal(totals[0][1]) if totals else Decimal("0.0000")
    invoice = Invoice(
        invoice_no=await next_invoice_number(session, year, month),
        customer_id=customer_id,
        billing_period_start=start,
        billing_period_end=end,
        total_amount=total,
        currency=currency,
        status="pending",
    )
    session.add(invoice)
    await session.flush()
    await notify(
        session,
        customer_id,
        NotificationKind.BILLING,
        f"Invoice {invoice.invoice_no}",
        f"Your invoice for {year:04d}-{month:02d} totals {total} {currency}.",
    )
    await emit(
        session,
        EventType.INVOICE_CREATED,
        customer_id=customer_id,
        resource_type="invoice",
        resource_id=str(invoice.id),
        payload=_payload(invoice),
    )
    return invoice


async def _move(session: AsyncSession, invoice_id: int, to: str) -> Invoice:
    invoice = await session.scalar(
        select(Invoice).where(Invoice.id == invoice_id).with_for_update()
    )
    if invoice is None:
        raise _refused(ErrorCode.NOT_FOUND, f"invoice {invoice_id} not found", _INVOICE_ID)
    status = invoice.status or "pending"
    if to not in TRANSITIONS.get(status, frozenset()):
        raise _refused(
            ErrorCode.INVALID_TRANSITION,
            f"invoice {invoice.invoice_no} is {status} and cannot become {to}",
            _INVOICE_ID,
        )
    invoice.status = to
    return invoice


async def mark_invoice_paid(
    session: AsyncSession, *, invoice_id: int, paid_at: datetime | None = None
) -> Invoice:
    """pending | overdue -> paid at `paid_at` (default now); emits invoice.paid."""
    when = _at(paid_at, "paid_at")
    invoice = await _move(session, invoice_id, "paid")
    invoice.paid_at = when
    await session.flush()
    await notify(
        session,
        invoice.customer_id,
        NotificationKind.BILLING,
        f"Invoice {invoice.invoice_no} paid",
        f"Thank you: your invoice for {_month_label(invoice)} "
        f"({invoice.total_amount} {invoice.currency}) is paid.",
    )
    await emit(
        session,
        EventType.INVOICE_PAID,
        customer_id=invoice.customer_id,
        resource_type="invoice",
        resource_id=str(invoice.id),
        payload=_payload(invoice),
    )
    return invoice


async def mark_invoice_overdue(session: AsyncSession, *, invoice_id: int) -> Invoice:
    """pending -> overdue; the customer is warned and an invoice.overdue event sent."""
    invoice = await _move(session, invoice_id, "overdue")
    await session.flush()
    await emit(
        session,
        EventType.INVOICE_OVERDUE,
        customer_id=invoice.customer_id,
        resource_type="invoice",
        resource_id=str(invoice.id),
        payload=_payload(invoice),
    )
    await notify(
        session,
        invoice.customer_id,
        NotificationKind.BILLING,
        f"Invoice {invoice.invoice_no} is overdue",
        f"Your invoice for {_month_label(invoice)} "
        f"({invoice.total_amount} {invoice.currency}) is overdue: please pay it.",
        "warning",
    )
    return invoice


async def cancel_invoice(session: AsyncSession, *, invoice_id: int) -> Invoice:
    """pending | overdue -> cancelled; the customer is told (there is no event type for it).
    The number stays taken; the month may be invoiced again."""
    invoice = await _move(session, invoice_id, "cancelled")
    await session.flush()
    await notify(
        session,
        invoice.customer_id,
        NotificationKind.BILLING,
        f"Invoice {invoice.invoice_no} cancelled",
        f"Your invoice for {_month_label(invoice)} has been cancelled.",
    )
    return invoice
