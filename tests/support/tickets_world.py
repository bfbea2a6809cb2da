"""The ticket world: the mutation documents of issues, requirements and comments, the people
who file and handle tickets (made by SQL), and the calls and checks the ticket and
notification tests share (a mutation's object and errors, the one error's code and field, the
invariant checker).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import asyncpg

from remotegpu.auth.viewer import Viewer
from tests.graphql import GraphQLRunner, admin_viewer, customer_viewer
from tests.support.documents import mutation_document

ISSUE_FIELDS = (
    "issue { rowId issueNo customerId title description type priority status assigneeId "
    "resolvedAt }"
)
REQ_FIELDS = (
    "requirement { rowId requirementNo customerId title description priority status "
    "assigneeId completedAt }"
)
COMMENT_FIELDS = "comment { rowId customerId resourceType resourceId content }"

ISSUE_CREATE = mutation_document("issueCreate", ISSUE_FIELDS)
ISSUE_UPDATE = mutation_document("issueUpdate", ISSUE_FIELDS)
ISSUE_ASSIGN = mutation_document("issueAssign", ISSUE_FIELDS)
ISSUE_TRANSITION = mutation_document("issueTransition", ISSUE_FIELDS)
REQ_CREATE = mutation_document("requirementCreate", REQ_FIELDS)
REQ_UPDATE = mutation_document("requirementUpdate", REQ_FIELDS)
REQ_ASSIGN = mutation_document("requirementAssign", REQ_FIELDS)
REQ_TRANSITION = mutation_document("requirementTransition", REQ_FIELDS)
COMMENT_CREATE = mutation_document("commentCreate", COMMENT_FIELDS)
COMMENT_UPDATE = mutation_document("commentUpdate", COMMENT_FIELDS)
COMMENT_DELETE = mutation_document("commentDelete", "deletedCommentId")


@dataclass(frozen=True)
class People:
    admin: Viewer
    staff: Viewer  # internal
    alice: Viewer  # external reporter
    bob: Viewer  # external stranger to alice's tickets
    gone: int  # a suspended internal customer: not assignable


async def insert_customer(db: asyncpg.Connection, name: str, user_type: str, status: str) -> int:
    customer_id: int = await db.fetchval(
        "INSERT INTO customers (username, email, password_hash, user_type, status)"
        " VALUES ($1::text, $1::text || '@example.com', 'x', $2, $3) RETURNING id",
        name,
        user_type,
        status,
    )
    await db.execute("INSERT INTO resource_quotas (user_id) VALUES ($1)", customer_id)
    return customer_id


async def make_people(db: asyncpg.Connection) -> People:
    """An admin, an internal staff member, two external customers, a suspended internal."""
    ids = {
        name: await insert_customer(db, name, user_type, status)
        for name, user_type, status in (
            ("root", "admin", "active"),
            ("carol", "internal", "active"),
            ("alice", "external", "active"),
            ("bob", "external", "active"),
            ("gone", "internal", "suspended"),
        )
    }
    return People(
        admin=admin_viewer(ids["root"]),
        staff=customer_viewer(ids["carol"], "internal"),
        alice=customer_viewer(ids["alice"]),
        bob=customer_viewer(ids["bob"]),
        gone=ids["gone"],
    )


async def call(
    run: GraphQLRunner, doc: str, viewer: Viewer, **values: Any
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """Run a mutation; its object (issue/requirement/comment/...) and its errors."""
    data = await run.ok(doc, {"input": values}, viewer)
    payload: dict[str, Any] = next(iter(data.values()))
    obj = next((v for k, v in payload.items() if k != "errors"), None)
    return obj, payload["errors"]


async def move(
    run: GraphQLRunner, doc: str, viewer: Viewer, row_id: int, status: str
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """Transition ticket `row_id` to `status` with `doc` (an issue or requirement transition)."""
    return await call(run, doc, viewer, id=row_id, status=status)


async def new_issue(run: GraphQLRunner, viewer: Viewer, title: str = "GPU gone") -> dict[str, Any]:
    issue, errors = await call(run, ISSUE_CREATE, viewer, title=title, type="BUG")
    assert errors == []
    assert issue is not None
    return issue


async def new_requirement(run: GraphQLRunner, viewer: Viewer) -> dict[str, Any]:
    req, errors = await call(run, REQ_CREATE, viewer, title="Terraform provider")
    assert errors == []
    assert req is not None
    return req


def code(errors: list[dict[str, Any]]) -> tuple[str, list[str] | None]:
    assert len(errors) == 1, errors
    return errors[0]["code"], errors[0]["field"]
