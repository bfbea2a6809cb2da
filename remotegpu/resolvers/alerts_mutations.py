"""Mutations of the `alerts` area: alert rules and resolving fired alerts by hand."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.domain import alerts
from remotegpu.resolvers.mutate import Reload, mutate, returned_as
from remotegpu.schema.inputs.alerts_mutations import (
    AlertRecordResolveInput,
    AlertRuleCreateInput,
    AlertRuleDeleteInput,
    AlertRuleToggleInput,
    AlertRuleUpdateInput,
)
from remotegpu.schema.inputs.drafts import to_draft
from remotegpu.schema.types.alerts import AlertRecord, AlertRule
from remotegpu.schema.types.alerts_payloads import (
    AlertRecordResolvePayload,
    AlertRuleCreatePayload,
    AlertRuleDeletePayload,
    AlertRuleTogglePayload,
    AlertRuleUpdatePayload,
)

Info = strawberry.Info[Context, None]

# The rule or alert as the viewer may see it after commit.
RULE = Reload(lambda loaders: loaders.alerts.alert_rule_by_id, AlertRule.from_row)
RECORD = Reload(lambda loaders: loaders.alerts.alert_record_by_id, AlertRecord.from_row)


@strawberry.type
class AlertsMutation:
    @strawberry.mutation(
        description="Create an alert rule: `metric comparison threshold` held for `duration` "
        "seconds fires an alert. Customers' rules are their own; platformWide (admins only) "
        "makes a rule of no customer."
    )
    async def alert_rule_create(
        self, info: Info, input: AlertRuleCreateInput
    ) -> AlertRuleCreatePayload:
        spec = to_draft(alerts.AlertRuleSpec, input)
        return await mutate(
            info,
            "alert_rule.create",
            lambda session, viewer: alerts.create_rule(session, viewer, spec),
            AlertRuleCreatePayload,
            alert_rule=RULE,
        )

    @strawberry.mutation(
        description="Change an alert rule (own rules; admins any). The threshold must fit the "
        "metric after the change."
    )
    async def alert_rule_update(
        self, info: Info, input: AlertRuleUpdateInput
    ) -> AlertRuleUpdatePayload:
        changes = to_draft(alerts.AlertRuleChanges, input)
        return await mutate(
            info,
            "alert_rule.update",
            lambda session, viewer: alerts.update_rule(session, viewer, input.row_id, changes),
            AlertRuleUpdatePayload,
            resource_id=input.row_id,
            alert_rule=RULE,
        )

    @strawberry.mutation(description="Enable or disable an alert rule (own rules; admins any).")
    async def alert_rule_toggle(
        self, info: Info, input: AlertRuleToggleInput
    ) -> AlertRuleTogglePayload:
        return await mutate(
            info,
            "alert_rule.toggle",
            lambda session, viewer: alerts.toggle_rule(
                session, viewer, input.row_id, input.enabled
            ),
            AlertRuleTogglePayload,
            resource_id=input.row_id,
            alert_rule=RULE,
        )

    @strawberry.mutation(
        description="Delete an alert rule that never fired (own rules; admins any). A rule with "
        "alerts is IN_USE: its alerts are kept as history, so disable it instead."
    )
    async def alert_rule_delete(
        self, info: Info, input: AlertRuleDeleteInput
    ) -> AlertRuleDeletePayload:
        return await mutate(
            info,
            "alert_rule.delete",
            lambda session, viewer: alerts.delete_rule(session, viewer, input.row_id),
            AlertRuleDeletePayload,
            resource_id=input.row_id,
            alert_rule=returned_as(AlertRule.from_row),
        )

    @strawberry.mutation(
        description="Mark a firing alert resolved (the alerted customer or an admin); emits "
        "alert.resolved. An alert that is already resolved is INVALID_TRANSITION."
    )
    async def alert_record_resolve(
        self, info: Info, input: AlertRecordResolveInput
    ) -> AlertRecordResolvePayload:
        return await mutate(
            info,
            "alert_record.resolve",
            lambda session, viewer: alerts.resolve_record(session, viewer, input.row_id),
            AlertRecordResolvePayload,
            resource_id=input.row_id,
            alert_record=RECORD,
        )
