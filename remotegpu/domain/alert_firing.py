"""Firing and clearing alerts: what the alert evaluation job calls once it has decided.

The job watches the metrics; when a rule's `metric comparison threshold` has held for the rule's
`duration` on a resource it calls `fire_alert`, and when the condition no longer holds it calls
`resolve_cleared_alert`. Both run in the caller's transaction and never commit.

No duplicate while firing: the partial unique index `uq_alert_records_firing` (migration 14)
admits one firing record per rule and resource, and the record is inserted with
`ON CONFLICT DO NOTHING` against it, so concurrent evaluators of one rule and resource create
exactly one record (the others wait for its transaction and then insert nothing). The rule is
locked FOR SHARE: evaluators of different resources of one rule run in parallel, while a rule
change (alerts.update_rule/toggle_rule lock it FOR UPDATE) waits for them, and vice versa, so a
rule disabled in a committed transaction never fires afterwards.

A record belongs to the rule's customer; a platform-wide rule's record belongs to the owner of
the resource when that is an environment, otherwise to no customer (admins see it). The
customer, if any, gets a notification, and an `alert.fired` / `alert.resolved` event goes to the
outbox.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.models import AlertRecord, AlertRule, Environment
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.events import EventType, emit
from remotegpu.domain.notifications import NotificationKind, notify

RESOURCE_TYPE_MAX = 64
RESOURCE_ID_MAX = 128

_COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">": operator.gt,
    "<": operator.lt,
    ">=": operator.ge,
    "<=": operator.le,
    "==": operator.eq,
}

# Notification level of a fired alert, by rule severity.
_LEVELS = {"critical": "error", "warning": "warning", "info": "info"}


def breaches(comparison: str, value: float, threshold: float) -> bool:
    """Whether `value comparison threshold` holds (the alert condition); NaN never breaches."""
    try:
        compare = _COMPARE[comparison]
    except KeyError:
        raise _invalid("comparison", f"unknown comparison {comparison!r}") from None
    if math.isnan(value) or math.isnan(threshold):
        return False
    return compare(value, threshold)


def _invalid(field: str, message: str) -> DomainError:
    # The evaluation job's arguments, not a client's input object (DomainError.outside_input).
    return DomainError(ErrorCode.INVALID_INPUT, message, field, outside_input=True)


def _check_resource(resource_type: str, resource_id: str) -> None:
    # NULLs are distinct in a unique index: an empty resource would escape the one-firing rule.
    if not 1 <= len(resource_type) <= RESOURCE_TYPE_MAX:
        raise _invalid(
            "resource_type", f"resource_type must be 1 to {RESOURCE_TYPE_MAX} characters"
        )
    if not 1 <= len(resource_id) <= RESOURCE_ID_MAX:
        raise _invalid("resource_id", f"resource_id must be 1 to {RESOURCE_ID_MAX} characters")


def _at(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise _invalid("now", "now must be timezone-aware")
    return now


def _message(rule: AlertRule, resource_type: str, resource_id: str, value: float) -> str:
    return (
        f"{rule.metric_type} {value:g} {rule.comparison} {rule.threshold:g} "
        f"on {resource_type} {resource_id} (rule {rule.name!r})"
    )


def _payload(record: AlertRecord, rule: AlertRule) -> dict[str, Any]:
    return {
        "alertRecordId": record.id,
        "ruleId": record.rule_id,
        "ruleName": rule.name,
        "metricType": record.metric_type,
        "comparison": rule.comparison,
        "resourceType": record.resource_type,
        "resourceId": record.resource_id,
        "currentValue": record.current_value,
        "threshold": record.threshold,
        "severity": record.severity,
        "message": record.message,
        "triggeredAt": record.triggered_at.isoformat() if record.triggered_at else None,
    }


async def _owner(
    session: AsyncSession, rule: AlertRule, resource_type: str, resource_id: str
) -> int | None:
    if rule.customer_id is not None:
        return rule.customer_id
    if resource_type != "environment":
        return None
    owner: int | None = await session.scalar(
        select(Environment.user_id).where(Environment.id == resource_id)
    )
    return owner


async def fire_alert(
    session: AsyncSession,
    *,
    rule_id: int,
    resource_type: str,
    resource_id: str,
    current_value: float,
    now: datetime | None = None,
) -> AlertRecord | None:
    """Open a firing alert of `rule_id` on the resource; None if the rule is disabled or the
    resource already has a firing alert of that rule. NOT_FOUND for a missing rule,
    INVALID_INPUT for an empty resource or a value that does not breach the rule."""
    _check_resource(resource_type, resource_id)
    triggered_at = _at(now)
    rule = await session.scalar(
        select(AlertRule).where(AlertRule.id == rule_id).with_for_update(read=True)
    )
    if rule is None:
        raise DomainError(
            ErrorCode.NOT_FOUND,
            f"alert rule {rule_id} not found",
            "rule_id",
            outside_input=True,
        )
    if not rule.enabled:
        return None
    if not math.isfinite(current_value) or not breaches(
        rule.comparison, current_value, rule.threshold
    ):
        raise _invalid(
            "current_value",
            f"{rule.metric_type} {current_value:g} does not breach "
            f"{rule.comparison} {rule.threshold:g}",
        )
    customer_id = await _owner(session, rule, resource_type, resource_id)
    stmt = (
        insert(AlertRecord)
        .values(
            rule_id=rule.id,
            customer_id=customer_id,
            resource_type=resource_type,
            resource_id=resource_id,
            metric_type=rule.metric_type,
            current_value=float(current_value),
            threshold=rule.threshold,
            severity=rule.severity or "warning",
            status="firing",
            message=_message(rule, resource_type, resource_id, current_value),
            triggered_at=triggered_at,
        )
        .on_conflict_do_nothing(
            index_elements=["rule_id", "resource_type", "resource_id"],
            index_where=AlertRecord.status == "firing",
        )
        .returning(AlertRecord)
    )
    record = (await session.scalars(stmt)).one_or_none()
    if record is None:  # already firing (perhaps since a concurrent transaction's commit)
        return None
    if customer_id is not None:
        await notify(
            session,
            customer_id,
            NotificationKind.ALERT,
            f"Alert: {rule.name}",
            record.message,
            _LEVELS.get(record.severity, "warning"),
        )
    await emit(
        session,
        EventType.ALERT_FIRED,
        customer_id=customer_id,
        resource_type="alert_record",
        resource_id=str(record.id),
        payload=_payload(record, rule),
    )
    return record


async def resolve_cleared_alert(
    session: AsyncSession,
    *,
    rule_id: int,
    resource_type: str,
    resource_id: str,
    now: datetime | None = None,
) -> AlertRecord | None:
    """The rule's condition no longer holds on the resource: resolve its firing alert (None if
    there is none, e.g. already resolved by hand or by a concurrent evaluator)."""
    _check_resource(resource_type, resource_id)
    resolved_at = _at(now)
    record = await session.scalar(
        select(AlertRecord)
        .where(
            AlertRecord.rule_id == rule_id,
            AlertRecord.resource_type == resource_type,
            AlertRecord.resource_id == resource_id,
            AlertRecord.status == "firing",
        )
        .with_for_update()
    )
    if record is None:
        return None
    rule = await session.scalar(select(AlertRule).where(AlertRule.id == rule_id))
    if rule is None:  # records keep their rule (alerts.delete_rule refuses): a broken row
        raise DomainError(
            ErrorCode.NOT_FOUND,
            f"alert rule {rule_id} not found",
            "rule_id",
            outside_input=True,
        )
    record.status = "resolved"
    record.resolved_at = resolved_at
    await session.flush()
    payload = _payload(record, rule) | {
        "resolvedAt": resolved_at.isoformat(),
        "resolvedBy": None,
    }
    if record.customer_id is not None:
        await notify(
            session,
            record.customer_id,
            NotificationKind.ALERT,
            f"Resolved: {rule.name}",
            f"Cleared: {record.message}",
            "info",
        )
    await emit(
        session,
        EventType.ALERT_RESOLVED,
        customer_id=record.customer_id,
        resource_type="alert_record",
        resource_id=str(record.id),
        payload=payload,
    )
    return record
