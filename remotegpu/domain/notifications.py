"""In-app notifications to a customer, written in the transaction of the change."""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, String, bindparam, insert, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.models import EventOutbox, Notification
from remotegpu.domain.enums import NotificationType
from remotegpu.domain.events import CATALOGUE, EventType, emit
from remotegpu.domain.webhook_dispatch import enqueue_deliveries

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


_TEXT_PARAMETERS = (
    "kind",
    "title",
    "content",
    "level",
    "event_type",
    "resource_type",
    "resource_id",
)
# notify() and emit() of a change in one round trip: the notification, its notification.created
# event, then (it reads the first event, so its id comes after, as when sent one by one) the
# change's event, and the number of webhooks subscribed to that event. Payloads as notify's
# and emit's: the same JSON values, published by this commit (events.py).
_NOTIFY_AND_EMIT = text(
    """
    WITH notification AS (
        INSERT INTO notifications (customer_id, type, title, content, level)
        VALUES (:customer_id, :kind, :title, :content, :level)
        RETURNING id
    ), announced AS (
        INSERT INTO event_outbox
            (event_type, customer_id, resource_type, resource_id, payload, published_at)
        SELECT 'notification.created', :customer_id, 'notification', CAST(id AS text),
               jsonb_build_object('id', id, 'type', CAST(:kind AS text),
                                  'level', CAST(:level AS text)),
               now()
        FROM notification
        RETURNING id
    ), event AS (
        INSERT INTO event_outbox
            (event_type, customer_id, resource_type, resource_id, payload, published_at)
        SELECT :event_type, :customer_id, :resource_type, :resource_id, :payload, now()
        FROM announced
        RETURNING id
    )
    SELECT (SELECT id FROM event) AS event_id,
           (SELECT count(*) FROM webhooks
            WHERE customer_id = :customer_id AND enabled IS true
              AND :event_type = ANY(events)) AS webhooks
    """
).bindparams(
    bindparam("customer_id", type_=BigInteger),
    *(bindparam(name, type_=String) for name in _TEXT_PARAMETERS),
    bindparam("payload", type_=JSONB),
)


async def notify_and_emit(
    session: AsyncSession,
    customer_id: int,
    kind: NotificationKind,
    title: str,
    content: str | None,
    level: str,
    event_type: EventType,
    *,
    resource_type: str,
    resource_id: str,
    payload: dict[str, Any],
) -> None:
    """notify(customer_id, kind, title, content, level), then emit(event_type, customer_id,
    ...): what the two write, in one statement. Webhook deliveries of the event, if any
    webhook is subscribed to it, are queued by emit's own code (the usual case has none)."""
    assert CATALOGUE[event_type].webhook, "for webhook events (internal ones have no look-up)"
    row = (
        await session.execute(
            _NOTIFY_AND_EMIT,
            {
                "customer_id": customer_id,
                "kind": kind.value,
                "title": title,
                "content": content,
                "level": level,
                "event_type": event_type.value,
                "resource_type": resource_type,
                "resource_id": resource_id,
                "payload": payload,
            },
        )
    ).one()
    if row.webhooks:
        event = await session.get_one(EventOutbox, row.event_id)
        await enqueue_deliveries(session, event)
