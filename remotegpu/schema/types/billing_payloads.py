"""Payloads of the invoice mutations."""

from __future__ import annotations

import strawberry

from remotegpu.schema.errors import UserError
from remotegpu.schema.types.billing import Invoice


@strawberry.type(description="Result of `invoiceMarkPaid`.")
class InvoiceMarkPaidPayload:
    invoice: Invoice | None = strawberry.field(
        default=None, description="The invoice, now paid (paidAt set)."
    )
    errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why the payment was not recorded; empty on success."
    )


@strawberry.type(description="Result of `invoiceCancel`.")
class InvoiceCancelPayload:
    invoice: Invoice | None = strawberry.field(
        default=None, description="The invoice, now cancelled."
    )
    errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why the invoice was not cancelled; empty on success."
    )
