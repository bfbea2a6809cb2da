"""Mutations of the `alerts` area: alert rules and resolving fired alerts by hand."""

from __future__ import annotations

import strawberry

from remotegpu.domain import alerts
from remotegpu.resolvers.mutate import Reload, mutation, returned_as
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

# The rule or alert as the viewer may see it after commit.
RULE = Reload(lambda loaders: loaders.alerts.alert_rule_by_id, AlertRule.from_row)
RECORD = Reload(lambda loaders: loaders.alerts.alert_record_by_id, AlertRecord.from_row)


@strawberry.type
class AlertsMutation:
    alert_rule_create = mutation(
        "Create an alert rule: `metric comparison threshold` held for `duration` seconds fires "
        "an alert. Customers' rules are their own; platformWide (admins only) makes a rule of "
        "no customer.",
        "alert_rule.create",
        AlertRuleCreateInput,
        AlertRuleCreatePayload,
        lambda session, viewer, input: alerts.create_rule(
            session, viewer, to_draft(alerts.AlertRuleSpec, input)
        ),
        alert_rule=RULE,
    )
    alert_rule_update = mutation(
        "Change an alert rule (own rules; admins any). The threshold must fit the metric after "
        "the change.",
        "alert_rule.update",
        AlertRuleUpdateInput,
        AlertRuleUpdatePayload,
        lambda session, viewer, input: alerts.update_rule(
            session, viewer, input.row_id, to_draft(alerts.AlertRuleChanges, input)
        ),
        resource_id=lambda input: input.row_id,
        alert_rule=RULE,
    )
    alert_rule_toggle = mutation(
        "Enable or disable an alert rule (own rules; admins any).",
        "alert_rule.toggle",
        AlertRuleToggleInput,
        AlertRuleTogglePayload,
        lambda session, viewer, input: alerts.toggle_rule(
            session, viewer, input.row_id, input.enabled
        ),
        resource_id=lambda input: input.row_id,
        alert_rule=RULE,
    )
    alert_rule_delete = mutation(
        "Delete an alert rule that never fired (own rules; admins any). A rule with alerts is "
        "IN_USE: its alerts are kept as history, so disable it instead.",
        "alert_rule.delete",
        AlertRuleDeleteInput,
        AlertRuleDeletePayload,
        lambda session, viewer, input: alerts.delete_rule(session, viewer, input.row_id),
        resource_id=lambda input: input.row_id,
        alert_rule=returned_as(AlertRule.from_row),
    )
    alert_record_resolve = mutation(
        "Mark a firing alert resolved (the alerted customer or an admin); emits "
        "alert.resolved. An alert that is already resolved is INVALID_TRANSITION.",
        "alert_record.resolve",
        AlertRecordResolveInput,
        AlertRecordResolvePayload,
        lambda session, viewer, input: alerts.resolve_record(session, viewer, input.row_id),
        resource_id=lambda input: input.row_id,
        alert_record=RECORD,
    )
