"""Metric series of one host, GPU or environment: time buckets in one SQL statement.

    series = await load_series(env, SeriesRequest(ENVIRONMENT, env_id, "hour", start, end, metrics))

The statement reads the cheapest source that is complete for each part of the range and merges
them in one UNION ALL:
- MINUTE buckets: raw samples (kept 7 days);
- HOUR buckets: hourly roll-ups before the hourly job's watermark, raw samples after it (the
  hours not rolled up yet);
- DAY buckets: daily roll-ups before the daily watermark, then hourly roll-ups, then raw.
Every part yields (bucket, sample count, min/max/avg per metric) at its own granularity; the
outer query re-buckets them: min of mins, max of maxes, mean of means weighted by sample count.
The watermarks are read inside the statement, so a roll-up committing meanwhile cannot make a
bucket count twice or vanish.

Visibility follows the loaders' rules for samples (loaders/metrics.py): host series for admins
and the host's agent only; GPU series for the GPUs the viewer sees (customers: GPUs allocated to
their environments); environment series for the environments it sees. A series the viewer may
not read is None (no statement runs for hosts; GPUs and environments carry an EXISTS check).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Double,
    Select,
    cast,
    exists,
    func,
    literal,
    select,
    true,
    union_all,
)

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Environment, Gpu, JobWatermark
from remotegpu.db.models.base import Base
from remotegpu.db.models.metric_rollups import GPU, HOST, ROLLUP_TABLES, RollupSubject
from remotegpu.loaders.base import LoaderEnv
from remotegpu.loaders.environments import visible_environments
from remotegpu.loaders.hosts import sees_host_inventory, visible_gpus
from remotegpu.loaders.paging import BadUserInputError

HOURLY_JOB = "metric_rollups_hourly"  # domain/metric_rollups.py (loaders do not import domain)
DAILY_JOB = "metric_rollups_daily"
BUCKET_WIDTH = {
    "minute": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
}


@dataclass(frozen=True)
class SeriesRequest:
    subject: RollupSubject
    key: str | int
    bucket: str  # minute, hour, day
    start: datetime
    end: datetime
    metrics: list[str]


@dataclass(frozen=True)
class Point:
    bucket_start: datetime
    count: int
    min: float | None
    max: float | None
    avg: float | None


def align(moment: datetime, bucket: str, *, up: bool = False) -> datetime:
    """`moment` floored (or ceiled) to the UTC bucket."""
    width = BUCKET_WIDTH[bucket]
    epoch = datetime(1970, 1, 1, tzinfo=moment.tzinfo)
    steps, rest = divmod(moment - epoch, width)
    return epoch + (steps + (1 if up and rest else 0)) * width


def check_request(request: SeriesRequest, max_buckets: int) -> tuple[datetime, datetime]:
    """The whole-bucket range [start, end); BAD_USER_INPUT for a reversed or too long range
    or a metric the subject does not carry."""
    if request.start.tzinfo is None or request.end.tzinfo is None:
        raise BadUserInputError("from and to need a time zone (e.g. 2026-01-01T00:00:00Z)")
    unknown = [m for m in request.metrics if m not in request.subject.metrics]
    if unknown:
        known = ", ".join(sorted(request.subject.metrics))
        raise BadUserInputError(
            f"{request.subject.name} series have no {', '.join(unknown)}; they have {known}"
        )
    start = align(request.start, request.bucket)
    end = align(request.end, request.bucket, up=True)
    if end <= start:
        raise BadUserInputError("to must be after from")
    buckets = (end - start) // BUCKET_WIDTH[request.bucket]
    if buckets > max_buckets:
        raise BadUserInputError(
            f"{buckets} buckets requested, at most {max_buckets}: narrow the range or use a "
            "wider bucket"
        )
    return start, end


def _allowed(viewer: Viewer, subject: RollupSubject, key: str | int) -> ColumnElement[bool] | None:
    """The SQL condition under which the viewer may read the subject's samples; None: never."""
    if subject is HOST:
        return true() if sees_host_inventory(viewer, str(key)) else None
    if subject is GPU:
        return exists(select(Gpu.id).where(Gpu.id == key, visible_gpus(viewer)))
    return exists(select(Environment.id).where(Environment.id == key, visible_environments(viewer)))


