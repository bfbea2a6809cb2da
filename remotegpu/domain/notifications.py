"""In-app notifications to a customer, written in the transaction of the change."""

from __future__ import annotations

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.models import Notification
from remotegpu.domain.enums import NotificationType
from remotegpu.domain.events import EventType, emit

# The domain calls the kind of a notification so; its values are notifications.type's.
NotificationKind = NotificationType


async def notify(
    session: AsyncSession,
    customer_id: int,
    kind: NotificationKind,
    title: str,
    content: str | None = None,
    level: str = "info",
) -> int:
    """Write the notification and its notification.created event; returns its id."""
    notification_id: int = (
        await session.execute(
            insert(Notification)
            .values(
                customer_id=customer_id, type=kind.value, title=title, content=content, level=level
            )
            .returning(Notification.id)
        )
    ).scalar_one()
    await announce_notification(session, notification_id, customer_id, kind.value, level)
    return notification_id


async def announce_notification(
    session: AsyncSession, notification_id: int, customer_id: int, kind: str, level: str
) -> None:
    """The notification.created event of a written notification (notificationReceived)."""
    await emit(
        session,
        EventType.NOTIFICATION_CREATED,
        customer_id=customer_id,
        resource_type="notification",
        resource_id=str(notification_id),
        payload={"id": notification_id, "type": kind, "level": level},
    )
