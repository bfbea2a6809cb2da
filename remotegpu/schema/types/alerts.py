"""Types of the `alerts` area: AlertRule and AlertRecord."""

from __future__ import annotations

from datetime import datetime

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.schema.enums import AlertComparison, AlertSeverity, AlertStatus
from remotegpu.schema.inputs.alerts import (
    ALERT_RECORD_ORDERINGS,
    AlertRecordOrder,
    AlertRecordWhere,
)
from remotegpu.schema.node import Node
from remotegpu.schema.relations import children, customer_reference, lazy_type, reference
from remotegpu.schema.types.base import col, from_row, table_doc

Info = strawberry.Info[Context, None]


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

    owner = customer_reference(
        "customer_id",
        description="The customer owning this rule; null for platform-wide rules.",
        compiled=False,
    )

    records = children(
        lazy_type("remotegpu.schema.types.alerts", "AlertRecord"),  # declared below
        "alerts.alert_records_page_by_rule_id",
        ALERT_RECORD_ORDERINGS,
        AlertRecordWhere,
        default=AlertRecordOrder.TRIGGERED_AT_DESC,
        description="Alerts this rule fired, newest first, visible to the viewer.",
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

    rule = reference(
        AlertRule,
        "alerts.alert_rule_by_id",
        "rule_id",
        description="The rule that fired this alert (null if not visible).",
    )

    customer = customer_reference(
        "customer_id", description="The customer this alert was raised for.", compiled=False
    )

    @classmethod
    def from_row(cls, row: m.AlertRecord) -> AlertRecord:
        return from_row(cls, row)
