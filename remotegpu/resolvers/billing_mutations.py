"""Mutations of the `billing` area: an admin records an invoice's payment or cancels it."""

from __future__ import annotations

import strawberry

from remotegpu.domain import invoice_jobs
from remotegpu.resolvers.mutate import Reload, mutation
from remotegpu.schema.inputs.billing_mutations import InvoiceCancelInput, InvoiceMarkPaidInput
from remotegpu.schema.types.billing import Invoice
from remotegpu.schema.types.billing_payloads import InvoiceCancelPayload, InvoiceMarkPaidPayload

# The invoice as the viewer may see it after commit.
INVOICE = Reload(lambda loaders: loaders.billing.invoice_by_id, Invoice.from_row)


@strawberry.type
class BillingMutation:
    invoice_mark_paid = mutation(
        "Record the payment of a pending or overdue invoice (platform admins only): it becomes "
        "paid, the customer is notified and an invoice.paid event is sent.",
        "invoice.mark_paid",
        InvoiceMarkPaidInput,
        InvoiceMarkPaidPayload,
        lambda session, viewer, input: invoice_jobs.admin_mark_paid(
            session, viewer, input.row_id, input.paid_at
        ),
        resource_id=lambda input: input.row_id,
        invoice=INVOICE,
    )
    invoice_cancel = mutation(
        "Cancel a pending or overdue invoice (platform admins only); the customer is notified. "
        "Paid and cancelled invoices cannot be cancelled (INVALID_TRANSITION).",
        "invoice.cancel",
        InvoiceCancelInput,
        InvoiceCancelPayload,
        lambda session, viewer, input: invoice_jobs.admin_cancel(session, viewer, input.row_id),
        resource_id=lambda input: input.row_id,
        invoice=INVOICE,
    )
