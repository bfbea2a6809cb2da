"""The delivery job: one attempt, its webhook_logs row, and what follows from it.

    await deliver(sessions, payload, options, disable_after=5)   # entrypoint webhooks.deliver

The HTTP attempt runs outside any transaction (no database connection waits on a slow
endpoint); its outcome is then written in one transaction: the log row, the next retry
(queued with PgQueuer's execute_after, never by sleeping), and the webhook's failure state.
A worker that dies between the two leaves the job to be picked again: delivery is at least
once, and the stable webhook-id lets the receiver drop the duplicate.

Retries: a failed attempt (network error, timeout, refused address, any non-2xx answer) is
tried again after RETRY_DELAYS, each stretched or shrunk by up to JITTER so that deliveries
failing together do not come back together: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (eight
attempts over about 27.6 hours). When the last one fails `consecutive_failures` counts one more
and the webhook is marked failing (`failing_since`), its owner told when it turns failing; at
the threshold the webhook is disabled (and its owner told). Any successful attempt resets
both.
"""

from __future__ import annotations

import logging
import random
from dataclasses import replace
from datetime import datetime, timedelta
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.db.engine import transaction
from remotegpu.db.job_queue import enqueue_in
from remotegpu.db.models import Webhook, WebhookLog
from remotegpu.domain.notifications import NotificationKind, notify
from remotegpu.domain.webhook_dispatch import ENTRYPOINT, Delivery
from remotegpu.domain.webhook_sender import AttemptResult, SendOptions, send

log = logging.getLogger("remotegpu.webhooks")

RETRY_DELAYS: tuple[timedelta, ...] = (
    timedelta(seconds=5),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=5),
    timedelta(hours=10),
    timedelta(hours=10),
)
JITTER = 0.2  # each delay is multiplied by a random factor in [1 - JITTER, 1 + JITTER]
SUCCEEDED, FAILED = "succeeded", "failed"


def retry_delay(attempt: int, rng: random.Random | None = None) -> timedelta | None:
    """How long after failed attempt `attempt` (from 1) the next one runs; None after the last."""
    if attempt > len(RETRY_DELAYS):
        return None
    factor = (rng or random).uniform(1 - JITTER, 1 + JITTER)  # jitter, not a secret
    return RETRY_DELAYS[attempt - 1] * factor


async def deliver(
    sessions: async_sessionmaker[AsyncSession],
    payload: bytes,
    options: SendOptions,
    *,
    disable_after: int,
) -> AttemptResult | None:
    """Run one attempt of the delivery in `payload`; None when it was dropped (the webhook
    was deleted, or disabled before a scheduled attempt)."""
    delivery = Delivery.decode(payload)
    async with sessions() as session:
        hook = await session.get(Webhook, delivery.webhook_id)
    if hook is None or (delivery.retry and not hook.enabled):
        return None
    result = await send(
        hook.url, hook.secret, delivery.message_id, delivery.encoded_body(), options
    )
    async with transaction(sessions) as session:
        recorded = await record_attempt(session, delivery, result, disable_after=disable_after)
    return result if recorded else None


async def record_attempt(
    session: AsyncSession, delivery: Delivery, result: AttemptResult, *, disable_after: int
) -> bool:
    """The attempt's log row, the next retry or the failure bookkeeping; False when the
    webhook was deleted while the attempt ran (nothing is written for it then)."""
    hook = await session.scalar(
        select(Webhook).where(Webhook.id == delivery.webhook_id).with_for_update()
    )
    if hook is None:
        return False
    row = WebhookLog(
        webhook_id=hook.id,
        event_type=delivery.event_type,
        event_id=UUID(delivery.event_id),
        payload=delivery.body,
        attempt=delivery.attempt,
        status=SUCCEEDED if result.succeeded else FAILED,
        status_code=result.status_code,
        response_body=result.response_body,
        duration_ms=result.duration_ms,
        error_class=result.error_class,
        error_message=result.error_message,
    )
    if result.succeeded:
        hook.consecutive_failures = 0
        hook.failing_since = None
    elif delivery.retry:
        delay = retry_delay(delivery.attempt)
        if delay is None:
            await _retries_used_up(session, hook, disable_after, await _now(session))
        else:
            following = replace(delivery, attempt=delivery.attempt + 1)
            await enqueue_in(session, ENTRYPOINT, following.encode(), delay=delay)
            row.next_attempt_at = await _now(session) + delay
    session.add(row)
    await session.flush()
    return True


async def _now(session: AsyncSession) -> datetime:
    """now() of the transaction: the queue computes execute_after from it too."""
    return (await session.execute(select(func.now()))).scalar_one()


async def _retries_used_up(
    session: AsyncSession, hook: Webhook, disable_after: int, now: datetime
) -> None:
    """One more delivery failed for good. The owner is told when the webhook turns failing and
    when it is disabled, not at every such delivery (the webhook row is locked, so deliveries
    ending together count one by one and notify once)."""
    hook.consecutive_failures += 1
    if hook.consecutive_failures >= disable_after and hook.enabled:
        hook.enabled = False
        log.warning("webhook %s disabled after %d failed deliveries", hook.id, disable_after)
        await notify(
            session,
            hook.customer_id,
            NotificationKind.SYSTEM,
            f"Webhook {hook.name} was disabled",
            f"{hook.consecutive_failures} deliveries in a row to {hook.url} failed every "
            "retry; no more events are sent to it. Fix the endpoint, then enable the webhook "
            "again (webhookUpdate) and redeliver what it missed (webhookRedeliver).",
            "error",
        )
    elif hook.failing_since is None:
        await notify(
            session,
            hook.customer_id,
            NotificationKind.SYSTEM,
            f"Webhook {hook.name} is failing",
            f"A delivery to {hook.url} failed every retry over about a day; see the webhook's "
            f"delivery log. After {disable_after} such deliveries in a row the webhook is "
            "disabled.",
            "warning",
        )
    if hook.failing_since is None:
        hook.failing_since = now
