"""Payloads of the alert mutations."""

from __future__ import annotations

import strawberry

from remotegpu.schema.types.alerts import AlertRecord, AlertRule
from remotegpu.schema.types.payload import Payload, payload


def _why(what: str) -> str:
    return f"Why the {what} did not happen; empty on success."


@payload("Result of `alertRuleCreate`.", errors=_why("rule creation"))
class AlertRuleCreatePayload(Payload):
    alert_rule: AlertRule | None = strawberry.field(default=None, description="The new rule.")


@payload("Result of `alertRuleUpdate`.", errors=_why("change"))
class AlertRuleUpdatePayload(Payload):
    alert_rule: AlertRule | None = strawberry.field(
        default=None, description="The rule after the change."
    )


@payload("Result of `alertRuleToggle`.", errors=_why("change"))
class AlertRuleTogglePayload(Payload):
    alert_rule: AlertRule | None = strawberry.field(
        default=None, description="The rule, enabled or disabled."
    )


@payload("Result of `alertRuleDelete`.", errors=_why("deletion"))
class AlertRuleDeletePayload(Payload):
    alert_rule: AlertRule | None = strawberry.field(
        default=None, description="The rule as it was before it was deleted."
    )


@payload("Result of `alertRecordResolve`.", errors=_why("resolution"))
class AlertRecordResolvePayload(Payload):
    alert_record: AlertRecord | None = strawberry.field(
        default=None, description="The alert, now resolved (resolvedAt set)."
    )
