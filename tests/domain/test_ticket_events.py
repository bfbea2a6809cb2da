"""ticket.updated: one event per edit, assignment or move of an issue, none for a refusal."""

from __future__ import annotations

import asyncpg

from tests.graphql import GraphQLRunner
from tests.support.tickets_world import (
    ISSUE_ASSIGN,
    ISSUE_TRANSITION,
    ISSUE_UPDATE,
    People,
    call,
    move,
    new_issue,
)


async def test_issue_update_assign_and_move_emit_one_ticket_updated_each(
    run: GraphQLRunner, db: asyncpg.Connection, people: People
) -> None:
    issue = await new_issue(run, people.alice)
    issue_id = issue["rowId"]
    _, errors = await call(run, ISSUE_UPDATE, people.alice, id=issue_id, title="GPU still gone")
    assert errors == []
    _, errors = await call(
        run, ISSUE_ASSIGN, people.admin, id=issue_id, assigneeId=people.staff.customer_id
    )
    assert errors == []
    _, errors = await move(run, ISSUE_TRANSITION, people.admin, issue_id, "IN_PROGRESS")
    assert errors == []
    _, refused = await move(run, ISSUE_TRANSITION, people.alice, issue_id, "RESOLVED")
    assert refused != []  # the reporter may not resolve: nothing is emitted for it
    rows = await db.fetch(
        "SELECT customer_id, resource_type, resource_id, payload->>'change',"
        " payload->>'status' FROM event_outbox WHERE event_type = 'ticket.updated' ORDER BY id"
    )
    alice, key = people.alice.customer_id, str(issue_id)
    assert [tuple(r) for r in rows] == [
        (alice, "issue", key, "edited", "open"),
        (alice, "issue", key, "assigned", "open"),
        (alice, "issue", key, "moved", "in_progress"),
    ]
