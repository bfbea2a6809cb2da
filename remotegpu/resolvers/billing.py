"""Root fields of the `billing` area: billing records and invoices (customers: their own)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import BillingRecord as BillingRecordRow
from remotegpu.db.models import Invoice as InvoiceRow
from remotegpu.loaders.billing import visible_billing_records, visible_invoices
from remotegpu.schema.connections import root_connection
from remotegpu.schema.inputs.billing import (
    BILLING_RECORD_ORDERINGS,
    INVOICE_ORDERINGS,
    BillingRecordOrder,
    BillingRecordWhere,
    InvoiceOrder,
    InvoiceWhere,
)
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.billing import BillingRecord, Invoice

Info = strawberry.Info[Context, None]


_INVOICE_NO = Annotated[
    str, strawberry.argument(description="The invoice number (natural key), INV-YYYY-MM-NNNN.")
]


@strawberry.type
class BillingQuery:
    @strawberry.field(description="Billing records (admins: all; customers: their own).")
    async def billing_records(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: BillingRecordWhere | None = None,
        order_by: BillingRecordOrder = BillingRecordOrder.START_TIME_DESC,
    ) -> Connection[BillingRecord]:
        return await root_connection(
            info.context,
            BillingRecordRow,
            visible_billing_records,
            BillingRecord.from_row,
            BILLING_RECORD_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="Invoices (admins: all; customers: their own).")
    async def invoices(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: InvoiceWhere | None = None,
        order_by: InvoiceOrder = InvoiceOrder.CREATED_AT_DESC,
    ) -> Connection[Invoice]:
        return await root_connection(
            info.context,
            InvoiceRow,
            visible_invoices,
            Invoice.from_row,
            INVOICE_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="One invoice by its number (INV-YYYY-MM-NNNN), if visible.")
    async def invoice(self, info: Info, invoice_no: _INVOICE_NO) -> Invoice | None:
        row = await info.context.loaders.billing.invoice_by_invoice_no.load(invoice_no)
        return None if row is None else Invoice.from_row(row)
