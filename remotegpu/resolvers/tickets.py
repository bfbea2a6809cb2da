"""Root fields of the `tickets` area: issues, requirements and comments."""

from __future__ import annotations

from typing import Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import Comment as CommentRow
from remotegpu.db.models import Issue as IssueRow
from remotegpu.db.models import Requirement as RequirementRow
from remotegpu.loaders.tickets import visible_comments, visible_issues, visible_requirements
from remotegpu.schema.connections import root_connection
from remotegpu.schema.inputs.tickets import (
    COMMENT_ORDERINGS,
    ISSUE_ORDERINGS,
    REQUIREMENT_ORDERINGS,
    CommentOrder,
    CommentWhere,
    IssueOrder,
    IssueWhere,
    RequirementOrder,
    RequirementWhere,
)
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.tickets import Comment, Issue, Requirement

Info = strawberry.Info[Context, None]


_ISSUE_NO = Annotated[str, strawberry.argument(description="The issue number (natural key).")]


_REQUIREMENT_NO = Annotated[
    str, strawberry.argument(description="The requirement number (natural key).")
]


@strawberry.type
class TicketsQuery:
    @strawberry.field(
        description="Issues, newest first (admins: all; customers: reported by or assigned to "
        "them)."
    )
    async def issues(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: IssueWhere | None = None,
        order_by: IssueOrder = IssueOrder.CREATED_AT_DESC,
    ) -> Connection[Issue]:
        return await root_connection(
            info.context,
            IssueRow,
            visible_issues,
            Issue.from_row,
            ISSUE_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="One issue by its number (issues.issue_no), if visible.")
    async def issue(self, info: Info, issue_no: _ISSUE_NO) -> Issue | None:
        row = await info.context.loaders.tickets.issue_by_issue_no.load(issue_no)
        return None if row is None else Issue.from_row(row)

    @strawberry.field(
        description="Requirements, newest first (admins: all; customers: raised by or assigned "
        "to them)."
    )
    async def requirements(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: RequirementWhere | None = None,
        order_by: RequirementOrder = RequirementOrder.CREATED_AT_DESC,
    ) -> Connection[Requirement]:
        return await root_connection(
            info.context,
            RequirementRow,
            visible_requirements,
            Requirement.from_row,
            REQUIREMENT_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(
        description="One requirement by its number (requirements.requirement_no), if visible."
    )
    async def requirement(self, info: Info, requirement_no: _REQUIREMENT_NO) -> Requirement | None:
        loader = info.context.loaders.tickets.requirement_by_requirement_no
        row = await loader.load(requirement_no)
        return None if row is None else Requirement.from_row(row)

    @strawberry.field(
        description="Comments on the tickets the viewer may see (admins: all), oldest first."
    )
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
        return await root_connection(
            info.context,
            CommentRow,
            visible_comments,
            Comment.from_row,
            COMMENT_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )
