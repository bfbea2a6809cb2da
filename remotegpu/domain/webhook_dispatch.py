"""Queueing webhook deliveries: one job per event and subscribed webhook, in the event's
transaction (the manual ones, redeliver and ping, are in webhook_manual.py).

    await enqueue_deliveries(session, outbox_row)   # called by events.emit

A delivery job carries everything it sends (the body is fixed when the event happens), so a
retry a day later does not depend on the outbox row still being there. The `webhook-id` of
a delivery is derived from the event and the webhook: the same on every retry and on a
redelivery, so receivers can drop duplicates.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.job_queue import enqueue_in
from remotegpu.db.models import EventOutbox, Webhook

ENTRYPOINT = "webhooks.deliver"


@dataclass(frozen=True)
class Delivery:
    """One delivery job's payload: which event, to which webhook, which attempt."""

    webhook_id: int
    event_id: str  # UUID text
    event_type: str
    body: dict[str, Any]  # the JSON sent, the same on every attempt
    attempt: int = 1
    # False for manual deliveries (redeliver, ping): one attempt, no retries, and a failure
    # does not count toward the webhook's failing state.
    retry: bool = True

    @property
    def message_id(self) -> str:
        """The `webhook-id` header: stable per event and webhook."""
        return f"msg_{UUID(self.event_id).hex}_{self.webhook_id}"

    def encoded_body(self) -> bytes:
        """The bytes sent: keys sorted, so a redelivery from the log (JSONB keeps its own key
        order) sends exactly the bytes of the first delivery."""
        body = json.dumps(self.body, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
        return body.encode()

    def encode(self) -> bytes:
        return json.dumps(asdict(self), separators=(",", ":")).encode()

    @classmethod
    def decode(cls, payload: bytes) -> Delivery:
        return cls(**json.loads(payload))


def envelope(event_id: UUID, event_type: str, at: datetime, data: dict[str, Any]) -> dict[str, Any]:
    """The body of a delivery, Standard Webhooks' shape: type, timestamp, data (plus the
    event's id, the same for every webhook that receives it)."""
    return {
        "id": str(event_id),
        "type": event_type,
        "timestamp": at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "data": data,
    }


async def enqueue_deliveries(session: AsyncSession, event: EventOutbox) -> int:
    """A delivery job per enabled webhook of the event's customer subscribed to its type, in
    the event's transaction (gone with it if it rolls back); returns how many."""
    if event.customer_id is None:
        return 0  # platform events (no customer) have no webhook audience
    hook_ids = (
        await session.scalars(
            select(Webhook.id).where(
                Webhook.customer_id == event.customer_id,
                Webhook.enabled.is_(True),
                Webhook.events.any_() == event.event_type,
            )
        )
    ).all()
    if hook_ids:
        at = event.created_at or datetime.now(UTC)
        body = envelope(event.event_id, event.event_type, at, event.payload)
        for hook_id in hook_ids:
            delivery = Delivery(hook_id, str(event.event_id), event.event_type, body)
            await enqueue_in(session, ENTRYPOINT, delivery.encode())
    return len(hook_ids)
