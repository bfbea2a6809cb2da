"""A customer's inbox: marking its own notifications read (notifications.py writes them).

Only the addressee marks a notification read, admins included: another customer's notification
is reported exactly like a missing one. A list naming any such id changes nothing at all.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import false, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Notification
from remotegpu.domain.errors import DomainError, ErrorCode

MAX_IDS = 100


class NotificationsNotFound(DomainError):
    """Some of the ids are not the viewer's notifications; `positions` index the input list."""

    def __init__(self, ids: list[int], positions: list[int]) -> None:
        shown = ", ".join(str(i) for i in ids)
        super().__init__(ErrorCode.NOT_FOUND, f"no notification {shown}", "ids")
        self.ids = ids
        self.positions = positions


def _owner(viewer: Viewer) -> int:
    if viewer.customer_id is None or viewer.is_agent:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "log in first")
    return viewer.customer_id


async def mark_read(session: AsyncSession, viewer: Viewer, ids: list[int]) -> list[int]:
    """Mark these notifications read (those already read keep their read_at); their ids."""
    owner = _owner(viewer)
    wanted = list(dict.fromkeys(ids))
    if not wanted or len(wanted) > MAX_IDS:
        raise DomainError(ErrorCode.INVALID_INPUT, f"give 1 to {MAX_IDS} notification ids", "ids")
    owned = set(
        (
            await session.scalars(
                select(Notification.id).where(
                    Notification.id.in_(wanted), Notification.customer_id == owner
                )
            )
        ).all()
    )
    missing = [(pos, i) for pos, i in enumerate(ids) if i not in owned]
    if missing:
        raise NotificationsNotFound([i for _, i in missing], [pos for pos, _ in missing])
    await session.execute(
        update(Notification)
        .where(Notification.id.in_(wanted), Notification.is_read.is_not(True))
        .values(is_read=True, read_at=func.now())
    )
    return wanted


async def mark_all_read(
    session: AsyncSession, viewer: Viewer, created_before: datetime | None = None
) -> int:
    """Mark every unread notification of the viewer (created up to `created_before`) read."""
    owner = _owner(viewer)
    stmt = (
        update(Notification)
        # `is_read = false` as written in idx_notifications_customer_unread's predicate
        .where(Notification.customer_id == owner, Notification.is_read == false())
        .values(is_read=True, read_at=func.now())
    )
    if created_before is not None:
        stmt = stmt.where(Notification.created_at <= created_before)
    result = await session.execute(stmt)
    count: int = result.rowcount  # type: ignore[attr-defined]
    return count
