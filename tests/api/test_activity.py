"""Read side of the `activity` area: notifications (a customer's inbox) and audit logs.

Checked against SQL on the seeded small fleet: paging (forward, backward, caps, bad cursors),
filters, relation fields in both directions (edges here, child pages through the loaders), and
visibility on every path (root connection, node(id), edges): a customer sees only its own
notifications and the audit entries where it acted; admins see everything.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import pytest

from remotegpu.auth.viewer import ANONYMOUS, Viewer
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.loaders.activity import ActivityLoaders
from remotegpu.loaders.base import LoaderEnv
from remotegpu.loaders.paging import PageRequest
from remotegpu.schema.inputs.activity import (
    AUDIT_LOG_ORDERINGS,
    NOTIFICATION_ORDERINGS,
    AuditLogOrder,
    NotificationOrder,
)
from tests.graphql import GraphQLRunner, admin_viewer, agent_viewer, customer_viewer
from tests.support.documents import connection_query, node_query
from tests.support.paging import global_id, walk_edges
from tests.support.results import errors_code

NOTIFICATIONS_PAGE = connection_query(
    "notifications",
    "edges { cursor node { id rowId customerId type level isRead readAt createdAt } }",
    default_order="CREATED_AT_DESC",
)

AUDIT_LOGS_PAGE = connection_query(
    "auditLogs",
    "edges { cursor node { id rowId customerId action resourceType resourceId createdAt } }",
    default_order="CREATED_AT_DESC",
)

NOTIFICATIONS_WITH_CUSTOMER = """
{
  notifications(first: 100) {
    nodes { rowId customerId title content customer { rowId } }
  }
}
"""

AUDIT_LOGS_WITH_ACTOR = """
{
  auditLogs(first: 100, orderBy: ID_ASC) {
    nodes {
      rowId customerId username action resourceType resourceId ipAddress userAgent
      requestMethod requestPath statusCode errorMessage createdAt
      actor { rowId }
    }
  }
}
"""

NODE = node_query("Notification { rowId title }", "AuditLog { rowId action }")


@pytest.fixture
async def sql(seeded_shared_url: str) -> AsyncIterator[asyncpg.Connection]:
    conn = await asyncpg.connect(asyncpg_dsn(seeded_shared_url))
    yield conn
    await conn.close()


def _env(gql: GraphQLRunner, viewer: Viewer) -> LoaderEnv:
    return LoaderEnv(gql.sessions, viewer, gql.settings)


async def _busy_customer(sql: asyncpg.Connection, table: str) -> int:
    """The non-admin customer with the most rows in `table`."""
    value = await sql.fetchval(
        f"SELECT t.customer_id FROM {table} t JOIN customers c ON c.id = t.customer_id "
        "WHERE c.user_type <> 'admin' GROUP BY t.customer_id "
        "ORDER BY count(*) DESC, t.customer_id LIMIT 1"
    )
    assert value is not None
    return int(value)


async def _other_customer(sql: asyncpg.Connection, table: str, not_this: int) -> int:
    value = await sql.fetchval(
        f"SELECT customer_id FROM {table} WHERE customer_id IS NOT NULL AND customer_id <> $1 "
        "ORDER BY customer_id LIMIT 1",
        not_this,
    )
    assert value is not None
    return int(value)


# --- notifications --------------------------------------------------------------------------


async def test_notifications_admin_forward_paging_covers_every_row_once(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    expected = [
        r["id"]
        for r in await sql.fetch("SELECT id FROM notifications ORDER BY created_at DESC, id DESC")
    ]
    seen, total = await walk_edges(
        gql_ro, NOTIFICATIONS_PAGE, "notifications", admin_viewer(), page=50
    )
    assert seen == expected
    assert total == len(expected) > 50


async def test_notifications_admin_backward_paging_covers_every_row_once(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    expected = [r["id"] for r in await sql.fetch("SELECT id FROM notifications ORDER BY id")]
    seen, _ = await walk_edges(
        gql_ro,
        NOTIFICATIONS_PAGE,
        "notifications",
        admin_viewer(),
        backward=True,
        order_by="ID_ASC",
        page=50,
    )
    assert seen == expected


async def test_notifications_page_over_cap_and_bad_cursor_are_bad_user_input(
    gql_ro: GraphQLRunner,
) -> None:
    over = await gql_ro(NOTIFICATIONS_PAGE, {"first": 101}, admin_viewer())
    assert errors_code(over) == "BAD_USER_INPUT"
    bad = await gql_ro(NOTIFICATIONS_PAGE, {"first": 3, "after": "bm90LWpzb24"}, admin_viewer())
    assert errors_code(bad) == "BAD_USER_INPUT"


async def test_notifications_customer_sees_only_its_inbox(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    customer = await _busy_customer(sql, "notifications")
    expected = [
        r["id"]
        for r in await sql.fetch(
            "SELECT id FROM notifications WHERE customer_id = $1 ORDER BY created_at DESC, id DESC",
            customer,
        )
    ]
    seen, total = await walk_edges(
        gql_ro, NOTIFICATIONS_PAGE, "notifications", customer_viewer(customer), page=2
    )
    assert seen == expected
    assert total == len(expected) > 2


async def test_notifications_filters_match_sql(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    unread = {
        r["id"] for r in await sql.fetch("SELECT id FROM notifications WHERE is_read IS NOT TRUE")
    }
    seen, _ = await walk_edges(
        gql_ro,
        NOTIFICATIONS_PAGE,
        "notifications",
        admin_viewer(),
        where={"isRead": False},
        page=50,
    )
    assert set(seen) == unread
    assert unread
    read = {r["id"] for r in await sql.fetch("SELECT id FROM notifications WHERE is_read")}
    seen, _ = await walk_edges(
        gql_ro, NOTIFICATIONS_PAGE, "notifications", admin_viewer(), where={"isRead": True}, page=50
    )
    assert set(seen) == read
    assert read
    billing = {
        r["id"]
        for r in await sql.fetch("SELECT id FROM notifications WHERE type IN ('billing', 'alert')")
    }
    seen, _ = await walk_edges(
        gql_ro,
        NOTIFICATIONS_PAGE,
        "notifications",
        admin_viewer(),
        where={"type": {"in": ["BILLING", "ALERT"]}},
        page=50,
    )
    assert set(seen) == billing
    assert billing
    middle = await sql.fetchval(
        "SELECT created_at FROM notifications ORDER BY created_at OFFSET 20 LIMIT 1"
    )
    before = {
        r["id"]
        for r in await sql.fetch("SELECT id FROM notifications WHERE created_at < $1", middle)
    }
    seen, _ = await walk_edges(
        gql_ro,
        NOTIFICATIONS_PAGE,
        "notifications",
        admin_viewer(),
        where={"createdAt": {"lt": middle.isoformat()}},
        page=50,
    )
    assert set(seen) == before
    assert len(before) == 20


async def test_notifications_customer_relation_matches_column(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    data = await gql_ro.ok(NOTIFICATIONS_WITH_CUSTOMER, None, admin_viewer())
    rows = {r["id"]: r for r in await sql.fetch("SELECT id, customer_id FROM notifications")}
    for node in data["notifications"]["nodes"]:
        assert node["customer"]["rowId"] == rows[node["rowId"]]["customer_id"] == node["customerId"]


async def test_notification_other_tenant_gets_nothing_on_every_path(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    owner = await _busy_customer(sql, "notifications")
    stranger = await _other_customer(sql, "notifications", owner)
    note = await sql.fetchval(
        "SELECT id FROM notifications WHERE customer_id = $1 ORDER BY id LIMIT 1", owner
    )
    viewer = customer_viewer(stranger)
    assert (await gql_ro.ok(NODE, {"id": global_id("Notification", note)}, viewer))["node"] is None
    seen, _ = await walk_edges(
        gql_ro,
        NOTIFICATIONS_PAGE,
        "notifications",
        viewer,
        where={"customerId": {"eq": str(owner)}},
        page=50,
    )
    assert seen == []
    loaders = ActivityLoaders(_env(gql_ro, viewer))
    assert await loaders.notifications_count_by_customer_id.count(owner) == 0
    assert await loaders.notification_by_id.load(note) is None

    mine = customer_viewer(owner)
    found = await gql_ro.ok(NODE, {"id": global_id("Notification", note)}, mine)
    assert found["node"]["rowId"] == note


async def test_notifications_anonymous_and_agents_see_nothing(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    host = await sql.fetchval("SELECT id FROM hosts ORDER BY id LIMIT 1")
    for viewer in (ANONYMOUS, agent_viewer(1, host)):
        data = await gql_ro.ok(NOTIFICATIONS_PAGE, {"first": 5}, viewer)
        assert data["notifications"]["totalCount"] == 0
        assert data["notifications"]["edges"] == []


async def test_node_with_malformed_notification_key_is_null(gql_ro: GraphQLRunner) -> None:
    for key in ("abc", "99999999999999999999999", "-1"):
        data = await gql_ro.ok(NODE, {"id": global_id("Notification", key)}, admin_viewer())
        assert data["node"] is None


async def test_notifications_page_by_customer_matches_sql(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    customers = [
        r["customer_id"]
        for r in await sql.fetch(
            "SELECT customer_id FROM notifications GROUP BY customer_id "
            "ORDER BY count(*) DESC, customer_id LIMIT 5"
        )
    ]
    loaders = ActivityLoaders(_env(gql_ro, admin_viewer()))
    ordering = NOTIFICATION_ORDERINGS[NotificationOrder.CREATED_AT_DESC]
    request = PageRequest(limit=3, backward=False)
    gql_ro.reset_count()
    pages = [
        await p
        for p in [
            loaders.notifications_page_by_customer_id.load_page(c, request, ordering)
            for c in customers
        ]
    ]
    for customer, page in zip(customers, pages, strict=True):
        expected = [
            r["id"]
            for r in await sql.fetch(
                "SELECT id FROM notifications WHERE customer_id = $1 "
                "ORDER BY created_at DESC, id DESC",
                customer,
            )
        ]
        assert [r.id for r in page.rows] == expected[:3]
        assert page.has_next == (len(expected) > 3)
        assert await loaders.notifications_count_by_customer_id.count(customer) == len(expected)


# --- audit logs -----------------------------------------------------------------------------


async def test_audit_logs_admin_paging_both_ways_covers_every_row_once(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    expected = [
        r["id"]
        for r in await sql.fetch("SELECT id FROM audit_logs ORDER BY created_at DESC, id DESC")
    ]
    seen, total = await walk_edges(gql_ro, AUDIT_LOGS_PAGE, "auditLogs", admin_viewer(), page=100)
    assert seen == expected
    assert total == len(expected) > 100
    seen, _ = await walk_edges(
        gql_ro, AUDIT_LOGS_PAGE, "auditLogs", admin_viewer(), page=100, backward=True
    )
    assert seen == expected


async def test_audit_logs_page_over_cap_and_bad_cursor_are_bad_user_input(
    gql_ro: GraphQLRunner,
) -> None:
    over = await gql_ro(AUDIT_LOGS_PAGE, {"first": 1000}, admin_viewer())
    assert errors_code(over) == "BAD_USER_INPUT"
    bad = await gql_ro(AUDIT_LOGS_PAGE, {"first": 3, "after": "!!"}, admin_viewer())
    assert errors_code(bad) == "BAD_USER_INPUT"


async def test_audit_logs_customer_sees_only_entries_it_acted_in(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    customer = await _busy_customer(sql, "audit_logs")
    expected = [
        r["id"]
        for r in await sql.fetch(
            "SELECT id FROM audit_logs WHERE customer_id = $1 ORDER BY created_at DESC, id DESC",
            customer,
        )
    ]
    seen, total = await walk_edges(
        gql_ro, AUDIT_LOGS_PAGE, "auditLogs", customer_viewer(customer), page=3
    )
    assert seen == expected
    assert total == len(expected) > 3


async def test_audit_logs_filters_match_sql(gql_ro: GraphQLRunner, sql: asyncpg.Connection) -> None:
    row = await sql.fetchrow(
        "SELECT resource_type, resource_id, customer_id FROM audit_logs "
        "WHERE resource_id IS NOT NULL AND resource_type <> 'customer' ORDER BY id LIMIT 1"
    )
    about = {
        r["id"]
        for r in await sql.fetch(
            "SELECT id FROM audit_logs WHERE resource_type = $1 AND resource_id = $2",
            row["resource_type"],
            row["resource_id"],
        )
    }
    where = {"resourceType": row["resource_type"], "resourceId": row["resource_id"]}
    seen, _ = await walk_edges(
        gql_ro, AUDIT_LOGS_PAGE, "auditLogs", admin_viewer(), where=where, page=50
    )
    assert set(seen) == about
    assert about

    logins = {r["id"] for r in await sql.fetch("SELECT id FROM audit_logs WHERE action='login'")}
    seen, _ = await walk_edges(
        gql_ro,
        AUDIT_LOGS_PAGE,
        "auditLogs",
        admin_viewer(),
        page=100,
        where={"action": {"eq": "login"}},
    )
    assert set(seen) == logins
    assert logins

    by_actor = {
        r["id"]
        for r in await sql.fetch(
            "SELECT id FROM audit_logs WHERE customer_id = $1", row["customer_id"]
        )
    }
    seen, _ = await walk_edges(
        gql_ro,
        AUDIT_LOGS_PAGE,
        "auditLogs",
        admin_viewer(),
        where={"customerId": {"in": [str(row["customer_id"])]}},
        page=50,
    )
    assert set(seen) == by_actor

    since = await sql.fetchval(
        "SELECT created_at FROM audit_logs ORDER BY created_at DESC OFFSET 30 LIMIT 1"
    )
    recent = {
        r["id"] for r in await sql.fetch("SELECT id FROM audit_logs WHERE created_at > $1", since)
    }
    seen, _ = await walk_edges(
        gql_ro,
        AUDIT_LOGS_PAGE,
        "auditLogs",
        admin_viewer(),
        where={"createdAt": {"gt": since.isoformat()}},
        page=50,
    )
    assert set(seen) == recent
    assert len(recent) == 30


async def test_audit_logs_every_column_and_actor_match_sql(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    data = await gql_ro.ok(AUDIT_LOGS_WITH_ACTOR, None, admin_viewer())
    nodes = data["auditLogs"]["nodes"]
    rows = await sql.fetch("SELECT * FROM audit_logs ORDER BY id LIMIT 100")
    assert [n["rowId"] for n in nodes] == [r["id"] for r in rows]
    for node, row in zip(nodes, rows, strict=True):
        assert (node["actor"] or {}).get("rowId") == row["customer_id"]
        assert node["username"] == row["username"]
        assert node["action"] == row["action"]
        assert node["ipAddress"] == row["ip_address"]
        assert node["userAgent"] == row["user_agent"]
        assert node["requestMethod"] == row["request_method"]
        assert node["requestPath"] == row["request_path"]
        assert node["statusCode"] == row["status_code"]
        assert node["errorMessage"] == row["error_message"]


async def test_audit_log_actor_is_null_for_anonymous_entries(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    anon = await sql.fetchval("SELECT id FROM audit_logs WHERE customer_id IS NULL LIMIT 1")
    if anon is None:
        pytest.skip("the seed has no anonymous audit entry")
    document = "query ($id: ID!) { node(id: $id) { ... on AuditLog { rowId actor { rowId } } } }"
    data = await gql_ro.ok(document, {"id": global_id("AuditLog", anon)}, admin_viewer())
    assert data["node"] == {"rowId": anon, "actor": None}


async def test_audit_log_other_tenant_gets_nothing_on_every_path(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    owner = await _busy_customer(sql, "audit_logs")
    stranger = await _other_customer(sql, "audit_logs", owner)
    entry = await sql.fetchval(
        "SELECT id FROM audit_logs WHERE customer_id = $1 ORDER BY id LIMIT 1", owner
    )
    viewer = customer_viewer(stranger)
    found = await gql_ro.ok(NODE, {"id": global_id("AuditLog", entry)}, viewer)
    assert found["node"] is None
    seen, _ = await walk_edges(
        gql_ro,
        AUDIT_LOGS_PAGE,
        "auditLogs",
        viewer,
        where={"customerId": {"eq": str(owner)}},
        page=50,
    )
    assert seen == []
    loaders = ActivityLoaders(_env(gql_ro, viewer))
    assert await loaders.audit_logs_count_by_customer_id.count(owner) == 0
    page = await loaders.audit_logs_page_by_customer_id.load_page(
        owner, PageRequest(limit=10, backward=False), AUDIT_LOG_ORDERINGS[AuditLogOrder.ID_ASC]
    )
    assert page.rows == []

    mine = customer_viewer(owner)
    found = await gql_ro.ok(NODE, {"id": global_id("AuditLog", entry)}, mine)
    assert found["node"]["rowId"] == entry


async def test_audit_logs_page_by_customer_matches_sql(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    customer = await _busy_customer(sql, "audit_logs")
    loaders = ActivityLoaders(_env(gql_ro, customer_viewer(customer)))
    ordering = AUDIT_LOG_ORDERINGS[AuditLogOrder.CREATED_AT_DESC]
    expected = [
        r["id"]
        for r in await sql.fetch(
            "SELECT id FROM audit_logs WHERE customer_id = $1 ORDER BY created_at DESC, id DESC",
            customer,
        )
    ]
    page = await loaders.audit_logs_page_by_customer_id.load_page(
        customer, PageRequest(limit=100, backward=False), ordering
    )
    assert [r.id for r in page.rows] == expected
    assert await loaders.audit_logs_count_by_customer_id.count(customer) == len(expected)


# --- edges from Customer to its notifications and audit entries ------------------------------

CUSTOMER_ACTIVITY = """
query ($id: ID!) {
  node(id: $id) {
    ... on Customer {
      rowId
      notifications(first: 100) { totalCount nodes { rowId customer { rowId } } }
      auditLogs(first: 100) { totalCount nodes { rowId actor { rowId } } }
    }
  }
}
"""


async def test_customer_edges_list_its_notifications_and_audit_entries(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    customer = await _busy_customer(sql, "notifications")
    for viewer in (admin_viewer(), customer_viewer(customer)):
        data = await gql_ro.ok(CUSTOMER_ACTIVITY, {"id": global_id("Customer", customer)}, viewer)
        node = data["node"]
        assert node["rowId"] == customer
        for field, table, parent in (
            ("notifications", "notifications", "customer"),
            ("auditLogs", "audit_logs", "actor"),
        ):
            expected = {
                r["id"]
                for r in await sql.fetch(f"SELECT id FROM {table} WHERE customer_id=$1", customer)
            }
            assert {n["rowId"] for n in node[field]["nodes"]} == expected
            assert node[field]["totalCount"] == len(expected)
            assert all(n[parent]["rowId"] == customer for n in node[field]["nodes"])


async def test_customer_activity_edges_hide_another_customers_inbox_from_a_colleague(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    """A workspace colleague may see a customer, never its notifications or audit entries."""
    pair = await sql.fetchrow(
        """
        SELECT a.customer_id AS me, b.customer_id AS colleague
        FROM workspace_members a JOIN workspace_members b
          ON a.workspace_id = b.workspace_id AND a.customer_id <> b.customer_id
        WHERE a.status = 'active' AND b.status = 'active'
          AND EXISTS (SELECT 1 FROM notifications n WHERE n.customer_id = b.customer_id)
        ORDER BY a.customer_id, b.customer_id LIMIT 1
        """
    )
    if pair is None:
        pytest.skip("the seed has no two customers sharing a workspace")
    data = await gql_ro.ok(
        CUSTOMER_ACTIVITY,
        {"id": global_id("Customer", pair["colleague"])},
        customer_viewer(pair["me"]),
    )
    node = data["node"]
    if node is None:
        return  # the colleague is not visible at all: nothing leaks
    assert node["notifications"]["totalCount"] == 0
    assert node["notifications"]["nodes"] == []
    assert node["auditLogs"]["totalCount"] == 0
    assert node["auditLogs"]["nodes"] == []
