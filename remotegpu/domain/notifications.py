"""In-app notifications to a customer, written in the transaction of the change."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.models import Notification


class NotificationKind(StrEnum):
    SYSTEM = "system"
    ENVIRONMENT = "environment"
    BILLING = "billing"
    ALERT = "alert"


async def notify(
    session: AsyncSession,
    customer_id: int,
    kind: NotificationKind,
    title: str,
    content: str | None = None,
    level: str = "info",
) -> None:
    session.add(
        Notification(
            customer_id=customer_id, type=kind.value, title=title, content=content, level=level
        )
    )
