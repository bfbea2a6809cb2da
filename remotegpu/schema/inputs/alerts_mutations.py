"""Inputs of the alert mutations: rules (create, update, toggle, delete) and resolving alerts."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from remotegpu.domain.alerts import DEFAULT_DURATION, MetricType
from remotegpu.schema.enums import AlertComparison, AlertSeverity
from remotegpu.schema.inputs.fields import optional

# Descriptions that more than one field shares.
_RULE = "rowId of the rule."


@strawberry.enum(description="Metrics an alert rule can watch (alert_rules.metric_type).")
class AlertMetricType(StrEnum):
    CPU_USAGE = MetricType.CPU_USAGE.value
    MEMORY_USAGE = MetricType.MEMORY_USAGE.value
    GPU_USAGE = MetricType.GPU_USAGE.value
    GPU_MEMORY_USAGE = MetricType.GPU_MEMORY_USAGE.value
    GPU_TEMPERATURE = MetricType.GPU_TEMPERATURE.value
    DISK_USAGE = MetricType.DISK_USAGE.value
    NETWORK_RX = MetricType.NETWORK_RX.value
    NETWORK_TX = MetricType.NETWORK_TX.value


_THRESHOLD = (
    "Value the metric is compared with: a percentage 0..100 for *_USAGE, degrees Celsius "
    "0..150 for GPU_TEMPERATURE, bytes per second (0 or more) for NETWORK_*."
)


@strawberry.input(description="A new alert rule.")
class AlertRuleCreateInput:
    name: str = strawberry.field(description="Name of the rule (1 to 256 characters).")
    metric_type: AlertMetricType = strawberry.field(description="Metric the rule watches.")
    threshold: float = strawberry.field(description=_THRESHOLD)
    comparison: AlertComparison = strawberry.field(
        description="How the metric is compared with the threshold."
    )
    description: str | None = optional("What the rule is for (at most 2000 characters).")
    duration: int = strawberry.field(
        default=DEFAULT_DURATION,
        description="Seconds the condition must hold before the rule fires (0 to 86400).",
    )
    severity: AlertSeverity = strawberry.field(
        default=AlertSeverity.WARNING, description="Severity of the alerts it fires."
    )
    enabled: bool = strawberry.field(default=True, description="Whether the rule is evaluated.")
    platform_wide: bool = strawberry.field(
        default=False,
        description="Platform admins only: a rule of no customer, watching the whole fleet. "
        "Otherwise the rule belongs to the viewer.",
    )


@strawberry.input(description="Changes to an alert rule; omitted fields stay as they are.")
class AlertRuleUpdateInput:
    row_id: int = strawberry.field(description=_RULE)
    name: str | None = optional("New name (1 to 256).")
    description: str | None = optional("New description; an empty string clears it.")
    metric_type: AlertMetricType | None = optional("New metric (the threshold must fit it).")
    threshold: float | None = optional(_THRESHOLD)
    comparison: AlertComparison | None = optional("New comparison.")
    duration: int | None = optional("New duration in seconds (0 to 86400).")
    severity: AlertSeverity | None = optional("New severity.")
    enabled: bool | None = optional("Enable or disable.")


@strawberry.input(description="Enable or disable an alert rule.")
class AlertRuleToggleInput:
    row_id: int = strawberry.field(description=_RULE)
    enabled: bool = strawberry.field(description="True to evaluate the rule, false to pause it.")


@strawberry.input(description="The alert rule to delete.")
class AlertRuleDeleteInput:
    row_id: int = strawberry.field(
        description="rowId of the rule. A rule that has fired alerts cannot be deleted (its "
        "alerts are history): disable it instead."
    )


@strawberry.input(description="The firing alert to mark resolved.")
class AlertRecordResolveInput:
    row_id: int = strawberry.field(description="rowId of the alert record.")
