"""Loaders of the `tickets` area: issues, requirements and their comments, scoped to the viewer.

Comments are polymorphic (`resource_type`, `resource_id`): the per-ticket loaders pin the
resource type in their predicate, so an issue's key never picks up a requirement's comments.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import ColumnElement, and_, false, or_, select, true

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Comment, Issue, Requirement
from remotegpu.loaders.area import AreaLoaders, Rows


def _ticket_scope(
    viewer: Viewer, staff: ColumnElement[bool], rule: Callable[[int], ColumnElement[bool]]
) -> ColumnElement[bool]:
    # Staff (admins and internal users) work the ticket queue: they are its assignees and
    # move tickets on, so they see every ticket and comment (`staff`). Only tickets: for
    # every other area an internal user is a customer (see Viewer.is_staff). A customer sees
    # `rule(its id)`; agents and anonymous viewers nothing.
    if viewer.is_staff:
        return staff
    if viewer.customer_id is None or viewer.agent_host_id is not None:
        return false()
    return rule(viewer.customer_id)


def _reported_or_assigned(viewer: Viewer, ticket: type[Issue | Requirement]) -> ColumnElement[bool]:
    return _ticket_scope(
        viewer,
        true(),
        lambda customer_id: or_(
            ticket.customer_id == customer_id, ticket.assignee_id == customer_id
        ),
    )


def visible_issues(viewer: Viewer) -> ColumnElement[bool]:
    """Staff: every issue. Customers: issues they reported or are assigned to."""
    return _reported_or_assigned(viewer, Issue)


def visible_requirements(viewer: Viewer) -> ColumnElement[bool]:
    """Staff: every requirement. Customers: requirements they raised or are assigned to."""
    return _reported_or_assigned(viewer, Requirement)


def _on_visible(viewer: Viewer, ticket: type[Issue | Requirement]) -> ColumnElement[bool]:
    """Comments on tickets of one kind (`resource_type` pinned) that a customer may see."""
    kind = "issue" if ticket is Issue else "requirement"
    return and_(
        Comment.resource_type == kind,
        Comment.resource_id.in_(select(ticket.id).where(_reported_or_assigned(viewer, ticket))),
    )


def visible_comments(viewer: Viewer) -> ColumnElement[bool]:
    """Staff: every comment. Customers: comments on the tickets they may see."""
    return _ticket_scope(
        viewer, true(), lambda _: or_(_on_visible(viewer, Issue), _on_visible(viewer, Requirement))
    )


def visible_issue_comments(viewer: Viewer) -> ColumnElement[bool]:
    """Comments on issues (resource_type pinned) that the viewer may see."""
    return _ticket_scope(
        viewer, Comment.resource_type == "issue", lambda _: _on_visible(viewer, Issue)
    )


def visible_requirement_comments(viewer: Viewer) -> ColumnElement[bool]:
    """Comments on requirements (resource_type pinned) that the viewer may see."""
    return _ticket_scope(
        viewer, Comment.resource_type == "requirement", lambda _: _on_visible(viewer, Requirement)
    )


issues = Rows(Issue, visible_issues)
requirements = Rows(Requirement, visible_requirements)
comments = Rows(Comment, visible_comments)
issue_comments = Rows(Comment, visible_issue_comments)
requirement_comments = Rows(Comment, visible_requirement_comments)


class TicketsLoaders(AreaLoaders):
    issue_by_id = issues.by(Issue.id)
    issue_by_issue_no = issues.by(Issue.issue_no)
    issues_page_by_customer_id = issues.pages_by(Issue.customer_id)
    issues_count_by_customer_id = issues.counts_by(Issue.customer_id)
    issues_page_by_assignee_id = issues.pages_by(Issue.assignee_id)
    issues_count_by_assignee_id = issues.counts_by(Issue.assignee_id)

    requirement_by_id = requirements.by(Requirement.id)
    requirement_by_requirement_no = requirements.by(Requirement.requirement_no)
    requirements_page_by_customer_id = requirements.pages_by(Requirement.customer_id)
    requirements_count_by_customer_id = requirements.counts_by(Requirement.customer_id)
    requirements_page_by_assignee_id = requirements.pages_by(Requirement.assignee_id)
    requirements_count_by_assignee_id = requirements.counts_by(Requirement.assignee_id)

    comment_by_id = comments.by(Comment.id)
    comments_page_by_customer_id = comments.pages_by(Comment.customer_id)
    comments_count_by_customer_id = comments.counts_by(Comment.customer_id)
    issue_comments_page_by_resource_id = issue_comments.pages_by(Comment.resource_id)
    issue_comments_count_by_resource_id = issue_comments.counts_by(Comment.resource_id)
    requirement_comments_page_by_resource_id = requirement_comments.pages_by(Comment.resource_id)
    requirement_comments_count_by_resource_id = requirement_comments.counts_by(Comment.resource_id)
