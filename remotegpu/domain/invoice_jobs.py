"""Monthly invoicing and the overdue transition as job functions, and the admin invoice changes.

    created = await invoice_previous_month(session, now)   # daily; invoices once a month is over
    overdue = await mark_overdue_invoices(session, now)    # daily

`invoice_previous_month` gives every customer with billing records starting in the month
before `now` one invoice (domain/invoicing.create_invoice: gap-free INV-YYYY-MM-NNNN, a
notification and an `invoice.created` event). It waits until metering has passed the month's
end, so the last hours of the month are on the invoice; scheduled daily, it invoices on the 1st
(or the first day after metering caught up). A customer that already has an invoice for the
month, even a cancelled one, is skipped: re-invoicing a cancelled month is an admin's decision
(create_invoice), not the job's. Customers without records get no invoice.

`mark_overdue_invoices` moves pending invoices to overdue once `invoice_payment_days`
(system_configs, migration 26; 15 when missing or malformed) have passed since the end of the
billing period.

Both run in the caller's transaction and are idempotent: a second run for the same `now` finds
nothing left to do.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import BillingRecord, Invoice
from remotegpu.domain import metering
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.invoicing import (
    cancel_invoice,
    create_invoice,
    mark_invoice_overdue,
    mark_invoice_paid,
    month_bounds,
)
from remotegpu.domain.job_watermarks import aware, lock_job, watermark
from remotegpu.domain.permissions import require_admin
from remotegpu.domain.quotas import config_int

INVOICING_JOB = "invoicing"
PAYMENT_DAYS_KEY = "invoice_payment_days"
DEFAULT_PAYMENT_DAYS = 15
# Clocks of the admin's client and the server differ a little; a payment time beyond this is
# a typo, not skew.
CLOCK_SKEW = timedelta(minutes=5)


def previous_month(now: datetime) -> tuple[int, int]:
    first = aware(now).replace(day=1)
    last_month_day = first - timedelta(days=1)
    return last_month_day.year, last_month_day.month


async def invoice_previous_month(session: AsyncSession, now: datetime) -> int:
    """One invoice per customer with records in the month before `now`; the number created."""
    now = aware(now)
    year, month = previous_month(now)
    start, end = month_bounds(year, month)
    await lock_job(session, INVOICING_JOB)  # one invoicing run at a time
    metered_until = await watermark(session, metering.JOB)
    if metered_until is None or metered_until < end:
        return 0  # the month's last hours are not billed yet: try again on the next run
    already = exists().where(
        Invoice.customer_id == BillingRecord.customer_id,
        Invoice.billing_period_start == start,
    )
    customers = (
        await session.scalars(
            select(BillingRecord.customer_id)
            .where(BillingRecord.start_time >= start, BillingRecord.start_time < end, ~already)
            .group_by(BillingRecord.customer_id)
            .order_by(BillingRecord.customer_id)
        )
    ).all()
    for customer_id in customers:
        await create_invoice(session, customer_id=customer_id, year=year, month=month, now=now)
    return len(customers)


async def payment_days(session: AsyncSession) -> int:
    days = await config_int(session, PAYMENT_DAYS_KEY)
    return DEFAULT_PAYMENT_DAYS if days is None or days < 0 else days


async def mark_overdue_invoices(session: AsyncSession, now: datetime) -> int:
    """pending -> overdue for invoices whose payment term ended before `now`; the number moved."""
    due_before = aware(now) - timedelta(days=await payment_days(session))
    invoice_ids = (
        await session.scalars(
            select(Invoice.id)
            .where(Invoice.status == "pending", Invoice.billing_period_end < due_before)
            .order_by(Invoice.id)
        )
    ).all()
    for invoice_id in invoice_ids:
        await mark_invoice_overdue(session, invoice_id=invoice_id)
    return len(invoice_ids)


async def admin_mark_paid(
    session: AsyncSession, viewer: Viewer, invoice_id: int, paid_at: datetime | None
) -> Invoice:
    """An admin records a payment: pending | overdue -> paid (invoice.paid event)."""
    require_admin(viewer)
    now = datetime.now(UTC)
    if paid_at is not None and aware(paid_at) > now + CLOCK_SKEW:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            "paidAt cannot be in the future",
            "paid_at",
            outside_input=True,
        )
    invoice = await mark_invoice_paid(session, invoice_id=invoice_id, paid_at=paid_at or now)
    if invoice.paid_at is not None and invoice.paid_at < invoice.billing_period_start:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            "paidAt cannot be before the billing period",
            "paid_at",
            outside_input=True,
        )
    return invoice


async def admin_cancel(session: AsyncSession, viewer: Viewer, invoice_id: int) -> Invoice:
    """An admin cancels an unpaid invoice: pending | overdue -> cancelled."""
    require_admin(viewer)
    return await cancel_invoice(session, invoice_id=invoice_id)
