"""What a job is: a name, a cron expression and one async function over one transaction."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

JobFunction = Callable[[AsyncSession, datetime], Awaitable[int]]
"""`async def job(session, now) -> rows touched`: the engine opens and commits the transaction,
and passes the time the job should take as now (tests pass their own clock)."""


@dataclass(frozen=True)
class RecurringJob:
    """A job run on a schedule, once per tick across all workers."""

    name: str  # also the queue entrypoint and job_runs.job_name, e.g. "hosts.liveness"
    cron: str  # five fields, or six with seconds last; PgQueuer refuses a bad one at start
    function: JobFunction

    def __post_init__(self) -> None:
        if not self.name or len(self.name) > 128:
            raise ValueError("a job name is 1 to 128 characters")


def by_name(jobs: tuple[RecurringJob, ...]) -> dict[str, RecurringJob]:
    """Index a registry by name; a name used twice is a programming error."""
    index: dict[str, RecurringJob] = {}
    for job in jobs:
        if job.name in index:
            raise ValueError(f"job {job.name!r} is registered twice")
        index[job.name] = job
    return index


QueuedFunction = Callable[[async_sessionmaker[AsyncSession], bytes | None], Awaitable[None]]
"""`async def job(sessions, payload)`: a job queued with a payload (enqueue_in), not on a
schedule; it opens its own transactions (a webhook delivery must not hold one while it waits
on the network) and is not recorded in job_runs (its own table is its record)."""


@dataclass(frozen=True)
class QueuedJob:
    """A job that runs once per enqueue_in(session, name, payload)."""

    name: str  # the queue entrypoint, e.g. "webhooks.deliver"
    function: QueuedFunction
