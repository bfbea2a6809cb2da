"""Every job run is counted in /metrics: runs by outcome, duration, rows touched."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from prometheus_client import REGISTRY
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.jobs.registry import RecurringJob
from remotegpu.jobs.runs import run_recorded

NOW = datetime(2026, 12, 7, 12, tzinfo=UTC)


def _sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def _touches_three(session: AsyncSession, now: datetime) -> int:
    return 3


async def _breaks(session: AsyncSession, now: datetime) -> int:
    raise RuntimeError("the job broke")


async def test_run_recorded_success_counts_run_rows_and_duration(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    job = RecurringJob("test.metrics_ok", "* * * * *", _touches_three)
    runs = _sample("remotegpu_job_runs_total", job=job.name, outcome="succeeded")
    rows = _sample("remotegpu_job_rows_touched_total", job=job.name)
    timed = _sample("remotegpu_job_run_duration_seconds_count", job=job.name)

    assert await run_recorded(sessions, job, now=NOW) == 3

    assert _sample("remotegpu_job_runs_total", job=job.name, outcome="succeeded") == runs + 1
    assert _sample("remotegpu_job_rows_touched_total", job=job.name) == rows + 3
    assert _sample("remotegpu_job_run_duration_seconds_count", job=job.name) == timed + 1
    assert _sample("remotegpu_jobs_running", job=job.name) == 0


async def test_run_recorded_failure_counts_a_failed_run_and_no_rows(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    job = RecurringJob("test.metrics_failed", "* * * * *", _breaks)
    failed = _sample("remotegpu_job_runs_total", job=job.name, outcome="failed")

    with pytest.raises(RuntimeError, match="the job broke"):
        await run_recorded(sessions, job, now=NOW)

    assert _sample("remotegpu_job_runs_total", job=job.name, outcome="failed") == failed + 1
    assert _sample("remotegpu_job_runs_total", job=job.name, outcome="succeeded") == 0
    assert _sample("remotegpu_job_rows_touched_total", job=job.name) == 0
    assert _sample("remotegpu_jobs_running", job=job.name) == 0
