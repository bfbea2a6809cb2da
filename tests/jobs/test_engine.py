"""The job engine on real PgQueuer consumers: recorded runs, one run per tick across two
workers, retries with backoff, and a worker killed mid-job."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pgqueuer.queries import Queries
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.engine import transaction
from remotegpu.db.job_queue import enqueue_in
from remotegpu.jobs.engine import WorkerOptions, build_queuer, queue_pool, run_worker
from remotegpu.jobs.process import WorkerThread
from remotegpu.jobs.registry import RecurringJob
from remotegpu.jobs.runs import run_recorded
from remotegpu.jobs.schedule import SCHEDULE
from remotegpu.settings import Settings
from tests.jobs.conftest import Fleet
from tests.support.jobs import FAST_REPICK, MARKER_SQL, NEVER, fail_after_writing, touch_marker

ROOT = Path(__file__).resolve().parents[2]


async def wait_until(fleet: Fleet, sql: str, expected: object, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while (value := await fleet.value(sql)) != expected:
        assert time.monotonic() < deadline, f"{sql!r} is {value!r}, waited for {expected!r}"
        await asyncio.sleep(0.1)


async def run_worker_until_a_run_succeeds(
    fleet: Fleet, job: RecurringJob, options: WorkerOptions
) -> None:
    """Run one worker with `job` until a job run has succeeded, then shut it down."""
    stop = asyncio.Event()
    worker = asyncio.create_task(
        run_worker(fleet.url, fleet.sessions, (job,), shutdown=stop, options=options)
    )
    await wait_until(fleet, "SELECT count(*) FROM job_runs WHERE outcome = 'succeeded'", 1)
    stop.set()
    await asyncio.wait_for(worker, timeout=30)


async def test_run_recorded_success_commits_work_with_its_run(fleet: Fleet) -> None:
    job = RecurringJob("test.marker", NEVER, touch_marker)
    assert await run_recorded(fleet.sessions, job) == 1
    run = await fleet.conn.fetchrow("SELECT * FROM job_runs")
    assert (run["job_name"], run["outcome"], run["rows_touched"], run["error"]) == (
        "test.marker", "succeeded", 1, None,
    )  # fmt: skip
    assert run["finished_at"] >= run["started_at"]
    assert await fleet.value("SELECT config_value FROM system_configs WHERE config_key = "
                             "'test.marker'") == "1"  # fmt: skip


async def test_run_recorded_failure_rolls_back_and_records_error(fleet: Fleet) -> None:
    job = RecurringJob("test.failing", NEVER, fail_after_writing)
    with pytest.raises(RuntimeError, match="on fire"):
        await run_recorded(fleet.sessions, job)
    run = await fleet.conn.fetchrow("SELECT * FROM job_runs")
    assert (run["outcome"], run["rows_touched"]) == ("failed", None)
    assert run["error"] == "RuntimeError: the disk is on fire"
    assert run["finished_at"] is not None
    assert await fleet.value("SELECT count(*) FROM system_configs WHERE config_key = "
                             "'test.marker'") == 0  # fmt: skip


async def test_schedule_registry_builds_a_worker_with_every_job(fleet: Fleet) -> None:
    async with queue_pool(fleet.url) as pool:
        pgq = build_queuer(pool, fleet.sessions, SCHEDULE)
    names = {job.name for job in SCHEDULE}
    assert set(pgq.qm.entrypoint_registry) == names
    assert {key.entrypoint for key in pgq.sm.registry} == names


async def test_schedule_two_workers_run_each_tick_once(fleet: Fleet) -> None:
    every_two_seconds = RecurringJob("test.tick", "* * * * * */2", touch_marker)
    stop = asyncio.Event()
    began = time.time()
    workers = [
        asyncio.create_task(run_worker(fleet.url, fleet.sessions, (every_two_seconds,),
                                       shutdown=stop))
        for _ in range(2)
    ]  # fmt: skip
    await asyncio.sleep(7)
    stop.set()
    await asyncio.wait_for(asyncio.gather(*workers), timeout=30)
    ended = time.time()

    runs = await fleet.conn.fetch("SELECT outcome, queue_job_id FROM job_runs")
    # Ticks at even seconds while the workers ran: each ran once, not once per worker (two
    # workers each running every tick would make about twice as many runs).
    ticks = len(range(int(began) + int(began) % 2, int(ended) + 1, 2))
    assert 2 <= len(runs) <= ticks, (len(runs), ticks)
    assert {r["outcome"] for r in runs} == {"succeeded"}
    assert len({r["queue_job_id"] for r in runs}) == len(runs)
    done = await fleet.value(
        "SELECT config_value FROM system_configs WHERE config_key = 'test.marker'"
    )
    assert int(done) == len(runs)


async def test_worker_failing_job_is_retried_with_backoff(fleet: Fleet) -> None:
    attempts: list[int] = []

    async def flaky(session: AsyncSession, now: datetime) -> int:
        attempts.append(len(attempts))
        if len(attempts) < 3:
            raise RuntimeError(f"attempt {len(attempts)} fails")
        return await touch_marker(session, now)

    job = RecurringJob("test.flaky", NEVER, flaky)
    options = WorkerOptions(
        retry_initial_delay=timedelta(milliseconds=200), poll_interval=timedelta(milliseconds=200)
    )
    async with queue_pool(fleet.url) as pool:
        await Queries.from_asyncpg_pool(pool).enqueue("test.flaky", None)
    await run_worker_until_a_run_succeeds(fleet, job, options)

    runs = await fleet.conn.fetch("SELECT outcome, attempt, error FROM job_runs ORDER BY id")
    assert [(r["outcome"], r["attempt"]) for r in runs] == [
        ("failed", 0), ("failed", 1), ("succeeded", 2),
    ]  # fmt: skip
    assert runs[0]["error"] == "RuntimeError: attempt 1 fails"
    assert await fleet.value("SELECT count(*) FROM pgqueuer") == 0


async def test_worker_killed_mid_job_job_runs_again_on_another_worker(fleet: Fleet) -> None:
    async with queue_pool(fleet.url) as pool:
        [queue_id] = await Queries.from_asyncpg_pool(pool).enqueue("test.marker", None)
    child = subprocess.Popen(  # noqa: ASYNC220  # started once; the test then polls the database
        [sys.executable, "-m", "tests.jobs.slow_worker", fleet.url],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    try:
        await wait_until(fleet, "SELECT count(*) FROM job_runs WHERE outcome = 'running'", 1)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)

    job = RecurringJob("test.marker", NEVER, touch_marker)
    await run_worker_until_a_run_succeeds(fleet, job, FAST_REPICK)

    runs = await fleet.conn.fetch("SELECT outcome, queue_job_id, worker FROM job_runs ORDER BY id")
    assert [(r["outcome"], r["queue_job_id"]) for r in runs] == [
        ("running", queue_id), ("succeeded", queue_id),
    ]  # fmt: skip
    assert runs[0]["worker"].endswith(f":{child.pid}")
    # The killed run's write rolled back; the retry's committed once.
    marker = "SELECT config_value FROM system_configs WHERE config_key = 'test.marker'"
    assert await fleet.value(marker) == "1"
    assert await fleet.value("SELECT count(*) FROM pgqueuer") == 0


async def test_enqueue_in_transaction_job_exists_only_if_the_change_commits(fleet: Fleet) -> None:
    class Rollback(Exception):
        pass

    async def change_then_fail() -> None:
        async with transaction(fleet.sessions) as session:
            await session.execute(text(MARKER_SQL))
            await enqueue_in(session, "test.marker", b"lost")
            raise Rollback

    with pytest.raises(Rollback):
        await change_then_fail()
    assert await fleet.value("SELECT count(*) FROM pgqueuer") == 0

    async with transaction(fleet.sessions) as session:
        await session.execute(text(MARKER_SQL))
        job_id = await enqueue_in(session, "test.marker", b"kept", dedupe_key="once")
        assert await enqueue_in(session, "test.marker", b"again", dedupe_key="once") is None
    row = await fleet.conn.fetchrow("SELECT id, entrypoint, payload FROM pgqueuer")
    assert tuple(row) == (job_id, "test.marker", b"kept")
    assert (
        await fleet.value(
            "SELECT config_value FROM system_configs WHERE config_key = 'test.marker'"
        )
        == "1"
    )


async def test_worker_thread_keeps_running_jobs_after_its_connections_are_killed(
    fleet: Fleet,
) -> None:
    worker = WorkerThread(fleet.url, Settings())
    await asyncio.to_thread(worker.start)
    try:
        for expected in (1, 2):
            async with queue_pool(fleet.url) as pool:
                await Queries.from_asyncpg_pool(pool).enqueue("housekeeping.expiry", None)
            await wait_until(
                fleet,
                "SELECT count(*) FROM job_runs WHERE job_name = 'housekeeping.expiry'"
                " AND outcome = 'succeeded'",
                expected,
            )
            # A database restart, as the worker sees it: every connection of it dropped.
            await fleet.conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE application_name IN ('remotegpu-worker', 'remotegpu')"
                " AND datname = current_database() AND pid <> pg_backend_pid()"
            )
    finally:
        await asyncio.to_thread(worker.stop)
