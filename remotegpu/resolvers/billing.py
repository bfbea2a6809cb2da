"""Root fields of the `billing` area: billing records and invoices (customers: their own)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import BillingRecord as BillingRecordRow
from remotegpu.db.models import Invoice as InvoiceRow
from remotegpu.loaders.billing import visible_billing_records, visible_invoices
from remotegpu.schema.inputs.billing import (
    BILLING_RECORD_ORDERINGS,
    INVOICE_ORDERINGS,
    BillingRecordOrder,
    BillingRecordWhere,
    InvoiceOrder,
    InvoiceWhere,
)
from remotegpu.schema.relations import root_connection_field, root_lookup
from remotegpu.schema.types.billing import BillingRecord, Invoice

Info = strawberry.Info[Context, None]


_INVOICE_NO = Annotated[
    str, strawberry.argument(description="The invoice number (natural key), INV-YYYY-MM-NNNN.")
]


@strawberry.type
class BillingQuery:
    billing_records = root_connection_field(
        BillingRecord,
        BillingRecordRow,
        visible_billing_records,
        BILLING_RECORD_ORDERINGS,
        BillingRecordWhere,
        default=BillingRecordOrder.START_TIME_DESC,
        description="Billing records (admins: all; customers: their own).",
    )

    invoices = root_connection_field(
        Invoice,
        InvoiceRow,
        visible_invoices,
        INVOICE_ORDERINGS,
        InvoiceWhere,
        default=InvoiceOrder.CREATED_AT_DESC,
        description="Invoices (admins: all; customers: their own).",
    )

    invoice = root_lookup(
        Invoice,
        "billing.invoice_by_invoice_no",
        "invoice_no",
        _INVOICE_NO,
        description="One invoice by its number (INV-YYYY-MM-NNNN), if visible.",
        compiled=False,
    )
