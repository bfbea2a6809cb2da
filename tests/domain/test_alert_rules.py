"""Alert rule mutations and resolving alerts: every rule passing and failing, with the payload,
the database afterwards, the audit row and the invariant checker."""

from __future__ import annotations

import math
from typing import Any

import asyncpg
import pytest

from remotegpu.auth.viewer import ANONYMOUS, Viewer
from remotegpu.db.engine import create_engine, create_session_factory, transaction
from remotegpu.domain import alerts
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.settings import Settings
from tests.graphql import GraphQLRunner, customer_viewer
from tests.support.db import (
    fetch,
    first_admin,
    first_row,
    last_audit,
    last_audit_of,
    last_audit_outcome,
    value,
    violations,
)
from tests.support.documents import mutation_document

RULE_FIELDS = (
    "alertRule { rowId customerId name description metricType threshold comparison duration"
    " severity enabled }"
)
CREATE, UPDATE, TOGGLE, DELETE = (
    mutation_document(f"alertRule{verb}", RULE_FIELDS)
    for verb in ("Create", "Update", "Toggle", "Delete")
)

RESOLVE = mutation_document(
    "alertRecordResolve",
    "alertRecord { rowId ruleId customerId status resolvedAt }",
)

RULE_COLUMNS = (
    "customer_id, name, description, metric_type, threshold, comparison, duration, severity, "
    "enabled"
)


# --- helpers -------------------------------------------------------------------------------


async def customers(url: str, n: int = 2) -> list[Viewer]:
    ids = [
        r[0]
        for r in await fetch(
            url,
            "SELECT id FROM customers WHERE user_type <> 'admin' AND status = 'active'"
            " AND deleted_at IS NULL ORDER BY id LIMIT $1",
            n,
        )
    ]
    return [customer_viewer(i) for i in ids]


async def rule_row(url: str, rule_id: int) -> asyncpg.Record | None:
    rows = await fetch(url, f"SELECT {RULE_COLUMNS} FROM alert_rules WHERE id = $1", rule_id)
    return rows[0] if rows else None


def spec(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": "GPU hot",
        "metricType": "GPU_TEMPERATURE",
        "threshold": 85.0,
        "comparison": "GT",
    }
    return {**base, **overrides}


async def create(gql: GraphQLRunner, viewer: Viewer, **overrides: Any) -> dict[str, Any]:
    data = await gql.ok(CREATE, {"input": spec(**overrides)}, viewer)
    payload: dict[str, Any] = data["alertRuleCreate"]
    assert payload["errors"] == [], payload["errors"]
    return payload["alertRule"]  # type: ignore[no-any-return]


async def snapshot(url: str) -> list[asyncpg.Record]:
    return await fetch(url, f"SELECT id, {RULE_COLUMNS} FROM alert_rules ORDER BY id")


async def firing_record_of(url: str, customer_id: int) -> int:
    """A firing alert of a rule of `customer_id` (the seed's firing alerts are platform-wide)."""
    rule_id = await value(
        url, "SELECT min(id) FROM alert_rules WHERE customer_id = $1", customer_id
    )
    if rule_id is None:
        rule_id = await value(
            url,
            "INSERT INTO alert_rules (customer_id, name, metric_type, threshold, comparison)"
            " VALUES ($1, 'seed rule', 'cpu_usage', 90, '>') RETURNING id",
            customer_id,
        )
    record_id: int = await value(
        url,
        "INSERT INTO alert_records (rule_id, customer_id, resource_type, resource_id,"
        " metric_type, current_value, threshold, severity, status)"
        " VALUES ($1, $2, 'host', 'host-test', 'cpu_usage', 97.5, 90, 'warning', 'firing')"
        " RETURNING id",
        rule_id,
        customer_id,
    )
    return record_id


