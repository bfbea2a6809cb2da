"""Mutations of the tickets area: thin wrappers of remotegpu.domain.tickets and ticket_comments."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.domain import ticket_comments as comments
from remotegpu.domain import tickets as domain
from remotegpu.domain.tickets import ISSUE, REQUIREMENT, TicketChanges, TicketDraft, TicketRef
from remotegpu.resolvers.mutate import Reload, mutate, returned
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

Info = strawberry.Info[Context, None]

ISSUE_ROW = Reload(lambda loaders: loaders.tickets.issue_by_id, Issue.from_row)
REQUIREMENT_ROW = Reload(lambda loaders: loaders.tickets.requirement_by_id, Requirement.from_row)
COMMENT = Reload(lambda loaders: loaders.tickets.comment_by_id, Comment.from_row)


def _key(ref: TicketRef) -> str | None:
    """The audit row's resource id of a ticket named by id or by number."""
    return str(ref.id) if ref.id is not None else ref.number


def _changes(input: IssueUpdateInput | RequirementUpdateInput) -> TicketChanges:
    # An absent description keeps the old one; an explicit null clears it.
    keep = input.description is strawberry.UNSET
    return to_draft(TicketChanges, input, description=domain.KEEP if keep else input.description)


@strawberry.type
class TicketsMutation:
    @strawberry.mutation(
        description="Report an issue (the viewer is its reporter); it gets the next "
        "ISSUE-YYYY-NNNN number of the year and starts OPEN."
    )
    async def issue_create(self, info: Info, input: IssueCreateInput) -> IssueCreatePayload:
        draft = to_draft(TicketDraft, input)
        return await mutate(
            info,
            "issue.create",
            lambda session, viewer: domain.create_ticket(session, viewer, ISSUE, draft),
            IssueCreatePayload,
            issue=ISSUE_ROW,
        )

    @strawberry.mutation(description="Edit an issue's title, description, priority or type.")
    async def issue_update(self, info: Info, input: IssueUpdateInput) -> IssueUpdatePayload:
        ref, changes = TicketRef(input.id, input.issue_no), _changes(input)
        return await mutate(
            info,
            "issue.update",
            lambda session, viewer: domain.update_ticket(session, viewer, ISSUE, ref, changes),
            IssueUpdatePayload,
            resource_id=_key(ref),
            issue=ISSUE_ROW,
        )

    @strawberry.mutation(
        description="Assign an issue to a staff member, or unassign it (staff only). The "
        "reporter is notified."
    )
    async def issue_assign(self, info: Info, input: IssueAssignInput) -> IssueAssignPayload:
        ref = TicketRef(input.id, input.issue_no)
        return await mutate(
            info,
            "issue.assign",
            lambda session, viewer: domain.assign_ticket(
                session, viewer, ISSUE, ref, input.assignee_id
            ),
            IssueAssignPayload,
            resource_id=_key(ref),
            issue=ISSUE_ROW,
        )

    @strawberry.mutation(
        description="Move an issue along its lifecycle (see IssueTransitionInput); resolving "
        "sets resolvedAt, reopening clears it. The reporter is notified of others' moves."
    )
    async def issue_transition(
        self, info: Info, input: IssueTransitionInput
    ) -> IssueTransitionPayload:
        ref, status = TicketRef(input.id, input.issue_no), input.status.value
        return await mutate(
            info,
            "issue.transition",
            lambda session, viewer: domain.transition_ticket(session, viewer, ISSUE, ref, status),
            IssueTransitionPayload,
            resource_id=_key(ref),
            issue=ISSUE_ROW,
        )

    @strawberry.mutation(
        description="Raise a requirement (the viewer is its reporter); it gets the next "
        "REQ-YYYY-NNNN number of the year and starts SUBMITTED."
    )
    async def requirement_create(
        self, info: Info, input: RequirementCreateInput
    ) -> RequirementCreatePayload:
        draft = to_draft(TicketDraft, input)
        return await mutate(
            info,
            "requirement.create",
            lambda session, viewer: domain.create_ticket(session, viewer, REQUIREMENT, draft),
            RequirementCreatePayload,
            requirement=REQUIREMENT_ROW,
        )

    @strawberry.mutation(description="Edit a requirement's title, description or priority.")
    async def requirement_update(
        self, info: Info, input: RequirementUpdateInput
    ) -> RequirementUpdatePayload:
        ref, changes = TicketRef(input.id, input.requirement_no), _changes(input)
        return await mutate(
            info,
            "requirement.update",
            lambda session, viewer: domain.update_ticket(
                session, viewer, REQUIREMENT, ref, changes
            ),
            RequirementUpdatePayload,
            resource_id=_key(ref),
            requirement=REQUIREMENT_ROW,
        )

    @strawberry.mutation(
        description="Assign a requirement to a staff member, or unassign it (staff only). The "
        "reporter is notified."
    )
    async def requirement_assign(
        self, info: Info, input: RequirementAssignInput
    ) -> RequirementAssignPayload:
        ref = TicketRef(input.id, input.requirement_no)
        return await mutate(
            info,
            "requirement.assign",
            lambda session, viewer: domain.assign_ticket(
                session, viewer, REQUIREMENT, ref, input.assignee_id
            ),
            RequirementAssignPayload,
            resource_id=_key(ref),
            requirement=REQUIREMENT_ROW,
        )

    @strawberry.mutation(
        description="Move a requirement along its lifecycle (see RequirementTransitionInput; "
        "staff only); completing sets completedAt. The reporter is notified."
    )
    async def requirement_transition(
        self, info: Info, input: RequirementTransitionInput
    ) -> RequirementTransitionPayload:
        ref, status = TicketRef(input.id, input.requirement_no), input.status.value
        return await mutate(
            info,
            "requirement.transition",
            lambda session, viewer: domain.transition_ticket(
                session, viewer, REQUIREMENT, ref, status
            ),
            RequirementTransitionPayload,
            resource_id=_key(ref),
            requirement=REQUIREMENT_ROW,
        )

    @strawberry.mutation(
        description="Comment on an issue or requirement the viewer may see (reporter, "
        "assignee or staff)."
    )
    async def comment_create(self, info: Info, input: CommentCreateInput) -> CommentCreatePayload:
        subject = input.subject_type.value
        return await mutate(
            info,
            "comment.create",
            lambda session, viewer: comments.create_comment(
                session, viewer, subject, input.subject_id, input.content
            ),
            CommentCreatePayload,
            comment=COMMENT,
        )

    @strawberry.mutation(description="Change a comment's text (its author or staff).")
    async def comment_update(self, info: Info, input: CommentUpdateInput) -> CommentUpdatePayload:
        return await mutate(
            info,
            "comment.update",
            lambda session, viewer: comments.update_comment(
                session, viewer, input.id, input.content
            ),
            CommentUpdatePayload,
            resource_id=input.id,
            comment=COMMENT,
        )

    @strawberry.mutation(description="Delete a comment (its author or staff).")
    async def comment_delete(self, info: Info, input: CommentDeleteInput) -> CommentDeletePayload:
        return await mutate(
            info,
            "comment.delete",
            lambda session, viewer: comments.delete_comment(session, viewer, input.id),
            CommentDeletePayload,
            resource_id=input.id,
            deleted_comment_id=returned,
        )
