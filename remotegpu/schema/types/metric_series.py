"""`metricSeries` of hosts, GPUs and environments: time buckets of min / max / avg / count.

The field is declared once here and attached to Host, Gpu and Environment with the subject and
key of each; loaders/metric_series.py builds the single statement and applies visibility.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

import strawberry

from remotegpu.context import Context
from remotegpu.db.models.metric_rollups import RollupSubject
from remotegpu.loaders.metric_series import Point, SeriesRequest, load_series
from remotegpu.schema.inputs.alerts_mutations import AlertMetricType

Info = strawberry.Info[Context, None]

SERIES_DESCRIPTION = (
    "Samples of the given metrics in time buckets over [from, to) (widened to whole buckets, "
    "UTC): MINUTE from the raw samples (kept 7 days), HOUR from the hourly roll-ups (90 days) "
    "plus raw samples not rolled up yet, DAY from the daily roll-ups (1 year) plus newer hourly "
    "and raw data. At most REMOTEGPU_METRIC_SERIES_MAX_BUCKETS buckets per call "
    "(BAD_USER_INPUT beyond). Buckets without samples are left out."
)


@strawberry.enum(description="Width of the time buckets of a metric series.")
class MetricBucket(StrEnum):
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"


@strawberry.type(description="One time bucket of a metric series.")
class MetricPoint:
    bucket_start: datetime = strawberry.field(description="Start of the bucket (UTC).")
    count: int = strawberry.field(description="Number of samples in the bucket.")
    min: float | None = strawberry.field(description="Smallest value (null: none reported).")
    max: float | None = strawberry.field(description="Largest value (null: none reported).")
    avg: float | None = strawberry.field(description="Mean value (null: none reported).")

    @classmethod
    def of(cls, point: Point) -> MetricPoint:
        return cls(
            bucket_start=point.bucket_start,
            count=point.count,
            min=point.min,
            max=point.max,
            avg=point.avg,
        )


@strawberry.type(description="The buckets of one metric of one host, GPU or environment.")
class MetricSeries:
    metric: AlertMetricType = strawberry.field(description="The metric (alert vocabulary).")
    points: list[MetricPoint] = strawberry.field(description="Buckets, oldest first.")


async def resolve_series(
    info: Info,
    subject: RollupSubject,
    key: str | int,
    bucket: MetricBucket,
    start: datetime,
    end: datetime,
    metrics: list[AlertMetricType],
) -> list[MetricSeries] | None:
    wanted = list(dict.fromkeys(m.value for m in metrics))  # each metric once, in order
    request = SeriesRequest(subject, key, bucket.value, start, end, wanted)
    series = await load_series(info.context.env, request)
    if series is None:
        return None
    return [
        MetricSeries(metric=AlertMetricType(metric), points=[MetricPoint.of(p) for p in points])
        for metric, points in series.items()
    ]


def metric_series_field(subject: RollupSubject, who_reads: str) -> Any:
    """The `metricSeries` field of one subject type (the parent's `row_id` is its key)."""

    async def metric_series(
        root: Any,
        info: Info,
        bucket: Annotated[MetricBucket, strawberry.argument(description="Width of the buckets.")],
        from_: Annotated[datetime, strawberry.argument(name="from", description="Start (UTC).")],
        to: Annotated[datetime, strawberry.argument(description="End, exclusive (UTC).")],
        metrics: Annotated[
            list[AlertMetricType], strawberry.argument(description="The metrics wanted.")
        ],
    ) -> list[MetricSeries] | None:
        return await resolve_series(info, subject, root.row_id, bucket, from_, to, metrics)

    return strawberry.field(resolver=metric_series, description=f"{SERIES_DESCRIPTION} {who_reads}")
