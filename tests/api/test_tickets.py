"""The `tickets` area over GraphQL: issues, requirements and their polymorphic comments.

Every expectation is computed with SQL on the same database, so the tests follow the seed.
"""

from __future__ import annotations

import base64
from typing import Any

import pytest

from remotegpu.auth.viewer import ANONYMOUS
from tests.graphql import GraphQLRunner, admin_viewer, agent_viewer, customer_viewer
from tests.support.db import column, fetch, first_row, first_value, rows_by_id
from tests.support.documents import connection_queries, node_query
from tests.support.paging import assert_walks, global_id, walk_backward, walk_forward

ISSUES, REQUIREMENTS, COMMENTS = connection_queries(
    """
    issues: nodes { id rowId issueNo customerId assigneeId type priority status reporter { rowId }
            assignee { rowId } }
    requirements: nodes { id rowId requirementNo customerId assigneeId priority status reporter {
                  rowId } assignee { rowId } }
    comments: nodes { id rowId customerId resourceType resourceId author { rowId } subject {
              __typename ... on Issue { rowId } ... on Requirement { rowId } } }
    """
)

ISSUES_WITH_COMMENTS = """
{
  issues(first: 100, orderBy: ID_ASC) {
    nodes {
      rowId
      comments(first: 100) {
        totalCount
        nodes { rowId resourceType subject { ... on Issue { rowId } } }
      }
    }
  }
}
"""

REQUIREMENTS_WITH_COMMENTS = """
{
  requirements(first: 100, orderBy: ID_ASC) {
    nodes {
      rowId
      comments(first: 100) {
        totalCount
        nodes { rowId resourceType subject { ... on Requirement { rowId } } }
      }
    }
  }
}
"""

ISSUE = """
query Issue($no: String!) { issue(issueNo: $no) { rowId issueNo comments { totalCount } } }
"""

REQUIREMENT = """
query Req($no: String!) {
  requirement(requirementNo: $no) { rowId requirementNo comments { totalCount } }
}
"""

ISSUE_COMMENTS_PAGE = """
query IssueComments($no: String!, $first: Int, $after: String, $last: Int, $before: String) {
  issue(issueNo: $no) {
    comments(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes { rowId }
    }
  }
}
"""

NODE = node_query("Issue { rowId }", "Requirement { rowId }", "Comment { rowId }")

ADMIN = admin_viewer()


async def reporter(url: str) -> int:
    """A non-admin customer who reported the most issues."""
    return int(
        await first_value(
            url,
            "SELECT i.customer_id FROM issues i JOIN customers c ON c.id = i.customer_id "
            "WHERE c.user_type <> 'admin' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
        )
    )


async def staff_assignee(url: str) -> int:
    """A non-admin staff member assigned to tickets it did not report."""
    return int(
        await first_value(
            url,
            "SELECT i.assignee_id FROM issues i JOIN customers c ON c.id = i.assignee_id "
            "WHERE c.user_type <> 'admin' AND i.customer_id <> i.assignee_id "
            "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
        )
    )


async def outsider(url: str) -> int:
    """A non-admin customer with no tickets (reported, assigned) and no comments."""
    ids = await column(
        url,
        "SELECT id FROM customers c WHERE user_type <> 'admin' "
        "AND NOT EXISTS (SELECT 1 FROM issues i WHERE c.id IN (i.customer_id, i.assignee_id)) "
        "AND NOT EXISTS (SELECT 1 FROM requirements r "
        "                WHERE c.id IN (r.customer_id, r.assignee_id)) "
        "AND NOT EXISTS (SELECT 1 FROM comments m WHERE m.customer_id = c.id) ORDER BY id LIMIT 1",
    )
    return int(ids[0])


# --- issues --------------------------------------------------------------------------------


