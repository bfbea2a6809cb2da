"""Domain events: written to the outbox in the transaction of the change that caused them."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.models import EventOutbox
from remotegpu.domain.webhook_dispatch import enqueue_deliveries


class EventType(StrEnum):
    ENVIRONMENT_CREATED = "environment.created"
    ENVIRONMENT_STARTED = "environment.started"
    ENVIRONMENT_STOPPED = "environment.stopped"
    ENVIRONMENT_DELETED = "environment.deleted"
    ENVIRONMENT_FAILED = "environment.failed"
    TRAINING_STARTED = "training.started"
    TRAINING_COMPLETED = "training.completed"
    TRAINING_FAILED = "training.failed"
    ALERT_FIRED = "alert.fired"
    ALERT_RESOLVED = "alert.resolved"
    INVOICE_CREATED = "invoice.created"
    INVOICE_PAID = "invoice.paid"
    QUOTA_EXCEEDED = "quota.exceeded"


async def emit(
    session: AsyncSession,
    event_type: EventType,
    *,
    customer_id: int | None,
    resource_type: str,
    resource_id: str,
    payload: dict[str, Any],
) -> None:
    """Record an event; it is published after commit (never if the change rolls back)."""
    event = EventOutbox(
        event_type=event_type.value,
        customer_id=customer_id,
        resource_type=resource_type,
        resource_id=resource_id,
        payload=payload,
    )
    session.add(event)
    await session.flush()
    await enqueue_deliveries(session, event)
