"""Filters and orderings of the `billing` area."""

from __future__ import annotations

from enum import Enum

import strawberry

from remotegpu.db.models import BillingRecord, Invoice
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.enums import BillingResourceType, InvoiceStatus
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    KeyFilter,
)
from remotegpu.schema.inputs.filters import Where, filter_on


@strawberry.input(description="Filter billing records.")
class BillingRecordWhere(Where):
    resource_type: EnumFilter[BillingResourceType] | None = filter_on(
        BillingRecord.resource_type, "Match the resource type (one value or a list)."
    )
    customer_id: KeyFilter | None = filter_on(BillingRecord.customer_id, "customers.id")
    env_id: KeyFilter | None = filter_on(BillingRecord.env_id, "environments.id")
    start_time: DateTimeFilter | None = filter_on(
        BillingRecord.start_time, "Start of the metered interval."
    )


@strawberry.enum(description="Orderings of billing records.")
class BillingRecordOrder(Enum):
    START_TIME_DESC = "start_time_desc"
    CREATED_AT_DESC = "created_at_desc"


BILLING_RECORD_ORDERINGS: dict[BillingRecordOrder, Ordering] = {
    BillingRecordOrder.START_TIME_DESC: Ordering(
        "start", (BillingRecord.start_time, BillingRecord.id), descending=True
    ),
    BillingRecordOrder.CREATED_AT_DESC: Ordering(
        "created", (BillingRecord.created_at, BillingRecord.id), descending=True
    ),
}


@strawberry.input(description="Filter invoices.")
class InvoiceWhere(Where):
    status: EnumFilter[InvoiceStatus] | None = filter_on(
        Invoice.status, "Match the status (one value or a list)."
    )
    customer_id: KeyFilter | None = filter_on(Invoice.customer_id, "customers.id")
    billing_period_start: DateTimeFilter | None = filter_on(
        Invoice.billing_period_start, "Start of the billing period."
    )


@strawberry.enum(description="Orderings of invoices.")
class InvoiceOrder(Enum):
    CREATED_AT_DESC = "created_at_desc"
    PERIOD_DESC = "period_desc"


INVOICE_ORDERINGS: dict[InvoiceOrder, Ordering] = {
    InvoiceOrder.CREATED_AT_DESC: Ordering(
        "created", (Invoice.created_at, Invoice.id), descending=True
    ),
    InvoiceOrder.PERIOD_DESC: Ordering(
        "period", (Invoice.billing_period_start, Invoice.id), descending=True
    ),
}
