"""Filters and orderings of the `tickets` area: issues, requirements, comments."""

from __future__ import annotations

from enum import Enum

import strawberry

from remotegpu.db.models import Comment, Issue, Requirement
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.enums import (
    CommentResourceType,
    IssueStatus,
    IssueType,
    RequirementStatus,
    TicketPriority,
)
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    KeyFilter,
)
from remotegpu.schema.inputs.filters import Where, filter_on


@strawberry.input(description="Filter issues.")
class IssueWhere(Where):
    status: EnumFilter[IssueStatus] | None = filter_on(Issue.status, "Issue status.")
    type: EnumFilter[IssueType] | None = filter_on(Issue.type, "Bug, question or feature.")
    priority: EnumFilter[TicketPriority] | None = filter_on(Issue.priority, "Ticket priority.")
    customer_id: KeyFilter | None = filter_on(Issue.customer_id, "Reporter (issues.customer_id).")
    assignee_id: KeyFilter | None = filter_on(
        Issue.assignee_id, "Assigned staff member (issues.assignee_id)."
    )
    created_at: DateTimeFilter | None = filter_on(
        Issue.created_at, "When the ticket or comment was created."
    )


@strawberry.enum(description="Orderings of issues.")
class IssueOrder(Enum):
    CREATED_AT_DESC = "created_at_desc"
    CREATED_AT_ASC = "created_at_asc"
    ID_ASC = "id_asc"


ISSUE_ORDERINGS: dict[IssueOrder, Ordering] = {
    IssueOrder.CREATED_AT_DESC: Ordering(
        "created_desc", (Issue.created_at, Issue.id), descending=True
    ),
    IssueOrder.CREATED_AT_ASC: Ordering("created_asc", (Issue.created_at, Issue.id)),
    IssueOrder.ID_ASC: Ordering("id", (Issue.id,)),
}


@strawberry.input(description="Filter requirements.")
class RequirementWhere(Where):
    status: EnumFilter[RequirementStatus] | None = filter_on(
        Requirement.status, "Requirement status."
    )
    priority: EnumFilter[TicketPriority] | None = filter_on(
        Requirement.priority, "Ticket priority."
    )
    customer_id: KeyFilter | None = filter_on(
        Requirement.customer_id, "Who raised it (requirements.customer_id)."
    )
    assignee_id: KeyFilter | None = filter_on(
        Requirement.assignee_id, "Assigned staff member (requirements.assignee_id)."
    )
    created_at: DateTimeFilter | None = filter_on(
        Requirement.created_at, "When the ticket or comment was created."
    )


@strawberry.enum(description="Orderings of requirements.")
class RequirementOrder(Enum):
    CREATED_AT_DESC = "created_at_desc"
    CREATED_AT_ASC = "created_at_asc"
    ID_ASC = "id_asc"


REQUIREMENT_ORDERINGS: dict[RequirementOrder, Ordering] = {
    RequirementOrder.CREATED_AT_DESC: Ordering(
        "created_desc", (Requirement.created_at, Requirement.id), descending=True
    ),
    RequirementOrder.CREATED_AT_ASC: Ordering(
        "created_asc", (Requirement.created_at, Requirement.id)
    ),
    RequirementOrder.ID_ASC: Ordering("id", (Requirement.id,)),
}


@strawberry.input(description="Filter comments.")
class CommentWhere(Where):
    resource_type: EnumFilter[CommentResourceType] | None = filter_on(
        Comment.resource_type, "Kind of ticket commented on."
    )
    resource_id: KeyFilter | None = filter_on(
        Comment.resource_id, "Key of the ticket commented on (issues.id or requirements.id)."
    )
    customer_id: KeyFilter | None = filter_on(Comment.customer_id, "Author (comments.customer_id).")
    created_at: DateTimeFilter | None = filter_on(
        Comment.created_at, "When the ticket or comment was created."
    )


@strawberry.enum(description="Orderings of comments (default: conversation order).")
class CommentOrder(Enum):
    CREATED_AT_ASC = "created_at_asc"
    CREATED_AT_DESC = "created_at_desc"
    ID_ASC = "id_asc"


COMMENT_ORDERINGS: dict[CommentOrder, Ordering] = {
    CommentOrder.CREATED_AT_ASC: Ordering("created_asc", (Comment.created_at, Comment.id)),
    CommentOrder.CREATED_AT_DESC: Ordering(
        "created_desc", (Comment.created_at, Comment.id), descending=True
    ),
    CommentOrder.ID_ASC: Ordering("id", (Comment.id,)),
}