# --- alertRuleCreate -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("comparison", "stored"), [("GT", ">"), ("LT", "<"), ("GTE", ">="), ("LTE", "<="), ("EQ", "==")]
)
async def test_alert_rule_create_customer_rule_belongs_to_viewer(
    gql: GraphQLRunner, comparison: str, stored: str
) -> None:
    (viewer,) = await customers(gql.url, 1)
    rule = await create(gql, viewer, comparison=comparison, description="  too hot  ")

    assert rule["customerId"] == viewer.customer_id
    assert rule["comparison"] == comparison
    row = await rule_row(gql.url, rule["rowId"])
    assert row is not None
    assert dict(row) == {
        "customer_id": viewer.customer_id,
        "name": "GPU hot",
        "description": "too hot",
        "metric_type": "gpu_temperature",
        "threshold": 85.0,
        "comparison": stored,
        "duration": 60,
        "severity": "warning",
        "enabled": True,
    }
    audited = (viewer.customer_id, "alert_rule", str(rule["rowId"]), 200)
    assert await last_audit_outcome(gql.url, "alert_rule.create") == audited
    assert await violations(gql.url) == []


async def test_alert_rule_create_platform_wide_by_admin_has_no_owner(gql: GraphQLRunner) -> None:
    viewer = await first_admin(gql.url)
    rule = await create(
        gql, viewer, platformWide=True, severity="CRITICAL", duration=0, enabled=False
    )

    assert rule["customerId"] is None
    row = await rule_row(gql.url, rule["rowId"])
    assert row is not None
    assert (row["customer_id"], row["severity"], row["duration"], row["enabled"]) == (
        None,
        "critical",
        0,
        False,
    )
    assert (await last_audit(gql.url, "alert_rule.create"))["status_code"] == 200
    assert await violations(gql.url) == []


async def test_alert_rule_create_platform_wide_by_customer_forbidden(gql: GraphQLRunner) -> None:
    (viewer,) = await customers(gql.url, 1)
    before = await snapshot(gql.url)

    data = await gql.ok(CREATE, {"input": spec(platformWide=True)}, viewer)

    payload = data["alertRuleCreate"]
    assert payload["alertRule"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        ("FORBIDDEN", ["input", "platformWide"])
    ]
    assert await snapshot(gql.url) == before
    audit = await last_audit(gql.url, "alert_rule.create")
    assert (audit["customer_id"], audit["status_code"]) == (viewer.customer_id, 403)
    assert audit["error_message"].startswith("FORBIDDEN")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"metricType": "CPU_USAGE", "threshold": 100.5}, "threshold"),
        ({"metricType": "GPU_MEMORY_USAGE", "threshold": -0.1}, "threshold"),
        ({"metricType": "GPU_TEMPERATURE", "threshold": 151.0}, "threshold"),
        ({"metricType": "NETWORK_RX", "threshold": -1.0}, "threshold"),
        ({"duration": -1}, "duration"),
        ({"duration": 86_401}, "duration"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 257}, "name"),
        ({"description": "d" * 2001}, "description"),
    ],
)
async def test_alert_rule_create_bad_input_invalid_input(
    gql: GraphQLRunner, overrides: dict[str, Any], field: str
) -> None:
    (viewer,) = await customers(gql.url, 1)
    before = await snapshot(gql.url)

    data = await gql.ok(CREATE, {"input": spec(**overrides)}, viewer)

    payload = data["alertRuleCreate"]
    assert payload["alertRule"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        ("INVALID_INPUT", ["input", field])
    ]
    assert await snapshot(gql.url) == before
    assert (await last_audit(gql.url, "alert_rule.create"))["status_code"] == 422


@pytest.mark.parametrize(
    "overrides",
    [
        {"metricType": "CPU_USAGE", "threshold": 100.0},
        {"metricType": "DISK_USAGE", "threshold": 0.0},
        {"metricType": "NETWORK_TX", "threshold": 1e12},
        {"duration": 86_400},
    ],
)
async def test_alert_rule_create_bounds_inclusive_accepted(
    gql: GraphQLRunner, overrides: dict[str, Any]
) -> None:
    (viewer,) = await customers(gql.url, 1)
    rule = await create(gql, viewer, **overrides)
    assert await rule_row(gql.url, rule["rowId"]) is not None


async def test_alert_rule_create_anonymous_unauthenticated(gql: GraphQLRunner) -> None:
    before = await snapshot(gql.url)
    data = await gql.ok(CREATE, {"input": spec()}, ANONYMOUS)
    assert [e["code"] for e in data["alertRuleCreate"]["errors"]] == ["UNAUTHENTICATED"]
    assert await snapshot(gql.url) == before
    audited = await last_audit_of(gql.url, "alert_rule.create", "customer_id", "status_code")
    assert audited == (None, 401)


