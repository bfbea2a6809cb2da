"""Mutations of the tickets area: thin wrappers of remotegpu.domain.tickets and ticket_comments."""

from __future__ import annotations

import strawberry

from remotegpu.domain import ticket_comments as comments
from remotegpu.domain import tickets as domain
from remotegpu.domain.tickets import ISSUE, REQUIREMENT, TicketChanges, TicketDraft, TicketRef
from remotegpu.resolvers.mutate import Reload, mutation, returned
from remotegpu.schema.inputs.drafts import to_draft
from remotegpu.schema.inputs.tickets_mutations import (
    CommentCreateInput,
    CommentDeleteInput,
    CommentUpdateInput,
    IssueAssignInput,
    IssueCreateInput,
    IssueTransitionInput,
    IssueUpdateInput,
    RequirementAssignInput,
    RequirementCreateInput,
    RequirementTransitionInput,
    RequirementUpdateInput,
)
from remotegpu.schema.types.tickets import Comment, Issue, Requirement
from remotegpu.schema.types.tickets_payloads import (
    CommentCreatePayload,
    CommentDeletePayload,
    CommentUpdatePayload,
    IssueAssignPayload,
    IssueCreatePayload,
    IssueTransitionPayload,
    IssueUpdatePayload,
    RequirementAssignPayload,
    RequirementCreatePayload,
    RequirementTransitionPayload,
    RequirementUpdatePayload,
)

ISSUE_ROW = Reload(lambda loaders: loaders.tickets.issue_by_id, Issue.from_row)
REQUIREMENT_ROW = Reload(lambda loaders: loaders.tickets.requirement_by_id, Requirement.from_row)
COMMENT = Reload(lambda loaders: loaders.tickets.comment_by_id, Comment.from_row)


def _key(ref: TicketRef) -> str | None:
    """The audit row's resource id of a ticket named by id or by number."""
    return str(ref.id) if ref.id is not None else ref.number


def _issue(input: IssueUpdateInput | IssueAssignInput | IssueTransitionInput) -> TicketRef:
    return TicketRef(input.id, input.issue_no)


def _requirement(
    input: RequirementUpdateInput | RequirementAssignInput | RequirementTransitionInput,
) -> TicketRef:
    return TicketRef(input.id, input.requirement_no)


def _changes(input: IssueUpdateInput | RequirementUpdateInput) -> TicketChanges:
    # An absent description keeps the old one; an explicit null clears it.
    keep = input.description is strawberry.UNSET
    return to_draft(TicketChanges, input, description=domain.KEEP if keep else input.description)


@strawberry.type
class TicketsMutation:
    issue_create = mutation(
        "Report an issue (the viewer is its reporter); it gets the next ISSUE-YYYY-NNNN number "
        "of the year and starts OPEN.",
        "issue.create",
        IssueCreateInput,
        IssueCreatePayload,
        lambda session, viewer, input: domain.create_ticket(
            session, viewer, ISSUE, to_draft(TicketDraft, input)
        ),
        issue=ISSUE_ROW,
    )
    issue_update = mutation(
        "Edit an issue's title, description, priority or type.",
        "issue.update",
        IssueUpdateInput,
        IssueUpdatePayload,
        lambda session, viewer, input: domain.update_ticket(
            session, viewer, ISSUE, _issue(input), _changes(input)
        ),
        resource_id=lambda input: _key(_issue(input)),
        issue=ISSUE_ROW,
    )
    issue_assign = mutation(
        "Assign an issue to a staff member, or unassign it (staff only). The reporter is notified.",
        "issue.assign",
        IssueAssignInput,
        IssueAssignPayload,
        lambda session, viewer, input: domain.assign_ticket(
            session, viewer, ISSUE, _issue(input), input.assignee_id
        ),
        resource_id=lambda input: _key(_issue(input)),
        issue=ISSUE_ROW,
    )
    issue_transition = mutation(
        "Move an issue along its lifecycle (see IssueTransitionInput); resolving sets "
        "resolvedAt, reopening clears it. The reporter is notified of others' moves.",
        "issue.transition",
        IssueTransitionInput,
        IssueTransitionPayload,
        lambda session, viewer, input: domain.transition_ticket(
            session, viewer, ISSUE, _issue(input), input.status.value
        ),
        resource_id=lambda input: _key(_issue(input)),
        issue=ISSUE_ROW,
    )
    requirement_create = mutation(
        "Raise a requirement (the viewer is its reporter); it gets the next REQ-YYYY-NNNN "
        "number of the year and starts SUBMITTED.",
        "requirement.create",
        RequirementCreateInput,
        RequirementCreatePayload,
        lambda session, viewer, input: domain.create_ticket(
            session, viewer, REQUIREMENT, to_draft(TicketDraft, input)
        ),
        requirement=REQUIREMENT_ROW,
    )
    requirement_update = mutation(
        "Edit a requirement's title, description or priority.",
        "requirement.update",
        RequirementUpdateInput,
        RequirementUpdatePayload,
        lambda session, viewer, input: domain.update_ticket(
            session, viewer, REQUIREMENT, _requirement(input), _changes(input)
        ),
        resource_id=lambda input: _key(_requirement(input)),
        requirement=REQUIREMENT_ROW,
    )
    requirement_assign = mutation(
        "Assign a requirement to a staff member, or unassign it (staff only). The reporter is "
        "notified.",
        "requirement.assign",
        RequirementAssignInput,
        RequirementAssignPayload,
        lambda session, viewer, input: domain.assign_ticket(
            session, viewer, REQUIREMENT, _requirement(input), input.assignee_id
        ),
        resource_id=lambda input: _key(_requirement(input)),
        requirement=REQUIREMENT_ROW,
    )
    requirement_transition = mutation(
        "Move a requirement along its lifecycle (see RequirementTransitionInput; staff only); "
        "completing sets completedAt. The reporter is notified.",
        "requirement.transition",
        RequirementTransitionInput,
        RequirementTransitionPayload,
        lambda session, viewer, input: domain.transition_ticket(
            session, viewer, REQUIREMENT, _requirement(input), input.status.value
        ),
        resource_id=lambda input: _key(_requirement(input)),
        requirement=REQUIREMENT_ROW,
    )
    comment_create = mutation(
        "Comment on an issue or requirement the viewer may see (reporter, assignee or staff).",
        "comment.create",
        CommentCreateInput,
        CommentCreatePayload,
        lambda session, viewer, input: comments.create_comment(
            session, viewer, input.subject_type.value, input.subject_id, input.content
        ),
        comment=COMMENT,
    )
    comment_update = mutation(
        "Change a comment's text (its author or staff).",
        "comment.update",
        CommentUpdateInput,
        CommentUpdatePayload,
        lambda session, viewer, input: comments.update_comment(
            session, viewer, input.id, input.content
        ),
        resource_id=lambda input: input.id,
        comment=COMMENT,
    )
    comment_delete = mutation(
        "Delete a comment (its author or staff).",
        "comment.delete",
        CommentDeleteInput,
        CommentDeletePayload,
        lambda session, viewer, input: comments.delete_comment(session, viewer, input.id),
        resource_id=lambda input: input.id,
        deleted_comment_id=returned,
    )
