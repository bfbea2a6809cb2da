"""The `alerts` area over GraphQL: alert rules and fired alerts on the seeded fleet.

Every expectation is computed with SQL on the same database, so the tests follow the seed.
"""

from __future__ import annotations

import base64
from typing import Any

import asyncpg
import pytest

from remotegpu.db.urls import asyncpg_dsn
from tests.graphql import GraphQLRunner, admin_viewer, agent_viewer, customer_viewer
from tests.support.db import column, fetch, first_row, first_value, rows_by_id
from tests.support.documents import child_page_query, connection_queries, node_query
from tests.support.paging import assert_walks, global_id, walk_backward, walk_forward
from tests.support.results import EMPTY_PAGE

ALERT_RULES, ALERT_RECORDS = connection_queries(
    """
    alertRules: nodes { id rowId customerId name metricType threshold comparison duration severity
                enabled owner { rowId } }
    alertRecords: nodes { id rowId ruleId customerId status severity currentValue threshold
                  triggeredAt rule { rowId } customer { rowId } }
    """
)

RULES_WITH_RECORDS = """
{
  alertRules(first: 100) {
    nodes { rowId records(first: 100) { totalCount nodes { rowId ruleId rule { rowId } } } }
  }
}
"""

RULE_RECORDS_PAGE = child_page_query("AlertRule", "records")

NODE = node_query("AlertRule { rowId customerId }", "AlertRecord { rowId ruleId }")

RECORD_RULE = """
query RecordRule($id: ID!) {
  node(id: $id) { ... on AlertRecord { rowId rule { rowId } customer { rowId } } }
}
"""

ADMIN = admin_viewer()


async def rule_owner(url: str) -> int:
    """A customer owning at least one alert rule and at least one alert."""
    ids = await column(
        url,
        "SELECT r.customer_id FROM alert_rules r JOIN alert_records a ON a.customer_id = "
        "r.customer_id WHERE r.customer_id IS NOT NULL GROUP BY r.customer_id "
        "ORDER BY count(*) DESC, r.customer_id LIMIT 1",
    )
    return int(ids[0])


async def outsider(url: str) -> int:
    """A non-admin customer with no alert rules and no alerts."""
    ids = await column(
        url,
        "SELECT id FROM customers c WHERE user_type <> 'admin' AND NOT EXISTS "
        "(SELECT 1 FROM alert_rules r WHERE r.customer_id = c.id) AND NOT EXISTS "
        "(SELECT 1 FROM alert_records a WHERE a.customer_id = c.id) ORDER BY id LIMIT 1",
    )
    return int(ids[0])


# --- alertRules ------------------------------------------------------------------------------


