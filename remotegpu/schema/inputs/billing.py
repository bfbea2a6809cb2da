"""Filters and orderings of the `billing` area."""

from __future__ import annotations

from enum import Enum

import strawberry
from sqlalchemy import ColumnElement

from remotegpu.db.models import BillingRecord, Invoice
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.enums import BillingResourceType, InvoiceStatus
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    KeyFilter,
    datetime_conditions,
    enum_conditions,
    key_conditions,
)


@strawberry.input(description="Filter billing records.")
class BillingRecordWhere:
    resource_type: EnumFilter[BillingResourceType] | None = strawberry.field(
        default=None, description="Match the resource type (one value or a list)."
    )
    customer_id: KeyFilter | None = strawberry.field(default=None, description="customers.id")
    env_id: KeyFilter | None = strawberry.field(default=None, description="environments.id")
    start_time: DateTimeFilter | None = strawberry.field(
        default=None, description="Start of the metered interval."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *enum_conditions(BillingRecord.resource_type, self.resource_type),
            *key_conditions(BillingRecord.customer_id, self.customer_id, int),
            *key_conditions(BillingRecord.env_id, self.env_id),
            *datetime_conditions(BillingRecord.start_time, self.start_time),
        ]


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
class InvoiceWhere:
    status: EnumFilter[InvoiceStatus] | None = strawberry.field(
        default=None, description="Match the status (one value or a list)."
    )
    customer_id: KeyFilter | None = strawberry.field(default=None, description="customers.id")
    billing_period_start: DateTimeFilter | None = strawberry.field(
        default=None, description="Start of the billing period."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *enum_conditions(Invoice.status, self.status),
            *key_conditions(Invoice.customer_id, self.customer_id, int),
            *datetime_conditions(Invoice.billing_period_start, self.billing_period_start),
        ]


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
