"""Inputs of the invoice mutations (platform admins only)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from remotegpu.schema.inputs.fields import optional


@strawberry.input(description="The payment to record (invoiceMarkPaid).")
class InvoiceMarkPaidInput:
    row_id: int = strawberry.field(description="rowId of the invoice (pending or overdue).")
    paid_at: datetime | None = optional(
        "When the payment arrived (UTC); now when omitted. Not in the future, not "
        "before the billing period.",
    )


@strawberry.input(description="The invoice to cancel (invoiceCancel).")
class InvoiceCancelInput:
    row_id: int = strawberry.field(
        description="rowId of the invoice (pending or overdue). Its number stays taken; the "
        "month may be invoiced again."
    )