async def test_alert_rule_create_non_finite_threshold_invalid_input(seeded_url: str) -> None:
    engine = create_engine(seeded_url, Settings())
    sessions = create_session_factory(engine)
    viewer = (await customers(seeded_url, 1))[0]
    try:
        for threshold in (math.inf, -math.inf, math.nan):
            with pytest.raises(DomainError) as caught:
                async with transaction(sessions) as session:
                    await alerts.create_rule(
                        session,
                        viewer,
                        alerts.AlertRuleSpec("r", "network_rx", threshold, ">"),
                    )
            assert (caught.value.code, caught.value.field) == (
                ErrorCode.INVALID_INPUT,
                "threshold",
            )
    finally:
        await engine.dispose()
    assert await value(seeded_url, "SELECT count(*) FROM alert_rules WHERE name = 'r'") == 0


# --- alertRuleUpdate / alertRuleToggle ------------------------------------------------------


async def test_alert_rule_update_changes_given_fields_only(gql: GraphQLRunner) -> None:
    (viewer,) = await customers(gql.url, 1)
    rule = await create(gql, viewer, description="keep me?")

    data = await gql.ok(
        UPDATE,
        {
            "input": {
                "rowId": rule["rowId"],
                "name": "CPU busy",
                "metricType": "CPU_USAGE",
                "threshold": 95.5,
                "comparison": "GTE",
                "severity": "INFO",
                "description": "",
            }
        },
        viewer,
    )

    payload = data["alertRuleUpdate"]
    assert payload["errors"] == []
    assert payload["alertRule"]["name"] == "CPU busy"
    row = await rule_row(gql.url, rule["rowId"])
    assert row is not None
    assert dict(row) == {
        "customer_id": viewer.customer_id,
        "name": "CPU busy",
        "description": None,
        "metric_type": "cpu_usage",
        "threshold": 95.5,
        "comparison": ">=",
        "duration": 60,
        "severity": "info",
        "enabled": True,
    }
    audited = await last_audit_of(gql.url, "alert_rule.update", "resource_id", "status_code")
    assert audited == (str(rule["rowId"]), 200)
    assert await violations(gql.url) == []


async def test_alert_rule_update_threshold_must_fit_new_metric_invalid_input(
    gql: GraphQLRunner,
) -> None:
    (viewer,) = await customers(gql.url, 1)
    rule = await create(gql, viewer, metricType="NETWORK_RX", threshold=5_000_000.0)
    before = await rule_row(gql.url, rule["rowId"])

    data = await gql.ok(
        UPDATE, {"input": {"rowId": rule["rowId"], "metricType": "GPU_USAGE"}}, viewer
    )

    payload = data["alertRuleUpdate"]
    assert payload["alertRule"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        ("INVALID_INPUT", ["input", "threshold"])
    ]
    assert await rule_row(gql.url, rule["rowId"]) == before
    audited = await last_audit_of(gql.url, "alert_rule.update", "resource_id", "status_code")
    assert audited == (str(rule["rowId"]), 422)


async def test_alert_rule_update_other_tenants_rule_not_found(gql: GraphQLRunner) -> None:
    owner, other = await customers(gql.url, 2)
    rule = await create(gql, owner)
    before = await rule_row(gql.url, rule["rowId"])

    for doc, field, extra in (
        (UPDATE, "alertRuleUpdate", {"name": "mine now"}),
        (TOGGLE, "alertRuleToggle", {"enabled": False}),
        (DELETE, "alertRuleDelete", {}),
    ):
        data = await gql.ok(doc, {"input": {"rowId": rule["rowId"], **extra}}, other)
        missing = await gql.ok(doc, {"input": {"rowId": 2**31 - 1, **extra}}, other)
        assert data[field]["alertRule"] is None
        # Another tenant's rule is reported exactly like a missing one (ids aside).
        codes = [(e["code"], e["field"]) for e in data[field]["errors"]]
        assert codes == [(e["code"], e["field"]) for e in missing[field]["errors"]]
        assert codes == [("NOT_FOUND", ["input", "rowId"])]
    assert await rule_row(gql.url, rule["rowId"]) == before
    audited = await last_audit_of(gql.url, "alert_rule.delete", "customer_id", "status_code")
    assert audited == (other.customer_id, 404)