def _mark(job: str) -> ColumnElement[Any]:
    done = select(JobWatermark.done_until).where(JobWatermark.job == job).scalar_subquery()
    return func.coalesce(done, cast(literal("-infinity"), DateTime(timezone=True)))


def _raw_part(
    request: SeriesRequest, unit: str, low: Any, high: Any, allowed: ColumnElement[bool]
) -> Select[Any]:
    table = Base.metadata.tables[request.subject.raw_table]
    bucket = func.date_trunc(unit, table.c.collected_at, "UTC")
    columns: list[Any] = [bucket.label("b"), func.count().label("n")]
    for metric in request.metrics:
        value = cast(table.c[request.subject.metrics[metric]], Double)
        columns += [
            func.min(value).label(f"{metric}_min"),
            func.max(value).label(f"{metric}_max"),
            func.avg(value).label(f"{metric}_avg"),
        ]
    return (
        select(*columns)
        .where(
            table.c[request.subject.key] == request.key,
            table.c.collected_at >= low,
            table.c.collected_at < high,
            allowed,
        )
        .group_by(bucket)
    )


def _rollup_part(
    request: SeriesRequest, granularity: str, low: Any, high: Any, allowed: ColumnElement[bool]
) -> Select[Any]:
    table = ROLLUP_TABLES[(request.subject.name, granularity)]
    columns: list[Any] = [table.c.bucket_start.label("b"), table.c.sample_count.label("n")]
    for metric in request.metrics:
        columns += [table.c[f"{metric}_{agg}"] for agg in ("min", "max", "avg")]
    return select(*columns).where(
        table.c[request.subject.key] == request.key,
        table.c.bucket_start >= low,
        table.c.bucket_start < high,
        allowed,
    )


def series_statement(
    request: SeriesRequest, start: datetime, end: datetime, allowed: ColumnElement[bool]
) -> Select[Any]:
    hourly, daily = _mark(HOURLY_JOB), _mark(DAILY_JOB)
    if request.bucket == "minute":
        parts = [_raw_part(request, "minute", start, end, allowed)]
    elif request.bucket == "hour":
        parts = [
            _rollup_part(request, "hourly", start, func.least(end, hourly), allowed),
            _raw_part(request, "hour", func.greatest(start, hourly), end, allowed),
        ]
    else:
        parts = [
            _rollup_part(request, "daily", start, func.least(end, daily), allowed),
            _rollup_part(
                request, "hourly", func.greatest(start, daily), func.least(end, hourly), allowed
            ),
            _raw_part(request, "hour", func.greatest(start, daily, hourly), end, allowed),
        ]
    merged = union_all(*parts).subquery("parts")
    bucket = func.date_trunc(request.bucket, merged.c.b, "UTC")
    columns: list[Any] = [bucket.label("bucket_start"), func.sum(merged.c.n).label("n")]
    for metric in request.metrics:
        avg, weight = merged.c[f"{metric}_avg"], merged.c.n
        carried = avg.is_not(None)
        columns += [
            func.min(merged.c[f"{metric}_min"]),
            func.max(merged.c[f"{metric}_max"]),
            func.sum(avg * weight).filter(carried)
            / func.nullif(func.sum(weight).filter(carried), 0),
        ]
    return select(*columns).group_by(bucket).order_by(bucket)


async def load_series(env: LoaderEnv, request: SeriesRequest) -> dict[str, list[Point]] | None:
    """Per requested metric its points, oldest first (buckets without samples are absent);
    None when the viewer may not read the subject's samples."""
    start, end = check_request(request, env.settings.metric_series_max_buckets)
    allowed = _allowed(env.viewer, request.subject, request.key)
    if allowed is None:
        return None
    async with env.sessions() as session:
        rows = (await session.execute(series_statement(request, start, end, allowed))).all()
    series: dict[str, list[Point]] = {metric: [] for metric in request.metrics}
    for row in rows:
        for index, metric in enumerate(request.metrics):
            low, high, mean = row[2 + 3 * index : 5 + 3 * index]
            series[metric].append(Point(row.bucket_start, int(row.n), low, high, mean))
    return series
