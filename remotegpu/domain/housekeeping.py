"""Expiry of bookkeeping rows: idempotency keys and outbox rows already published.

Each run deletes at most BATCH rows per table (oldest first), so a large backlog is worked off
over a few runs instead of one long transaction holding many locks.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.models import EventOutbox, IdempotencyKey

# A client retries a keyed mutation within minutes; a day covers an agent offline overnight.
IDEMPOTENCY_KEY_TTL = timedelta(hours=24)
# Published events stay a week for inspection and replays by webhook id, then go.
PUBLISHED_EVENT_TTL = timedelta(days=7)
BATCH = 10_000


async def expire_idempotency_keys(
    session: AsyncSession, now: datetime, ttl: timedelta = IDEMPOTENCY_KEY_TTL
) -> int:
    """Delete keys older than `ttl`: a retry after that is a new request."""
    oldest = (
        select(IdempotencyKey.id)
        .where(IdempotencyKey.created_at < now - ttl)
        .order_by(IdempotencyKey.created_at)
        .limit(BATCH)
    )
    result = await session.execute(
        delete(IdempotencyKey).where(IdempotencyKey.id.in_(oldest.scalar_subquery()))
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def expire_published_events(
    session: AsyncSession, now: datetime, ttl: timedelta = PUBLISHED_EVENT_TTL
) -> int:
    """Delete outbox rows published more than `ttl` ago; unpublished ones always stay."""
    oldest = (
        select(EventOutbox.id)
        .where(EventOutbox.published_at.is_not(None), EventOutbox.published_at < now - ttl)
        .order_by(EventOutbox.published_at)
        .limit(BATCH)
    )
    result = await session.execute(
        delete(EventOutbox).where(EventOutbox.id.in_(oldest.scalar_subquery()))
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
