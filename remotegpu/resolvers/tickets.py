"""Root fields of the `tickets` area: issues, requirements and comments."""

from __future__ import annotations

from typing import Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import Comment as CommentRow
from remotegpu.db.models import Issue as IssueRow
from remotegpu.db.models import Requirement as RequirementRow
from remotegpu.loaders.tickets import visible_comments, visible_issues, visible_requirements
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
from remotegpu.schema.relations import root_connection_field, root_lookup
from remotegpu.schema.types.tickets import Comment, Issue, Requirement

Info = strawberry.Info[Context, None]


_ISSUE_NO = Annotated[str, strawberry.argument(description="The issue number (natural key).")]


_REQUIREMENT_NO = Annotated[
    str, strawberry.argument(description="The requirement number (natural key).")
]


@strawberry.type
class TicketsQuery:
    issues = root_connection_field(
        Issue,
        IssueRow,
        visible_issues,
        ISSUE_ORDERINGS,
        IssueWhere,
        default=IssueOrder.CREATED_AT_DESC,
        description="Issues, newest first (admins: all; customers: reported by or assigned to "
        "them).",
    )

    issue = root_lookup(
        Issue,
        "tickets.issue_by_issue_no",
        "issue_no",
        _ISSUE_NO,
        description="One issue by its number (issues.issue_no), if visible.",
        compiled=False,
    )

    requirements = root_connection_field(
        Requirement,
        RequirementRow,
        visible_requirements,
        REQUIREMENT_ORDERINGS,
        RequirementWhere,
        default=RequirementOrder.CREATED_AT_DESC,
        description="Requirements, newest first (admins: all; customers: raised by or assigned "
        "to them).",
    )

    requirement = root_lookup(
        Requirement,
        "tickets.requirement_by_requirement_no",
        "requirement_no",
        _REQUIREMENT_NO,
        description="One requirement by its number (requirements.requirement_no), if visible.",
        compiled=False,
    )

    comments = root_connection_field(
        Comment,
        CommentRow,
        visible_comments,
        COMMENT_ORDERINGS,
        CommentWhere,
        default=CommentOrder.CREATED_AT_ASC,
        description="Comments on the tickets the viewer may see (admins: all), oldest first.",
    )
