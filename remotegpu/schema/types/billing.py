"""Types of the `billing` area: billing records and invoices."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.schema.enums import BillingResourceType, InvoiceStatus
from remotegpu.schema.inputs.billing import (
    BILLING_RECORD_ORDERINGS,
    BillingRecordOrder,
    BillingRecordWhere,
)
from remotegpu.schema.node import Node
from remotegpu.schema.relations import children, customer_reference, reference
from remotegpu.schema.scalars import Money
from remotegpu.schema.types.base import col, from_row, table_doc

if TYPE_CHECKING:
    from remotegpu.schema.types.environments import Environment

Info = strawberry.Info[Context, None]
EnvironmentT = Annotated["Environment", strawberry.lazy("remotegpu.schema.types.environments")]


B = "billing_records"


@strawberry.type(description=table_doc(B))
class BillingRecord(Node):
    row_id: int = col(B, "id")
    customer_id: int = col(B, "customer_id")
    env_id: str | None = col(B, "env_id")
    resource_type: BillingResourceType = col(B, "resource_type")
    quantity: float = col(B, "quantity")
    unit_price: Money = col(B, "unit_price")
    amount: Money = col(B, "amount")
    currency: str | None = col(B, "currency")
    start_time: datetime = col(B, "start_time")
    end_time: datetime = col(B, "end_time")
    created_at: datetime | None = col(B, "created_at")

    customer = customer_reference("customer_id", description="The customer billed.", compiled=False)

    environment = reference(
        EnvironmentT,
        "environments.environment_by_id",
        "env_id",
        description="The environment whose usage was metered, if any.",
    )

    @classmethod
    def from_row(cls, row: m.BillingRecord) -> BillingRecord:
        return from_row(cls, row)


INV = "invoices"


@strawberry.type(description=table_doc(INV))
class Invoice(Node):
    row_id: int = col(INV, "id")
    invoice_no: str = col(INV, "invoice_no")
    customer_id: int = col(INV, "customer_id")
    billing_period_start: datetime = col(INV, "billing_period_start")
    billing_period_end: datetime = col(INV, "billing_period_end")
    total_amount: Money = col(INV, "total_amount")
    currency: str | None = col(INV, "currency")
    status: InvoiceStatus | None = col(INV, "status")
    paid_at: datetime | None = col(INV, "paid_at")
    created_at: datetime | None = col(INV, "created_at")
    updated_at: datetime | None = col(INV, "updated_at")

    customer = customer_reference("customer_id", description="The customer billed.", compiled=False)

    records = children(
        BillingRecord,
        "billing.billing_records_page_by_invoice_id",
        BILLING_RECORD_ORDERINGS,
        BillingRecordWhere,
        default=BillingRecordOrder.START_TIME_DESC,
        description="The customer's billing records whose start_time falls in the billing "
        "period [billingPeriodStart, billingPeriodEnd).",
        compiled=False,
    )

    @classmethod
    def from_row(cls, row: m.Invoice) -> Invoice:
        return from_row(cls, row)
