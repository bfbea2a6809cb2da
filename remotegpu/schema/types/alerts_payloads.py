"""Payloads of the alert mutations."""

from __future__ import annotations

from typing import Any

import strawberry

from remotegpu.schema.errors import UserError
from remotegpu.schema.types.alerts import AlertRecord, AlertRule


def _errors(what: str) -> Any:
    """The `errors` field of a payload (Any: a dataclass field default, not a list)."""
    return strawberry.field(
        default_factory=list, description=f"Why the {what} did not happen; empty on success."
    )


@strawberry.type(description="Result of `alertRuleCreate`.")
class AlertRuleCreatePayload:
    alert_rule: AlertRule | None = strawberry.field(default=None, description="The new rule.")
    errors: list[UserError] = _errors("rule creation")


@strawberry.type(description="Result of `alertRuleUpdate`.")
class AlertRuleUpdatePayload:
    alert_rule: AlertRule | None = strawberry.field(
        default=None, description="The rule after the change."
    )
    errors: list[UserError] = _errors("change")


@strawberry.type(description="Result of `alertRuleToggle`.")
class AlertRuleTogglePayload:
    alert_rule: AlertRule | None = strawberry.field(
        default=None, description="The rule, enabled or disabled."
    )
    errors: list[UserError] = _errors("change")


@strawberry.type(description="Result of `alertRuleDelete`.")
class AlertRuleDeletePayload:
    alert_rule: AlertRule | None = strawberry.field(
        default=None, description="The rule as it was before it was deleted."
    )
    errors: list[UserError] = _errors("deletion")


@strawberry.type(description="Result of `alertRecordResolve`.")
class AlertRecordResolvePayload:
    alert_record: AlertRecord | None = strawberry.field(
        default=None, description="The alert, now resolved (resolvedAt set)."
    )
    errors: list[UserError] = _errors("resolution")
