"""Mutations of the `billing` area: an admin records an invoice's payment or cancels it."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.domain import invoice_jobs
from remotegpu.resolvers.mutate import Reload, mutate
from remotegpu.schema.inputs.billing_mutations import InvoiceCancelInput, InvoiceMarkPaidInput
from remotegpu.schema.types.billing import Invoice
from remotegpu.schema.types.billing_payloads import InvoiceCancelPayload, InvoiceMarkPaidPayload

Info = strawberry.Info[Context, None]

# The invoice as the viewer may see it after commit.
INVOICE = Reload(lambda loaders: loaders.billing.invoice_by_id, Invoice.from_row)


@strawberry.type
class BillingMutation:
    @strawberry.mutation(
        description="Record the payment of a pending or overdue invoice (platform admins "
        "only): it becomes paid, the customer is notified and an invoice.paid event is sent."
    )
    async def invoice_mark_paid(
        self, info: Info, input: InvoiceMarkPaidInput
    ) -> InvoiceMarkPaidPayload:
        return await mutate(
            info,
            "invoice.mark_paid",
            lambda session, viewer: invoice_jobs.admin_mark_paid(
                session, viewer, input.row_id, input.paid_at
            ),
            InvoiceMarkPaidPayload,
            resource_id=input.row_id,
            invoice=INVOICE,
        )

    @strawberry.mutation(
        description="Cancel a pending or overdue invoice (platform admins only); the customer "
        "is notified. Paid and cancelled invoices cannot be cancelled (INVALID_TRANSITION)."
    )
    async def invoice_cancel(self, info: Info, input: InvoiceCancelInput) -> InvoiceCancelPayload:
        return await mutate(
            info,
            "invoice.cancel",
            lambda session, viewer: invoice_jobs.admin_cancel(session, viewer, input.row_id),
            InvoiceCancelPayload,
            resource_id=input.row_id,
            invoice=INVOICE,
        )
