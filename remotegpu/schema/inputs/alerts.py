"""Filters and orderings of the `alerts` area."""

from __future__ import annotations

from enum import Enum

import strawberry
from sqlalchemy import ColumnElement

from remotegpu.db.models import AlertRecord, AlertRule
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.enums import AlertSeverity, AlertStatus
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    KeyFilter,
    StringFilter,
    datetime_conditions,
    enum_conditions,
    key_conditions,
    string_conditions,
)


@strawberry.input(description="Filter alert rules.")
class AlertRuleWhere:
    enabled: bool | None = strawberry.field(default=None, description="Enabled or disabled.")
    customer_id: KeyFilter | None = strawberry.field(
        default=None, description="Owning customer (alert_rules.customer_id)."
    )
    severity: EnumFilter[AlertSeverity] | None = strawberry.field(
        default=None, description="Rule severity."
    )
    metric_type: StringFilter | None = strawberry.field(
        default=None, description="Metric the rule watches, e.g. gpu_usage."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        conds = [
            *key_conditions(AlertRule.customer_id, self.customer_id, int),
            *enum_conditions(AlertRule.severity, self.severity),
            *string_conditions(AlertRule.metric_type, self.metric_type),
        ]
        if self.enabled is not None:
            conds.append(AlertRule.enabled.is_(self.enabled))
        return conds


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
class AlertRecordWhere:
    status: EnumFilter[AlertStatus] | None = strawberry.field(
        default=None, description="Firing or resolved."
    )
    rule_id: KeyFilter | None = strawberry.field(
        default=None, description="The rule that fired (alert_records.rule_id)."
    )
    customer_id: KeyFilter | None = strawberry.field(
        default=None, description="The customer alerted (alert_records.customer_id)."
    )
    triggered_at: DateTimeFilter | None = strawberry.field(
        default=None, description="When the alert fired."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *enum_conditions(AlertRecord.status, self.status),
            *key_conditions(AlertRecord.rule_id, self.rule_id, int),
            *key_conditions(AlertRecord.customer_id, self.customer_id, int),
            *datetime_conditions(AlertRecord.triggered_at, self.triggered_at),
        ]


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
