"""Hourly and daily metric roll-ups, and retention of raw samples and roll-ups.

    rolled = await rollup_hourly(session, now)   # every hour, a few minutes past
    rolled = await rollup_daily(session, now)    # every day, after the hourly run
    removed = await purge_expired_metrics(session, now)

Each runs in the caller's transaction, returns the rows it wrote or deleted, and is idempotent:
a bucket is recomputed from its sources with an upsert that only writes a row whose values
changed, so a second run for the same `now` touches nothing.

Incremental: a watermark (`job_watermarks`) remembers the end of the last complete bucket
rolled up; a run recomputes from one bucket before it (samples reported up to an hour late, and
hours rolled up after the day, still count) up to the last complete bucket before `now`. The
first run starts at the oldest raw sample (hourly) or hourly row (daily). A bucket is rolled up
only once it is over, so a row never describes half an hour.

Daily rows come from the hourly rows: min of mins, max of maxes, and the mean of the hourly
means weighted by their sample counts over the hours that carried the metric (exact when every
sample of an hour carries it, which agents do).

Retention (domain-rules.md): raw samples 7 days, hourly rows 90 days, daily rows 1 year. Raw
samples not yet rolled up and hourly rows not yet in a daily row are never removed, so a
stopped roll-up job loses no data (the tables grow until it runs again).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import CursorResult, Table, func, select, text, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.models.base import Base
from remotegpu.db.models.metric_rollups import (
    AGGREGATES,
    ROLLUP_TABLES,
    SUBJECTS,
    RollupSubject,
)
from remotegpu.domain.job_watermarks import (
    DAY,
    HOUR,
    advance,
    aware,
    floor_day,
    floor_hour,
    lock_job,
    watermark,
)

HOURLY_JOB = "metric_rollups_hourly"
DAILY_JOB = "metric_rollups_daily"
RAW_RETENTION = timedelta(days=7)
HOURLY_RETENTION = timedelta(days=90)
DAILY_RETENTION = timedelta(days=365)
# Hours of raw samples one statement rolls up (~3 s on the large demo fleet, see BENCHMARKS.md).
HOURLY_CHUNK = timedelta(hours=6)


def _metric_columns(subject: RollupSubject) -> list[str]:
    return [f"{metric}_{agg}" for metric in subject.metrics for agg in AGGREGATES]


def _upsert_tail(subject: RollupSubject, table: str) -> str:
    """ON CONFLICT clause that rewrites a bucket only when its values changed."""
    columns = ["sample_count", *_metric_columns(subject)]
    assignments = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns)
    current = ", ".join(f"{table}.{c}" for c in columns)
    incoming = ", ".join(f"EXCLUDED.{c}" for c in columns)
    return (
        f" ON CONFLICT ({subject.key}, bucket_start) DO UPDATE SET {assignments}"
        f" WHERE ({current}) IS DISTINCT FROM ({incoming})"
    )


def _hourly_sql(subject: RollupSubject) -> str:
    table = subject.table_name("hourly")
    aggregates = ", ".join(
        f"min({raw})::float8, max({raw})::float8, avg({raw})::float8"
        for raw in subject.metrics.values()
    )
    columns = ", ".join(_metric_columns(subject))
    return (
        f"INSERT INTO {table} ({subject.key}, bucket_start, sample_count, {columns})"
        f" SELECT {subject.key}, date_trunc('hour', collected_at, 'UTC'), count(*), {aggregates}"
        f" FROM {subject.raw_table}"
        " WHERE collected_at >= :start AND collected_at < :end"
        f" GROUP BY 1, 2" + _upsert_tail(subject, table)
    )


def _daily_sql(subject: RollupSubject) -> str:
    table = subject.table_name("daily")
    parts = []
    for metric in subject.metrics:
        avg, weight = f"{metric}_avg", "sample_count"
        parts.append(
            f"min({metric}_min), max({metric}_max),"
            f" sum({avg} * {weight}) / NULLIF(sum({weight}) FILTER (WHERE {avg} IS NOT NULL), 0)"
        )
    columns = ", ".join(_metric_columns(subject))
    return (
        f"INSERT INTO {table} ({subject.key}, bucket_start, sample_count, {columns})"
        f" SELECT {subject.key}, date_trunc('day', bucket_start, 'UTC'), sum(sample_count),"
        f" {', '.join(parts)}"
        f" FROM {subject.table_name('hourly')}"
        " WHERE bucket_start >= :start AND bucket_start < :end"
        " GROUP BY 1, 2" + _upsert_tail(subject, table)
    )


async def _oldest(session: AsyncSession, tables: list[Table], column: str) -> datetime | None:
    """The earliest `column` over the tables (one index probe each)."""
    firsts = union_all(*(select(func.min(t.c[column]).label("t")) for t in tables)).subquery()
    oldest: datetime | None = await session.scalar(select(func.min(firsts.c.t)))
    return oldest


def _raw_tables() -> list[Table]:
    return [Base.metadata.tables[s.raw_table] for s in SUBJECTS]


async def _run(
    session: AsyncSession, sql: list[str], start: datetime, end: datetime, chunk: timedelta
) -> int:
    """Each statement over [start, end) in windows of `chunk`, so that a long catch-up (the
    first run, or a run after an outage) is many bounded statements, none of which meets the
    statement timeout."""
    touched = 0
    window_start = start
    while window_start < end:
        window_end = min(window_start + chunk, end)
        for statement in sql:
            result = await session.execute(
                text(statement), {"start": window_start, "end": window_end}
            )
            assert isinstance(result, CursorResult)
            touched += result.rowcount
        window_start = window_end
    return touched


async def rollup_hourly(session: AsyncSession, now: datetime) -> int:
    """Roll the raw samples of every complete hour since the last run into the hourly tables."""
    end = floor_hour(now)
    done = await lock_job(session, HOURLY_JOB)
    if done is None:
        oldest = await _oldest(session, _raw_tables(), "collected_at")
        if oldest is None:
            return 0
        start = floor_hour(oldest)
    else:
        start = done - HOUR  # samples reported up to an hour late
    start = max(start, end - RAW_RETENTION - HOUR)
    if start >= end:
        return 0
    touched = await _run(session, [_hourly_sql(s) for s in SUBJECTS], start, end, HOURLY_CHUNK)
    await advance(session, HOURLY_JOB, end)
    return touched


async def rollup_daily(session: AsyncSession, now: datetime) -> int:
    """Roll the hourly rows of every complete day since the last run into the daily tables.
    A day is complete once the hourly roll-up has passed its end."""
    hourly_done = await watermark(session, HOURLY_JOB)
    if hourly_done is None:
        return 0
    end = floor_day(min(aware(now), hourly_done))
    done = await lock_job(session, DAILY_JOB)
    if done is None:
        hourly = [ROLLUP_TABLES[(s.name, "hourly")] for s in SUBJECTS]
        oldest = await _oldest(session, hourly, "bucket_start")
        if oldest is None:
            return 0
        start = floor_day(oldest)
    else:
        start = done - DAY  # hours rolled up late
    start = max(start, end - HOURLY_RETENTION)
    if start >= end:
        return 0
    touched = await _run(session, [_daily_sql(s) for s in SUBJECTS], start, end, DAY)
    await advance(session, DAILY_JOB, end)
    return touched


async def _delete_before(session: AsyncSession, table: str, column: str, cutoff: datetime) -> int:
    result = await session.execute(
        text(f"DELETE FROM {table} WHERE {column} < :cutoff"), {"cutoff": cutoff}
    )
    assert isinstance(result, CursorResult)
    return result.rowcount


async def purge_expired_metrics(session: AsyncSession, now: datetime) -> int:
    """Delete raw samples older than 7 days, hourly rows older than 90 days and daily rows older
    than a year; never anything the next roll-up still has to read."""
    now = aware(now)
    removed = 0
    hourly_done = await watermark(session, HOURLY_JOB)
    if hourly_done is not None:
        # The next hourly run re-reads the hour before its mark.
        cutoff = min(now - RAW_RETENTION, hourly_done - HOUR)
        for subject in SUBJECTS:
            removed += await _delete_before(session, subject.raw_table, "collected_at", cutoff)
    daily_done = await watermark(session, DAILY_JOB)
    if daily_done is not None:
        cutoff = min(now - HOURLY_RETENTION, daily_done - DAY)
        for subject in SUBJECTS:
            removed += await _delete_before(
                session, subject.table_name("hourly"), "bucket_start", cutoff
            )
    for subject in SUBJECTS:
        removed += await _delete_before(
            session, subject.table_name("daily"), "bucket_start", now - DAILY_RETENTION
        )
    return removed
