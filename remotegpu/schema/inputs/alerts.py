"""Filters and orderings of the `alerts` area."""

from __future__ import annotations

from enum import Enum

import strawberry

from remotegpu.db.models import AlertRecord, AlertRule
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.enums import AlertSeverity, AlertStatus
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    KeyFilter,
    StringFilter,
)
from remotegpu.schema.inputs.filters import Where, filter_on


@strawberry.input(description="Filter alert rules.")
class AlertRuleWhere(Where):
    enabled: bool | None = filter_on(AlertRule.enabled, "Enabled or disabled.")
    customer_id: KeyFilter | None = filter_on(
        AlertRule.customer_id, "Owning customer (alert_rules.customer_id)."
    )
    severity: EnumFilter[AlertSeverity] | None = filter_on(AlertRule.severity, "Rule severity.")
    metric_type: StringFilter | None = filter_on(
        AlertRule.metric_type, "Metric the rule watches, e.g. gpu_usage."
    )


@strawberry.enum(description="Orderings of alert rules.")
class AlertRuleOrder(Enum):
    ID_ASC = "id_asc"
    NAME_ASC = "name_asc"
    CREATED_AT_DESC = "created_at_desc"


ALERT_RULE_ORDERINGS: dict[AlertRuleOrder, Ordering] = {
    AlertRuleOrder.ID_ASC: Ordering("id", (AlertRule.id,)),
    AlertRuleOrder.NAME_ASC: Ordering("name", (AlertRule.name, AlertRule.id)),
    AlertRuleOrder.CREATED_AT_DESC: Ordering(
        "created", (AlertRule.created_at, AlertRule.id), descending=True
    ),
}


@strawberry.input(description="Filter fired alerts (every field is an indexed column).")
class AlertRecordWhere(Where):
    status: EnumFilter[AlertStatus] | None = filter_on(AlertRecord.status, "Firing or resolved.")
    rule_id: KeyFilter | None = filter_on(
        AlertRecord.rule_id, "The rule that fired (alert_records.rule_id)."
    )
    customer_id: KeyFilter | None = filter_on(
        AlertRecord.customer_id, "The customer alerted (alert_records.customer_id)."
    )
    triggered_at: DateTimeFilter | None = filter_on(
        AlertRecord.triggered_at, "When the alert fired."
    )


@strawberry.enum(description="Orderings of fired alerts.")
class AlertRecordOrder(Enum):
    TRIGGERED_AT_DESC = "triggered_at_desc"
    ID_ASC = "id_asc"


ALERT_RECORD_ORDERINGS: dict[AlertRecordOrder, Ordering] = {
    AlertRecordOrder.TRIGGERED_AT_DESC: Ordering(
        "triggered", (AlertRecord.triggered_at, AlertRecord.id), descending=True
    ),
    AlertRecordOrder.ID_ASC: Ordering("id", (AlertRecord.id,)),
}
