"""Idempotency keys: a retried mutation with the same key and input gets the same result.

The key row is inserted first thing in the mutation's transaction. A concurrent duplicate
blocks on the unique index until the first request commits (then finds its row) or rolls back
(then inserts its own): retries never create twice, and a failed attempt leaves no key behind.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.models import IdempotencyKey
from remotegpu.domain.errors import DomainError, ErrorCode

KEY_MAX = 128


def request_hash(request: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of a request (sorted keys, no whitespace)."""
    canonical = json.dumps(request, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


async def claim_key(
    session: AsyncSession,
    *,
    customer_id: int,
    operation: str,
    key: str,
    fingerprint: str,
    resource_id: str,
    field: str,
) -> str | None:
    """Claim `key` for a new `resource_id`: None if claimed now, else the earlier resource.

    Raises IDEMPOTENCY_CONFLICT when the key was used with another input.
    """
    claimed = await session.execute(
        insert(IdempotencyKey)
        .values(
            customer_id=customer_id,
            operation=operation,
            idempotency_key=key,
            request_hash=fingerprint,
            resource_id=resource_id,
        )
        .on_conflict_do_nothing(constraint="uq_idempotency_keys")
        .returning(IdempotencyKey.id)
    )
    if claimed.first() is not None:
        return None
    earlier = (
        await session.execute(
            select(IdempotencyKey.request_hash, IdempotencyKey.resource_id).where(
                IdempotencyKey.customer_id == customer_id,
                IdempotencyKey.operation == operation,
                IdempotencyKey.idempotency_key == key,
            )
        )
    ).one()
    if earlier.request_hash != fingerprint or earlier.resource_id is None:
        raise DomainError(
            ErrorCode.IDEMPOTENCY_CONFLICT,
            "this idempotency key was already used with a different input",
            field,
        )
    resource: str = earlier.resource_id
    return resource
