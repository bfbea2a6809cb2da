"""The inbox rules (domain-rules.md, "Metrics, alerts, notifications, audit"): marking one's
own notifications read, the unread count, and the notifications tickets send their reporter.

Each test runs on a fresh migrated database with its rows made by SQL, and checks the payload,
the rows afterwards, the audit row, and that the invariant checker stays silent.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from remotegpu.auth.viewer import ANONYMOUS
from tests.graphql import GraphQLRunner
from tests.support.db import assert_consistent, last_audit, last_audit_of
from tests.support.documents import mutation_document
from tests.support.tickets_world import (
    ISSUE_ASSIGN,
    ISSUE_TRANSITION,
    REQ_TRANSITION,
    People,
    call,
    code,
    new_issue,
    new_requirement,
)

MARK_READ = mutation_document(
    "notificationMarkRead",
    "notifications { rowId isRead readAt customerId }",
)
MARK_ALL_READ = mutation_document("notificationMarkAllRead", "count")
VIEWER_UNREAD = "query { viewer { rowId unreadNotificationCount } }"
CUSTOMER_UNREAD = """
query C($username: String!) { customer(username: $username) { unreadNotificationCount } }
"""
PAST = datetime(2026, 1, 1, tzinfo=UTC)


async def notify(
    db: asyncpg.Connection, customer_id: int | None, *, read: bool = False, age_h: int = 1
) -> int:
    notification_id: int = await db.fetchval(
        "INSERT INTO notifications (customer_id, title, type, is_read, read_at, created_at)"
        " VALUES ($1, 'hello', 'system', $2, CASE WHEN $2 THEN $3::timestamptz END,"
        " NOW() - make_interval(hours => $4)) RETURNING id",
        customer_id,
        read,
        PAST,
        age_h,
    )
    return notification_id


async def read_state(db: asyncpg.Connection) -> dict[int, tuple[bool, datetime | None]]:
    rows = await db.fetch("SELECT id, is_read, read_at FROM notifications")
    return {r["id"]: (r["is_read"], r["read_at"]) for r in rows}


# --- notificationMarkRead -------------------------------------------------------------------


async def test_notification_mark_read_own_ids_marks_them_once(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    first, second = (
        await notify(db, people.alice.customer_id),
        await notify(db, people.alice.customer_id),
    )
    done = await notify(db, people.alice.customer_id, read=True)
    data = await run.ok(MARK_READ, {"input": {"ids": [first, done, first]}}, people.alice)
    payload = data["notificationMarkRead"]
    assert payload["errors"] == []
    assert sorted(n["rowId"] for n in payload["notifications"]) == [first, done]
    assert all(n["isRead"] and n["readAt"] for n in payload["notifications"])
    state = await read_state(db)
    assert state[first][0] is True
    assert state[first][1] is not None
    assert state[done] == (True, PAST)  # already read: keeps when it was read
    assert state[second] == (False, None)
    audit = await last_audit(db, "notification.mark_read")
    assert (audit["status_code"], audit["resource_type"]) == (200, "notification")
    assert audit["resource_id"] == f"{first},{done}"
    await assert_consistent(db)


async def test_notification_mark_read_foreign_or_missing_ids_not_found_nothing_marked(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    mine = await notify(db, people.alice.customer_id)
    theirs = await notify(db, people.bob.customer_id)
    before = await read_state(db)
    data = await run.ok(MARK_READ, {"input": {"ids": [mine, theirs, 999_999]}}, people.alice)
    payload = data["notificationMarkRead"]
    assert payload["notifications"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        ("NOT_FOUND", ["input", "ids", "1"]),
        ("NOT_FOUND", ["input", "ids", "2"]),
    ]
    assert str(theirs) in payload["errors"][0]["message"]
    assert await read_state(db) == before
    audited = await last_audit_of(db, "notification.mark_read", "status_code", "customer_id")
    assert audited == (404, people.alice.customer_id)
    await assert_consistent(db)


async def test_notification_mark_read_admin_cannot_mark_another_customers(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    theirs = await notify(db, people.alice.customer_id)
    data = await run.ok(MARK_READ, {"input": {"ids": [theirs]}}, people.admin)
    assert code(data["notificationMarkRead"]["errors"]) == ("NOT_FOUND", ["input", "ids", "0"])
    assert (await read_state(db))[theirs] == (False, None)


@pytest.mark.parametrize("ids", [[], list(range(1, 102))])
async def test_notification_mark_read_empty_or_too_many_ids_invalid_input(
    run: GraphQLRunner, db: asyncpg.Connection, people: People, ids: list[int]
) -> None:
    await notify(db, people.alice.customer_id)
    data = await run.ok(MARK_READ, {"input": {"ids": ids}}, people.alice)
    payload = data["notificationMarkRead"]
    assert payload["notifications"] is None
    assert code(payload["errors"]) == ("INVALID_INPUT", ["input", "ids"])
    assert await db.fetchval("SELECT count(*) FROM notifications WHERE is_read") == 0
    assert (await last_audit(db, "notification.mark_read"))["status_code"] == 422


async def test_notification_mark_read_anonymous_unauthenticated(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    mine = await notify(db, people.alice.customer_id)
    data = await run.ok(MARK_READ, {"input": {"ids": [mine]}}, ANONYMOUS)
    assert code(data["notificationMarkRead"]["errors"])[0] == "UNAUTHENTICATED"
    assert (await read_state(db))[mine] == (False, None)


# --- notificationMarkAllRead ----------------------------------------------------------------


async def test_notification_mark_all_read_counts_only_the_viewers_unread(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    alice = people.alice.customer_id
    for _ in range(3):
        await notify(db, alice)
    done = await notify(db, alice, read=True)
    theirs = await notify(db, people.bob.customer_id)
    data = await run.ok(MARK_ALL_READ, {"input": {}}, people.alice)
    assert data["notificationMarkAllRead"] == {"count": 3, "errors": []}
    state = await read_state(db)
    assert state[done] == (True, PAST)
    assert state[theirs] == (False, None)
    unread = await db.fetchval("SELECT count(*) FROM notifications WHERE customer_id = $1"
                               " AND NOT is_read", alice)  # fmt: skip
    assert unread == 0
    audited = await last_audit_of(db, "notification.mark_all_read", "status_code", "customer_id")
    assert audited == (200, alice)

    data = await run.ok(MARK_ALL_READ, {"input": {}}, people.alice)
    assert data["notificationMarkAllRead"]["count"] == 0
    await assert_consistent(db)


async def test_notification_mark_all_read_created_before_leaves_newer_unread(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    old = await notify(db, people.alice.customer_id, age_h=5)
    new = await notify(db, people.alice.customer_id, age_h=0)
    cutoff = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    data = await run.ok(MARK_ALL_READ, {"input": {"createdBefore": cutoff}}, people.alice)
    assert data["notificationMarkAllRead"]["count"] == 1
    state = await read_state(db)
    assert state[old][0] is True
    assert state[new] == (False, None)


async def test_notification_mark_all_read_anonymous_unauthenticated(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    mine = await notify(db, people.alice.customer_id)
    data = await run.ok(MARK_ALL_READ, {"input": {}}, ANONYMOUS)
    payload = data["notificationMarkAllRead"]
    assert payload["count"] is None
    assert code(payload["errors"])[0] == "UNAUTHENTICATED"
    assert (await read_state(db))[mine] == (False, None)
    assert (await last_audit(db, "notification.mark_all_read"))["status_code"] == 401


# --- unreadNotificationCount ----------------------------------------------------------------


async def test_unread_notification_count_for_self_and_admin_in_one_statement(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    for read in (False, False, True):
        await notify(db, people.alice.customer_id, read=read)
    await notify(db, people.bob.customer_id)
    run.reset_count()
    data = await run.ok(VIEWER_UNREAD, viewer=people.alice)
    assert data["viewer"]["unreadNotificationCount"] == 2
    counts = [s for s in run.statements if "notifications" in s]
    assert len(counts) == 1
    assert "count(" in counts[0]

    data = await run.ok(CUSTOMER_UNREAD, {"username": "alice"}, people.admin)
    assert data["customer"]["unreadNotificationCount"] == 2


async def test_unread_notification_count_of_a_workspace_mate_null(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    """bob sees alice (they share a workspace) but not her inbox."""
    workspace = await db.fetchval(
        "INSERT INTO workspaces (owner_id, name, type, member_count) VALUES ($1, 'team',"
        " 'team', 2) RETURNING id",
        people.alice.customer_id,
    )
    for member, role in ((people.alice, "owner"), (people.bob, "member")):
        await db.execute(
            "INSERT INTO workspace_members (workspace_id, customer_id, role) VALUES ($1, $2, $3)",
            workspace,
            member.customer_id,
            role,
        )
    await notify(db, people.alice.customer_id)
    data = await run.ok(CUSTOMER_UNREAD, {"username": "alice"}, people.bob)
    assert data["customer"] == {"unreadNotificationCount": None}
    await assert_consistent(db)


# --- notifications that tickets send --------------------------------------------------------


async def reporter_inbox(db: asyncpg.Connection, people: People) -> list[str]:
    rows = await db.fetch(
        "SELECT title, type FROM notifications WHERE customer_id = $1 ORDER BY id",
        people.alice.customer_id,
    )
    assert {r["type"] for r in rows} <= {"system"}
    return [r["title"] for r in rows]


async def test_issue_assign_and_transition_by_others_notify_the_reporter(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    issue = await new_issue(run, people.alice)
    issue_id, number = issue["rowId"], issue["issueNo"]
    staff_id = people.staff.customer_id
    await call(run, ISSUE_ASSIGN, people.admin, id=issue_id, assigneeId=staff_id)
    await call(run, ISSUE_ASSIGN, people.admin, id=issue_id, assigneeId=staff_id)  # no change
    for status in ("IN_PROGRESS", "RESOLVED"):
        _, errors = await call(run, ISSUE_TRANSITION, people.staff, id=issue_id, status=status)
        assert errors == []
    _, errors = await call(run, ISSUE_TRANSITION, people.alice, id=issue_id, status="CLOSED")
    assert errors == []  # the reporter's own move: no notification to itself

    assert await reporter_inbox(db, people) == [
        f"{number} assigned to carol",
        f"{number} is now in progress",
        f"{number} is now resolved",
    ]
    assert await db.fetchval("SELECT count(*) FROM notifications") == 3
    data = await run.ok(VIEWER_UNREAD, viewer=people.alice)
    assert data["viewer"]["unreadNotificationCount"] == 3
    await assert_consistent(db)


async def test_issue_transition_refused_sends_no_notification(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    issue_id = (await new_issue(run, people.alice))["rowId"]
    _, errors = await call(run, ISSUE_TRANSITION, people.admin, id=issue_id, status="RESOLVED")
    assert code(errors)[0] == "INVALID_TRANSITION"
    assert await db.fetchval("SELECT count(*) FROM notifications") == 0


async def test_requirement_transition_by_staff_notifies_the_reporter(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    req = await new_requirement(run, people.alice)
    _, errors = await call(run, REQ_TRANSITION, people.admin, id=req["rowId"], status="REVIEWING")
    assert errors == []
    assert await reporter_inbox(db, people) == [f"{req['requirementNo']} is now reviewing"]
    await assert_consistent(db)
