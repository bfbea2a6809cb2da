"""How far a recurring job has processed time (`job_watermarks`), read and moved in the job's
transaction so a rolled-back run leaves the mark where it was."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.models import JobWatermark
from remotegpu.domain.errors import DomainError, ErrorCode

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def aware(now: datetime) -> datetime:
    """`now` in UTC; a naive time is refused (every job time is an instant)."""
    if now.tzinfo is None:
        raise DomainError(
            ErrorCode.INVALID_INPUT, "now must be timezone-aware", "now", outside_input=True
        )
    return now.astimezone(UTC)


def floor_hour(moment: datetime) -> datetime:
    return aware(moment).replace(minute=0, second=0, microsecond=0)


def floor_day(moment: datetime) -> datetime:
    return floor_hour(moment).replace(hour=0)


async def watermark(session: AsyncSession, job: str) -> datetime | None:
    """The job's done_until, None before its first run."""
    done: datetime | None = await session.scalar(
        select(JobWatermark.done_until).where(JobWatermark.job == job)
    )
    return done


async def lock_job(session: AsyncSession, job: str) -> datetime | None:
    """Serialise runs of one job until commit (a transaction-level advisory lock, so even the
    first run, before the job has a row, is covered); its done_until, None before its first run.
    A second, concurrent run waits and then sees the first one's mark."""
    await session.execute(select(func.pg_advisory_xact_lock(func.hashtext(job))))
    return await watermark(session, job)


async def advance(session: AsyncSession, job: str, done_until: datetime) -> None:
    """Move the mark forward (never back: a run for an earlier `now` leaves it)."""
    await session.execute(
        insert(JobWatermark)
        .values(job=job, done_until=done_until)
        .on_conflict_do_update(
            index_elements=["job"],
            set_={"done_until": done_until, "advanced_at": datetime.now(UTC)},
            where=JobWatermark.done_until < done_until,
        )
    )
