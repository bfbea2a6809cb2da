"""Inputs of the ticket and inbox mutations: issues, requirements, comments, notifications.

A ticket is named by `id` (its rowId) or by its number (`issueNo` / `requirementNo`): exactly
one of the two. Optional fields of the update inputs distinguish "absent" (left alone) from
null (cleared, for the description).
"""

from __future__ import annotations

from datetime import datetime
from typing import Optional

import strawberry

from remotegpu.schema.enums import (
    CommentResourceType,
    IssueStatus,
    IssueType,
    RequirementStatus,
    TicketPriority,
)
from remotegpu.schema.inputs.fields import keep, optional

# Strawberry needs Optional[...] spelled out when the default is UNSET.
# ruff: noqa: UP045

# Descriptions that more than one field shares.
_TEXT = "1 to 10000 characters, not only spaces."
_ISSUE_TYPE = "Bug, question or feature."
_PRIORITY = "How urgent."
_PRIORITY_DEFAULT_MEDIUM = "How urgent; MEDIUM if omitted."
_COMMENT = "The comment (comments.id)."
_TARGET_STATE = "The state to move to."

_TITLE = "1 to 256 characters, not only spaces (surrounding spaces are dropped)."
_DESCRIPTION = "Details, at most 10000 characters."
_ISSUE_ID = "The issue (issues.id); or give issueNo."
_ISSUE_NO = "The issue by number, e.g. ISSUE-2026-0042; or give id."
_REQ_ID = "The requirement (requirements.id); or give requirementNo."
_REQ_NO = "The requirement by number, e.g. REQ-2026-0007; or give id."
_ASSIGNEE = "An active staff member (admin or internal customer); null unassigns."


@strawberry.input(description="A new issue, reported by the viewer.")
class IssueCreateInput:
    title: str = strawberry.field(description=_TITLE)
    type: IssueType = strawberry.field(description=_ISSUE_TYPE)
    description: str | None = optional(_DESCRIPTION)
    priority: TicketPriority = strawberry.field(
        default=TicketPriority.MEDIUM, description=_PRIORITY_DEFAULT_MEDIUM
    )


@strawberry.input(
    description="Changes to an issue (its reporter or staff). An absent field is left alone."
)
class IssueUpdateInput:
    id: int | None = optional(_ISSUE_ID)
    issue_no: str | None = optional(_ISSUE_NO)
    title: Optional[str] = keep(_TITLE)
    description: Optional[str] = keep(_DESCRIPTION + " Null clears it.")
    priority: Optional[TicketPriority] = keep(_PRIORITY)
    type: Optional[IssueType] = keep(_ISSUE_TYPE)


@strawberry.input(description="Who works on an issue (staff only).")
class IssueAssignInput:
    id: int | None = optional(_ISSUE_ID)
    issue_no: str | None = optional(_ISSUE_NO)
    assignee_id: int | None = optional(_ASSIGNEE)


@strawberry.input(
    description="Move an issue: OPEN -> IN_PROGRESS -> RESOLVED -> CLOSED, RESOLVED -> "
    "IN_PROGRESS (reopen); staff only, except that the reporter may close its own OPEN or "
    "RESOLVED issue."
)
class IssueTransitionInput:
    id: int | None = optional(_ISSUE_ID)
    issue_no: str | None = optional(_ISSUE_NO)
    status: IssueStatus = strawberry.field(description=_TARGET_STATE)


@strawberry.input(description="A new requirement (feature request), raised by the viewer.")
class RequirementCreateInput:
    title: str = strawberry.field(description=_TITLE)
    description: str | None = optional(_DESCRIPTION)
    priority: TicketPriority = strawberry.field(
        default=TicketPriority.MEDIUM, description=_PRIORITY_DEFAULT_MEDIUM
    )


@strawberry.input(
    description="Changes to a requirement (its reporter or staff). An absent field is left alone."
)
class RequirementUpdateInput:
    id: int | None = optional(_REQ_ID)
    requirement_no: str | None = optional(_REQ_NO)
    title: Optional[str] = keep(_TITLE)
    description: Optional[str] = keep(_DESCRIPTION + " Null clears it.")
    priority: Optional[TicketPriority] = keep(_PRIORITY)


@strawberry.input(description="Who works on a requirement (staff only).")
class RequirementAssignInput:
    id: int | None = optional(_REQ_ID)
    requirement_no: str | None = optional(_REQ_NO)
    assignee_id: int | None = optional(_ASSIGNEE)


@strawberry.input(
    description="Move a requirement (staff only): SUBMITTED -> REVIEWING -> APPROVED | "
    "REJECTED, APPROVED -> IN_PROGRESS -> COMPLETED."
)
class RequirementTransitionInput:
    id: int | None = optional(_REQ_ID)
    requirement_no: str | None = optional(_REQ_NO)
    status: RequirementStatus = strawberry.field(description=_TARGET_STATE)


@strawberry.input(
    description="A comment on an issue or requirement the viewer may see (as its reporter, "
    "its assignee or staff)."
)
class CommentCreateInput:
    subject_type: CommentResourceType = strawberry.field(description="Issue or requirement.")
    subject_id: int = strawberry.field(description="The ticket's rowId.")
    content: str = strawberry.field(description=_TEXT)


@strawberry.input(description="New text of a comment (its author or staff).")
class CommentUpdateInput:
    id: int = strawberry.field(description=_COMMENT)
    content: str = strawberry.field(description=_TEXT)


@strawberry.input(description="The comment to delete (its author or staff).")
class CommentDeleteInput:
    id: int = strawberry.field(description=_COMMENT)


@strawberry.input(description="Notifications of the viewer to mark read.")
class NotificationMarkReadInput:
    ids: list[int] = strawberry.field(
        description="1 to 100 notification rowIds, all the viewer's own; if any is not, "
        "nothing is marked."
    )


@strawberry.input(description="Which of the viewer's unread notifications to mark read.")
class NotificationMarkAllReadInput:
    created_before: datetime | None = optional(
        "Only those created at or before this instant (e.g. when the list was "
        "shown), so newer arrivals stay unread; all if omitted.",
    )
