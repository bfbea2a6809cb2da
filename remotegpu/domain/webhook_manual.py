"""Manual webhook deliveries, for the webhook's owner and admins: send a logged event again,
or a test event (`webhook.ping`). Each is one attempt, queued like any delivery, without
retries; its failure does not count toward the webhook's failing state."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID, uuid4

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.job_queue import enqueue_in
from remotegpu.db.models import Webhook, WebhookLog
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.webhook_dispatch import ENTRYPOINT, Delivery, envelope
from remotegpu.domain.webhooks import hooks_writable_by, lock_webhook

PING = "webhook.ping"


async def redeliver(session: AsyncSession, viewer: Viewer, log_id: int) -> tuple[Webhook, UUID]:
    """Send a logged event again, once, with the same webhook-id and body (owner or admin)."""
    found = (
        await session.execute(
            select(WebhookLog, Webhook)
            .join(Webhook, Webhook.id == WebhookLog.webhook_id)
            .where(WebhookLog.id == log_id, hooks_writable_by(viewer))
            .with_for_update(of=Webhook)
        )
    ).one_or_none()
    if found is None:  # another tenant's log answers exactly like a missing one
        raise DomainError(ErrorCode.NOT_FOUND, f"webhook log {log_id} not found", "log_id")
    log, hook = found
    # Rows written before deliveries were recorded (the demo seed's) carry no event id.
    event_id = log.event_id or uuid4()
    body = log.payload or envelope(event_id, log.event_type, datetime.now(UTC), {})
    attempts = await session.scalar(
        select(func.max(WebhookLog.attempt)).where(
            WebhookLog.webhook_id == hook.id, WebhookLog.event_id == event_id
        )
    )
    delivery = Delivery(
        hook.id, str(event_id), log.event_type, body, attempt=(attempts or 0) + 1, retry=False
    )
    await enqueue_in(session, ENTRYPOINT, delivery.encode())
    return hook, event_id


async def ping(session: AsyncSession, viewer: Viewer, webhook_id: int) -> tuple[Webhook, UUID]:
    """Queue a test event (`webhook.ping`) to the webhook, once, enabled or not."""
    hook = await lock_webhook(session, viewer, webhook_id)
    event_id = uuid4()
    body = envelope(event_id, PING, datetime.now(UTC), {"webhookId": hook.id})
    delivery = Delivery(hook.id, str(event_id), PING, body, retry=False)
    await enqueue_in(session, ENTRYPOINT, delivery.encode())
    return hook, event_id
