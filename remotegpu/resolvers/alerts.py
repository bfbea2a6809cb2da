"""Root fields of the `alerts` area: alert rules and fired alerts."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import AlertRecord as AlertRecordRow
from remotegpu.db.models import AlertRule as AlertRuleRow
from remotegpu.loaders.alerts import visible_alert_records, visible_alert_rules
from remotegpu.schema.connections import root_connection
from remotegpu.schema.inputs.alerts import (
    ALERT_RECORD_ORDERINGS,
    ALERT_RULE_ORDERINGS,
    AlertRecordOrder,
    AlertRecordWhere,
    AlertRuleOrder,
    AlertRuleWhere,
)
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.alerts import AlertRecord, AlertRule

Info = strawberry.Info[Context, None]


@strawberry.type
class AlertsQuery:
    @strawberry.field(
        description="Alert rules (admins: all, platform-wide included; customers: their own)."
    )
    async def alert_rules(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: AlertRuleWhere | None = None,
        order_by: AlertRuleOrder = AlertRuleOrder.ID_ASC,
    ) -> Connection[AlertRule]:
        return await root_connection(
            info.context,
            AlertRuleRow,
            visible_alert_rules,
            AlertRule.from_row,
            ALERT_RULE_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(
        description="Fired alerts, newest first (admins: all; customers: those raised for them)."
    )
    async def alert_records(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: AlertRecordWhere | None = None,
        order_by: AlertRecordOrder = AlertRecordOrder.TRIGGERED_AT_DESC,
    ) -> Connection[AlertRecord]:
        return await root_connection(
            info.context,
            AlertRecordRow,
            visible_alert_records,
            AlertRecord.from_row,
            ALERT_RECORD_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )
