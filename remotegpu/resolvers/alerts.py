"""Root fields of the `alerts` area: alert rules and fired alerts."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import AlertRecord as AlertRecordRow
from remotegpu.db.models import AlertRule as AlertRuleRow
from remotegpu.loaders.alerts import visible_alert_records, visible_alert_rules
from remotegpu.schema.inputs.alerts import (
    ALERT_RECORD_ORDERINGS,
    ALERT_RULE_ORDERINGS,
    AlertRecordOrder,
    AlertRecordWhere,
    AlertRuleOrder,
    AlertRuleWhere,
)
from remotegpu.schema.relations import root_connection_field
from remotegpu.schema.types.alerts import AlertRecord, AlertRule

Info = strawberry.Info[Context, None]


@strawberry.type
class AlertsQuery:
    alert_rules = root_connection_field(
        AlertRule,
        AlertRuleRow,
        visible_alert_rules,
        ALERT_RULE_ORDERINGS,
        AlertRuleWhere,
        default=AlertRuleOrder.ID_ASC,
        description="Alert rules (admins: all, platform-wide included; customers: their own).",
    )

    alert_records = root_connection_field(
        AlertRecord,
        AlertRecordRow,
        visible_alert_records,
        ALERT_RECORD_ORDERINGS,
        AlertRecordWhere,
        default=AlertRecordOrder.TRIGGERED_AT_DESC,
        description="Fired alerts, newest first (admins: all; customers: those raised for them).",
    )
