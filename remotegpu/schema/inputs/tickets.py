"""Filters and orderings of the `tickets` area: issues, requirements, comments."""

from __future__ import annotations

from enum import Enum

import strawberry
from sqlalchemy import ColumnElement

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
    datetime_conditions,
    enum_conditions,
    key_conditions,
)


@strawberry.input(description="Filter issues.")
class IssueWhere:
    status: EnumFilter[IssueStatus] | None = strawberry.field(
        default=None, description="Issue status."
    )
    type: EnumFilter[IssueType] | None = strawberry.field(
        default=None, description="Bug, question or feature."
    )
    priority: EnumFilter[TicketPriority] | None = strawberry.field(
        default=None, description="Ticket priority."
    )
    customer_id: KeyFilter | None = strawberry.field(
        default=None, description="Reporter (issues.customer_id)."
    )
    assignee_id: KeyFilter | None = strawberry.field(
        default=None, description="Assigned staff member (issues.assignee_id)."
    )
    created_at: DateTimeFilter | None = strawberry.field(
        default=None, description="When the ticket or comment was created."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *enum_conditions(Issue.status, self.status),
            *enum_conditions(Issue.type, self.type),
            *enum_conditions(Issue.priority, self.priority),
            *key_conditions(Issue.customer_id, self.customer_id, int),
            *key_conditions(Issue.assignee_id, self.assignee_id, int),
            *datetime_conditions(Issue.created_at, self.created_at),
        ]


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
class RequirementWhere:
    status: EnumFilter[RequirementStatus] | None = strawberry.field(
        default=None, description="Requirement status."
    )
    priority: EnumFilter[TicketPriority] | None = strawberry.field(
        default=None, description="Ticket priority."
    )
    customer_id: KeyFilter | None = strawberry.field(
        default=None, description="Who raised it (requirements.customer_id)."
    )
    assignee_id: KeyFilter | None = strawberry.field(
        default=None, description="Assigned staff member (requirements.assignee_id)."
    )
    created_at: DateTimeFilter | None = strawberry.field(
        default=None, description="When the ticket or comment was created."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *enum_conditions(Requirement.status, self.status),
            *enum_conditions(Requirement.priority, self.priority),
            *key_conditions(Requirement.customer_id, self.customer_id, int),
            *key_conditions(Requirement.assignee_id, self.assignee_id, int),
            *datetime_conditions(Requirement.created_at, self.created_at),
        ]


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
class CommentWhere:
    resource_type: EnumFilter[CommentResourceType] | None = strawberry.field(
        default=None, description="Kind of ticket commented on."
    )
    resource_id: KeyFilter | None = strawberry.field(
        default=None, description="Key of the ticket commented on (issues.id or requirements.id)."
    )
    customer_id: KeyFilter | None = strawberry.field(
        default=None, description="Author (comments.customer_id)."
    )
    created_at: DateTimeFilter | None = strawberry.field(
        default=None, description="When the ticket or comment was created."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *enum_conditions(Comment.resource_type, self.resource_type),
            *key_conditions(Comment.resource_id, self.resource_id, int),
            *key_conditions(Comment.customer_id, self.customer_id, int),
            *datetime_conditions(Comment.created_at, self.created_at),
        ]


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
