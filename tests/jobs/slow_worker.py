"""A worker process for test_engine: runs `test.marker` slowly, so the test can kill it mid-job.

python -m tests.jobs.slow_worker <database url>
"""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.jobs.process import worker_main
from remotegpu.jobs.registry import RecurringJob
from remotegpu.settings import Settings
from tests.support.jobs import FAST_REPICK, MARKER_SQL, NEVER


async def slow_marker(session: AsyncSession, now: datetime) -> int:
    await session.execute(text(MARKER_SQL))
    await asyncio.sleep(3600)  # killed long before
    return 1


async def main(url: str) -> None:
    jobs = (RecurringJob("test.marker", NEVER, slow_marker),)
    await worker_main(url, Settings(), asyncio.Event(), jobs, FAST_REPICK)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
