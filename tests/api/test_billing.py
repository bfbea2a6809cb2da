"""The `billing` area over GraphQL: billing records and invoices on the seeded fleet.

Every expectation is computed with SQL on the same database. Customers see only their own
records and invoices; another tenant's rows look exactly like missing ones.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.graphql import GraphQLRunner, admin_viewer, agent_viewer, customer_viewer
from tests.support.db import column, fetch, first_row, first_value
from tests.support.documents import connection_queries, node_query
from tests.support.paging import assert_walks, global_id, walk_both_ways
from tests.support.results import errors_code

BILLING_RECORDS, INVOICES = connection_queries(
    """
    billingRecords: nodes { id rowId customerId envId resourceType quantity unitPrice amount
                    currency startTime customer { rowId } environment { rowId } }
    invoices: nodes { id rowId invoiceNo customerId totalAmount status customer { rowId } }
    """
)

INVOICE = """
query I($no: String!, $first: Int, $after: String) {
  invoice(invoiceNo: $no) {
    id rowId invoiceNo customerId totalAmount status billingPeriodStart billingPeriodEnd
    customer { rowId }
    records(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { rowId customerId startTime }
    }
  }
}
"""

INVOICES_WITH_RECORDS = """
query IR($where: InvoiceWhere) {
  invoices(first: 100, where: $where) {
    nodes { rowId records(first: 5) { totalCount nodes { rowId } } }
  }
}
"""

CUSTOMER_EDGES = """
query C($username: String!) {
  customer(username: $username) {
    rowId
    billingRecords(first: 5) { totalCount nodes { rowId customerId } }
    invoices(first: 5) { totalCount nodes { rowId customerId } }
  }
}
"""

ENVIRONMENT_EDGE = """
query E($id: String!) {
  environment(id: $id) { rowId billingRecords(first: 100) { totalCount nodes { rowId envId } } }
}
"""

NODE = node_query("BillingRecord { rowId customerId }", "Invoice { rowId invoiceNo }")

ADMIN = admin_viewer()
RECORD_ORDER = "ORDER BY start_time DESC, id DESC"


@pytest.fixture(scope="module")
async def facts(seeded_shared_url: str) -> dict[str, Any]:
    url = seeded_shared_url
    owner = await first_row(
        url,
        "SELECT c.id, c.username FROM customers c WHERE c.user_type <> 'admin' "
        "AND EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = c.id) "
        "ORDER BY (SELECT count(*) FROM billing_records b WHERE b.customer_id = c.id) DESC, "
        "c.id "
        "LIMIT 1",
    )
    other = await first_value(
        url,
        "SELECT c.id FROM customers c WHERE c.user_type <> 'admin' AND c.id <> $1 "
        "AND EXISTS (SELECT 1 FROM billing_records b WHERE b.customer_id = c.id) "
        "ORDER BY c.id LIMIT 1",
        owner[0],
    )
    invoice = await first_row(
        url,
        "SELECT i.id, i.invoice_no FROM invoices i WHERE i.customer_id = $1 "
        "ORDER BY (SELECT count(*) FROM billing_records b WHERE b.customer_id = i.customer_id "
        "AND b.start_time >= i.billing_period_start "
        "AND b.start_time < i.billing_period_end) DESC, i.id LIMIT 1",
        owner[0],
    )
    env = await column(
        url,
        "SELECT env_id FROM billing_records WHERE customer_id = $1 AND env_id IS NOT NULL "
        "GROUP BY env_id ORDER BY count(*) DESC, env_id LIMIT 1",
        owner[0],
    )
    return {
        "owner": owner[0],
        "owner_username": owner[1],
        "other": other,
        "invoice": invoice[0],
        "invoice_no": invoice[1],
        "env": env[0],
    }


# --- billing records --------------------------------------------------------------------------


async def test_billing_records_root_as_customer_round_trip_returns_only_own(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    owner = facts["owner"]
    expected = await column(
        seeded_shared_url,
        f"SELECT id FROM billing_records WHERE customer_id = $1 {RECORD_ORDER}",
        owner,
    )
    assert expected
    viewer = customer_viewer(owner)
    forward, backward = await walk_both_ways(
        gql_ro, BILLING_RECORDS, "billingRecords", {}, 100, viewer
    )
    assert forward == expected
    assert backward == expected
    data = await gql_ro.ok(BILLING_RECORDS, {"first": 5}, viewer)
    assert data["billingRecords"]["totalCount"] == len(expected)
    assert {n["customer"]["rowId"] for n in data["billingRecords"]["nodes"]} == {owner}


async def test_billing_records_root_as_admin_counts_every_row(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    total = await column(seeded_shared_url, "SELECT count(*) FROM billing_records")
    expected = await column(
        seeded_shared_url,
        "SELECT id FROM billing_records ORDER BY created_at DESC, id DESC LIMIT 7",
    )
    data = await gql_ro.ok(BILLING_RECORDS, {"first": 7, "orderBy": "CREATED_AT_DESC"}, ADMIN)
    assert data["billingRecords"]["totalCount"] == total[0]
    assert [n["rowId"] for n in data["billingRecords"]["nodes"]] == expected


async def test_billing_records_root_filters_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    owner, env = facts["owner"], facts["env"]
    rows = await fetch(
        seeded_shared_url,
        "SELECT min(start_time), max(start_time) FROM billing_records WHERE env_id = $1",
        env,
    )
    low, high = rows[0]
    expected = await column(
        seeded_shared_url,
        "SELECT id FROM billing_records WHERE customer_id = $1 AND env_id = $2 "
        f"AND resource_type = 'cpu' AND start_time > $3 AND start_time <= $4 {RECORD_ORDER}",
        owner,
        env,
        low,
        high,
    )
    where = {
        "customerId": {"eq": str(owner)},
        "envId": {"eq": env},
        "resourceType": {"eq": "CPU"},
        "startTime": {"gt": low.isoformat(), "lte": high.isoformat()},
    }
    data = await gql_ro.ok(BILLING_RECORDS, {"first": 100, "where": where}, ADMIN)
    assert [n["rowId"] for n in data["billingRecords"]["nodes"]] == expected
    assert data["billingRecords"]["totalCount"] == len(expected)
    assert {n["resourceType"] for n in data["billingRecords"]["nodes"]} <= {"CPU"}


async def test_billing_records_root_money_is_a_decimal_string(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    row = await first_row(
        seeded_shared_url,
        f"SELECT id, unit_price, amount FROM billing_records WHERE customer_id = $1 "
        f"{RECORD_ORDER} LIMIT 1",
        facts["owner"],
    )
    data = await gql_ro.ok(BILLING_RECORDS, {"first": 1}, customer_viewer(facts["owner"]))
    node = data["billingRecords"]["nodes"][0]
    assert node["rowId"] == row["id"]
    assert node["unitPrice"] == str(row["unit_price"])
    assert node["amount"] == str(row["amount"])


async def test_billing_records_root_page_over_cap_gives_bad_user_input(
    gql_ro: GraphQLRunner,
) -> None:
    result = await gql_ro(BILLING_RECORDS, {"first": 101}, ADMIN)
    assert errors_code(result) == "BAD_USER_INPUT"


async def test_billing_records_root_garbage_cursor_gives_bad_user_input(
    gql_ro: GraphQLRunner,
) -> None:
    result = await gql_ro(BILLING_RECORDS, {"first": 3, "after": "bm9wZQ=="}, ADMIN)
    assert errors_code(result) == "BAD_USER_INPUT"


async def test_billing_records_as_other_tenant_are_hidden_everywhere(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    owner, stranger = facts["owner"], customer_viewer(facts["other"])
    where = {"customerId": {"eq": str(owner)}}
    data = await gql_ro.ok(BILLING_RECORDS, {"first": 5, "where": where}, stranger)
    assert data["billingRecords"]["totalCount"] == 0
    record = await first_value(
        seeded_shared_url, "SELECT min(id) FROM billing_records WHERE customer_id = $1", owner
    )
    for viewer in (stranger, agent_viewer(1, "any-host")):
        node = await gql_ro.ok(NODE, {"id": global_id("BillingRecord", record)}, viewer)
        assert node["node"] is None
    anonymous = await gql_ro.ok(BILLING_RECORDS, {"first": 5})
    assert anonymous["billingRecords"]["totalCount"] == 0
    mine = await gql_ro.ok(NODE, {"id": global_id("BillingRecord", record)}, customer_viewer(owner))
    assert mine["node"]["customerId"] == owner


async def test_billing_records_environment_edge_as_owner_matches_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    env = facts["env"]
    expected = await column(
        seeded_shared_url,
        f"SELECT id FROM billing_records WHERE env_id = $1 {RECORD_ORDER} LIMIT 100",
        env,
    )
    total = await column(
        seeded_shared_url, "SELECT count(*) FROM billing_records WHERE env_id = $1", env
    )
    data = await gql_ro.ok(ENVIRONMENT_EDGE, {"id": env}, customer_viewer(facts["owner"]))
    records = data["environment"]["billingRecords"]
    assert [n["rowId"] for n in records["nodes"]] == expected
    assert records["totalCount"] == total[0]
    back = await gql_ro.ok(
        BILLING_RECORDS,
        {"first": 3, "where": {"envId": {"eq": env}}},
        customer_viewer(facts["owner"]),
    )
    assert {n["environment"]["rowId"] for n in back["billingRecords"]["nodes"]} == {env}


async def test_billing_customer_edges_as_owner_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    owner = facts["owner"]
    records = await column(
        seeded_shared_url, "SELECT count(*) FROM billing_records WHERE customer_id = $1", owner
    )
    invoices = await column(
        seeded_shared_url, "SELECT count(*) FROM invoices WHERE customer_id = $1", owner
    )
    data = await gql_ro.ok(
        CUSTOMER_EDGES, {"username": facts["owner_username"]}, customer_viewer(owner)
    )
    customer = data["customer"]
    assert customer["billingRecords"]["totalCount"] == records[0]
    assert customer["invoices"]["totalCount"] == invoices[0]
    assert {n["customerId"] for n in customer["billingRecords"]["nodes"]} == {owner}
    assert {n["customerId"] for n in customer["invoices"]["nodes"]} == {owner}


# --- invoices ---------------------------------------------------------------------------------


async def test_invoices_root_as_customer_round_trip_returns_only_own(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    owner = facts["owner"]
    expected = await column(
        seeded_shared_url,
        "SELECT id FROM invoices WHERE customer_id = $1 ORDER BY created_at DESC, id DESC",
        owner,
    )
    viewer = customer_viewer(owner)
    await assert_walks(gql_ro, INVOICES, "invoices", viewer, expected, forward=2, backward=2)


async def test_invoices_root_as_admin_filters_by_status_and_orders_by_period(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await column(
        seeded_shared_url,
        "SELECT id FROM invoices WHERE status = 'paid' ORDER BY billing_period_start DESC, id DESC",
    )
    where = {"status": {"eq": "PAID"}}
    forward, backward = await walk_both_ways(
        gql_ro, INVOICES, "invoices", {"where": where, "orderBy": "PERIOD_DESC"}, 40, ADMIN
    )
    assert forward == expected
    assert backward == expected


async def test_invoice_by_number_as_owner_returns_records_of_its_period(
    gql_ro: GraphQLRunner, seeded_shared_url: str, facts: dict[str, Any]
) -> None:
    owner, invoice_id = facts["owner"], facts["invoice"]
    expected = await column(
        seeded_shared_url,
        "SELECT b.id FROM billing_records b JOIN invoices i ON i.customer_id = b.customer_id "
        "AND b.start_time >= i.billing_period_start AND b.start_time < i.billing_period_end "
        "WHERE i.id = $1 ORDER BY b.start_time DESC, b.id DESC",
        invoice_id,
    )
    assert len(expected) > 5
    viewer = customer_viewer(owner)
    no = facts["invoice_no"]
    await assert_walks(gql_ro, INVOICE, "invoice.records", viewer, expected, forward=50, no=no)
    invoice = (await gql_ro.ok(INVOICE, {"no": no, "first": 1}, viewer))["invoice"]
    assert invoice["rowId"] == invoice_id
    assert invoice["customer"]["rowId"] == owner


async def test_invoice_records_for_many_invoices_batch_and_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    rows = await fetch(
        seeded_shared_url,
        "SELECT i.id, b.id FROM invoices i JOIN LATERAL (SELECT id FROM billing_records b "
        "WHERE b.customer_id = i.customer_id AND b.start_time >= i.billing_period_start "
        "AND b.start_time < i.billing_period_end ORDER BY start_time DESC, id DESC LIMIT 5) b "
        "ON true WHERE i.status = 'pending' ORDER BY i.id",
    )
    expected: dict[int, list[int]] = {}
    for invoice_id, record_id in rows:
        expected.setdefault(invoice_id, []).append(record_id)
    counts = dict(
        (r[0], r[1])
        for r in await fetch(
            seeded_shared_url,
            "SELECT i.id, count(b.id) FROM invoices i LEFT JOIN billing_records b "
            "ON b.customer_id = i.customer_id AND b.start_time >= i.billing_period_start "
            "AND b.start_time < i.billing_period_end WHERE i.status = 'pending' GROUP BY i.id",
        )
    )
    gql_ro.reset_count()
    data = await gql_ro.ok(INVOICES_WITH_RECORDS, {"where": {"status": {"eq": "PENDING"}}}, ADMIN)
    assert len(gql_ro.statements) == 3  # invoices page, records pages, records counts
    nodes = data["invoices"]["nodes"]
    assert nodes
    for node in nodes:
        assert [n["rowId"] for n in node["records"]["nodes"]] == expected.get(node["rowId"], [])
        assert node["records"]["totalCount"] == counts[node["rowId"]]


async def test_invoice_as_other_tenant_is_hidden_everywhere(
    gql_ro: GraphQLRunner, facts: dict[str, Any]
) -> None:
    stranger = customer_viewer(facts["other"])
    for viewer in (stranger, agent_viewer(1, "any-host")):
        data = await gql_ro.ok(INVOICE, {"no": facts["invoice_no"]}, viewer)
        assert data["invoice"] is None
        node = await gql_ro.ok(NODE, {"id": global_id("Invoice", facts["invoice"])}, viewer)
        assert node["node"] is None
    anonymous = await gql_ro.ok(INVOICE, {"no": facts["invoice_no"]})
    assert anonymous["invoice"] is None
    where = {"customerId": {"eq": str(facts["owner"])}}
    data = await gql_ro.ok(INVOICES, {"first": 5, "where": where}, stranger)
    assert data["invoices"]["totalCount"] == 0
    admin = await gql_ro.ok(NODE, {"id": global_id("Invoice", facts["invoice"])}, ADMIN)
    assert admin["node"]["invoiceNo"] == facts["invoice_no"]


async def test_invoice_unknown_number_returns_null(gql_ro: GraphQLRunner) -> None:
    data = await gql_ro.ok(INVOICE, {"no": "INV-1999-01-0001"}, ADMIN)
    assert data["invoice"] is None
