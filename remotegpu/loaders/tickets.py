"""Loaders of the `tickets` area: issues, requirements and their comments, scoped to the viewer.

Comments are polymorphic (`resource_type`, `resource_id`): the per-ticket loaders pin the
resource type in their predicate, so an issue's key never picks up a requirement's comments.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, false, or_, select, true

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Comment, Issue, Requirement
from remotegpu.loaders.base import (
    CountByParentLoader,
    LoaderEnv,
    PageByParentLoader,
    RowByKeyLoader,
    Visibility,
)


def _sees_all(viewer: Viewer) -> bool:
    # Staff (admins and internal users) work the ticket queue: they are its assignees and
    # move tickets on, so they see every ticket and comment. Only tickets: for every other
    # area an internal user is a customer (see Viewer.is_staff).
    return viewer.is_staff


def _is_customer(viewer: Viewer) -> bool:
    return viewer.customer_id is not None and viewer.agent_host_id is None


def visible_issues(viewer: Viewer) -> ColumnElement[bool]:
    """Staff: every issue. Customers: issues they reported or are assigned to."""
    if _sees_all(viewer):
        return true()
    if not _is_customer(viewer):
        return false()
    return or_(Issue.customer_id == viewer.customer_id, Issue.assignee_id == viewer.customer_id)


def visible_requirements(viewer: Viewer) -> ColumnElement[bool]:
    """Staff: every requirement. Customers: requirements they raised or are assigned to."""
    if _sees_all(viewer):
        return true()
    if not _is_customer(viewer):
        return false()
    return or_(
        Requirement.customer_id == viewer.customer_id,
        Requirement.assignee_id == viewer.customer_id,
    )


def _on_visible_issues(viewer: Viewer) -> ColumnElement[bool]:
    return and_(
        Comment.resource_type == "issue",
        Comment.resource_id.in_(select(Issue.id).where(visible_issues(viewer))),
    )


def _on_visible_requirements(viewer: Viewer) -> ColumnElement[bool]:
    return and_(
        Comment.resource_type == "requirement",
        Comment.resource_id.in_(select(Requirement.id).where(visible_requirements(viewer))),
    )


def visible_comments(viewer: Viewer) -> ColumnElement[bool]:
    """Staff: every comment. Customers: comments on the tickets they may see."""
    if _sees_all(viewer):
        return true()
    if not _is_customer(viewer):
        return false()
    return or_(_on_visible_issues(viewer), _on_visible_requirements(viewer))


def visible_issue_comments(viewer: Viewer) -> ColumnElement[bool]:
    """Comments on issues (resource_type pinned) that the viewer may see."""
    if _sees_all(viewer):
        return Comment.resource_type == "issue"
    if not _is_customer(viewer):
        return false()
    return _on_visible_issues(viewer)


def visible_requirement_comments(viewer: Viewer) -> ColumnElement[bool]:
    """Comments on requirements (resource_type pinned) that the viewer may see."""
    if _sees_all(viewer):
        return Comment.resource_type == "requirement"
    if not _is_customer(viewer):
        return false()
    return _on_visible_requirements(viewer)


class TicketsLoaders:
    def __init__(self, env: LoaderEnv) -> None:
        issues: Visibility = visible_issues
        reqs: Visibility = visible_requirements
        self.issue_by_id = RowByKeyLoader(env, Issue, Issue.id, issues)
        self.issue_by_issue_no = RowByKeyLoader(env, Issue, Issue.issue_no, issues)
        self.issues_page_by_customer_id = PageByParentLoader(env, Issue, Issue.customer_id, issues)
        self.issues_count_by_customer_id = CountByParentLoader(
            env, Issue, Issue.customer_id, issues
        )
        self.issues_page_by_assignee_id = PageByParentLoader(env, Issue, Issue.assignee_id, issues)
        self.issues_count_by_assignee_id = CountByParentLoader(
            env, Issue, Issue.assignee_id, issues
        )

        self.requirement_by_id = RowByKeyLoader(env, Requirement, Requirement.id, reqs)
        self.requirement_by_requirement_no = RowByKeyLoader(
            env, Requirement, Requirement.requirement_no, reqs
        )
        self.requirements_page_by_customer_id = PageByParentLoader(
            env, Requirement, Requirement.customer_id, reqs
        )
        self.requirements_count_by_customer_id = CountByParentLoader(
            env, Requirement, Requirement.customer_id, reqs
        )
        self.requirements_page_by_assignee_id = PageByParentLoader(
            env, Requirement, Requirement.assignee_id, reqs
        )
        self.requirements_count_by_assignee_id = CountByParentLoader(
            env, Requirement, Requirement.assignee_id, reqs
        )

        self.comment_by_id = RowByKeyLoader(env, Comment, Comment.id, visible_comments)
        self.comments_page_by_customer_id = PageByParentLoader(
            env, Comment, Comment.customer_id, visible_comments
        )
        self.comments_count_by_customer_id = CountByParentLoader(
            env, Comment, Comment.customer_id, visible_comments
        )
        on_issue, on_req = visible_issue_comments, visible_requirement_comments
        self.issue_comments_page_by_resource_id = PageByParentLoader(
            env, Comment, Comment.resource_id, on_issue
        )
        self.issue_comments_count_by_resource_id = CountByParentLoader(
            env, Comment, Comment.resource_id, on_issue
        )
        self.requirement_comments_page_by_resource_id = PageByParentLoader(
            env, Comment, Comment.resource_id, on_req
        )
        self.requirement_comments_count_by_resource_id = CountByParentLoader(
            env, Comment, Comment.resource_id, on_req
        )
