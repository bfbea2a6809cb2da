"""Running one job as a recorded run: a job_runs row around one transaction of work.

    rows = await run_recorded(sessions, job, now=clock)

The run is inserted as 'running' and committed first, so it is visible while the job works
(and stays, as evidence, if the worker dies). The job's work and the run's 'succeeded' commit
in one transaction: a run never says succeeded for work that rolled back. A job that raises
rolls back; its run becomes 'failed' with the error and the exception goes on to the queue,
which retries the job with backoff.
"""

from __future__ import annotations

import os
import socket
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.db.engine import transaction
from remotegpu.db.models.jobs import JobRun
from remotegpu.jobs.registry import RecurringJob
from remotegpu.observability.metrics import JOB_DURATION, JOB_ROWS, JOB_RUNS, JOBS_RUNNING

ERROR_MAX = 4000
# A run still 'running' after this long lost its worker (no job is meant to run this long).
ABANDONED_AFTER = timedelta(hours=1)


def worker_name() -> str:
    """This process, as job_runs.worker records it."""
    return f"{socket.gethostname()}:{os.getpid()}"[:128]


async def run_recorded(
    sessions: async_sessionmaker[AsyncSession],
    job: RecurringJob,
    *,
    now: datetime | None = None,
    queue_job_id: int | None = None,
    attempt: int = 0,
) -> int:
    """Run `job` once in its own transaction, recorded in job_runs; returns rows touched."""
    async with transaction(sessions) as session:
        run_id = await session.scalar(
            insert(JobRun)
            .values(
                job_name=job.name,
                queue_job_id=queue_job_id,
                attempt=attempt,
                worker=worker_name(),
            )
            .returning(JobRun.id)
        )
    started = time.perf_counter()
    try:
        with JOBS_RUNNING.labels(job.name).track_inprogress():
            async with transaction(sessions) as session:
                rows = await job.function(session, now or datetime.now(UTC))
                await _finish(session, run_id, outcome="succeeded", rows_touched=rows)
    except Exception as exc:
        async with transaction(sessions) as session:
            await _finish(session, run_id, outcome="failed", error=describe(exc))
        JOB_RUNS.labels(job.name, "failed").inc()
        raise
    finally:
        JOB_DURATION.labels(job.name).observe(time.perf_counter() - started)
    JOB_RUNS.labels(job.name, "succeeded").inc()
    JOB_ROWS.labels(job.name).inc(rows)
    return rows


def describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:ERROR_MAX]


async def _finish(session: AsyncSession, run_id: int | None, **values: object) -> None:
    await session.execute(
        # clock_timestamp(), not now(): the transaction may have started long before.
        update(JobRun)
        .where(JobRun.id == run_id)
        .values(finished_at=func.clock_timestamp(), **values)
    )


async def abandon_lost_runs(session: AsyncSession, now: datetime) -> int:
    """Runs still 'running' long after they started lost their worker: say so."""
    result = await session.execute(
        update(JobRun)
        .where(JobRun.outcome == "running", JobRun.started_at < now - ABANDONED_AFTER)
        .values(outcome="abandoned", error="the worker stopped before the run ended")
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def latest_runs(
    sessions: async_sessionmaker[AsyncSession], *, limit: int = 20, name: str | None = None
) -> list[JobRun]:
    """The newest runs first (of one job when `name` is given), for `remotegpu jobs`."""
    query = select(JobRun).order_by(JobRun.started_at.desc(), JobRun.id.desc()).limit(limit)
    if name is not None:
        query = query.where(JobRun.job_name == name)
    async with sessions() as session:
        return list((await session.scalars(query)).all())


# The engine's own history: runs a month, the queue's status log a week (PgQueuer keeps every
# row after folding it into per-second statistics), the statistics a month.
RUNS_KEPT = timedelta(days=30)
QUEUE_LOG_KEPT = timedelta(days=7)
QUEUE_STATISTICS_KEPT = timedelta(days=30)


async def expire_job_history(session: AsyncSession, now: datetime) -> int:
    """Delete finished runs, folded queue log rows and queue statistics past their age."""
    runs = await session.execute(
        delete(JobRun).where(JobRun.outcome != "running", JobRun.started_at < now - RUNS_KEPT)
    )
    log = await session.execute(
        text("DELETE FROM pgqueuer_log WHERE aggregated AND created < :cutoff"),
        {"cutoff": now - QUEUE_LOG_KEPT},
    )
    statistics = await session.execute(
        text("DELETE FROM pgqueuer_statistics WHERE created < :cutoff"),
        {"cutoff": now - QUEUE_STATISTICS_KEPT},
    )
    counts: list[int] = [r.rowcount or 0 for r in (runs, log, statistics)]  # type: ignore[attr-defined]
    return sum(counts)
