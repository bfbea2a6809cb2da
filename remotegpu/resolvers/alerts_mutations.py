"""Mutations of the `alerts` area: alert rules and resolving fired alerts by hand."""

from __future__ import annotations

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.domain import alerts
from remotegpu.resolvers.support import run_mutation
from remotegpu.schema.inputs.alerts_mutations import (
    AlertRecordResolveInput,
    AlertRuleCreateInput,
    AlertRuleDeleteInput,
    AlertRuleToggleInput,
    AlertRuleUpdateInput,
)
from remotegpu.schema.types.alerts import AlertRecord, AlertRule
from remotegpu.schema.types.alerts_payloads import (
    AlertRecordResolvePayload,
    AlertRuleCreatePayload,
    AlertRuleDeletePayload,
    AlertRuleTogglePayload,
    AlertRuleUpdatePayload,
)

Info = strawberry.Info[Context, None]


async def _rule(info: Info, rule_id: int | None) -> AlertRule | None:
    """The rule as the viewer may see it after commit."""
    if rule_id is None:
        return None
    row = await info.context.loaders.alerts.alert_rule_by_id.load(rule_id)
    return None if row is None else AlertRule.from_row(row)


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
        spec = alerts.AlertRuleSpec(
            name=input.name,
            description=input.description,
            metric_type=input.metric_type.value,
            threshold=input.threshold,
            comparison=input.comparison.value,
            duration=input.duration,
            severity=input.severity.value,
            enabled=input.enabled,
            platform_wide=input.platform_wide,
        )

        async def work(session: AsyncSession) -> tuple[int, str]:
            rule = await alerts.create_rule(session, info.context.viewer, spec)
            return rule.id, str(rule.id)

        outcome = await run_mutation(info, "alert_rule.create", "alert_rule", work)
        return AlertRuleCreatePayload(
            alert_rule=await _rule(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Change an alert rule (own rules; admins any). The threshold must fit the "
        "metric after the change."
    )
    async def alert_rule_update(
        self, info: Info, input: AlertRuleUpdateInput
    ) -> AlertRuleUpdatePayload:
        changes = alerts.AlertRuleChanges(
            name=input.name,
            description=input.description,
            metric_type=None if input.metric_type is None else input.metric_type.value,
            threshold=input.threshold,
            comparison=None if input.comparison is None else input.comparison.value,
            duration=input.duration,
            severity=None if input.severity is None else input.severity.value,
            enabled=input.enabled,
        )

        async def work(session: AsyncSession) -> tuple[int, str]:
            rule = await alerts.update_rule(session, info.context.viewer, input.row_id, changes)
            return rule.id, str(rule.id)

        outcome = await run_mutation(
            info, "alert_rule.update", "alert_rule", work, resource_id=str(input.row_id)
        )
        return AlertRuleUpdatePayload(
            alert_rule=await _rule(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(description="Enable or disable an alert rule (own rules; admins any).")
    async def alert_rule_toggle(
        self, info: Info, input: AlertRuleToggleInput
    ) -> AlertRuleTogglePayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            rule = await alerts.toggle_rule(
                session, info.context.viewer, input.row_id, input.enabled
            )
            return rule.id, str(rule.id)

        outcome = await run_mutation(
            info, "alert_rule.toggle", "alert_rule", work, resource_id=str(input.row_id)
        )
        return AlertRuleTogglePayload(
            alert_rule=await _rule(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Delete an alert rule that never fired (own rules; admins any). A rule with "
        "alerts is IN_USE: its alerts are kept as history, so disable it instead."
    )
    async def alert_rule_delete(
        self, info: Info, input: AlertRuleDeleteInput
    ) -> AlertRuleDeletePayload:
        async def work(session: AsyncSession) -> tuple[m.AlertRule, str]:
            rule = await alerts.delete_rule(session, info.context.viewer, input.row_id)
            return rule, str(rule.id)

        outcome = await run_mutation(
            info, "alert_rule.delete", "alert_rule", work, resource_id=str(input.row_id)
        )
        deleted = None if outcome.value is None else AlertRule.from_row(outcome.value)
        return AlertRuleDeletePayload(alert_rule=deleted, errors=outcome.errors)

    @strawberry.mutation(
        description="Mark a firing alert resolved (the alerted customer or an admin); emits "
        "alert.resolved. An alert that is already resolved is INVALID_TRANSITION."
    )
    async def alert_record_resolve(
        self, info: Info, input: AlertRecordResolveInput
    ) -> AlertRecordResolvePayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            record = await alerts.resolve_record(session, info.context.viewer, input.row_id)
            return record.id, str(record.id)

        outcome = await run_mutation(
            info, "alert_record.resolve", "alert_record", work, resource_id=str(input.row_id)
        )
        record = None
        if outcome.value is not None:
            row = await info.context.loaders.alerts.alert_record_by_id.load(outcome.value)
            record = None if row is None else AlertRecord.from_row(row)
        return AlertRecordResolvePayload(alert_record=record, errors=outcome.errors)
