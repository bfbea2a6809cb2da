"""A worker process for test_engine: runs `test.marker` slowly, so the test can kill it mid-job.

python -m tests.jobs.slow_worker <database url>
"""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime, timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.jobs.engine import WorkerOptions
from remotegpu.jobs.process import worker_main
from remotegpu.jobs.registry import RecurringJob
from remotegpu.settings import Settings

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


async def slow_marker(session: AsyncSession, now: datetime) -> int:
    await session.execute(text(MARKER_SQL))
    await asyncio.sleep(3600)  # killed long before
    return 1


async def main(url: str) -> None:
    jobs = (RecurringJob("test.marker", NEVER, slow_marker),)
    await worker_main(url, Settings(), asyncio.Event(), jobs, FAST_REPICK)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