async def test_alert_rule_update_platform_rule_by_customer_not_found(gql: GraphQLRunner) -> None:
    (viewer,) = await customers(gql.url, 1)
    platform_rule = await value(
        gql.url, "SELECT min(id) FROM alert_rules WHERE customer_id IS NULL"
    )
    before = await rule_row(gql.url, platform_rule)

    data = await gql.ok(TOGGLE, {"input": {"rowId": platform_rule, "enabled": False}}, viewer)

    assert [e["code"] for e in data["alertRuleToggle"]["errors"]] == ["NOT_FOUND"]
    assert await rule_row(gql.url, platform_rule) == before


async def test_alert_rule_update_by_admin_of_customer_rule_keeps_owner(gql: GraphQLRunner) -> None:
    (viewer,) = await customers(gql.url, 1)
    rule = await create(gql, viewer)
    staff = await first_admin(gql.url)

    data = await gql.ok(UPDATE, {"input": {"rowId": rule["rowId"], "duration": 300}}, staff)

    assert data["alertRuleUpdate"]["errors"] == []
    row = await rule_row(gql.url, rule["rowId"])
    assert row is not None
    assert (row["customer_id"], row["duration"]) == (viewer.customer_id, 300)
    audited = await last_audit_of(gql.url, "alert_rule.update", "customer_id", "status_code")
    assert audited == (staff.customer_id, 200)


async def test_alert_rule_toggle_disables_and_enables(gql: GraphQLRunner) -> None:
    (viewer,) = await customers(gql.url, 1)
    rule = await create(gql, viewer)

    for enabled in (False, True):
        data = await gql.ok(TOGGLE, {"input": {"rowId": rule["rowId"], "enabled": enabled}}, viewer)
        assert data["alertRuleToggle"]["errors"] == []
        assert data["alertRuleToggle"]["alertRule"]["enabled"] is enabled
        row = await rule_row(gql.url, rule["rowId"])
        assert row is not None
        assert row["enabled"] is enabled
    audited = await last_audit_of(gql.url, "alert_rule.toggle", "resource_id", "status_code")
    assert audited == (str(rule["rowId"]), 200)
    assert await violations(gql.url) == []


# --- alertRuleDelete ------------------------------------------------------------------------


async def test_alert_rule_delete_rule_without_alerts_deleted(gql: GraphQLRunner) -> None:
    (viewer,) = await customers(gql.url, 1)
    rule = await create(gql, viewer)

    data = await gql.ok(DELETE, {"input": {"rowId": rule["rowId"]}}, viewer)

    payload = data["alertRuleDelete"]
    assert payload["errors"] == []
    assert payload["alertRule"]["rowId"] == rule["rowId"]
    assert await rule_row(gql.url, rule["rowId"]) is None
    audited = await last_audit_of(gql.url, "alert_rule.delete", "resource_id", "status_code")
    assert audited == (str(rule["rowId"]), 200)
    assert await violations(gql.url) == []


