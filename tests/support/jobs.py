"""Jobs made for tests: a marker job that counts its runs in system_configs, one that writes
and then fails, the schedule that never fires (tests enqueue by hand), and worker options that
pick a dead worker's job again within seconds."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.jobs.engine import WorkerOptions
from remotegpu.jobs.registry import RecurringJob

MARKER_SQL = (
    "INSERT INTO system_configs (config_key, config_value, config_type)"
    " VALUES ('test.marker', '1', 'integer')"
    " ON CONFLICT (config_key) DO UPDATE SET config_value ="
    " (system_configs.config_value::int + 1)::text"
)
# Short enough that a killed worker's job is picked again within seconds.
FAST_REPICK = WorkerOptions(
    heartbeat_timeout=timedelta(seconds=2), poll_interval=timedelta(milliseconds=500)
)
NEVER = "0 0 1 1 *"  # the schedule must not fire during a test: jobs are enqueued by hand


async def touch_marker(session: AsyncSession, now: datetime) -> int:
    await session.execute(text(MARKER_SQL))
    return 1


async def fail_after_writing(session: AsyncSession, now: datetime) -> int:
    await session.execute(text(MARKER_SQL))
    raise RuntimeError("the disk is on fire")


MARKER = RecurringJob("test.marker", NEVER, touch_marker)
FAILING = RecurringJob("test.failing", NEVER, fail_after_writing)
