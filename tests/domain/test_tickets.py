"""The ticket rules (domain-rules.md, "Tickets") through the GraphQL mutations.

Each test runs on a fresh migrated database with its customers made by SQL, and checks the
payload, the rows afterwards, the audit row, and that the invariant checker stays silent.
"""

from __future__ import annotations

from datetime import UTC, datetime

import asyncpg
import pytest

from remotegpu.auth.viewer import ANONYMOUS
from remotegpu.db.engine import create_engine, create_session_factory
from remotegpu.domain.tickets import ISSUE, REQUIREMENT, next_number
from remotegpu.settings import Settings
from tests.graphql import GraphQLRunner
from tests.support.db import assert_consistent, last_audit, last_audit_of
from tests.support.tickets_world import (
    COMMENT_CREATE,
    COMMENT_DELETE,
    COMMENT_UPDATE,
    ISSUE_ASSIGN,
    ISSUE_CREATE,
    ISSUE_TRANSITION,
    ISSUE_UPDATE,
    REQ_ASSIGN,
    REQ_CREATE,
    REQ_TRANSITION,
    REQ_UPDATE,
    People,
    call,
    code,
    move,
    new_issue,
    new_requirement,
)

YEAR = datetime.now(UTC).year


# --- numbering ------------------------------------------------------------------------------


