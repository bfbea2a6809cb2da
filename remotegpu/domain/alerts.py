"""Alert rules (create, update, toggle, delete) and resolving a fired alert by hand.

A rule with `customer_id` NULL is platform-wide: only admins create, see or change it. A
customer's rules are its own; admins may change anyone's. A rule that fired keeps its alert
records as history, and those records must keep pointing at their rule (the invariant
`ref:alert_records.rule_id`), so such a rule can be disabled but not deleted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, delete, exists, false, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import AlertRecord, AlertRule
from remotegpu.domain.enums import AlertComparison, AlertSeverity
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.events import EventType, emit
from remotegpu.domain.validators import clean_name

NAME_MAX = 256
DESCRIPTION_MAX = 2000
DURATION_MAX = 86_400  # one day: longer conditions are trends, not alerts
DEFAULT_DURATION = 60


class MetricType(StrEnum):
    CPU_USAGE = "cpu_usage"
    MEMORY_USAGE = "memory_usage"
    GPU_USAGE = "gpu_usage"
    GPU_MEMORY_USAGE = "gpu_memory_usage"
    GPU_TEMPERATURE = "gpu_temperature"
    DISK_USAGE = "disk_usage"
    NETWORK_RX = "network_rx"
    NETWORK_TX = "network_tx"


# Inclusive bounds of a meaningful threshold per metric: usages are percentages, temperatures
# degrees Celsius a GPU can report, network rates bytes per second.
_THRESHOLD_BOUNDS: dict[MetricType, tuple[float, float]] = {
    MetricType.CPU_USAGE: (0.0, 100.0),
    MetricType.MEMORY_USAGE: (0.0, 100.0),
    MetricType.GPU_USAGE: (0.0, 100.0),
    MetricType.GPU_MEMORY_USAGE: (0.0, 100.0),
    MetricType.DISK_USAGE: (0.0, 100.0),
    MetricType.GPU_TEMPERATURE: (0.0, 150.0),
    MetricType.NETWORK_RX: (0.0, math.inf),
    MetricType.NETWORK_TX: (0.0, math.inf),
}

COMPARISONS = frozenset(AlertComparison)
SEVERITIES = frozenset(AlertSeverity)


@dataclass(frozen=True)
class AlertRuleSpec:
    """Everything a new rule needs; `platform_wide` makes it an admin-only rule of no customer."""

    name: str
    metric_type: str
    threshold: float
    comparison: str
    description: str | None = None
    duration: int = DEFAULT_DURATION
    severity: str = "warning"
    enabled: bool = True
    platform_wide: bool = False


@dataclass(frozen=True)
class AlertRuleChanges:
    """Fields to change; None leaves a field as it is (an empty description clears it)."""

    name: str | None = None
    description: str | None = None
    metric_type: str | None = None
    threshold: float | None = None
    comparison: str | None = None
    duration: int | None = None
    severity: str | None = None
    enabled: bool | None = None


def _clean_description(description: str | None) -> str | None:
    if description is None or not description.strip():
        return None
    if len(description) > DESCRIPTION_MAX:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"description must be at most {DESCRIPTION_MAX} characters",
            "description",
        )
    return description.strip()


def _metric(metric_type: str) -> MetricType:
    try:
        return MetricType(metric_type)
    except ValueError:
        known = ", ".join(m.value for m in MetricType)
        raise DomainError(
            ErrorCode.INVALID_INPUT, f"metricType must be one of {known}", "metric_type"
        ) from None


def _check_threshold(metric: MetricType, threshold: float) -> None:
    if not math.isfinite(threshold):
        raise DomainError(ErrorCode.INVALID_INPUT, "threshold must be a finite number", "threshold")
    low, high = _THRESHOLD_BOUNDS[metric]
    if not low <= threshold <= high:
        span = f"at least {low:g}" if math.isinf(high) else f"between {low:g} and {high:g}"
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"threshold for {metric.value} must be {span}",
            "threshold",
        )


def _check_choices(comparison: str | None, severity: str | None, duration: int | None) -> None:
    if comparison is not None and comparison not in COMPARISONS:
        raise DomainError(
            ErrorCode.INVALID_INPUT, "comparison must be >, <, >=, <= or ==", "comparison"
        )
    if severity is not None and severity not in SEVERITIES:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            "severity must be info, warning or critical",
            "severity",
        )
    if duration is not None and not 0 <= duration <= DURATION_MAX:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"duration must be 0 to {DURATION_MAX} seconds",
            "duration",
        )


def _writer_id(viewer: Viewer) -> int:
    if viewer.customer_id is None:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "log in first")
    return viewer.customer_id


def _is_admin(viewer: Viewer) -> bool:
    return viewer.is_admin and not viewer.is_agent


def _rules_of(viewer: Viewer) -> ColumnElement[bool]:
    """The rules the viewer may change: admins all; customers their own (never platform-wide)."""
    if _is_admin(viewer):
        return true()
    if viewer.customer_id is None or viewer.is_agent:
        return false()
    mine: ColumnElement[bool] = AlertRule.customer_id == viewer.customer_id
    return mine


def _records_of(viewer: Viewer) -> ColumnElement[bool]:
    if _is_admin(viewer):
        return true()
    if viewer.customer_id is None or viewer.is_agent:
        return false()
    mine: ColumnElement[bool] = AlertRecord.customer_id == viewer.customer_id
    return mine


async def _lock_rule(session: AsyncSession, viewer: Viewer, rule_id: int) -> AlertRule:
    """The rule, locked; another tenant's rule is NOT_FOUND exactly like a missing one."""
    stmt = select(AlertRule).where(AlertRule.id == rule_id, _rules_of(viewer)).with_for_update()
    rule = (await session.execute(stmt)).scalar_one_or_none()
    if rule is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"alert rule {rule_id} not found", "row_id")
    return rule


