"""The `webhooks` area over GraphQL: webhooks (never their secret) and their delivery logs.

Every expectation is computed with SQL on the same database, so the tests follow the seed.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from remotegpu.auth.viewer import ANONYMOUS
from tests.graphql import GraphQLRunner, admin_viewer, agent_viewer, customer_viewer
from tests.support.db import column, fetch, first_value, rows_by_id
from tests.support.documents import child_page_query, connection_queries, node_query
from tests.support.paging import assert_walks, global_id, walk_backward, walk_forward

WEBHOOKS, WEBHOOK_LOGS = connection_queries(
    """
    webhooks: nodes { id rowId customerId name url events enabled hasSecret owner { rowId } }
    webhookLogs: nodes { id rowId webhookId eventType payload statusCode webhook { rowId } }
    """
)

HOOKS_WITH_LOGS = """
{
  webhooks(first: 100) {
    nodes { rowId logs(first: 100) { totalCount nodes { rowId webhookId webhook { rowId } } } }
  }
}
"""

HOOK_LOGS_PAGE = child_page_query("Webhook", "logs")

NODE = node_query("Webhook { rowId customerId }", "WebhookLog { rowId webhookId }")

WEBHOOK_FIELDS = '{ __type(name: "Webhook") { fields { name } } }'

ADMIN = admin_viewer()


async def hook_owner(url: str) -> int:
    """The customer with the most webhooks."""
    return int(
        await first_value(
            url,
            "SELECT customer_id FROM webhooks GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
        )
    )


async def outsider(url: str) -> int:
    """A non-admin customer without webhooks."""
    ids = await column(
        url,
        "SELECT id FROM customers c WHERE user_type <> 'admin' AND NOT EXISTS "
        "(SELECT 1 FROM webhooks w WHERE w.customer_id = c.id) ORDER BY id LIMIT 1",
    )
    return int(ids[0])


# --- webhooks ------------------------------------------------------------------------------


async def test_webhook_type_has_no_secret_field(gql_ro: GraphQLRunner) -> None:
    data = await gql_ro.ok(WEBHOOK_FIELDS, viewer=ADMIN)
    names = {f["name"] for f in data["__type"]["fields"]}
    assert "hasSecret" in names
    assert not {n for n in names if "secret" in n.lower()} - {"hasSecret"}


async def test_webhooks_admin_round_trip_covers_all_rows_once(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    rows = await rows_by_id(
        seeded_shared_url, "SELECT id, customer_id, url, events, secret FROM webhooks"
    )
    seen = await walk_forward(gql_ro, WEBHOOKS, "webhooks", 3, ADMIN)
    assert seen == sorted(rows)
    data = await gql_ro.ok(WEBHOOKS, {"first": 100}, ADMIN)
    assert data["webhooks"]["totalCount"] == len(rows)
    for node in data["webhooks"]["nodes"]:
        row = rows[node["rowId"]]
        assert node["customerId"] == row["customer_id"] == node["owner"]["rowId"]
        assert node["url"] == row["url"]
        assert node["events"] == list(row["events"])
        assert node["hasSecret"] is bool(row["secret"])
        assert row["secret"] not in json.dumps(node)


async def test_webhooks_last_before_walks_backwards_over_all_rows(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await column(seeded_shared_url, "SELECT id FROM webhooks ORDER BY name, id")
    seen = await walk_backward(gql_ro, WEBHOOKS, "webhooks", 4, ADMIN, orderBy="NAME_ASC")
    assert seen == expected


@pytest.mark.parametrize(
    ("doc", "variables"),
    [
        (WEBHOOKS, {"first": 101}),
        (WEBHOOKS, {"first": 5, "after": "garbage!"}),
        (WEBHOOK_LOGS, {"last": 101}),
        (WEBHOOK_LOGS, {"first": 5, "after": "garbage!"}),
    ],
    ids=["hooks-over-cap", "hooks-garbage-cursor", "logs-over-cap", "logs-garbage-cursor"],
)
async def test_webhooks_bad_paging_arguments_are_bad_user_input(
    gql_ro: GraphQLRunner, doc: str, variables: dict[str, Any]
) -> None:
    result = await gql_ro(doc, variables, ADMIN)
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_webhooks_filters_match_sql(gql_ro: GraphQLRunner, seeded_shared_url: str) -> None:
    url = seeded_shared_url
    owner = await hook_owner(url)
    cases: list[tuple[dict[str, Any], str, list[Any]]] = [
        ({"enabled": False}, "enabled = false", []),
        ({"enabled": True}, "enabled = true", []),
        ({"customerId": {"eq": str(owner)}}, "customer_id = $1", [owner]),
    ]
    for where, sql, args in cases:
        expected = await column(url, f"SELECT id FROM webhooks WHERE {sql} ORDER BY id", *args)
        data = await gql_ro.ok(WEBHOOKS, {"first": 100, "where": where}, ADMIN)
        assert [n["rowId"] for n in data["webhooks"]["nodes"]] == expected, where
        assert data["webhooks"]["totalCount"] == len(expected), where


# --- webhookLogs ---------------------------------------------------------------------------


async def test_webhook_logs_round_trip_and_backwards_cover_all_rows(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await column(
        seeded_shared_url, "SELECT id FROM webhook_logs ORDER BY created_at DESC, id DESC"
    )
    await assert_walks(
        gql_ro, WEBHOOK_LOGS, "webhookLogs", ADMIN, expected, forward=23, backward=19
    )


async def test_webhook_logs_fields_and_webhook_edge_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    rows = await rows_by_id(
        seeded_shared_url, "SELECT id, webhook_id, event_type, payload FROM webhook_logs"
    )
    data = await gql_ro.ok(WEBHOOK_LOGS, {"first": 100}, ADMIN)
    for node in data["webhookLogs"]["nodes"]:
        row = rows[node["rowId"]]
        assert node["webhookId"] == row["webhook_id"] == node["webhook"]["rowId"]
        assert node["eventType"] == row["event_type"]
        assert node["payload"] == json.loads(row["payload"])


async def test_webhook_logs_filters_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    hook = await first_value(url, "SELECT webhook_id FROM webhook_logs ORDER BY id LIMIT 1")
    event = await first_value(url, "SELECT event_type FROM webhook_logs ORDER BY id LIMIT 1")
    moment = (await column(url, "SELECT created_at FROM webhook_logs ORDER BY created_at, id"))[7]
    cases: list[tuple[dict[str, Any], str, list[Any]]] = [
        ({"webhookId": {"eq": str(hook)}}, "webhook_id = $1", [hook]),
        ({"eventType": {"eq": event}}, "event_type = $1", [event]),
        ({"createdAt": {"lt": moment.isoformat()}}, "created_at < $1", [moment]),
    ]
    for where, sql, args in cases:
        expected = await column(url, f"SELECT id FROM webhook_logs WHERE {sql} ORDER BY id", *args)
        variables = {"first": 100, "where": where, "orderBy": "ID_ASC"}
        data = await gql_ro.ok(WEBHOOK_LOGS, variables, ADMIN)
        assert [n["rowId"] for n in data["webhookLogs"]["nodes"]] == expected[:100], where
        assert data["webhookLogs"]["totalCount"] == len(expected), where


async def test_webhook_logs_edge_matches_sql_for_every_webhook(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    by_hook: dict[int, list[int]] = {}
    for r in await fetch(
        seeded_shared_url,
        "SELECT webhook_id, id FROM webhook_logs ORDER BY webhook_id, created_at DESC, id DESC",
    ):
        by_hook.setdefault(r["webhook_id"], []).append(r["id"])
    gql_ro.reset_count()
    data = await gql_ro.ok(HOOKS_WITH_LOGS, viewer=ADMIN)
    # Batched: the webhooks, every webhook's page of logs, their counts, the logs' webhooks.
    # Compiled reads (the default) answer the whole root field in one statement.
    assert len(gql_ro.statements) == (1 if gql_ro.settings.compiled_reads else 4)
    for hook in data["webhooks"]["nodes"]:
        logs = hook["logs"]
        assert [n["rowId"] for n in logs["nodes"]] == by_hook.get(hook["rowId"], [])
        assert logs["totalCount"] == len(by_hook.get(hook["rowId"], []))
        assert all(n["webhook"]["rowId"] == hook["rowId"] for n in logs["nodes"])


async def test_webhook_logs_child_pages_cover_all_rows_once(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    hook = await first_value(
        seeded_shared_url,
        "SELECT webhook_id FROM webhook_logs GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
    )
    expected = await column(
        seeded_shared_url,
        "SELECT id FROM webhook_logs WHERE webhook_id = $1 ORDER BY created_at DESC, id DESC",
        hook,
    )
    hid = global_id("Webhook", hook)
    assert await walk_forward(gql_ro, HOOK_LOGS_PAGE, "node.logs", 2, ADMIN, id=hid) == expected
    conn = (await gql_ro.ok(HOOK_LOGS_PAGE, {"id": hid, "last": 2}, ADMIN))["node"]["logs"]
    assert [n["rowId"] for n in conn["nodes"]] == expected[-2:]
    assert conn["totalCount"] == len(expected)


# --- visibility ----------------------------------------------------------------------------


async def test_webhooks_owner_sees_its_own_through_every_path(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    owner = await hook_owner(url)
    viewer = customer_viewer(owner)
    hooks = await column(url, "SELECT id FROM webhooks WHERE customer_id = $1 ORDER BY id", owner)
    logs = await column(
        url,
        "SELECT l.id FROM webhook_logs l JOIN webhooks w ON w.id = l.webhook_id "
        "WHERE w.customer_id = $1 ORDER BY l.created_at DESC, l.id DESC",
        owner,
    )
    assert await walk_forward(gql_ro, WEBHOOKS, "webhooks", 100, viewer) == hooks
    assert await walk_forward(gql_ro, WEBHOOK_LOGS, "webhookLogs", 100, viewer) == logs
    for hook in hooks:
        data = await gql_ro.ok(NODE, {"id": global_id("Webhook", hook)}, viewer)
        assert data["node"]["rowId"] == hook
    data = await gql_ro.ok(NODE, {"id": global_id("WebhookLog", logs[0])}, viewer)
    assert data["node"]["rowId"] == logs[0]


async def test_webhooks_of_another_tenant_are_missing_on_every_path(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    owner = await hook_owner(url)
    stranger = customer_viewer(await outsider(url))
    hooks = await column(url, "SELECT id FROM webhooks WHERE customer_id = $1", owner)
    logs = await column(url, "SELECT id FROM webhook_logs WHERE webhook_id = ANY($1)", hooks)
    data = await gql_ro.ok(WEBHOOKS, {"first": 100}, stranger)
    assert data["webhooks"]["nodes"] == []
    assert data["webhooks"]["totalCount"] == 0
    where = {"webhookId": {"in": [str(h) for h in hooks]}}
    data = await gql_ro.ok(WEBHOOK_LOGS, {"first": 100, "where": where}, stranger)
    assert data["webhookLogs"]["nodes"] == []
    assert data["webhookLogs"]["totalCount"] == 0
    for hook in hooks:
        data = await gql_ro.ok(NODE, {"id": global_id("Webhook", hook)}, stranger)
        assert data == {"node": None}
    for log in logs:
        data = await gql_ro.ok(NODE, {"id": global_id("WebhookLog", log)}, stranger)
        assert data == {"node": None}


async def test_webhook_log_edge_hides_a_webhook_the_viewer_cannot_see(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    """Admins see every log; the webhook edge of a log follows the same scope."""
    url = seeded_shared_url
    owner = await hook_owner(url)
    log = await first_value(
        url,
        "SELECT l.id FROM webhook_logs l JOIN webhooks w ON w.id = l.webhook_id "
        "WHERE w.customer_id = $1 ORDER BY l.id LIMIT 1",
        owner,
    )
    data = await gql_ro.ok(NODE, {"id": global_id("WebhookLog", log)}, customer_viewer(owner))
    assert data["node"]["rowId"] == log
    other = customer_viewer(await outsider(url))
    assert await gql_ro.ok(NODE, {"id": global_id("WebhookLog", log)}, other) == {"node": None}


@pytest.mark.parametrize("who", ["anonymous", "agent"])
async def test_webhooks_anonymous_and_agents_see_nothing(
    gql_ro: GraphQLRunner, seeded_shared_url: str, who: str
) -> None:
    host = await first_value(seeded_shared_url, "SELECT id FROM hosts ORDER BY id LIMIT 1")
    viewer = ANONYMOUS if who == "anonymous" else agent_viewer(1, host)
    for doc, field in ((WEBHOOKS, "webhooks"), (WEBHOOK_LOGS, "webhookLogs")):
        data = await gql_ro.ok(doc, {"first": 100}, viewer)
        assert data[field]["nodes"] == []
        assert data[field]["totalCount"] == 0
    hook = await first_value(seeded_shared_url, "SELECT id FROM webhooks LIMIT 1")
    assert await gql_ro.ok(NODE, {"id": global_id("Webhook", hook)}, viewer) == {"node": None}


VIEWER_HOOKS = """
{ viewer { rowId webhooks(first: 100) { totalCount nodes { rowId logs { totalCount } } } } }
"""

CUSTOMER_HOOKS = """
query Customer($id: ID!) {
  node(id: $id) { ... on Customer { webhooks(first: 100) { totalCount nodes { rowId } } } }
}
"""


async def test_customer_webhooks_edge_matches_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    owner = await hook_owner(url)
    hooks = await column(url, "SELECT id FROM webhooks WHERE customer_id = $1 ORDER BY id", owner)
    counts = dict(
        await fetch(
            url,
            "SELECT webhook_id, count(*) FROM webhook_logs WHERE webhook_id = ANY($1) GROUP BY 1",
            hooks,
        )
    )
    data = await gql_ro.ok(VIEWER_HOOKS, viewer=customer_viewer(owner))
    nodes = data["viewer"]["webhooks"]["nodes"]
    assert [n["rowId"] for n in nodes] == hooks
    assert [n["logs"]["totalCount"] for n in nodes] == [counts.get(h, 0) for h in hooks]
    data = await gql_ro.ok(CUSTOMER_HOOKS, {"id": global_id("Customer", owner)}, ADMIN)
    assert [n["rowId"] for n in data["node"]["webhooks"]["nodes"]] == hooks
