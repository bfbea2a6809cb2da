"""Time the periodic job functions on a seeded fleet: roll-ups, retention, alert evaluation.

    REMOTEGPU_DATA_DIR=/tmp/rollup-bench .venv/bin/remotegpu migrate
    REMOTEGPU_DATA_DIR=/tmp/rollup-bench .venv/bin/remotegpu seed --scale large --seed 42
    REMOTEGPU_DATA_DIR=/tmp/rollup-bench .venv/bin/python bench/rollups.py

The seed's clock stops at T0 = 2026-11-01 00:00 UTC with a week of samples before it. The
script runs, at controlled `now` values, the functions the scheduler will run:
1. rollup_hourly at T0 + 5 min: the first run, which rolls the whole week up;
2. rollup_hourly again at the same now (the idempotent re-run: nothing to write);
3. rollup_hourly at T0 + 1 h 5 min: a steady-state hourly run;
4. rollup_daily at T0 + 1 h 5 min: the first daily run (7 days from the hourly rows);
5. purge_expired_metrics at T0 + 1 day + 5 min: one day of raw samples expires;
6. evaluate_alert_rules at T0: every enabled seeded rule against the last samples;
7. meter_environments three hours after the status history starts (migration 25 records the
   state of every environment when it runs): three hours of the fleet's live environments.
Everything runs in one transaction that is rolled back at the end (pass --commit to keep the
result), so the benchmark can be repeated on the same seeded database. The engine has the
default settings, so every statement also has to finish within the default statement timeout
(REMOTEGPU_DB_STATEMENT_TIMEOUT_MS, 15 s), as it must in production.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from remotegpu.db.engine import create_engine, create_session_factory  # noqa: E402
from remotegpu.db.server import resolve_database_url  # noqa: E402
from remotegpu.domain.alert_evaluation import evaluate_alert_rules  # noqa: E402
from remotegpu.domain.job_watermarks import floor_hour  # noqa: E402
from remotegpu.domain.metering import meter_environments  # noqa: E402
from remotegpu.domain.metric_rollups import (  # noqa: E402
    purge_expired_metrics,
    rollup_daily,
    rollup_hourly,
)
from remotegpu.settings import Settings  # noqa: E402

T0 = datetime(2026, 11, 1, tzinfo=UTC)
MINUTES = timedelta(minutes=1)
Job = Callable[[AsyncSession, datetime], Awaitable[int]]

STEPS: list[tuple[str, Job, datetime]] = [
    ("rollup_hourly (first run: the week)", rollup_hourly, T0 + 5 * MINUTES),
    ("rollup_hourly (re-run, same now)", rollup_hourly, T0 + 5 * MINUTES),
    ("rollup_hourly (next hour)", rollup_hourly, T0 + 65 * MINUTES),
    ("rollup_daily (first run: 7 days)", rollup_daily, T0 + 65 * MINUTES),
    ("purge_expired_metrics (one day expires)", purge_expired_metrics, T0 + 1445 * MINUTES),
    ("evaluate_alert_rules", evaluate_alert_rules, T0),
]

COUNTS = """
SELECT (SELECT count(*) FROM host_metrics) + (SELECT count(*) FROM gpu_metrics)
       + (SELECT count(*) FROM environment_metrics) AS raw,
       (SELECT count(*) FROM host_metrics_hourly) + (SELECT count(*) FROM gpu_metrics_hourly)
       + (SELECT count(*) FROM environment_metrics_hourly) AS hourly,
       (SELECT count(*) FROM host_metrics_daily) + (SELECT count(*) FROM gpu_metrics_daily)
       + (SELECT count(*) FROM environment_metrics_daily) AS daily
"""


async def main(commit: bool) -> None:
    settings = Settings()
    engine = create_engine(await resolve_database_url(settings), settings)
    sessions = create_session_factory(engine)
    try:
        async with sessions() as session, session.begin():
            raw, hourly, daily = (await session.execute(text(COUNTS))).one()
            print(f"before: {raw:,} raw samples, {hourly:,} hourly rows, {daily:,} daily rows")
            print(f"{'step':<42} {'seconds':>8} {'rows':>10}")
            history_start = await session.scalar(
                text("SELECT min(changed_at) FROM environment_status_history")
            )
            metering_now = floor_hour(history_start) + timedelta(hours=3, minutes=5)
            steps = [*STEPS, ("meter_environments (3 hours)", meter_environments, metering_now)]
            for name, job, now in steps:
                started = time.perf_counter()
                rows = await job(session, now)
                await session.flush()
                print(f"{name:<42} {time.perf_counter() - started:8.1f} {rows:>10,}")
            raw, hourly, daily = (await session.execute(text(COUNTS))).one()
            print(f"after: {raw:,} raw samples, {hourly:,} hourly rows, {daily:,} daily rows")
            if not commit:
                await session.rollback()
    finally:
        await engine.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commit", action="store_true", help="keep the result")
    asyncio.run(main(parser.parse_args().commit))
