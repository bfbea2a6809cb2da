"""The worker: PgQueuer consumers that run the registry's jobs, as many as you start.

Each recurring job is two PgQueuer pieces with the job's name:
- a schedule (pgqueuer_schedules) whose tick only enqueues a queue job. PgQueuer claims a tick
  with FOR UPDATE SKIP LOCKED, so one worker of all of them enqueues it; the dedupe key
  (the job's name) keeps a second copy out while one is queued or running;
- a queue entrypoint that runs the job as a recorded run (runs.py). A job that raises is
  re-queued with exponential backoff (DatabaseRetryEntrypointExecutor); a job whose worker
  died stops beating and another worker picks it again after `heartbeat_timeout`.
Workers wake on LISTEN/NOTIFY (the trigger of 21_job_queue.sql), not by polling.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta

import asyncpg
from pgqueuer import PgQueuer
from pgqueuer.executors import DatabaseRetryEntrypointExecutor, EntrypointExecutorParameters
from pgqueuer.models import Job, Schedule
from pgqueuer.queries import Queries
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.db.urls import asyncpg_dsn
from remotegpu.jobs.registry import QueuedJob, RecurringJob, by_name
from remotegpu.jobs.runs import run_recorded

log = logging.getLogger("remotegpu.jobs")

MAX_ATTEMPTS = 5  # a failing job is retried up to this many times, 1 s, 2 s, 4 s, ... apart


@dataclasses.dataclass(frozen=True)
class WorkerOptions:
    heartbeat_timeout: timedelta = timedelta(seconds=30)  # a silent job is re-picked after it
    # NOTIFY wakes a worker for new jobs; a retry's delay or a dead worker's job becomes due
    # without one, so an idle worker also looks this often.
    poll_interval: timedelta = timedelta(seconds=5)
    retry_initial_delay: timedelta = timedelta(seconds=1)
    retry_max_delay: timedelta = timedelta(minutes=5)
    max_concurrent_jobs: int = 4


DEFAULT_OPTIONS = WorkerOptions()


def _retrying(
    options: WorkerOptions,
) -> Callable[[EntrypointExecutorParameters], DatabaseRetryEntrypointExecutor]:
    def make(parameters: EntrypointExecutorParameters) -> DatabaseRetryEntrypointExecutor:
        return DatabaseRetryEntrypointExecutor(
            parameters,
            max_attempts=MAX_ATTEMPTS,
            initial_delay=options.retry_initial_delay,
            max_delay=options.retry_max_delay,
        )

    return make


def build_queuer(
    pool: asyncpg.Pool,
    sessions: async_sessionmaker[AsyncSession],
    jobs: tuple[RecurringJob, ...],
    options: WorkerOptions = DEFAULT_OPTIONS,
    queued: tuple[QueuedJob, ...] = (),
) -> PgQueuer:
    """A PgQueuer over `pool` with a schedule and an entrypoint per job of `jobs`, and an
    entrypoint per job of `queued`."""
    pgq = PgQueuer.from_asyncpg_pool(pool)
    queries = Queries.from_asyncpg_pool(pool)
    for job in by_name(jobs).values():
        _register(pgq, queries, sessions, job, options)
    for queued_job in queued:
        _register_queued(pgq, sessions, queued_job, options)
    return pgq


def _register_queued(
    pgq: PgQueuer,
    sessions: async_sessionmaker[AsyncSession],
    job: QueuedJob,
    options: WorkerOptions,
) -> None:
    @pgq.entrypoint(job.name, executor_factory=_retrying(options))
    async def run(queued: Job) -> None:
        await job.function(sessions, queued.payload)

    del run  # registered with pgq


def _register(
    pgq: PgQueuer,
    queries: Queries,
    sessions: async_sessionmaker[AsyncSession],
    job: RecurringJob,
    options: WorkerOptions,
) -> None:
    @pgq.entrypoint(job.name, executor_factory=_retrying(options))
    async def run(queued: Job) -> None:
        await run_recorded(sessions, job, queue_job_id=int(queued.id), attempt=queued.attempts)

    @pgq.schedule(job.name, job.cron)
    async def tick(_: Schedule) -> None:
        await queries.enqueue(job.name, None, dedupe_key=job.name, on_conflict="skip")

    del run, tick  # registered with pgq; nothing else calls them


@asynccontextmanager
async def queue_pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    """The worker's own small pool: one connection listens, the others claim and record."""
    pool = await asyncpg.create_pool(
        asyncpg_dsn(database_url),
        min_size=2,
        max_size=4,
        server_settings={"application_name": "remotegpu-worker", "timezone": "UTC"},
    )
    try:
        yield pool
    finally:
        await pool.close()


async def run_worker(
    database_url: str,
    sessions: async_sessionmaker[AsyncSession],
    jobs: tuple[RecurringJob, ...],
    *,
    shutdown: asyncio.Event | None = None,
    options: WorkerOptions = DEFAULT_OPTIONS,
    queued: tuple[QueuedJob, ...] = (),
) -> None:
    """Run jobs until `shutdown` is set (or forever)."""
    async with queue_pool(database_url) as pool:
        pgq = build_queuer(pool, sessions, jobs, options, queued)
        if shutdown is not None:
            watcher = asyncio.create_task(_relay(shutdown, pgq.shutdown))
        log.info("worker started: %s", ", ".join(j.name for j in jobs))
        try:
            await pgq.run(
                heartbeat_timeout=options.heartbeat_timeout,
                dequeue_timeout=options.poll_interval,
                max_concurrent_tasks=options.max_concurrent_jobs,
                batch_size=max(1, options.max_concurrent_jobs // 2),
            )
        finally:
            if shutdown is not None:
                watcher.cancel()


async def _relay(source: asyncio.Event, target: asyncio.Event) -> None:
    await source.wait()
    target.set()
