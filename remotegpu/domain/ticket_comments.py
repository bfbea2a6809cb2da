"""Comments on support tickets: create, edit, delete.

A comment is as visible as its ticket (tickets.find_ticket): to anyone who may not see the
ticket, the comment does not exist (NOT_FOUND). Its author and staff may change it.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Comment
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.tickets import KINDS, TicketRef, check_text, find_ticket


async def create_comment(
    session: AsyncSession, viewer: Viewer, kind_name: str, ticket_id: int, content: str
) -> Comment:
    if viewer.customer_id is None:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "log in first")
    kind = KINDS[kind_name]
    # FOR SHARE: the ticket keeps its reporter/assignee (who may see it) until this commits.
    await find_ticket(
        session, viewer, kind, TicketRef(id=ticket_id), field="subject_id", lock=False
    )
    check_text(content, "content", required=True)
    comment = Comment(
        customer_id=viewer.customer_id,
        resource_type=kind.name,
        resource_id=ticket_id,
        content=content,
    )
    session.add(comment)
    await session.flush()
    return comment


async def _editable_comment(session: AsyncSession, viewer: Viewer, comment_id: int) -> Comment:
    stmt = select(Comment).where(Comment.id == comment_id).with_for_update()
    comment = (await session.execute(stmt)).scalar_one_or_none()
    kind = None if comment is None else KINDS.get(comment.resource_type)
    if comment is None or kind is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"no comment {comment_id}", "id")
    try:
        ref = TicketRef(id=comment.resource_id)
        await find_ticket(session, viewer, kind, ref, lock=False)
    except DomainError:
        raise DomainError(ErrorCode.NOT_FOUND, f"no comment {comment_id}", "id") from None
    if not (viewer.is_staff or viewer.customer_id == comment.customer_id):
        raise DomainError(ErrorCode.FORBIDDEN, "only the author or staff may change a comment")
    return comment


async def update_comment(
    session: AsyncSession, viewer: Viewer, comment_id: int, content: str
) -> Comment:
    comment = await _editable_comment(session, viewer, comment_id)
    comment.content = check_text(content, "content", required=True)
    await session.flush()
    return comment


async def delete_comment(session: AsyncSession, viewer: Viewer, comment_id: int) -> int:
    comment = await _editable_comment(session, viewer, comment_id)
    await session.delete(comment)
    await session.flush()
    return comment_id
