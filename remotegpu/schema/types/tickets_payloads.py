"""Payloads of the ticket and inbox mutations: the objects after commit (as the viewer may see
them) and the typed `errors`."""

from __future__ import annotations

import strawberry

from remotegpu.schema.errors import UserError
from remotegpu.schema.types.activity import Notification
from remotegpu.schema.types.tickets import Comment, Issue, Requirement

_ERRORS = "Why nothing was changed; empty on success."
_ISSUE = "The issue after the change; null when it failed."
_REQUIREMENT = "The requirement after the change; null when it failed."
_COMMENT = "The comment after the change; null when it failed."


@strawberry.type(description="Result of issueCreate.")
class IssueCreatePayload:
    issue: Issue | None = strawberry.field(default=None, description=_ISSUE)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of issueUpdate.")
class IssueUpdatePayload:
    issue: Issue | None = strawberry.field(default=None, description=_ISSUE)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of issueAssign.")
class IssueAssignPayload:
    issue: Issue | None = strawberry.field(default=None, description=_ISSUE)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of issueTransition.")
class IssueTransitionPayload:
    issue: Issue | None = strawberry.field(default=None, description=_ISSUE)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of requirementCreate.")
class RequirementCreatePayload:
    requirement: Requirement | None = strawberry.field(default=None, description=_REQUIREMENT)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of requirementUpdate.")
class RequirementUpdatePayload:
    requirement: Requirement | None = strawberry.field(default=None, description=_REQUIREMENT)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of requirementAssign.")
class RequirementAssignPayload:
    requirement: Requirement | None = strawberry.field(default=None, description=_REQUIREMENT)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of requirementTransition.")
class RequirementTransitionPayload:
    requirement: Requirement | None = strawberry.field(default=None, description=_REQUIREMENT)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of commentCreate.")
class CommentCreatePayload:
    comment: Comment | None = strawberry.field(default=None, description=_COMMENT)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of commentUpdate.")
class CommentUpdatePayload:
    comment: Comment | None = strawberry.field(default=None, description=_COMMENT)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of commentDelete.")
class CommentDeletePayload:
    deleted_comment_id: int | None = strawberry.field(
        default=None, description="rowId of the deleted comment; null when it failed."
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of notificationMarkRead.")
class NotificationMarkReadPayload:
    notifications: list[Notification] | None = strawberry.field(
        default=None, description="The notifications, now read; null when it failed."
    )
    errors: list[UserError] = strawberry.field(
        default_factory=list,
        description=_ERRORS + " One NOT_FOUND per id that is not the viewer's, with field "
        "[input, ids, <position>].",
    )


@strawberry.type(description="Result of notificationMarkAllRead.")
class NotificationMarkAllReadPayload:
    count: int | None = strawberry.field(
        default=None, description="How many notifications were marked read; null when it failed."
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)