async def test_alert_rule_delete_rule_with_alerts_in_use(gql: GraphQLRunner) -> None:
    staff = await first_admin(gql.url)
    rule_id = await value(
        gql.url, "SELECT min(rule_id) FROM alert_records WHERE status = 'resolved'"
    )
    before = await snapshot(gql.url)
    records = await value(gql.url, "SELECT count(*) FROM alert_records")

    data = await gql.ok(DELETE, {"input": {"rowId": rule_id}}, staff)

    payload = data["alertRuleDelete"]
    assert payload["alertRule"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [("IN_USE", ["input", "rowId"])]
    assert await snapshot(gql.url) == before
    assert await value(gql.url, "SELECT count(*) FROM alert_records") == records
    audited = await last_audit_of(gql.url, "alert_rule.delete", "resource_id", "status_code")
    assert audited == (str(rule_id), 409)
    assert await violations(gql.url) == []


# --- alertRecordResolve ---------------------------------------------------------------------


async def test_alert_record_resolve_firing_resolved_with_event(gql: GraphQLRunner) -> None:
    (viewer,) = await customers(gql.url, 1)
    assert viewer.customer_id is not None
    record_id = await firing_record_of(gql.url, viewer.customer_id)

    data = await gql.ok(RESOLVE, {"input": {"rowId": record_id}}, viewer)

    payload = data["alertRecordResolve"]
    assert payload["errors"] == []
    assert payload["alertRecord"]["status"] == "RESOLVED"
    assert payload["alertRecord"]["resolvedAt"] is not None
    row = await first_row(
        gql.url, "SELECT status, resolved_at FROM alert_records WHERE id=$1", record_id
    )
    assert row["status"] == "resolved"
    assert row["resolved_at"] is not None
    events = await fetch(
        gql.url,
        "SELECT customer_id, resource_type, payload FROM event_outbox"
        " WHERE event_type = 'alert.resolved' AND resource_id = $1",
        str(record_id),
    )
    assert [(e["customer_id"], e["resource_type"]) for e in events] == [
        (viewer.customer_id, "alert_record")
    ]
    audit = await last_audit(gql.url, "alert_record.resolve")
    assert (audit["resource_type"], audit["resource_id"], audit["status_code"]) == (
        "alert_record",
        str(record_id),
        200,
    )
    assert await violations(gql.url) == []


async def test_alert_record_resolve_platform_alert_by_admin_resolved(gql: GraphQLRunner) -> None:
    staff = await first_admin(gql.url)
    record_id = await value(gql.url, "SELECT min(id) FROM alert_records WHERE status = 'firing'")

    data = await gql.ok(RESOLVE, {"input": {"rowId": record_id}}, staff)

    assert data["alertRecordResolve"]["errors"] == []
    assert (
        await value(gql.url, "SELECT status FROM alert_records WHERE id = $1", record_id)
        == "resolved"
    )
    assert (
        await value(
            gql.url,
            "SELECT count(*) FROM event_outbox WHERE event_type='alert.resolved'"
            " AND resource_id=$1 AND customer_id IS NULL",
            str(record_id),
        )
        == 1
    )


async def test_alert_record_resolve_already_resolved_invalid_transition(
    gql: GraphQLRunner,
) -> None:
    staff = await first_admin(gql.url)
    record_id, resolved_at = await first_row(
        gql.url,
        "SELECT id, resolved_at FROM alert_records WHERE status = 'resolved' ORDER BY id LIMIT 1",
    )

    data = await gql.ok(RESOLVE, {"input": {"rowId": record_id}}, staff)

    payload = data["alertRecordResolve"]
    assert payload["alertRecord"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        ("INVALID_TRANSITION", ["input", "rowId"])
    ]
    assert (
        await value(gql.url, "SELECT resolved_at FROM alert_records WHERE id=$1", record_id)
        == resolved_at
    )
    assert await value(gql.url, "SELECT count(*) FROM event_outbox") == 0
    audited = await last_audit_of(gql.url, "alert_record.resolve", "resource_id", "status_code")
    assert audited == (str(record_id), 409)


async def test_alert_record_resolve_other_tenants_alert_not_found(gql: GraphQLRunner) -> None:
    owner, other = await customers(gql.url, 2)
    assert owner.customer_id is not None
    record_id = await firing_record_of(gql.url, owner.customer_id)
    platform_record = await value(
        gql.url, "SELECT min(id) FROM alert_records WHERE status='firing' AND customer_id IS NULL"
    )

    for target in (record_id, platform_record):
        data = await gql.ok(RESOLVE, {"input": {"rowId": target}}, other)
        assert [(e["code"], e["field"]) for e in data["alertRecordResolve"]["errors"]] == [
            ("NOT_FOUND", ["input", "rowId"])
        ]
    assert (
        await value(gql.url, "SELECT status FROM alert_records WHERE id = $1", record_id)
        == "firing"
    )
    assert await value(gql.url, "SELECT count(*) FROM event_outbox") == 0
    audited = await last_audit_of(gql.url, "alert_record.resolve", "customer_id", "status_code")
    assert audited == (other.customer_id, 404)


async def test_alert_rule_update_rule_with_unlisted_metric_keeps_it(gql: GraphQLRunner) -> None:
    """The seed's heartbeat_age rule is outside the metric enum: it stays editable as it is."""
    staff = await first_admin(gql.url)
    rule_id = await value(gql.url, "SELECT id FROM alert_rules WHERE metric_type='heartbeat_age'")
    before = await rule_row(gql.url, rule_id)
    assert before is not None

    data = await gql.ok(UPDATE, {"input": {"rowId": rule_id, "threshold": 240.0}}, staff)

    assert data["alertRuleUpdate"]["errors"] == []
    after = await rule_row(gql.url, rule_id)
    assert after is not None
    assert dict(after) == {**dict(before), "threshold": 240.0}
