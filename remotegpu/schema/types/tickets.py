"""Types of the `tickets` area: Issue, Requirement and their (polymorphic) Comments."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.schema.enums import (
    CommentResourceType,
    IssueStatus,
    IssueType,
    RequirementStatus,
    TicketPriority,
)
from remotegpu.schema.inputs.tickets import COMMENT_ORDERINGS, CommentOrder, CommentWhere
from remotegpu.schema.node import Node
from remotegpu.schema.relations import children, customer_reference, lazy_type
from remotegpu.schema.types.base import col, from_row, table_doc

Info = strawberry.Info[Context, None]
# Declared below Issue and Requirement, which connect to it.
CommentT = lazy_type("remotegpu.schema.types.tickets", "Comment")


ISS = "issues"


@strawberry.type(description=table_doc(ISS))
class Issue(Node):
    row_id: int = col(ISS, "id")
    issue_no: str = col(ISS, "issue_no")
    customer_id: int = col(ISS, "customer_id")
    title: str = col(ISS, "title")
    description: str | None = col(ISS, "description")
    type: IssueType = col(ISS, "type")
    priority: TicketPriority | None = col(ISS, "priority")
    status: IssueStatus | None = col(ISS, "status")
    assignee_id: int | None = col(ISS, "assignee_id")
    created_at: datetime | None = col(ISS, "created_at")
    updated_at: datetime | None = col(ISS, "updated_at")
    resolved_at: datetime | None = col(ISS, "resolved_at")

    reporter = customer_reference(
        "customer_id",
        description="The customer who reported this issue.",
        compiled=False,
    )

    assignee = customer_reference(
        "assignee_id",
        description="The staff member assigned to this issue, if any.",
        compiled=False,
    )

    comments = children(
        CommentT,
        "tickets.issue_comments_page_by_resource_id",
        COMMENT_ORDERINGS,
        CommentWhere,
        default=CommentOrder.CREATED_AT_ASC,
        description="Comments on this issue (conversation order by default).",
        compiled=False,
    )

    @classmethod
    def from_row(cls, row: m.Issue) -> Issue:
        return from_row(cls, row)


Q = "requirements"


@strawberry.type(description=table_doc(Q))
class Requirement(Node):
    row_id: int = col(Q, "id")
    requirement_no: str = col(Q, "requirement_no")
    customer_id: int = col(Q, "customer_id")
    title: str = col(Q, "title")
    description: str | None = col(Q, "description")
    priority: TicketPriority | None = col(Q, "priority")
    status: RequirementStatus | None = col(Q, "status")
    assignee_id: int | None = col(Q, "assignee_id")
    created_at: datetime | None = col(Q, "created_at")
    updated_at: datetime | None = col(Q, "updated_at")
    completed_at: datetime | None = col(Q, "completed_at")

    reporter = customer_reference(
        "customer_id",
        description="The customer who raised this requirement.",
        compiled=False,
    )

    assignee = customer_reference(
        "assignee_id",
        description="The staff member assigned to this requirement, if any.",
        compiled=False,
    )

    comments = children(
        CommentT,
        "tickets.requirement_comments_page_by_resource_id",
        COMMENT_ORDERINGS,
        CommentWhere,
        default=CommentOrder.CREATED_AT_ASC,
        description="Comments on this requirement (conversation order by default).",
        compiled=False,
    )

    @classmethod
    def from_row(cls, row: m.Requirement) -> Requirement:
        return from_row(cls, row)


CommentSubject = Annotated[
    Issue | Requirement,
    strawberry.union("CommentSubject", description="The ticket a comment is on."),
]

C = "comments"


@strawberry.type(description=table_doc(C))
class Comment(Node):
    row_id: int = col(C, "id")
    customer_id: int = col(C, "customer_id")
    resource_type: CommentResourceType = col(C, "resource_type")
    resource_id: int = col(C, "resource_id")
    content: str = col(C, "content")
    created_at: datetime | None = col(C, "created_at")
    updated_at: datetime | None = col(C, "updated_at")

    author = customer_reference(
        "customer_id",
        description="The customer who wrote this comment.",
        compiled=False,
    )

    @strawberry.field(description="The issue or requirement this comment is on.")
    async def subject(self, info: Info) -> CommentSubject | None:
        loaders = info.context.loaders.tickets
        if self.resource_type == CommentResourceType.ISSUE:
            issue = await loaders.issue_by_id.load(self.resource_id)
            return None if issue is None else Issue.from_row(issue)
        if self.resource_type == CommentResourceType.REQUIREMENT:
            req = await loaders.requirement_by_id.load(self.resource_id)
            return None if req is None else Requirement.from_row(req)
        return None

    @classmethod
    def from_row(cls, row: m.Comment) -> Comment:
        return from_row(cls, row)
