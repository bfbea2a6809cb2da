"""Mutations of the tickets area: thin wrappers of remotegpu.domain.tickets and ticket_comments."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.context import Context
from remotegpu.domain import ticket_comments as comments
from remotegpu.domain import tickets as domain
from remotegpu.domain.tickets import ISSUE, REQUIREMENT, TicketChanges, TicketDraft, TicketRef
from remotegpu.resolvers.support import MutationOutcome, run_mutation
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


def _given(value: Any) -> Any:
    """The input value, or None when the field was absent."""
    return None if value is strawberry.UNSET else value


def _enum_value(value: Any) -> str | None:
    value = _given(value)
    return None if value is None else str(value.value)


def _key(ref: TicketRef) -> str | None:
    return str(ref.id) if ref.id is not None else ref.number


def _changes(input: IssueUpdateInput | RequirementUpdateInput) -> TicketChanges:
    return TicketChanges(
        title=_given(input.title),
        description=domain.KEEP if input.description is strawberry.UNSET else input.description,
        priority=_enum_value(input.priority),
        type=_enum_value(input.type) if isinstance(input, IssueUpdateInput) else None,
    )


async def _issue(info: Info, outcome: MutationOutcome[int]) -> Issue | None:
    if outcome.value is None:
        return None
    row = await info.context.loaders.tickets.issue_by_id.load(outcome.value)
    return None if row is None else Issue.from_row(row)


async def _requirement(info: Info, outcome: MutationOutcome[int]) -> Requirement | None:
    if outcome.value is None:
        return None
    row = await info.context.loaders.tickets.requirement_by_id.load(outcome.value)
    return None if row is None else Requirement.from_row(row)


async def _comment(info: Info, outcome: MutationOutcome[int]) -> Comment | None:
    if outcome.value is None:
        return None
    row = await info.context.loaders.tickets.comment_by_id.load(outcome.value)
    return None if row is None else Comment.from_row(row)


async def _run(
    info: Info,
    action: str,
    kind: domain.TicketKind[Any],
    ref: TicketRef | None,
    call: Callable[[AsyncSession], Awaitable[Any]],
) -> MutationOutcome[int]:
    """run_mutation around a domain call that returns a ticket or comment row."""

    async def work(session: AsyncSession) -> tuple[int, str]:
        row = await call(session)
        return row.id, str(row.id)

    key = None if ref is None else _key(ref)
    return await run_mutation(info, action, kind.name, work, resource_id=key)


@strawberry.type
class TicketsMutation:
    @strawberry.mutation(
        description="Report an issue (the viewer is its reporter); it gets the next "
        "ISSUE-YYYY-NNNN number of the year and starts OPEN."
    )
    async def issue_create(self, info: Info, input: IssueCreateInput) -> IssueCreatePayload:
        draft = TicketDraft(
            title=input.title,
            description=input.description,
            priority=input.priority.value,
            type=input.type.value,
        )

        async def call(session: AsyncSession) -> Any:
            return await domain.create_ticket(session, info.context.viewer, ISSUE, draft)

        outcome = await _run(info, "issue.create", ISSUE, None, call)
        return IssueCreatePayload(issue=await _issue(info, outcome), errors=outcome.errors)

    @strawberry.mutation(description="Edit an issue's title, description, priority or type.")
    async def issue_update(self, info: Info, input: IssueUpdateInput) -> IssueUpdatePayload:
        ref, changes = TicketRef(input.id, input.issue_no), _changes(input)

        async def call(session: AsyncSession) -> Any:
            return await domain.update_ticket(session, info.context.viewer, ISSUE, ref, changes)

        outcome = await _run(info, "issue.update", ISSUE, ref, call)
        return IssueUpdatePayload(issue=await _issue(info, outcome), errors=outcome.errors)

    @strawberry.mutation(
        description="Assign an issue to a staff member, or unassign it (staff only). The "
        "reporter is notified."
    )
    async def issue_assign(self, info: Info, input: IssueAssignInput) -> IssueAssignPayload:
        ref = TicketRef(input.id, input.issue_no)

        async def call(session: AsyncSession) -> Any:
            viewer = info.context.viewer
            return await domain.assign_ticket(session, viewer, ISSUE, ref, input.assignee_id)

        outcome = await _run(info, "issue.assign", ISSUE, ref, call)
        return IssueAssignPayload(issue=await _issue(info, outcome), errors=outcome.errors)

    @strawberry.mutation(
        description="Move an issue along its lifecycle (see IssueTransitionInput); resolving "
        "sets resolvedAt, reopening clears it. The reporter is notified of others' moves."
    )
    async def issue_transition(
        self, info: Info, input: IssueTransitionInput
    ) -> IssueTransitionPayload:
        ref, status = TicketRef(input.id, input.issue_no), input.status.value

        async def call(session: AsyncSession) -> Any:
            return await domain.transition_ticket(session, info.context.viewer, ISSUE, ref, status)

        outcome = await _run(info, "issue.transition", ISSUE, ref, call)
        return IssueTransitionPayload(issue=await _issue(info, outcome), errors=outcome.errors)

    @strawberry.mutation(
        description="Raise a requirement (the viewer is its reporter); it gets the next "
        "REQ-YYYY-NNNN number of the year and starts SUBMITTED."
    )
    async def requirement_create(
        self, info: Info, input: RequirementCreateInput
    ) -> RequirementCreatePayload:
        draft = TicketDraft(
            title=input.title, description=input.description, priority=input.priority.value
        )

        async def call(session: AsyncSession) -> Any:
            return await domain.create_ticket(session, info.context.viewer, REQUIREMENT, draft)

        outcome = await _run(info, "requirement.create", REQUIREMENT, None, call)
        return RequirementCreatePayload(
            requirement=await _requirement(info, outcome), errors=outcome.errors
        )

    @strawberry.mutation(description="Edit a requirement's title, description or priority.")
    async def requirement_update(
        self, info: Info, input: RequirementUpdateInput
    ) -> RequirementUpdatePayload:
        ref, changes = TicketRef(input.id, input.requirement_no), _changes(input)

        async def call(session: AsyncSession) -> Any:
            viewer = info.context.viewer
            return await domain.update_ticket(session, viewer, REQUIREMENT, ref, changes)

        outcome = await _run(info, "requirement.update", REQUIREMENT, ref, call)
        return RequirementUpdatePayload(
            requirement=await _requirement(info, outcome), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Assign a requirement to a staff member, or unassign it (staff only). The "
        "reporter is notified."
    )
    async def requirement_assign(
        self, info: Info, input: RequirementAssignInput
    ) -> RequirementAssignPayload:
        ref = TicketRef(input.id, input.requirement_no)

        async def call(session: AsyncSession) -> Any:
            viewer = info.context.viewer
            return await domain.assign_ticket(session, viewer, REQUIREMENT, ref, input.assignee_id)

        outcome = await _run(info, "requirement.assign", REQUIREMENT, ref, call)
        return RequirementAssignPayload(
            requirement=await _requirement(info, outcome), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Move a requirement along its lifecycle (see RequirementTransitionInput; "
        "staff only); completing sets completedAt. The reporter is notified."
    )
    async def requirement_transition(
        self, info: Info, input: RequirementTransitionInput
    ) -> RequirementTransitionPayload:
        ref, status = TicketRef(input.id, input.requirement_no), input.status.value

        async def call(session: AsyncSession) -> Any:
            viewer = info.context.viewer
            return await domain.transition_ticket(session, viewer, REQUIREMENT, ref, status)

        outcome = await _run(info, "requirement.transition", REQUIREMENT, ref, call)
        return RequirementTransitionPayload(
            requirement=await _requirement(info, outcome), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Comment on an issue or requirement the viewer may see (reporter, "
        "assignee or staff)."
    )
    async def comment_create(self, info: Info, input: CommentCreateInput) -> CommentCreatePayload:
        subject = input.subject_type.value

        async def work(session: AsyncSession) -> tuple[int, str]:
            viewer = info.context.viewer
            row = await comments.create_comment(
                session, viewer, subject, input.subject_id, input.content
            )
            return row.id, str(row.id)

        outcome = await run_mutation(info, "comment.create", "comment", work)
        return CommentCreatePayload(comment=await _comment(info, outcome), errors=outcome.errors)

    @strawberry.mutation(description="Change a comment's text (its author or staff).")
    async def comment_update(self, info: Info, input: CommentUpdateInput) -> CommentUpdatePayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            viewer = info.context.viewer
            row = await comments.update_comment(session, viewer, input.id, input.content)
            return row.id, str(row.id)

        outcome = await run_mutation(
            info, "comment.update", "comment", work, resource_id=str(input.id)
        )
        return CommentUpdatePayload(comment=await _comment(info, outcome), errors=outcome.errors)

    @strawberry.mutation(description="Delete a comment (its author or staff).")
    async def comment_delete(self, info: Info, input: CommentDeleteInput) -> CommentDeletePayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            deleted = await comments.delete_comment(session, info.context.viewer, input.id)
            return deleted, str(deleted)

        outcome = await run_mutation(
            info, "comment.delete", "comment", work, resource_id=str(input.id)
        )
        return CommentDeletePayload(deleted_comment_id=outcome.value, errors=outcome.errors)
