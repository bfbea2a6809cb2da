"""Mutations of the `billing` area: an admin records an invoice's payment or cancels it."""

from __future__ import annotations

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.context import Context
from remotegpu.domain import invoice_jobs
from remotegpu.resolvers.support import run_mutation
from remotegpu.schema.inputs.billing_mutations import InvoiceCancelInput, InvoiceMarkPaidInput
from remotegpu.schema.types.billing import Invoice
from remotegpu.schema.types.billing_payloads import InvoiceCancelPayload, InvoiceMarkPaidPayload

Info = strawberry.Info[Context, None]


async def _invoice(info: Info, invoice_id: int | None) -> Invoice | None:
    """The invoice as the viewer may see it after commit."""
    if invoice_id is None:
        return None
    row = await info.context.loaders.billing.invoice_by_id.load(invoice_id)
    return None if row is None else Invoice.from_row(row)


@strawberry.type
class BillingMutation:
    @strawberry.mutation(
        description="Record the payment of a pending or overdue invoice (platform admins "
        "only): it becomes paid, the customer is notified and an invoice.paid event is sent."
    )
    async def invoice_mark_paid(
        self, info: Info, input: InvoiceMarkPaidInput
    ) -> InvoiceMarkPaidPayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            invoice = await invoice_jobs.admin_mark_paid(
                session, info.context.viewer, input.row_id, input.paid_at
            )
            return invoice.id, str(invoice.id)

        outcome = await run_mutation(
            info, "invoice.mark_paid", "invoice", work, resource_id=str(input.row_id)
        )
        return InvoiceMarkPaidPayload(
            invoice=await _invoice(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Cancel a pending or overdue invoice (platform admins only); the customer "
        "is notified. Paid and cancelled invoices cannot be cancelled (INVALID_TRANSITION)."
    )
    async def invoice_cancel(self, info: Info, input: InvoiceCancelInput) -> InvoiceCancelPayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            invoice = await invoice_jobs.admin_cancel(session, info.context.viewer, input.row_id)
            return invoice.id, str(invoice.id)

        outcome = await run_mutation(
            info, "invoice.cancel", "invoice", work, resource_id=str(input.row_id)
        )
        return InvoiceCancelPayload(
            invoice=await _invoice(info, outcome.value), errors=outcome.errors
        )
