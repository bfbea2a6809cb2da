"""Filters and orderings of the `metrics` area (newest sample first, always)."""

from __future__ import annotations

import strawberry
from sqlalchemy import DateTime, column

from remotegpu.db.models import EnvironmentMetric, GpuMetric, HostMetric
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    KeyFilter,
)
from remotegpu.schema.inputs.filters import Where, filter_on

# `MetricWhere` is shared by the three metric tables, which all name the column `collected_at`:
# an unqualified column resolves to whichever metric table the statement reads.
_COLLECTED_AT = column("collected_at", DateTime(timezone=True))

METRIC_ORDERINGS_HOST = Ordering(
    "collected", (HostMetric.collected_at, HostMetric.id), descending=True
)
METRIC_ORDERINGS_GPU = Ordering(
    "collected", (GpuMetric.collected_at, GpuMetric.id), descending=True
)
METRIC_ORDERINGS_ENV = Ordering(
    "collected", (EnvironmentMetric.collected_at, EnvironmentMetric.id), descending=True
)


@strawberry.input(description="Filter samples of one owner (host, GPU or environment).")
class MetricWhere(Where):
    collected_at: DateTimeFilter | None = filter_on(
        _COLLECTED_AT, "Sample time range (collected_at)."
    )


@strawberry.input(description="Filter host samples; non-admins must name the host.")
class HostMetricWhere(Where):
    host_id: KeyFilter | None = filter_on(HostMetric.host_id, "hosts.id")
    collected_at: DateTimeFilter | None = filter_on(HostMetric.collected_at, "Sample time range.")


@strawberry.input(description="Filter GPU samples; non-admins must name the GPU or host.")
class GpuMetricWhere(Where):
    gpu_id: KeyFilter | None = filter_on(GpuMetric.gpu_id, "gpus.id")
    host_id: KeyFilter | None = filter_on(GpuMetric.host_id, "hosts.id")
    collected_at: DateTimeFilter | None = filter_on(GpuMetric.collected_at, "Sample time range.")


@strawberry.input(description="Filter environment samples; non-admins must name the environment.")
class EnvironmentMetricWhere(Where):
    env_id: KeyFilter | None = filter_on(EnvironmentMetric.env_id, "environments.id")
    collected_at: DateTimeFilter | None = filter_on(
        EnvironmentMetric.collected_at, "Sample time range."
    )