async def test_alert_rules_admin_sees_every_rule_with_platform_rules(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await column(seeded_shared_url, "SELECT id FROM alert_rules ORDER BY id")
    assert await column(seeded_shared_url, "SELECT id FROM alert_rules WHERE customer_id IS NULL")
    await assert_walks(gql_ro, ALERT_RULES, "alertRules", ADMIN, expected, forward=3)


async def test_alert_rules_last_before_walks_backwards_over_all_rows(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await column(
        seeded_shared_url, "SELECT id FROM alert_rules ORDER BY created_at DESC, id DESC"
    )
    seen = await walk_backward(
        gql_ro, ALERT_RULES, "alertRules", 4, ADMIN, orderBy="CREATED_AT_DESC"
    )
    assert seen == expected


async def test_alert_rules_fields_and_owner_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    rows = await rows_by_id(
        seeded_shared_url,
        "SELECT id, customer_id, metric_type, threshold, comparison, severity, enabled "
        "FROM alert_rules",
    )
    comparisons = {">": "GT", "<": "LT", ">=": "GTE", "<=": "LTE", "==": "EQ"}
    nodes = (await gql_ro.ok(ALERT_RULES, {"first": 100}, ADMIN))["alertRules"]["nodes"]
    assert len(nodes) == len(rows)
    for node in nodes:
        row = rows[node["rowId"]]
        assert node["customerId"] == row["customer_id"]
        assert node["metricType"] == row["metric_type"]
        assert node["threshold"] == pytest.approx(row["threshold"])
        assert node["comparison"] == comparisons[row["comparison"]]
        assert node["severity"] == row["severity"].upper()
        assert node["enabled"] == row["enabled"]
        owner = node["owner"]
        assert (owner and owner["rowId"]) == row["customer_id"]


async def test_alert_rules_filters_match_sql(gql_ro: GraphQLRunner, seeded_shared_url: str) -> None:
    url = seeded_shared_url
    owner = await rule_owner(url)
    cases: list[tuple[dict[str, Any], str, list[Any]]] = [
        ({"enabled": False}, "enabled = false", []),
        ({"enabled": True}, "enabled = true", []),
        ({"severity": {"eq": "INFO"}}, "severity = 'info'", []),
        ({"severity": {"in": ["WARNING", "CRITICAL"]}}, "severity IN ('warning', 'critical')", []),
        ({"metricType": {"eq": "gpu_usage"}}, "metric_type = 'gpu_usage'", []),
        ({"customerId": {"eq": str(owner)}}, "customer_id = $1", [owner]),
    ]
    for where, sql, args in cases:
        expected = await column(url, f"SELECT id FROM alert_rules WHERE {sql} ORDER BY id", *args)
        data = await gql_ro.ok(ALERT_RULES, {"first": 100, "where": where}, ADMIN)
        assert [n["rowId"] for n in data["alertRules"]["nodes"]] == expected, where
        assert data["alertRules"]["totalCount"] == len(expected), where


@pytest.mark.parametrize(
    "variables",
    [{"first": 101}, {"last": 101}, {"first": 5, "after": "garbage!"}],
    ids=["first-over-cap", "last-over-cap", "garbage-cursor"],
)
async def test_alert_rules_bad_paging_arguments_are_bad_user_input(
    gql_ro: GraphQLRunner, variables: dict[str, Any]
) -> None:
    result = await gql_ro(ALERT_RULES, variables, ADMIN)
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_alert_rules_customer_sees_only_its_own_and_no_platform_rules(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    owner = await rule_owner(seeded_shared_url)
    expected = await column(
        seeded_shared_url, "SELECT id FROM alert_rules WHERE customer_id = $1 ORDER BY id", owner
    )
    data = await gql_ro.ok(ALERT_RULES, {"first": 100}, customer_viewer(owner))
    assert [n["rowId"] for n in data["alertRules"]["nodes"]] == expected
    assert data["alertRules"]["totalCount"] == len(expected)
    platform = await column(
        seeded_shared_url, "SELECT id FROM alert_rules WHERE customer_id IS NULL"
    )
    for rule_id in platform:
        node = await gql_ro.ok(
            NODE, {"id": global_id("AlertRule", rule_id)}, customer_viewer(owner)
        )
        assert node["node"] is None
    for rule_id in expected:
        node = await gql_ro.ok(
            NODE, {"id": global_id("AlertRule", rule_id)}, customer_viewer(owner)
        )
        assert node["node"]["rowId"] == rule_id


# --- alertRecords ----------------------------------------------------------------------------


async def test_alert_records_first_after_round_trip_covers_all_rows_once(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await column(
        seeded_shared_url, "SELECT id FROM alert_records ORDER BY triggered_at DESC, id DESC"
    )
    await assert_walks(gql_ro, ALERT_RECORDS, "alertRecords", ADMIN, expected, forward=17)


async def test_alert_records_last_before_walks_backwards_over_all_rows(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await column(seeded_shared_url, "SELECT id FROM alert_records ORDER BY id")
    seen = await walk_backward(gql_ro, ALERT_RECORDS, "alertRecords", 13, ADMIN, orderBy="ID_ASC")
    assert seen == expected


@pytest.mark.parametrize(
    "variables",
    [{"first": 101}, {"last": 101}, {"first": 5, "after": "garbage!"}],
    ids=["first-over-cap", "last-over-cap", "garbage-cursor"],
)
async def test_alert_records_bad_paging_arguments_are_bad_user_input(
    gql_ro: GraphQLRunner, variables: dict[str, Any]
) -> None:
    result = await gql_ro(ALERT_RECORDS, variables, ADMIN)
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_alert_records_filters_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    owner = await rule_owner(url)
    rule = await first_value(url, "SELECT rule_id FROM alert_records ORDER BY id LIMIT 1")
    middle = (
        await column(url, "SELECT triggered_at FROM alert_records ORDER BY triggered_at, id")
    )[5]
    cases: list[tuple[dict[str, Any], str, list[Any]]] = [
        ({"status": {"eq": "FIRING"}}, "status = 'firing'", []),
        ({"status": {"in": ["RESOLVED"]}}, "status = 'resolved'", []),
        ({"ruleId": {"eq": str(rule)}}, "rule_id = $1", [rule]),
        ({"customerId": {"in": [str(owner)]}}, "customer_id = $1", [owner]),
        ({"triggeredAt": {"gte": middle.isoformat()}}, "triggered_at >= $1", [middle]),
    ]
    for where, sql, args in cases:
        expected = await column(url, f"SELECT id FROM alert_records WHERE {sql} ORDER BY id", *args)
        data = await gql_ro.ok(
            ALERT_RECORDS, {"first": 100, "where": where, "orderBy": "ID_ASC"}, ADMIN
        )
        assert [n["rowId"] for n in data["alertRecords"]["nodes"]] == expected[:100], where
        assert data["alertRecords"]["totalCount"] == len(expected), where


async def test_alert_records_rule_and_customer_edges_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    rows = await rows_by_id(seeded_shared_url, "SELECT id, rule_id, customer_id FROM alert_records")
    data = await gql_ro.ok(ALERT_RECORDS, {"first": 100}, ADMIN)
    for node in data["alertRecords"]["nodes"]:
        row = rows[node["rowId"]]
        assert node["rule"]["rowId"] == row["rule_id"] == node["ruleId"]
        assert (node["customer"] and node["customer"]["rowId"]) == row["customer_id"]


async def test_alert_rule_records_edge_matches_sql_for_every_rule(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    counts = dict(
        await fetch(seeded_shared_url, "SELECT rule_id, count(*) FROM alert_records GROUP BY 1")
    )
    first_ids: dict[int, list[int]] = {}
    for r in await fetch(
        seeded_shared_url,
        "SELECT rule_id, id FROM alert_records ORDER BY rule_id, triggered_at DESC, id DESC",
    ):
        first_ids.setdefault(r["rule_id"], []).append(r["id"])
    gql_ro.reset_count()
    data = await gql_ro.ok(RULES_WITH_RECORDS, viewer=ADMIN)
    # Batched: the rules, every rule's page of records, their counts, the records' rules.
    # Compiled reads (the default) answer the whole root field in one statement.
    assert len(gql_ro.statements) == (1 if gql_ro.settings.compiled_reads else 4)
    for rule in data["alertRules"]["nodes"]:
        records = rule["records"]
        assert records["totalCount"] == counts.get(rule["rowId"], 0)
        assert [n["rowId"] for n in records["nodes"]] == first_ids.get(rule["rowId"], [])[:100]
        assert all(n["rule"]["rowId"] == rule["rowId"] for n in records["nodes"])


async def test_alert_rule_records_child_pages_cover_all_rows_once(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    rule_id, _ = await first_row(
        seeded_shared_url,
        "SELECT rule_id, count(*) FROM alert_records GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
    )
    expected = await column(
        seeded_shared_url,
        "SELECT id FROM alert_records WHERE rule_id = $1 ORDER BY triggered_at DESC, id DESC",
        rule_id,
    )
    rid = global_id("AlertRule", rule_id)
    records = (RULE_RECORDS_PAGE, "node.records")
    assert await walk_forward(gql_ro, *records, 4, ADMIN, id=rid) == expected
    assert await walk_backward(gql_ro, *records, 3, ADMIN, id=rid) == expected
    result = await gql_ro(RULE_RECORDS_PAGE, {"id": rid, "first": 101}, ADMIN)
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


# --- visibility ------------------------------------------------------------------------------


async def test_alert_records_customer_sees_only_its_own(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    owner = await rule_owner(seeded_shared_url)
    expected = await column(
        seeded_shared_url,
        "SELECT id FROM alert_records WHERE customer_id = $1 ORDER BY triggered_at DESC, id DESC",
        owner,
    )
    viewer = customer_viewer(owner)
    seen = await walk_forward(gql_ro, ALERT_RECORDS, "alertRecords", 100, viewer)
    assert seen == expected
    data = await gql_ro.ok(ALERT_RECORDS, {"first": 100}, viewer)
    for node in data["alertRecords"]["nodes"]:
        assert node["rule"] is not None
        assert node["customer"]["rowId"] == owner
    record = expected[0]
    data = await gql_ro.ok(RECORD_RULE, {"id": global_id("AlertRecord", record)}, viewer)
    assert data["node"]["rowId"] == record


async def test_alerts_of_another_tenant_are_missing_on_every_path(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    owner = await rule_owner(url)
    stranger = customer_viewer(await outsider(url))
    rules = await column(url, "SELECT id FROM alert_rules WHERE customer_id = $1", owner)
    records = await column(url, "SELECT id FROM alert_records WHERE customer_id = $1", owner)
    data = await gql_ro.ok(ALERT_RULES, {"first": 100}, stranger)
    assert data["alertRules"] == EMPTY_PAGE
    data = await gql_ro.ok(ALERT_RECORDS, {"first": 100}, stranger)
    assert data["alertRecords"]["nodes"] == []
    assert data["alertRecords"]["totalCount"] == 0
    for rule_id in rules:
        assert (await gql_ro.ok(NODE, {"id": global_id("AlertRule", rule_id)}, stranger)) == {
            "node": None
        }
    for record_id in records:
        assert (await gql_ro.ok(NODE, {"id": global_id("AlertRecord", record_id)}, stranger)) == {
            "node": None
        }
    # Filtering on the owner's keys does not reveal anything either.
    where = {"customerId": {"eq": str(owner)}}
    data = await gql_ro.ok(ALERT_RECORDS, {"first": 100, "where": where}, stranger)
    assert data["alertRecords"]["totalCount"] == 0


async def test_alert_records_of_platform_rules_hide_the_rule_from_customers(
    gql: GraphQLRunner, seeded_url: str
) -> None:
    """A record raised for a customer by a platform-wide rule: the rule edge is null."""
    owner = await rule_owner(seeded_url)
    platform_rule = await first_value(
        seeded_url, "SELECT id FROM alert_rules WHERE customer_id IS NULL LIMIT 1"
    )
    conn = await asyncpg.connect(asyncpg_dsn(seeded_url))
    try:
        record_id = await conn.fetchval(
            "INSERT INTO alert_records (rule_id, customer_id, metric_type, current_value, "
            "threshold, severity, status) VALUES ($1, $2, 'gpu_usage', 99, 90, 'critical', "
            "'firing') RETURNING id",
            platform_rule,
            owner,
        )
    finally:
        await conn.close()
    data = await gql.ok(
        RECORD_RULE, {"id": global_id("AlertRecord", record_id)}, customer_viewer(owner)
    )
    assert data["node"] == {"rowId": record_id, "rule": None, "customer": {"rowId": owner}}
    data = await gql.ok(RECORD_RULE, {"id": global_id("AlertRecord", record_id)}, ADMIN)
    assert data["node"]["rule"] == {"rowId": platform_rule}


@pytest.mark.parametrize("who", ["anonymous", "agent"])
async def test_alerts_anonymous_and_agents_see_nothing(
    gql_ro: GraphQLRunner, seeded_shared_url: str, who: str
) -> None:
    from remotegpu.auth.viewer import ANONYMOUS

    host = await first_value(seeded_shared_url, "SELECT id FROM hosts ORDER BY id LIMIT 1")
    viewer = ANONYMOUS if who == "anonymous" else agent_viewer(1, host)
    for doc, field in ((ALERT_RULES, "alertRules"), (ALERT_RECORDS, "alertRecords")):
        data = await gql_ro.ok(doc, {"first": 100}, viewer)
        assert data[field]["nodes"] == []
        assert data[field]["totalCount"] == 0
    rule = await first_value(seeded_shared_url, "SELECT id FROM alert_rules LIMIT 1")
    assert (await gql_ro.ok(NODE, {"id": global_id("AlertRule", rule)}, viewer)) == {"node": None}


CUSTOMERS_WITH_RULES = """
query Customers($after: String) {
  customers(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { rowId alertRules(first: 100) { totalCount nodes { rowId owner { rowId } } } }
  }
}
"""

VIEWER_RULES = "{ viewer { rowId alertRules(first: 100) { totalCount nodes { rowId } } } }"


async def test_customer_alert_rules_edge_matches_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    by_owner: dict[int, list[int]] = {}
    for r in await fetch(
        seeded_shared_url,
        "SELECT customer_id, id FROM alert_rules WHERE customer_id IS NOT NULL ORDER BY id",
    ):
        by_owner.setdefault(r["customer_id"], []).append(r["id"])
    seen: dict[int, list[int]] = {}
    after = None
    while True:
        data = await gql_ro.ok(CUSTOMERS_WITH_RULES, {"after": after}, ADMIN)
        for customer in data["customers"]["nodes"]:
            rules = customer["alertRules"]
            assert rules["totalCount"] == len(rules["nodes"])
            assert all(n["owner"]["rowId"] == customer["rowId"] for n in rules["nodes"])
            if rules["nodes"]:
                seen[customer["rowId"]] = [n["rowId"] for n in rules["nodes"]]
        if not data["customers"]["pageInfo"]["hasNextPage"]:
            break
        after = data["customers"]["pageInfo"]["endCursor"]
    assert seen == by_owner
    owner = await rule_owner(seeded_shared_url)
    data = await gql_ro.ok(VIEWER_RULES, viewer=customer_viewer(owner))
    assert [n["rowId"] for n in data["viewer"]["alertRules"]["nodes"]] == by_owner[owner]


@pytest.mark.parametrize(
    "raw", ["AlertRule:99999999999999999999999", "AlertRule:abc", "AlertRecord:-1"]
)
async def test_alert_node_with_a_malformed_key_is_null(gql_ro: GraphQLRunner, raw: str) -> None:
    gid = base64.urlsafe_b64encode(raw.encode()).decode()
    assert await gql_ro.ok(NODE, {"id": gid}, ADMIN) == {"node": None}
