"""Alert evaluation: every enabled rule against the recent samples, as a job function.

    changed = await evaluate_alert_rules(session, now)   # every minute

A rule `metric comparison threshold` held for `duration` seconds fires (domain-rules.md): on a
resource, the condition must hold on every sample since at least `now - duration`. Concretely,
over the samples of the last `duration + SAMPLE_GAP` seconds, the run finds per resource the
first breaching sample after the last non-breaching one ("breaching since"); the rule fires when
that is at or before `now - duration` and the newest sample breaches. Samples further apart than
SAMPLE_GAP prove nothing about the time between them, so a resource that reports too rarely to
cover the window does not fire. A firing alert is resolved when the newest recent sample no
longer breaches; a resource that stopped reporting keeps its alert (silence is not recovery).

Which samples a rule reads (scoped to its owner):
- platform-wide rules (customer_id NULL): every host, GPU and environment that has the metric;
- a customer's rule: its own environments and the GPUs allocated to them; never hosts (the
  host inventory is admin-only).
A metric maps to the raw column of each subject that carries it (db/models/metric_rollups.py);
rules on metrics no subject carries (the seed's heartbeat_age) are skipped.

Firing and resolving go through domain/alert_firing (one firing record per rule and resource,
notification, event). Idempotent: a second run at the same `now` finds every alert already in
the state it computes and changes nothing. Returns the number of alerts fired plus resolved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.models import AlertRecord, AlertRule
from remotegpu.db.models.metric_rollups import SUBJECTS, RollupSubject
from remotegpu.domain.alert_firing import fire_alert, resolve_cleared_alert
from remotegpu.domain.job_watermarks import aware

SAMPLE_GAP = timedelta(minutes=5)

# SQL operator of each rule comparison (the only text that reaches the statement from a row).
_OPERATORS = {">": ">", "<": "<", ">=": ">=", "<=": "<=", "==": "="}

# Per customer rule: the subject rows it may read.
_CUSTOMER_SCOPES = {
    "environment": "env_id IN (SELECT id FROM environments WHERE user_id = :customer_id)",
    "gpu": "gpu_id IN (SELECT g.id FROM gpus g JOIN environments e ON e.id = g.allocated_to"
    " WHERE e.user_id = :customer_id)",
}


@dataclass(frozen=True)
class ResourceState:
    """What the recent samples of one resource say about one rule."""

    breaching_since: datetime | None
    latest_value: float
    latest_breaches: bool


def _state_sql(subject: RollupSubject, column: str, operator: str, scope: str | None) -> str:
    scoped = f" AND {scope}" if scope else ""
    return f"""
        WITH s AS (
            SELECT {subject.key}::text AS resource_id, collected_at, {column}::float8 AS value,
                   ({column}::float8 {operator} :threshold) AS bad
            FROM {subject.raw_table}
            WHERE collected_at > :since AND collected_at <= :now
              AND {column} IS NOT NULL AND {column}::float8 <> 'NaN'::float8{scoped}
        ), marks AS (
            SELECT *, max(collected_at) FILTER (WHERE NOT bad)
                          OVER (PARTITION BY resource_id) AS last_ok,
                      row_number() OVER (PARTITION BY resource_id ORDER BY collected_at DESC)
                          AS recency
            FROM s
        )
        SELECT resource_id,
               min(collected_at) FILTER (WHERE bad AND (last_ok IS NULL OR collected_at > last_ok))
                   AS breaching_since,
               max(value) FILTER (WHERE recency = 1) AS latest_value,
               bool_or(bad) FILTER (WHERE recency = 1) AS latest_breaches
        FROM marks GROUP BY resource_id ORDER BY resource_id
    """


async def resource_states(
    session: AsyncSession, rule: AlertRule, subject: RollupSubject, now: datetime
) -> dict[str, ResourceState]:
    """Per resource of `subject` the rule may read: its recent samples' verdict."""
    scope: str | None = None
    params: dict[str, Any] = {
        "threshold": rule.threshold,
        "since": now - timedelta(seconds=rule.duration or 0) - SAMPLE_GAP,
        "now": now,
    }
    if rule.customer_id is not None:
        scope = _CUSTOMER_SCOPES[subject.name]
        params["customer_id"] = rule.customer_id
    sql = _state_sql(subject, subject.metrics[rule.metric_type], _OPERATORS[rule.comparison], scope)
    rows = (await session.execute(text(sql), params)).all()
    return {
        row.resource_id: ResourceState(row.breaching_since, row.latest_value, row.latest_breaches)
        for row in rows
    }


def _subjects_of(rule: AlertRule) -> list[RollupSubject]:
    if rule.comparison not in _OPERATORS:
        return []
    return [
        subject
        for subject in SUBJECTS
        if rule.metric_type in subject.metrics
        and (rule.customer_id is None or subject.name in _CUSTOMER_SCOPES)
    ]


async def _evaluate(
    session: AsyncSession, rule: AlertRule, subject: RollupSubject, now: datetime
) -> int:
    changed = 0
    states = await resource_states(session, rule, subject, now)
    held_since = now - timedelta(seconds=rule.duration or 0)
    for resource_id, state in states.items():
        since = state.breaching_since
        if state.latest_breaches and since is not None and since <= held_since:
            fired = await fire_alert(
                session,
                rule_id=rule.id,
                resource_type=subject.name,
                resource_id=resource_id,
                current_value=state.latest_value,
                now=now,
            )
            changed += fired is not None
    firing_ids = (
        await session.scalars(
            select(AlertRecord.resource_id).where(
                AlertRecord.rule_id == rule.id,
                AlertRecord.resource_type == subject.name,
                AlertRecord.status == "firing",
            )
        )
    ).all()
    for firing_id in firing_ids:
        state_now = None if firing_id is None else states.get(firing_id)
        if firing_id is not None and state_now is not None and not state_now.latest_breaches:
            resolved = await resolve_cleared_alert(
                session,
                rule_id=rule.id,
                resource_type=subject.name,
                resource_id=firing_id,
                now=now,
            )
            changed += resolved is not None
    return changed


async def evaluate_alert_rules(session: AsyncSession, now: datetime) -> int:
    """Evaluate every enabled rule at `now`; the number of alerts fired plus resolved."""
    now = aware(now)
    rules = (
        await session.scalars(
            select(AlertRule).where(AlertRule.enabled.is_(True)).order_by(AlertRule.id)
        )
    ).all()
    changed = 0
    for rule in rules:
        for subject in _subjects_of(rule):
            changed += await _evaluate(session, rule, subject, now)
    return changed
