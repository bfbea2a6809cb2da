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

# Strawberry needs Optional[...] spelled out when the default is UNSET.
# ruff: noqa: UP045

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
    type: IssueType = strawberry.field(description="Bug, question or feature.")
    description: str | None = strawberry.field(default=None, description=_DESCRIPTION)
    priority: TicketPriority = strawberry.field(
        default=TicketPriority.MEDIUM, description="How urgent; MEDIUM if omitted."
    )


@strawberry.input(
    description="Changes to an issue (its reporter or staff). An absent field is left alone."
)
class IssueUpdateInput:
    id: int | None = strawberry.field(default=None, description=_ISSUE_ID)
    issue_no: str | None = strawberry.field(default=None, description=_ISSUE_NO)
    title: Optional[str] = strawberry.field(default=strawberry.UNSET, description=_TITLE)
    description: Optional[str] = strawberry.field(
        default=strawberry.UNSET, description=_DESCRIPTION + " Null clears it."
    )
    priority: Optional[TicketPriority] = strawberry.field(
        default=strawberry.UNSET, description="How urgent."
    )
    type: Optional[IssueType] = strawberry.field(
        default=strawberry.UNSET, description="Bug, question or feature."
    )


@strawberry.input(description="Who works on an issue (staff only).")
class IssueAssignInput:
    id: int | None = strawberry.field(default=None, description=_ISSUE_ID)
    issue_no: str | None = strawberry.field(default=None, description=_ISSUE_NO)
    assignee_id: int | None = strawberry.field(default=None, description=_ASSIGNEE)


@strawberry.input(
    description="Move an issue: OPEN -> IN_PROGRESS -> RESOLVED -> CLOSED, RESOLVED -> "
    "IN_PROGRESS (reopen); staff only, except that the reporter may close its own OPEN or "
    "RESOLVED issue."
)
class IssueTransitionInput:
    id: int | None = strawberry.field(default=None, description=_ISSUE_ID)
    issue_no: str | None = strawberry.field(default=None, description=_ISSUE_NO)
    status: IssueStatus = strawberry.field(description="The state to move to.")


@strawberry.input(description="A new requirement (feature request), raised by the viewer.")
class RequirementCreateInput:
    title: str = strawberry.field(description=_TITLE)
    description: str | None = strawberry.field(default=None, description=_DESCRIPTION)
    priority: TicketPriority = strawberry.field(
        default=TicketPriority.MEDIUM, description="How urgent; MEDIUM if omitted."
    )


@strawberry.input(
    description="Changes to a requirement (its reporter or staff). An absent field is left alone."
)
class RequirementUpdateInput:
    id: int | None = strawberry.field(default=None, description=_REQ_ID)
    requirement_no: str | None = strawberry.field(default=None, description=_REQ_NO)
    title: Optional[str] = strawberry.field(default=strawberry.UNSET, description=_TITLE)
    description: Optional[str] = strawberry.field(
        default=strawberry.UNSET, description=_DESCRIPTION + " Null clears it."
    )
    priority: Optional[TicketPriority] = strawberry.field(
        default=strawberry.UNSET, description="How urgent."
    )


@strawberry.input(description="Who works on a requirement (staff only).")
class RequirementAssignInput:
    id: int | None = strawberry.field(default=None, description=_REQ_ID)
    requirement_no: str | None = strawberry.field(default=None, description=_REQ_NO)
    assignee_id: int | None = strawberry.field(default=None, description=_ASSIGNEE)


@strawberry.input(
    description="Move a requirement (staff only): SUBMITTED -> REVIEWING -> APPROVED | "
    "REJECTED, APPROVED -> IN_PROGRESS -> COMPLETED."
)
class RequirementTransitionInput:
    id: int | None = strawberry.field(default=None, description=_REQ_ID)
    requirement_no: str | None = strawberry.field(default=None, description=_REQ_NO)
    status: RequirementStatus = strawberry.field(description="The state to move to.")


@strawberry.input(
    description="A comment on an issue or requirement the viewer may see (as its reporter, "
    "its assignee or staff)."
)
class CommentCreateInput:
    subject_type: CommentResourceType = strawberry.field(description="Issue or requirement.")
    subject_id: int = strawberry.field(description="The ticket's rowId.")
    content: str = strawberry.field(description="1 to 10000 characters, not only spaces.")


@strawberry.input(description="New text of a comment (its author or staff).")
class CommentUpdateInput:
    id: int = strawberry.field(description="The comment (comments.id).")
    content: str = strawberry.field(description="1 to 10000 characters, not only spaces.")


@strawberry.input(description="The comment to delete (its author or staff).")
class CommentDeleteInput:
    id: int = strawberry.field(description="The comment (comments.id).")


@strawberry.input(description="Notifications of the viewer to mark read.")
class NotificationMarkReadInput:
    ids: list[int] = strawberry.field(
        description="1 to 100 notification rowIds, all the viewer's own; if any is not, "
        "nothing is marked."
    )


@strawberry.input(description="Which of the viewer's unread notifications to mark read.")
class NotificationMarkAllReadInput:
    created_before: datetime | None = strawberry.field(
        default=None,
        description="Only those created at or before this instant (e.g. when the list was "
        "shown), so newer arrivals stay unread; all if omitted.",
    )
