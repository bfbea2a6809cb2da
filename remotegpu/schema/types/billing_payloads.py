"""Payloads of the invoice mutations."""

from __future__ import annotations

import strawberry

from remotegpu.schema.types.billing import Invoice
from remotegpu.schema.types.payload import Payload, payload


@payload(
    "Result of `invoiceMarkPaid`.", errors="Why the payment was not recorded; empty on success."
)
class InvoiceMarkPaidPayload(Payload):
    invoice: Invoice | None = strawberry.field(
        default=None, description="The invoice, now paid (paidAt set)."
    )


@payload(
    "Result of `invoiceCancel`.", errors="Why the invoice was not cancelled; empty on success."
)
class InvoiceCancelPayload(Payload):
    invoice: Invoice | None = strawberry.field(
        default=None, description="The invoice, now cancelled."
    )
