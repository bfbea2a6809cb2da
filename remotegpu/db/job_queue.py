"""Queue a job in the caller's transaction: the job exists if and only if the change commits.

    async with transaction(sessions) as session:
        ...change rows...
        await enqueue_in(session, "webhooks.deliver", payload)

PgQueuer writes its row on the session's own connection, inside the open transaction, and
its trigger's NOTIFY is delivered at commit (PostgreSQL holds notifications until then), so
no worker wakes for a job that rolled back.
"""

from __future__ import annotations

from datetime import timedelta
from typing import cast

import asyncpg
from pgqueuer.queries import Queries
from sqlalchemy.ext.asyncio import AsyncSession


async def enqueue_in(
    session: AsyncSession,
    entrypoint: str,
    payload: bytes | None = None,
    *,
    delay: timedelta | None = None,
    dedupe_key: str | None = None,
) -> int | None:
    """Queue `entrypoint` with `payload`; the queue job id, or None when `dedupe_key` names a
    job still queued or running (nothing is added then)."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    driver = cast(asyncpg.Connection, raw.driver_connection)
    queries = Queries.from_asyncpg_connection(driver)
    [job_id] = await queries.enqueue(
        entrypoint, payload, execute_after=delay, dedupe_key=dedupe_key, on_conflict="skip"
    )
    return None if job_id is None else int(job_id)