async def create_rule(session: AsyncSession, viewer: Viewer, spec: AlertRuleSpec) -> AlertRule:
    customer_id = _writer_id(viewer)
    if spec.platform_wide and not _is_admin(viewer):
        raise DomainError(
            ErrorCode.FORBIDDEN,
            "only platform admins may create platform-wide rules",
            "platform_wide",
        )
    name = clean_name(spec.name, NAME_MAX)
    description = _clean_description(spec.description)
    metric = _metric(spec.metric_type)
    _check_threshold(metric, spec.threshold)
    _check_choices(spec.comparison, spec.severity, spec.duration)
    rule = AlertRule(
        customer_id=None if spec.platform_wide else customer_id,
        name=name,
        description=description,
        metric_type=metric.value,
        threshold=float(spec.threshold),
        comparison=spec.comparison,
        duration=spec.duration,
        severity=spec.severity,
        enabled=spec.enabled,
    )
    session.add(rule)
    await session.flush()
    return rule


async def update_rule(
    session: AsyncSession, viewer: Viewer, rule_id: int, changes: AlertRuleChanges
) -> AlertRule:
    _writer_id(viewer)
    name = None if changes.name is None else clean_name(changes.name, NAME_MAX)
    metric = None if changes.metric_type is None else _metric(changes.metric_type)
    _check_choices(changes.comparison, changes.severity, changes.duration)
    if changes.threshold is not None and not math.isfinite(changes.threshold):
        raise DomainError(ErrorCode.INVALID_INPUT, "threshold must be a finite number", "threshold")
    description = None if changes.description is None else _clean_description(changes.description)
    rule = await _lock_rule(session, viewer, rule_id)
    # The bounds depend on the metric: check the pair as it will be after the change. A rule
    # stored with a metric outside the enum (the seed's heartbeat_age) keeps it unchecked.
    new_threshold = rule.threshold if changes.threshold is None else changes.threshold
    new_metric = metric or next((t for t in MetricType if t.value == rule.metric_type), None)
    if new_metric is not None:
        _check_threshold(new_metric, new_threshold)
    if name is not None:
        rule.name = name
    if changes.description is not None:
        rule.description = description
    if metric is not None:
        rule.metric_type = metric.value
    rule.threshold = float(new_threshold)
    if changes.comparison is not None:
        rule.comparison = changes.comparison
    if changes.duration is not None:
        rule.duration = changes.duration
    if changes.severity is not None:
        rule.severity = changes.severity
    if changes.enabled is not None:
        rule.enabled = changes.enabled
    await session.flush()
    return rule


async def toggle_rule(
    session: AsyncSession, viewer: Viewer, rule_id: int, enabled: bool
) -> AlertRule:
    _writer_id(viewer)
    rule = await _lock_rule(session, viewer, rule_id)
    rule.enabled = enabled
    await session.flush()
    return rule


async def delete_rule(session: AsyncSession, viewer: Viewer, rule_id: int) -> AlertRule:
    """Delete a rule that never fired; one with alert history is IN_USE (disable it instead)."""
    _writer_id(viewer)
    rule = await _lock_rule(session, viewer, rule_id)
    fired = await session.scalar(select(exists().where(AlertRecord.rule_id == rule_id)))
    if fired:
        raise DomainError(
            ErrorCode.IN_USE,
            "this rule has fired alerts, which are kept as history and refer to it: "
            "disable it instead (alertRuleToggle)",
            "row_id",
        )
    await session.execute(delete(AlertRule).where(AlertRule.id == rule_id))
    return rule


async def resolve_record(session: AsyncSession, viewer: Viewer, record_id: int) -> AlertRecord:
    """firing -> resolved by hand (the record's customer or an admin); emits alert.resolved."""
    _writer_id(viewer)
    stmt = (
        select(AlertRecord)
        .where(AlertRecord.id == record_id, _records_of(viewer))
        .with_for_update()
    )
    record = (await session.execute(stmt)).scalar_one_or_none()
    if record is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"alert {record_id} not found", "row_id")
    if record.status != "firing":
        raise DomainError(
            ErrorCode.INVALID_TRANSITION,
            f"alert {record_id} is {record.status}, only a firing alert can be resolved",
            "row_id",
        )
    resolved_at = datetime.now(UTC)
    record.status = "resolved"
    record.resolved_at = resolved_at
    await session.flush()
    await emit(
        session,
        EventType.ALERT_RESOLVED,
        customer_id=record.customer_id,
        resource_type="alert_record",
        resource_id=str(record.id),
        payload={
            "alertRecordId": record.id,
            "ruleId": record.rule_id,
            "metricType": record.metric_type,
            "resourceType": record.resource_type,
            "resourceId": record.resource_id,
            "currentValue": record.current_value,
            "threshold": record.threshold,
            "severity": record.severity,
            "resolvedAt": resolved_at.isoformat(),
            "resolvedBy": viewer.customer_id,
        },
    )
    return record
