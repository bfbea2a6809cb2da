"""Running a job function as the scheduler runs it, at a chosen `now`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.db.engine import transaction

JobFunction = Callable[[AsyncSession, datetime], Awaitable[int]]
Sessions = async_sessionmaker[AsyncSession]


async def run_job(
    sessions: async_sessionmaker[AsyncSession], job: JobFunction, now: datetime
) -> int:
    """One run of a job function in its own committed transaction, as the scheduler runs it."""
    async with transaction(sessions) as session:
        return await job(session, now)
