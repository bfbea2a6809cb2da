"""Types of the `tickets` area: Issue, Requirement and their (polymorphic) Comments."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.loaders.base import CountByParentLoader, PageByParentLoader
from remotegpu.schema.connections import child_connection
from remotegpu.schema.enums import (
    CommentResourceType,
    IssueStatus,
    IssueType,
    RequirementStatus,
    TicketPriority,
)
from remotegpu.schema.inputs.tickets import COMMENT_ORDERINGS, CommentOrder, CommentWhere
from remotegpu.schema.node import Node
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.base import col, from_row, table_doc

if TYPE_CHECKING:
    from remotegpu.schema.types.customers import Customer

Info = strawberry.Info[Context, None]
CustomerT = Annotated["Customer", strawberry.lazy("remotegpu.schema.types.customers")]


async def _customer(info: Info, customer_id: int | None) -> Any:
    from remotegpu.schema.types.customers import Customer

    if customer_id is None:
        return None
    row = await info.context.loaders.customers.customer_by_id.load(customer_id)
    return None if row is None else Customer.from_row(row)


async def _comments(
    info: Info,
    pages: PageByParentLoader[m.Comment],
    counts: CountByParentLoader,
    ticket_id: int,
    order_by: CommentOrder,
    where: CommentWhere | None,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> Connection[Comment]:
    return await child_connection(
        info.context,
        pages,
        counts,
        ticket_id,
        Comment.from_row,
        COMMENT_ORDERINGS[order_by],
        where,
        first=first,
        after=after,
        last=last,
        before=before,
    )


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

    @strawberry.field(description="The customer who reported this issue.")
    async def reporter(self, info: Info) -> CustomerT | None:
        customer: CustomerT | None = await _customer(info, self.customer_id)
        return customer

    @strawberry.field(description="The staff member assigned to this issue, if any.")
    async def assignee(self, info: Info) -> CustomerT | None:
        customer: CustomerT | None = await _customer(info, self.assignee_id)
        return customer

    @strawberry.field(description="Comments on this issue (conversation order by default).")
    async def comments(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: CommentWhere | None = None,
        order_by: CommentOrder = CommentOrder.CREATED_AT_ASC,
    ) -> Connection[Comment]:
        loaders = info.context.loaders.tickets
        return await _comments(
            info,
            loaders.issue_comments_page_by_resource_id,
            loaders.issue_comments_count_by_resource_id,
            self.row_id,
            order_by,
            where,
            first,
            after,
            last,
            before,
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

    @strawberry.field(description="The customer who raised this requirement.")
    async def reporter(self, info: Info) -> CustomerT | None:
        customer: CustomerT | None = await _customer(info, self.customer_id)
        return customer

    @strawberry.field(description="The staff member assigned to this requirement, if any.")
    async def assignee(self, info: Info) -> CustomerT | None:
        customer: CustomerT | None = await _customer(info, self.assignee_id)
        return customer

    @strawberry.field(description="Comments on this requirement (conversation order by default).")
    async def comments(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: CommentWhere | None = None,
        order_by: CommentOrder = CommentOrder.CREATED_AT_ASC,
    ) -> Connection[Comment]:
        loaders = info.context.loaders.tickets
        return await _comments(
            info,
            loaders.requirement_comments_page_by_resource_id,
            loaders.requirement_comments_count_by_resource_id,
            self.row_id,
            order_by,
            where,
            first,
            after,
            last,
            before,
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

    @strawberry.field(description="The customer who wrote this comment.")
    async def author(self, info: Info) -> CustomerT | None:
        customer: CustomerT | None = await _customer(info, self.customer_id)
        return customer

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
