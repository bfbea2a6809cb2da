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
rules on metrics no subject carries (the seed's heartbeat_age) are skipped. Customers' rules
(hundreds) are evaluated in one statement per subject and metric, the rules passed as arrays;
platform-wide rules (a handful) one statement each.

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

# Per customer rule (one row of `r`): the subjects it may read, as `key`.
_OWNED = {
    "environment": "SELECT r.*, e.id AS key FROM r JOIN environments e"
    " ON e.user_id = r.customer_id",
    "gpu": "SELECT r.*, g.id AS key FROM r JOIN environments e ON e.user_id = r.customer_id"
    " JOIN gpus g ON g.allocated_to = e.id",
}

# From the samples `s` (rule_id, resource_id, collected_at, value, bad): per rule and resource,
# the first breaching sample after the last good one, and the newest sample's value and verdict.
_VERDICT = """
    , marks AS (
        SELECT *, max(collected_at) FILTER (WHERE NOT bad)
                      OVER (PARTITION BY rule_id, resource_id) AS last_ok,
                  row_number() OVER (PARTITION BY rule_id, resource_id ORDER BY collected_at DESC)
                      AS recency
        FROM s
    )
    SELECT rule_id, resource_id,
           min(collected_at) FILTER (WHERE bad AND (last_ok IS NULL OR collected_at > last_ok))
               AS breaching_since,
           max(value) FILTER (WHERE recency = 1) AS latest_value,
           bool_or(bad) FILTER (WHERE recency = 1) AS latest_breaches
    FROM marks GROUP BY rule_id, resource_id ORDER BY rule_id, resource_id
"""


@dataclass(frozen=True)
class ResourceState:
    """What the recent samples of one resource say about one rule."""

    breaching_since: datetime | None
    latest_value: float
    latest_breaches: bool


def _platform_sql(subject: RollupSubject, column: str, operator: str) -> str:
    """One platform-wide rule over every resource of the subject."""
    return (
        f"""
        WITH s AS (
            SELECT CAST(:rule_id AS bigint) AS rule_id, {subject.key}::text AS resource_id,
                   collected_at, {column}::float8 AS value,
                   ({column}::float8 {operator} :threshold) AS bad
            FROM {subject.raw_table}
            WHERE collected_at > :since AND collected_at <= :now
              AND {column} IS NOT NULL AND {column}::float8 <> 'NaN'::float8
        )"""
        + _VERDICT
    )


def _customers_sql(subject: RollupSubject, column: str) -> str:
    """Every customer rule of one metric over the subject's resources of its customer, in one
    statement (the rules come as arrays; each reads its own window and comparison)."""
    value = f"m.{column}::float8"
    compare = " ".join(
        f"WHEN '{comparison}' THEN {value} {operator} o.threshold"
        for comparison, operator in _OPERATORS.items()
    )
    return (
        f"""
        WITH r AS (
            SELECT * FROM unnest(CAST(:rule_ids AS bigint[]), CAST(:customer_ids AS bigint[]),
                                 CAST(:thresholds AS float8[]), CAST(:comparisons AS text[]),
                                 CAST(:durations AS int[]))
                AS r(rule_id, customer_id, threshold, comparison, duration)
        ), owned AS ({_OWNED[subject.name]}),
        s AS (
            SELECT o.rule_id, m.{subject.key}::text AS resource_id, m.collected_at,
                   {value} AS value, CASE o.comparison {compare} END AS bad
            FROM owned o JOIN {subject.raw_table} m ON m.{subject.key} = o.key
            WHERE m.collected_at > CAST(:now AS timestamptz)
                                   - make_interval(secs => o.duration) - CAST(:gap AS interval)
              AND m.collected_at <= :now
              AND m.{column} IS NOT NULL AND {value} <> 'NaN'::float8
        )"""
        + _VERDICT
    )


States = dict[int, dict[str, "ResourceState"]]


def _states(rows: Any) -> States:
    found: States = {}
    for row in rows:
        found.setdefault(row.rule_id, {})[row.resource_id] = ResourceState(
            row.breaching_since, row.latest_value, row.latest_breaches
        )
    return found


async def platform_states(
    session: AsyncSession, rule: AlertRule, subject: RollupSubject, now: datetime
) -> dict[str, ResourceState]:
    """Per resource of `subject`: what its recent samples say about a platform-wide rule."""
    params: dict[str, Any] = {
        "rule_id": rule.id,
        "threshold": rule.threshold,
        "since": now - timedelta(seconds=rule.duration or 0) - SAMPLE_GAP,
        "now": now,
    }
    column = subject.metrics[rule.metric_type]
    sql = _platform_sql(subject, column, _OPERATORS[rule.comparison])
    return _states((await session.execute(text(sql), params)).all()).get(rule.id, {})


async def customer_states(
    session: AsyncSession, rules: list[AlertRule], subject: RollupSubject, now: datetime
) -> States:
    """Per customer rule (all of one metric) and resource of its customer: the verdict."""
    params: dict[str, Any] = {
        "rule_ids": [rule.id for rule in rules],
        "customer_ids": [rule.customer_id for rule in rules],
        "thresholds": [rule.threshold for rule in rules],
        "comparisons": [rule.comparison for rule in rules],
        "durations": [rule.duration or 0 for rule in rules],
        "now": now,
        "gap": SAMPLE_GAP,
    }
    column = subject.metrics[rules[0].metric_type]
    return _states((await session.execute(text(_customers_sql(subject, column)), params)).all())


def _subjects_of(rule: AlertRule) -> list[RollupSubject]:
    if rule.comparison not in _OPERATORS:
        return []
    return [
        subject
        for subject in SUBJECTS
        if rule.metric_type in subject.metrics
        and (rule.customer_id is None or subject.name in _OWNED)
    ]


async def _apply(
    session: AsyncSession,
    rule: AlertRule,
    subject: RollupSubject,
    now: datetime,
    states: dict[str, ResourceState],
) -> int:
    """Fire and resolve the rule's alerts on the subject's resources as `states` say."""
    changed = 0
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
    # Customers' rules: one statement per subject and metric for all of them.
    groups: dict[tuple[str, str], list[AlertRule]] = {}
    for rule in rules:
        if rule.customer_id is not None:
            for subject in _subjects_of(rule):
                groups.setdefault((subject.name, rule.metric_type), []).append(rule)
    grouped: dict[tuple[int, str], dict[str, ResourceState]] = {}
    for (subject_name, _metric), group in groups.items():
        subject = next(s for s in SUBJECTS if s.name == subject_name)
        found = await customer_states(session, group, subject, now)
        for rule in group:
            grouped[(rule.id, subject_name)] = found.get(rule.id, {})
    changed = 0
    for rule in rules:
        for subject in _subjects_of(rule):
            states = grouped.get((rule.id, subject.name))
            if states is None:  # platform-wide: one statement per rule (there are few)
                states = await platform_states(session, rule, subject, now)
            changed += await _apply(session, rule, subject, now, states)
    return changed
