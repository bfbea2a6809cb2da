"""Payloads of the ticket and inbox mutations: the objects after commit (as the viewer may see
them) and the typed `errors`."""

from __future__ import annotations

import strawberry

from remotegpu.schema.types.activity import Notification
from remotegpu.schema.types.payload import Payload, payload
from remotegpu.schema.types.tickets import Comment, Issue, Requirement

_ERRORS = "Why nothing was changed; empty on success."
_ISSUE = "The issue after the change; null when it failed."
_REQUIREMENT = "The requirement after the change; null when it failed."
_COMMENT = "The comment after the change; null when it failed."


@payload("Result of issueCreate.", errors=_ERRORS)
class IssueCreatePayload(Payload):
    issue: Issue | None = strawberry.field(default=None, description=_ISSUE)


@payload("Result of issueUpdate.", errors=_ERRORS)
class IssueUpdatePayload(Payload):
    issue: Issue | None = strawberry.field(default=None, description=_ISSUE)


@payload("Result of issueAssign.", errors=_ERRORS)
class IssueAssignPayload(Payload):
    issue: Issue | None = strawberry.field(default=None, description=_ISSUE)


@payload("Result of issueTransition.", errors=_ERRORS)
class IssueTransitionPayload(Payload):
    issue: Issue | None = strawberry.field(default=None, description=_ISSUE)


@payload("Result of requirementCreate.", errors=_ERRORS)
class RequirementCreatePayload(Payload):
    requirement: Requirement | None = strawberry.field(default=None, description=_REQUIREMENT)


@payload("Result of requirementUpdate.", errors=_ERRORS)
class RequirementUpdatePayload(Payload):
    requirement: Requirement | None = strawberry.field(default=None, description=_REQUIREMENT)


@payload("Result of requirementAssign.", errors=_ERRORS)
class RequirementAssignPayload(Payload):
    requirement: Requirement | None = strawberry.field(default=None, description=_REQUIREMENT)


@payload("Result of requirementTransition.", errors=_ERRORS)
class RequirementTransitionPayload(Payload):
    requirement: Requirement | None = strawberry.field(default=None, description=_REQUIREMENT)


@payload("Result of commentCreate.", errors=_ERRORS)
class CommentCreatePayload(Payload):
    comment: Comment | None = strawberry.field(default=None, description=_COMMENT)


@payload("Result of commentUpdate.", errors=_ERRORS)
class CommentUpdatePayload(Payload):
    comment: Comment | None = strawberry.field(default=None, description=_COMMENT)


@payload("Result of commentDelete.", errors=_ERRORS)
class CommentDeletePayload(Payload):
    deleted_comment_id: int | None = strawberry.field(
        default=None, description="rowId of the deleted comment; null when it failed."
    )


@payload(
    "Result of notificationMarkRead.",
    errors=_ERRORS + " One NOT_FOUND per id that is not the viewer's, with field "
    "[input, ids, <position>].",
)
class NotificationMarkReadPayload(Payload):
    notifications: list[Notification] | None = strawberry.field(
        default=None, description="The notifications, now read; null when it failed."
    )


@payload("Result of notificationMarkAllRead.", errors=_ERRORS)
class NotificationMarkAllReadPayload(Payload):
    count: int | None = strawberry.field(
        default=None, description="How many notifications were marked read; null when it failed."
    )