async def test_issues_round_trip_and_backwards_cover_all_rows_once(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await column(
        seeded_shared_url, "SELECT id FROM issues ORDER BY created_at DESC, id DESC"
    )
    await assert_walks(gql_ro, ISSUES, "issues", ADMIN, expected, forward=7, backward=9)
    ascending = await walk_forward(gql_ro, ISSUES, "issues", 11, ADMIN, orderBy="CREATED_AT_ASC")
    assert ascending == await column(
        seeded_shared_url, "SELECT id FROM issues ORDER BY created_at, id"
    )


@pytest.mark.parametrize(
    ("doc", "variables"),
    [
        (ISSUES, {"first": 101}),
        (ISSUES, {"first": 5, "after": "garbage!"}),
        (REQUIREMENTS, {"last": 101}),
        (REQUIREMENTS, {"last": 5, "before": "garbage!"}),
        (COMMENTS, {"first": 101}),
        (COMMENTS, {"first": 5, "after": "garbage!"}),
    ],
    ids=[
        "issues-over-cap",
        "issues-garbage",
        "requirements-over-cap",
        "requirements-garbage",
        "comments-over-cap",
        "comments-garbage",
    ],
)
async def test_tickets_bad_paging_arguments_are_bad_user_input(
    gql_ro: GraphQLRunner, doc: str, variables: dict[str, Any]
) -> None:
    result = await gql_ro(doc, variables, ADMIN)
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_issues_fields_and_people_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    rows = await rows_by_id(
        seeded_shared_url,
        "SELECT id, issue_no, customer_id, assignee_id, type, priority, status FROM issues",
    )
    nodes = (await gql_ro.ok(ISSUES, {"first": 100}, ADMIN))["issues"]["nodes"]
    for node in nodes:
        row = rows[node["rowId"]]
        assert node["issueNo"] == row["issue_no"]
        assert node["type"] == row["type"].upper()
        assert node["priority"] == row["priority"].upper()
        assert node["status"] == row["status"].upper()
        assert node["reporter"]["rowId"] == row["customer_id"] == node["customerId"]
        assert (node["assignee"] and node["assignee"]["rowId"]) == row["assignee_id"]


async def test_issues_filters_match_sql(gql_ro: GraphQLRunner, seeded_shared_url: str) -> None:
    url = seeded_shared_url
    who = await reporter(url)
    staff = await staff_assignee(url)
    moment = (await column(url, "SELECT created_at FROM issues ORDER BY created_at, id"))[4]
    cases: list[tuple[dict[str, Any], str, list[Any]]] = [
        ({"status": {"eq": "IN_PROGRESS"}}, "status = 'in_progress'", []),
        ({"status": {"in": ["OPEN", "CLOSED"]}}, "status IN ('open', 'closed')", []),
        ({"type": {"eq": "BUG"}}, "type = 'bug'", []),
        ({"priority": {"eq": "CRITICAL"}}, "priority = 'critical'", []),
        ({"customerId": {"eq": str(who)}}, "customer_id = $1", [who]),
        ({"assigneeId": {"eq": str(staff)}}, "assignee_id = $1", [staff]),
        ({"createdAt": {"gte": moment.isoformat()}}, "created_at >= $1", [moment]),
    ]
    for where, sql, args in cases:
        expected = await column(url, f"SELECT id FROM issues WHERE {sql} ORDER BY id", *args)
        variables = {"first": 100, "where": where, "orderBy": "ID_ASC"}
        data = await gql_ro.ok(ISSUES, variables, ADMIN)
        assert [n["rowId"] for n in data["issues"]["nodes"]] == expected[:100], where
        assert data["issues"]["totalCount"] == len(expected), where


async def test_issue_by_number_returns_the_issue(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    row = await first_row(
        seeded_shared_url,
        "SELECT i.id, i.issue_no, (SELECT count(*) FROM comments c WHERE c.resource_type = "
        "'issue' AND c.resource_id = i.id) AS n FROM issues i ORDER BY n DESC, id LIMIT 1",
    )
    data = await gql_ro.ok(ISSUE, {"no": row["issue_no"]}, ADMIN)
    assert data["issue"] == {
        "rowId": row["id"],
        "issueNo": row["issue_no"],
        "comments": {"totalCount": row["n"]},
    }
    assert (await gql_ro.ok(ISSUE, {"no": "ISSUE-1900-0001"}, ADMIN)) == {"issue": None}


async def test_issue_comments_edge_matches_sql_and_ignores_requirement_comments(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    by_issue: dict[int, list[int]] = {}
    for r in await fetch(
        seeded_shared_url,
        "SELECT resource_id, id FROM comments WHERE resource_type = 'issue' "
        "ORDER BY resource_id, created_at, id",
    ):
        by_issue.setdefault(r["resource_id"], []).append(r["id"])
    # Issue and requirement keys overlap, so a leak through the polymorphic key would show.
    shared = await column(
        seeded_shared_url,
        "SELECT DISTINCT a.resource_id FROM comments a JOIN comments b ON "
        "a.resource_id = b.resource_id AND a.resource_type = 'issue' "
        "AND b.resource_type = 'requirement'",
    )
    assert shared
    gql_ro.reset_count()
    data = await gql_ro.ok(ISSUES_WITH_COMMENTS, viewer=ADMIN)
    # Batched: the issues, every issue's comments, their counts, the comments' subjects.
    assert len(gql_ro.statements) == 4
    for issue in data["issues"]["nodes"]:
        comments = issue["comments"]
        assert [n["rowId"] for n in comments["nodes"]] == by_issue.get(issue["rowId"], [])
        assert comments["totalCount"] == len(by_issue.get(issue["rowId"], []))
        for node in comments["nodes"]:
            assert node["resourceType"] == "ISSUE"
            assert node["subject"] == {"rowId": issue["rowId"]}


async def test_issue_comments_child_pages_cover_all_rows_once(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    issue_id, number = await first_row(
        seeded_shared_url,
        "SELECT i.id, i.issue_no FROM issues i JOIN comments c ON c.resource_type = 'issue' "
        "AND c.resource_id = i.id GROUP BY i.id ORDER BY count(*) DESC, i.id LIMIT 1",
    )
    expected = await column(
        seeded_shared_url,
        "SELECT id FROM comments WHERE resource_type = 'issue' AND resource_id = $1 "
        "ORDER BY created_at, id",
        issue_id,
    )
    comments = (ISSUE_COMMENTS_PAGE, "issue.comments", 1, ADMIN)
    assert await walk_forward(gql_ro, *comments, no=number) == expected
    assert await walk_backward(gql_ro, *comments, no=number) == expected
    result = await gql_ro(ISSUE_COMMENTS_PAGE, {"no": number, "first": 101}, ADMIN)
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


# --- requirements --------------------------------------------------------------------------


async def test_requirements_round_trip_and_backwards_cover_all_rows_once(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await column(
        seeded_shared_url, "SELECT id FROM requirements ORDER BY created_at DESC, id DESC"
    )
    await assert_walks(gql_ro, REQUIREMENTS, "requirements", ADMIN, expected, forward=4, backward=3)


async def test_requirements_fields_filters_and_people_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    rows = await rows_by_id(
        url, "SELECT id, requirement_no, customer_id, assignee_id, status FROM requirements"
    )
    nodes = (await gql_ro.ok(REQUIREMENTS, {"first": 100}, ADMIN))["requirements"]["nodes"]
    assert len(nodes) == len(rows)
    for node in nodes:
        row = rows[node["rowId"]]
        assert node["requirementNo"] == row["requirement_no"]
        assert node["status"] == row["status"].upper()
        assert node["reporter"]["rowId"] == row["customer_id"]
        assert (node["assignee"] and node["assignee"]["rowId"]) == row["assignee_id"]
    some = next(iter(rows.values()))
    cases: list[tuple[dict[str, Any], str, list[Any]]] = [
        ({"status": {"eq": "SUBMITTED"}}, "status = 'submitted'", []),
        ({"priority": {"in": ["LOW", "HIGH"]}}, "priority IN ('low', 'high')", []),
        (
            {"customerId": {"eq": str(some["customer_id"])}},
            "customer_id = $1",
            [some["customer_id"]],
        ),
    ]
    for where, sql, args in cases:
        expected = await column(url, f"SELECT id FROM requirements WHERE {sql} ORDER BY id", *args)
        variables = {"first": 100, "where": where, "orderBy": "ID_ASC"}
        data = await gql_ro.ok(REQUIREMENTS, variables, ADMIN)
        assert [n["rowId"] for n in data["requirements"]["nodes"]] == expected, where
        assert data["requirements"]["totalCount"] == len(expected), where
    data = await gql_ro.ok(REQUIREMENT, {"no": some["requirement_no"]}, ADMIN)
    assert data["requirement"]["rowId"] == some["id"]


async def test_requirement_comments_edge_matches_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    by_req: dict[int, list[int]] = {}
    for r in await fetch(
        seeded_shared_url,
        "SELECT resource_id, id FROM comments WHERE resource_type = 'requirement' "
        "ORDER BY resource_id, created_at, id",
    ):
        by_req.setdefault(r["resource_id"], []).append(r["id"])
    data = await gql_ro.ok(REQUIREMENTS_WITH_COMMENTS, viewer=ADMIN)
    for req in data["requirements"]["nodes"]:
        comments = req["comments"]
        assert [n["rowId"] for n in comments["nodes"]] == by_req.get(req["rowId"], [])
        assert comments["totalCount"] == len(by_req.get(req["rowId"], []))
        for node in comments["nodes"]:
            assert node["resourceType"] == "REQUIREMENT"
            assert node["subject"] == {"rowId": req["rowId"]}


# --- comments ------------------------------------------------------------------------------


async def test_comments_round_trip_and_subject_union_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    rows = await fetch(
        seeded_shared_url,
        "SELECT id, customer_id, resource_type, resource_id FROM comments ORDER BY created_at, id",
    )
    assert await walk_forward(gql_ro, COMMENTS, "comments", 50, ADMIN) == [r["id"] for r in rows]
    backwards = await walk_backward(
        gql_ro, COMMENTS, "comments", 60, ADMIN, orderBy="CREATED_AT_DESC"
    )
    assert backwards == [r["id"] for r in reversed(rows)]
    by_id = {r["id"]: r for r in rows}
    data = await gql_ro.ok(COMMENTS, {"first": 100}, ADMIN)
    assert data["comments"]["totalCount"] == len(rows)
    for node in data["comments"]["nodes"]:
        row = by_id[node["rowId"]]
        assert node["author"]["rowId"] == row["customer_id"]
        assert node["subject"] == {
            "__typename": row["resource_type"].capitalize(),
            "rowId": row["resource_id"],
        }


async def test_comments_filters_match_sql(gql_ro: GraphQLRunner, seeded_shared_url: str) -> None:
    url = seeded_shared_url
    first = await first_row(
        url, "SELECT resource_id, customer_id FROM comments ORDER BY id LIMIT 1"
    )
    cases: list[tuple[dict[str, Any], str, list[Any]]] = [
        ({"resourceType": {"eq": "REQUIREMENT"}}, "resource_type = 'requirement'", []),
        (
            {"resourceType": {"eq": "ISSUE"}, "resourceId": {"eq": str(first["resource_id"])}},
            "resource_type = 'issue' AND resource_id = $1",
            [first["resource_id"]],
        ),
        (
            {"customerId": {"eq": str(first["customer_id"])}},
            "customer_id = $1",
            [first["customer_id"]],
        ),
    ]
    for where, sql, args in cases:
        expected = await column(url, f"SELECT id FROM comments WHERE {sql} ORDER BY id", *args)
        variables = {"first": 100, "where": where, "orderBy": "ID_ASC"}
        data = await gql_ro.ok(COMMENTS, variables, ADMIN)
        assert [n["rowId"] for n in data["comments"]["nodes"]] == expected[:100], where
        assert data["comments"]["totalCount"] == len(expected), where


# --- visibility ----------------------------------------------------------------------------


async def test_tickets_customer_sees_what_it_reported_or_is_assigned(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    for who in (await reporter(url), await staff_assignee(url)):
        viewer = customer_viewer(who)
        issues = await column(
            url,
            "SELECT id FROM issues WHERE $1 IN (customer_id, assignee_id) "
            "ORDER BY created_at DESC, id DESC",
            who,
        )
        requirements = await column(
            url,
            "SELECT id FROM requirements WHERE $1 IN (customer_id, assignee_id) "
            "ORDER BY created_at DESC, id DESC",
            who,
        )
        comments = await column(
            url,
            "SELECT c.id FROM comments c WHERE (c.resource_type = 'issue' AND c.resource_id IN "
            "(SELECT id FROM issues WHERE $1 IN (customer_id, assignee_id))) OR "
            "(c.resource_type = 'requirement' AND c.resource_id IN "
            "(SELECT id FROM requirements WHERE $1 IN (customer_id, assignee_id))) "
            "ORDER BY c.created_at, c.id",
            who,
        )
        assert issues
        assert await walk_forward(gql_ro, ISSUES, "issues", 100, viewer) == issues
        assert await walk_forward(gql_ro, REQUIREMENTS, "requirements", 100, viewer) == requirements
        assert await walk_forward(gql_ro, COMMENTS, "comments", 100, viewer) == comments
        number = await first_value(url, "SELECT issue_no FROM issues WHERE id = $1", issues[0])
        assert (await gql_ro.ok(ISSUE, {"no": number}, viewer))["issue"]["rowId"] == issues[0]
        data = await gql_ro.ok(NODE, {"id": global_id("Issue", issues[0])}, viewer)
        assert data["node"]["rowId"] == issues[0]
        if comments:
            data = await gql_ro.ok(NODE, {"id": global_id("Comment", comments[0])}, viewer)
            assert data["node"]["rowId"] == comments[0]


async def test_tickets_of_another_tenant_are_missing_on_every_path(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    stranger = customer_viewer(await outsider(url))
    for doc, field in ((ISSUES, "issues"), (REQUIREMENTS, "requirements"), (COMMENTS, "comments")):
        data = await gql_ro.ok(doc, {"first": 100}, stranger)
        assert data[field]["nodes"] == []
        assert data[field]["totalCount"] == 0
    issue = await first_row(url, "SELECT id, issue_no FROM issues ORDER BY id LIMIT 1")
    req = await first_row(url, "SELECT id, requirement_no FROM requirements ORDER BY id LIMIT 1")
    comment = await first_value(url, "SELECT id FROM comments ORDER BY id LIMIT 1")
    assert await gql_ro.ok(ISSUE, {"no": issue["issue_no"]}, stranger) == {"issue": None}
    assert await gql_ro.ok(REQUIREMENT, {"no": req["requirement_no"]}, stranger) == {
        "requirement": None
    }
    for type_name, key in (
        ("Issue", issue["id"]),
        ("Requirement", req["id"]),
        ("Comment", comment),
    ):
        data = await gql_ro.ok(NODE, {"id": global_id(type_name, key)}, stranger)
        assert data == {"node": None}, type_name
    # Filtering on someone else's ticket reveals nothing either.
    where = {"resourceType": {"eq": "ISSUE"}, "resourceId": {"eq": str(issue["id"])}}
    data = await gql_ro.ok(COMMENTS, {"first": 100, "where": where}, stranger)
    assert data["comments"]["totalCount"] == 0


async def test_ticket_comment_edges_hide_tickets_of_another_tenant(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    """A reporter sees its issue's comments, but not comments on someone else's requirement
    with the same key."""
    url = seeded_shared_url
    rows = await fetch(
        url,
        "SELECT i.issue_no, i.customer_id, i.id FROM issues i JOIN requirements r ON r.id = i.id "
        "WHERE r.customer_id <> i.customer_id AND (r.assignee_id IS NULL OR "
        "r.assignee_id <> i.customer_id) AND (i.assignee_id IS NULL OR i.assignee_id <> "
        "r.customer_id) AND EXISTS (SELECT 1 FROM comments c WHERE c.resource_type = "
        "'requirement' AND c.resource_id = r.id) ORDER BY i.id LIMIT 1",
    )
    assert rows
    number, who, key = rows[0]["issue_no"], rows[0]["customer_id"], rows[0]["id"]
    expected = await column(
        url, "SELECT count(*) FROM comments WHERE resource_type = 'issue' AND resource_id = $1", key
    )
    data = await gql_ro.ok(ISSUE, {"no": number}, customer_viewer(who))
    assert data["issue"]["comments"]["totalCount"] == expected[0]
    req_no = await first_value(url, "SELECT requirement_no FROM requirements WHERE id = $1", key)
    assert await gql_ro.ok(REQUIREMENT, {"no": req_no}, customer_viewer(who)) == {
        "requirement": None
    }


@pytest.mark.parametrize("who", ["anonymous", "agent"])
async def test_tickets_anonymous_and_agents_see_nothing(
    gql_ro: GraphQLRunner, seeded_shared_url: str, who: str
) -> None:
    host = await first_value(seeded_shared_url, "SELECT id FROM hosts ORDER BY id LIMIT 1")
    viewer = ANONYMOUS if who == "anonymous" else agent_viewer(1, host)
    for doc, field in ((ISSUES, "issues"), (REQUIREMENTS, "requirements"), (COMMENTS, "comments")):
        data = await gql_ro.ok(doc, {"first": 100}, viewer)
        assert data[field]["nodes"] == []
        assert data[field]["totalCount"] == 0
    assert await gql_ro.ok(NODE, {"id": global_id("Issue", 1)}, viewer) == {"node": None}


VIEWER_TICKETS = """
{
  viewer {
    rowId
    issues(first: 100, orderBy: ID_ASC) { totalCount nodes { rowId } }
    requirements(first: 100, orderBy: ID_ASC) { totalCount nodes { rowId } }
  }
}
"""

CUSTOMER_TICKETS = """
query Customer($id: ID!) {
  node(id: $id) {
    ... on Customer {
      issues(first: 100, orderBy: ID_ASC) { totalCount nodes { rowId } }
      requirements(first: 100, orderBy: ID_ASC) { totalCount nodes { rowId } }
    }
  }
}
"""


async def test_customer_ticket_edges_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    who = await reporter(url)
    issues = await column(url, "SELECT id FROM issues WHERE customer_id = $1 ORDER BY id", who)
    reqs = await column(url, "SELECT id FROM requirements WHERE customer_id = $1 ORDER BY id", who)
    data = (await gql_ro.ok(VIEWER_TICKETS, viewer=customer_viewer(who)))["viewer"]
    assert [n["rowId"] for n in data["issues"]["nodes"]] == issues
    assert data["issues"]["totalCount"] == len(issues)
    assert [n["rowId"] for n in data["requirements"]["nodes"]] == reqs
    data = (await gql_ro.ok(CUSTOMER_TICKETS, {"id": global_id("Customer", who)}, ADMIN))["node"]
    assert [n["rowId"] for n in data["issues"]["nodes"]] == issues
    assert [n["rowId"] for n in data["requirements"]["nodes"]] == reqs


@pytest.mark.parametrize(
    "raw", ["Issue:99999999999999999999999", "Requirement:x", "Comment:", "Comment:1.5"]
)
async def test_ticket_node_with_a_malformed_key_is_null(gql_ro: GraphQLRunner, raw: str) -> None:
    gid = base64.urlsafe_b64encode(raw.encode()).decode()
    assert await gql_ro.ok(NODE, {"id": gid}, ADMIN) == {"node": None}