async def test_issue_create_first_of_year_continues_existing_numbers(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    # tickets written directly, as the seeder does; last year's higher numbers do not count
    numbers = [f"ISSUE-{YEAR}-{n:04d}" for n in (1, 2, 3)]
    numbers += [f"ISSUE-{YEAR - 1}-{n:04d}" for n in range(1, 8)]
    for number in numbers:
        await db.execute(
            "INSERT INTO issues (issue_no, customer_id, title, type) VALUES ($1, $2, 't', 'bug')",
            number,
            people.alice.customer_id,
        )

    issue = await new_issue(run, people.alice)
    second = await new_issue(run, people.bob)

    assert issue["issueNo"] == f"ISSUE-{YEAR}-0004"
    assert second["issueNo"] == f"ISSUE-{YEAR}-0005"
    assert issue["status"] == "OPEN"
    assert issue["priority"] == "MEDIUM"
    assert issue["type"] == "BUG"
    assert issue["customerId"] == people.alice.customer_id
    seq = await db.fetchrow("SELECT * FROM ticket_sequences WHERE kind = 'issue'")
    assert (seq["year"], seq["last_no"]) == (YEAR, 5)
    audit = await last_audit(db, "issue.create")
    assert (audit["status_code"], audit["resource_type"]) == (200, "issue")
    assert audit["resource_id"] == str(second["rowId"])
    await assert_consistent(db)


async def test_next_number_rolled_back_is_handed_out_again(
    migrated_url: str, db: asyncpg.Connection
) -> None:
    engine = create_engine(migrated_url, Settings())
    sessions = create_session_factory(engine)
    try:
        async with sessions() as session:
            async with session.begin():
                assert await next_number(session, REQUIREMENT) == f"REQ-{YEAR}-0001"
            async with session.begin():
                assert await next_number(session, REQUIREMENT) == f"REQ-{YEAR}-0002"
                await session.rollback()
            async with session.begin():
                assert await next_number(session, REQUIREMENT) == f"REQ-{YEAR}-0002"
                assert await next_number(session, ISSUE) == f"ISSUE-{YEAR}-0001"
    finally:
        await engine.dispose()
    rows = await db.fetch("SELECT kind, last_no FROM ticket_sequences ORDER BY kind")
    assert [tuple(r) for r in rows] == [("issue", 1), ("requirement", 2)]


async def test_issue_create_blank_title_invalid_input_and_no_number_taken(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    issue, errors = await call(run, ISSUE_CREATE, people.alice, title="   ", type="BUG")
    assert issue is None
    assert code(errors) == ("INVALID_INPUT", ["input", "title"])
    issue, errors = await call(
        run, ISSUE_CREATE, people.alice, title="x", type="BUG", description="d" * 10_001
    )
    assert code(errors) == ("INVALID_INPUT", ["input", "description"])
    assert await db.fetchval("SELECT count(*) FROM issues") == 0
    assert await db.fetchval("SELECT count(*) FROM ticket_sequences") == 0
    audit = await last_audit(db, "issue.create")
    assert audit["status_code"] == 422
    assert audit["customer_id"] == people.alice.customer_id
    assert (await new_issue(run, people.alice))["issueNo"] == f"ISSUE-{YEAR}-0001"
    await assert_consistent(db)


async def test_issue_create_anonymous_unauthenticated(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    issue, errors = await call(run, ISSUE_CREATE, ANONYMOUS, title="x", type="BUG")
    assert issue is None
    assert code(errors)[0] == "UNAUTHENTICATED"
    assert await db.fetchval("SELECT count(*) FROM issues") == 0
    assert (await last_audit(db, "issue.create"))["status_code"] == 401


async def test_requirement_create_numbered_and_submitted(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    req, errors = await call(
        run, REQ_CREATE, people.alice, title=" SSO ", description="Okta", priority="HIGH"
    )
    assert errors == []
    assert req is not None
    assert req["requirementNo"] == f"REQ-{YEAR}-0001"
    assert (req["title"], req["priority"], req["status"]) == ("SSO", "HIGH", "SUBMITTED")
    row = await db.fetchrow("SELECT * FROM requirements WHERE id = $1", req["rowId"])
    assert (row["customer_id"], row["description"]) == (people.alice.customer_id, "Okta")
    assert (await last_audit(db, "requirement.create"))["status_code"] == 200
    await assert_consistent(db)


# --- update ---------------------------------------------------------------------------------


async def test_issue_update_by_reporter_changes_fields_and_clears_description(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    issue = await new_issue(run, people.alice)
    changed, errors = await call(
        run,
        ISSUE_UPDATE,
        people.alice,
        issueNo=issue["issueNo"],
        title="GPU really gone",
        description=None,
        priority="CRITICAL",
        type="QUESTION",
    )
    assert errors == []
    assert changed is not None
    assert (changed["title"], changed["description"]) == ("GPU really gone", None)
    assert (changed["priority"], changed["type"]) == ("CRITICAL", "QUESTION")
    row = await db.fetchrow("SELECT * FROM issues WHERE id = $1", issue["rowId"])
    assert (row["title"], row["priority"], row["type"]) == (
        "GPU really gone",
        "critical",
        "question",
    )
    audited = await last_audit_of(db, "issue.update", "status_code", "resource_id")
    assert audited == (200, str(issue["rowId"]))
    await assert_consistent(db)


async def test_issue_update_by_staff_allowed_by_stranger_not_found(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    issue = await new_issue(run, people.alice)
    changed, errors = await call(run, ISSUE_UPDATE, people.admin, id=issue["rowId"], title="A")
    assert errors == []
    assert changed is not None
    assert changed["title"] == "A"

    changed, errors = await call(run, ISSUE_UPDATE, people.bob, id=issue["rowId"], title="B")
    assert changed is None
    assert code(errors) == ("NOT_FOUND", ["input", "id"])
    assert await db.fetchval("SELECT title FROM issues WHERE id = $1", issue["rowId"]) == "A"
    audited = await last_audit_of(db, "issue.update", "status_code", "customer_id")
    assert audited == (404, people.bob.customer_id)
    await assert_consistent(db)


async def test_issue_update_both_or_no_reference_invalid_input(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    issue = await new_issue(run, people.alice)
    ref = {"id": issue["rowId"], "issueNo": issue["issueNo"]}
    _, errors = await call(run, ISSUE_UPDATE, people.alice, **ref, title="x")
    assert code(errors) == ("INVALID_INPUT", ["input", "id"])
    _, errors = await call(run, ISSUE_UPDATE, people.alice, title="x")
    assert code(errors) == ("INVALID_INPUT", ["input", "issueNo"])
    _, errors = await call(run, ISSUE_UPDATE, people.alice, id=issue["rowId"], title="")
    assert code(errors) == ("INVALID_INPUT", ["input", "title"])
    assert await db.fetchval("SELECT title FROM issues") == "GPU gone"
    assert (await last_audit(db, "issue.update"))["status_code"] == 422


async def test_requirement_update_by_reporter_ok_by_stranger_not_found(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    req = await new_requirement(run, people.alice)
    changed, errors = await call(
        run, REQ_UPDATE, people.alice, requirementNo=req["requirementNo"], priority="LOW"
    )
    assert errors == []
    assert changed is not None
    assert changed["priority"] == "LOW"
    changed, errors = await call(run, REQ_UPDATE, people.bob, id=req["rowId"], priority="HIGH")
    assert changed is None
    assert code(errors)[0] == "NOT_FOUND"
    assert await db.fetchval("SELECT priority FROM requirements") == "low"
    assert (await last_audit(db, "requirement.update"))["status_code"] == 404
    await assert_consistent(db)


# --- assign ---------------------------------------------------------------------------------


async def test_issue_assign_by_admin_to_internal_staff_and_unassign(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    issue = await new_issue(run, people.alice)
    staff_id = people.staff.customer_id
    assigned, errors = await call(
        run, ISSUE_ASSIGN, people.admin, id=issue["rowId"], assigneeId=staff_id
    )
    assert errors == []
    assert assigned is not None
    assert assigned["assigneeId"] == staff_id
    assert await db.fetchval("SELECT assignee_id FROM issues") == staff_id
    audited = await last_audit_of(db, "issue.assign", "status_code", "customer_id")
    assert audited == (200, people.admin.customer_id)

    # internal staff may unassign it; reading it back once unassigned is the read side's
    # business (visible_issues: reporter, assignee, admins), so only the row is checked
    _, errors = await call(run, ISSUE_ASSIGN, people.staff, issueNo=issue["issueNo"])
    assert errors == []
    assert await db.fetchval("SELECT assignee_id FROM issues") is None
    await assert_consistent(db)


async def test_issue_assign_by_reporter_forbidden(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    issue = await new_issue(run, people.alice)
    assigned, errors = await call(
        run, ISSUE_ASSIGN, people.alice, id=issue["rowId"], assigneeId=people.staff.customer_id
    )
    assert assigned is None
    assert code(errors)[0] == "FORBIDDEN"
    assert await db.fetchval("SELECT assignee_id FROM issues") is None
    assert (await last_audit(db, "issue.assign"))["status_code"] == 403


@pytest.mark.parametrize("who", ["external", "suspended", "missing"])
async def test_issue_assign_to_non_staff_invalid_input(
    run: GraphQLRunner, db: asyncpg.Connection, people: People, who: str
) -> None:
    issue = await new_issue(run, people.alice)
    target = {"external": people.bob.customer_id, "suspended": people.gone, "missing": 999_999}
    assigned, errors = await call(
        run, ISSUE_ASSIGN, people.admin, id=issue["rowId"], assigneeId=target[who]
    )
    assert assigned is None
    assert code(errors) == ("INVALID_INPUT", ["input", "assigneeId"])
    assert await db.fetchval("SELECT assignee_id FROM issues") is None
    assert await db.fetchval("SELECT count(*) FROM notifications") == 0
    assert (await last_audit(db, "issue.assign"))["status_code"] == 422


async def test_requirement_assign_by_staff_ok_by_stranger_not_found(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    req = await new_requirement(run, people.alice)
    assigned, errors = await call(
        run, REQ_ASSIGN, people.admin, id=req["rowId"], assigneeId=people.admin.customer_id
    )
    assert errors == []
    assert assigned is not None
    assert assigned["assigneeId"] == people.admin.customer_id
    assigned, errors = await call(run, REQ_ASSIGN, people.bob, id=req["rowId"], assigneeId=None)
    assert assigned is None
    assert code(errors)[0] == "NOT_FOUND"
    assert await db.fetchval("SELECT assignee_id FROM requirements") == people.admin.customer_id
    assert (await last_audit(db, "requirement.assign"))["status_code"] == 404
    await assert_consistent(db)


# --- transitions ----------------------------------------------------------------------------


async def test_issue_transition_staff_lifecycle_sets_and_clears_resolved_at(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    issue_id = (await new_issue(run, people.alice))["rowId"]
    sql = "SELECT status, resolved_at FROM issues WHERE id = $1"
    for status, resolved in (
        ("IN_PROGRESS", False),
        ("RESOLVED", True),
        ("IN_PROGRESS", False),  # reopened
        ("RESOLVED", True),
        ("CLOSED", True),
    ):
        moved, errors = await move(run, ISSUE_TRANSITION, people.admin, issue_id, status)
        assert errors == []
        assert moved is not None
        assert moved["status"] == status
        assert (moved["resolvedAt"] is not None) is resolved
        row = await db.fetchrow(sql, issue_id)
        assert row["status"] == status.lower()
        assert (row["resolved_at"] is not None) is resolved
    audited = await last_audit_of(db, "issue.transition", "status_code", "resource_id")
    assert audited == (200, str(issue_id))
    await assert_consistent(db)


@pytest.mark.parametrize(
    ("path", "refused"),
    [((), "RESOLVED"), ((), "OPEN"), (("IN_PROGRESS",), "CLOSED"), (("CLOSED",), "IN_PROGRESS")],
)
async def test_issue_transition_off_the_machine_invalid_transition(
    run: GraphQLRunner, db: asyncpg.Connection, people: People, path: tuple[str], refused: str
) -> None:
    issue_id = (await new_issue(run, people.alice))["rowId"]
    for status in path:
        viewer = people.alice if status == "CLOSED" else people.admin
        assert (await move(run, ISSUE_TRANSITION, viewer, issue_id, status))[1] == []
    before = await db.fetchval("SELECT status FROM issues")
    moved, errors = await move(run, ISSUE_TRANSITION, people.admin, issue_id, refused)
    assert moved is None
    assert code(errors) == ("INVALID_TRANSITION", ["input", "status"])
    assert await db.fetchval("SELECT status FROM issues") == before
    assert (await last_audit(db, "issue.transition"))["status_code"] == 409


async def test_issue_transition_reporter_may_only_close(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    first = (await new_issue(run, people.alice))["rowId"]
    moved, errors = await move(run, ISSUE_TRANSITION, people.alice, first, "IN_PROGRESS")
    assert moved is None
    assert code(errors) == ("FORBIDDEN", ["input", "status"])
    assert await db.fetchval("SELECT status FROM issues WHERE id = $1", first) == "open"
    assert (await last_audit(db, "issue.transition"))["status_code"] == 403

    moved, errors = await move(run, ISSUE_TRANSITION, people.alice, first, "CLOSED")
    assert errors == []
    assert moved is not None
    assert moved["status"] == "CLOSED"

    second = (await new_issue(run, people.alice))["rowId"]
    for status in ("IN_PROGRESS", "RESOLVED"):
        await move(run, ISSUE_TRANSITION, people.staff, second, status)
    moved, errors = await move(run, ISSUE_TRANSITION, people.alice, second, "CLOSED")
    assert errors == []
    assert moved is not None
    assert moved["resolvedAt"] is not None
    assert await db.fetchval("SELECT status FROM issues WHERE id = $1", second) == "closed"
    await assert_consistent(db)


async def test_issue_transition_staff_cannot_withdraw_open_issue_stranger_not_found(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    issue_id = (await new_issue(run, people.alice))["rowId"]
    moved, errors = await move(run, ISSUE_TRANSITION, people.admin, issue_id, "CLOSED")
    assert moved is None
    assert code(errors)[0] == "FORBIDDEN"
    moved, errors = await move(run, ISSUE_TRANSITION, people.bob, issue_id, "CLOSED")
    assert moved is None
    assert code(errors) == ("NOT_FOUND", ["input", "id"])
    assert await db.fetchval("SELECT status FROM issues") == "open"
    assert (await last_audit(db, "issue.transition"))["status_code"] == 404


async def test_requirement_transition_lifecycle_sets_completed_at(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    req_id = (await new_requirement(run, people.alice))["rowId"]
    for status in ("REVIEWING", "APPROVED", "IN_PROGRESS", "COMPLETED"):
        _moved, errors = await move(run, REQ_TRANSITION, people.staff, req_id, status)
        assert errors == [], errors
        # internal staff act on tickets they are not assigned to; reading them back is the
        # read side's business (visible_requirements), so only the row is checked here
        row = await db.fetchrow("SELECT status, completed_at FROM requirements")
        assert row["status"] == status.lower()
        assert (row["completed_at"] is not None) is (status == "COMPLETED")
    assert (await last_audit(db, "requirement.transition"))["status_code"] == 200
    await assert_consistent(db)


async def test_requirement_transition_rejected_is_final_and_reporter_forbidden(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    req_id = (await new_requirement(run, people.alice))["rowId"]
    moved, errors = await move(run, REQ_TRANSITION, people.alice, req_id, "REVIEWING")
    assert moved is None
    assert code(errors)[0] == "FORBIDDEN"
    for status in ("REVIEWING", "REJECTED"):
        assert (await move(run, REQ_TRANSITION, people.admin, req_id, status))[1] == []
    for refused in ("APPROVED", "IN_PROGRESS", "SUBMITTED"):
        moved, errors = await move(run, REQ_TRANSITION, people.admin, req_id, refused)
        assert moved is None
        assert code(errors)[0] == "INVALID_TRANSITION"
    assert await db.fetchval("SELECT status FROM requirements") == "rejected"
    assert (await last_audit(db, "requirement.transition"))["status_code"] == 409
    await assert_consistent(db)


# --- comments -------------------------------------------------------------------------------


async def test_comment_create_by_reporter_assignee_and_admin(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    issue_id = (await new_issue(run, people.alice))["rowId"]
    await call(run, ISSUE_ASSIGN, people.admin, id=issue_id, assigneeId=people.staff.customer_id)
    for viewer in (people.alice, people.staff, people.admin):
        comment, errors = await call(
            run, COMMENT_CREATE, viewer, subjectType="ISSUE", subjectId=issue_id, content="hi"
        )
        assert errors == []
        assert comment is not None
        assert (comment["customerId"], comment["resourceId"]) == (viewer.customer_id, issue_id)
        assert comment["resourceType"] == "ISSUE"
    rows = await db.fetch("SELECT customer_id FROM comments ORDER BY id")
    assert [r["customer_id"] for r in rows] == [
        people.alice.customer_id,
        people.staff.customer_id,
        people.admin.customer_id,
    ]
    assert (await last_audit(db, "comment.create"))["status_code"] == 200
    await assert_consistent(db)


@pytest.mark.parametrize(
    ("subject", "viewer", "expected"),
    [
        ("ISSUE", "bob", ("NOT_FOUND", ["input", "subjectId"])),
        ("REQUIREMENT", "alice", ("NOT_FOUND", ["input", "subjectId"])),  # no such requirement
        ("ISSUE", "blank", ("INVALID_INPUT", ["input", "content"])),
        ("ISSUE", "long", ("INVALID_INPUT", ["input", "content"])),
    ],
)
async def test_comment_create_refused(
    run: GraphQLRunner,
    db: asyncpg.Connection,
    people: People,
    subject: str,
    viewer: str,
    expected: tuple[str, list[str]],
) -> None:
    issue_id = (await new_issue(run, people.alice))["rowId"]
    content = {"blank": " \n ", "long": "x" * 10_001}.get(viewer, "hello")
    who = people.bob if viewer == "bob" else people.alice
    comment, errors = await call(
        run, COMMENT_CREATE, who, subjectType=subject, subjectId=issue_id, content=content
    )
    assert comment is None
    assert code(errors) == expected
    assert await db.fetchval("SELECT count(*) FROM comments") == 0
    assert (await last_audit(db, "comment.create"))["status_code"] in (404, 422)


async def test_comment_update_and_delete_by_author_or_staff_only(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    req_id = (await new_requirement(run, people.alice))["rowId"]
    subject = {"subjectType": "REQUIREMENT", "subjectId": req_id}
    mine, _ = await call(run, COMMENT_CREATE, people.alice, **subject, content="mine")
    theirs, _ = await call(run, COMMENT_CREATE, people.admin, **subject, content="theirs")
    assert mine is not None
    assert theirs is not None

    changed, errors = await call(run, COMMENT_UPDATE, people.alice, id=mine["rowId"], content="v2")
    assert errors == []
    assert changed is not None
    assert changed["content"] == "v2"
    changed, errors = await call(run, COMMENT_UPDATE, people.admin, id=mine["rowId"], content="v3")
    assert errors == []
    assert changed is not None
    assert changed["content"] == "v3"
    changed, errors = await call(run, COMMENT_UPDATE, people.alice, id=theirs["rowId"], content="x")
    assert changed is None
    assert code(errors)[0] == "FORBIDDEN"
    changed, errors = await call(run, COMMENT_UPDATE, people.bob, id=mine["rowId"], content="x")
    assert changed is None
    assert code(errors) == ("NOT_FOUND", ["input", "id"])
    assert (await last_audit(db, "comment.update"))["status_code"] == 404
    contents = await db.fetch("SELECT content FROM comments ORDER BY id")
    assert [r["content"] for r in contents] == ["v3", "theirs"]

    deleted, errors = await call(run, COMMENT_DELETE, people.alice, id=theirs["rowId"])
    assert deleted is None
    assert code(errors)[0] == "FORBIDDEN"
    deleted, errors = await call(run, COMMENT_DELETE, people.bob, id=mine["rowId"])
    assert deleted is None
    assert code(errors)[0] == "NOT_FOUND"
    assert await db.fetchval("SELECT count(*) FROM comments") == 2
    deleted, errors = await call(run, COMMENT_DELETE, people.alice, id=mine["rowId"])
    assert errors == []
    assert deleted == mine["rowId"]
    deleted, errors = await call(run, COMMENT_DELETE, people.admin, id=theirs["rowId"])
    assert errors == []
    assert deleted == theirs["rowId"]
    assert await db.fetchval("SELECT count(*) FROM comments") == 0
    audited = await last_audit_of(db, "comment.delete", "status_code", "resource_id")
    assert audited == (200, str(theirs["rowId"]))
    await assert_consistent(db)
