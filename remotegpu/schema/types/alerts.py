"""Types of the `alerts` area: AlertRule and AlertRecord."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.schema.connections import child_connection
from remotegpu.schema.enums import AlertComparison, AlertSeverity, AlertStatus
from remotegpu.schema.inputs.alerts import (
    ALERT_RECORD_ORDERINGS,
    AlertRecordOrder,
    AlertRecordWhere,
)
from remotegpu.schema.node import Node
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.base import col, from_row, table_doc

if TYPE_CHECKING:
    from remotegpu.schema.types.customers import Customer

Info = strawberry.Info[Context, None]
CustomerT = Annotated["Customer", strawberry.lazy("remotegpu.schema.types.customers")]


async def _customer(info: Info, customer_id: int | None) -> Any:
    from remotegpu.schema.types.customers import Customer

    if customer_id is None:
        return None
    row = await info.context.loaders.customers.customer_by_id.load(customer_id)
    return None if row is None else Customer.from_row(row)


R = "alert_rules"


@strawberry.type(description=table_doc(R))
class AlertRule(Node):
    row_id: int = col(R, "id")
    customer_id: int | None = col(R, "customer_id")
    name: str = col(R, "name")
    description: str | None = col(R, "description")
    metric_type: str = col(R, "metric_type")
    threshold: float = col(R, "threshold")
    comparison: AlertComparison = col(R, "comparison")
    duration: int | None = col(R, "duration")
    severity: AlertSeverity | None = col(R, "severity")
    enabled: bool | None = col(R, "enabled")
    created_at: datetime | None = col(R, "created_at")
    updated_at: datetime | None = col(R, "updated_at")

    @strawberry.field(description="The customer owning this rule; null for platform-wide rules.")
    async def owner(self, info: Info) -> CustomerT | None:
        customer: CustomerT | None = await _customer(info, self.customer_id)
        return customer

    @strawberry.field(description="Alerts this rule fired, newest first, visible to the viewer.")
    async def records(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: AlertRecordWhere | None = None,
        order_by: AlertRecordOrder = AlertRecordOrder.TRIGGERED_AT_DESC,
    ) -> Connection[AlertRecord]:
        loaders = info.context.loaders.alerts
        return await child_connection(
            info.context,
            loaders.alert_records_page_by_rule_id,
            loaders.alert_records_count_by_rule_id,
            self.row_id,
            AlertRecord.from_row,
            ALERT_RECORD_ORDERINGS[order_by],
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @classmethod
    def from_row(cls, row: m.AlertRule) -> AlertRule:
        return from_row(cls, row)


A = "alert_records"


@strawberry.type(description=table_doc(A))
class AlertRecord(Node):
    row_id: int = col(A, "id")
    rule_id: int = col(A, "rule_id")
    customer_id: int | None = col(A, "customer_id")
    resource_type: str | None = col(A, "resource_type")
    resource_id: str | None = col(A, "resource_id")
    metric_type: str = col(A, "metric_type")
    current_value: float = col(A, "current_value")
    threshold: float = col(A, "threshold")
    severity: AlertSeverity = col(A, "severity")
    status: AlertStatus | None = col(A, "status")
    message: str | None = col(A, "message")
    triggered_at: datetime | None = col(A, "triggered_at")
    resolved_at: datetime | None = col(A, "resolved_at")

    @strawberry.field(description="The rule that fired this alert (null if not visible).")
    async def rule(self, info: Info) -> AlertRule | None:
        row = await info.context.loaders.alerts.alert_rule_by_id.load(self.rule_id)
        return None if row is None else AlertRule.from_row(row)

    @strawberry.field(description="The customer this alert was raised for.")
    async def customer(self, info: Info) -> CustomerT | None:
        customer: CustomerT | None = await _customer(info, self.customer_id)
        return customer

    @classmethod
    def from_row(cls, row: m.AlertRecord) -> AlertRecord:
        return from_row(cls, row)
