"""Filters and orderings of the `metrics` area (newest sample first, always)."""

from __future__ import annotations

import strawberry
from sqlalchemy import ColumnElement, DateTime, column

from remotegpu.db.models import EnvironmentMetric, GpuMetric, HostMetric
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    KeyFilter,
    datetime_conditions,
    key_conditions,
)

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
class MetricWhere:
    collected_at: DateTimeFilter | None = strawberry.field(
        default=None, description="Sample time range (collected_at)."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        # Shared by the three metric tables, which all name the column `collected_at`: an
        # unqualified column resolves to whichever metric table the statement reads.
        return datetime_conditions(_COLLECTED_AT, self.collected_at)


@strawberry.input(description="Filter host samples; non-admins must name the host.")
class HostMetricWhere:
    host_id: KeyFilter | None = strawberry.field(default=None, description="hosts.id")
    collected_at: DateTimeFilter | None = strawberry.field(
        default=None, description="Sample time range."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *key_conditions(HostMetric.host_id, self.host_id),
            *datetime_conditions(HostMetric.collected_at, self.collected_at),
        ]


@strawberry.input(description="Filter GPU samples; non-admins must name the GPU or host.")
class GpuMetricWhere:
    gpu_id: KeyFilter | None = strawberry.field(default=None, description="gpus.id")
    host_id: KeyFilter | None = strawberry.field(default=None, description="hosts.id")
    collected_at: DateTimeFilter | None = strawberry.field(
        default=None, description="Sample time range."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *key_conditions(GpuMetric.gpu_id, self.gpu_id, int),
            *key_conditions(GpuMetric.host_id, self.host_id),
            *datetime_conditions(GpuMetric.collected_at, self.collected_at),
        ]


@strawberry.input(description="Filter environment samples; non-admins must name the environment.")
class EnvironmentMetricWhere:
    env_id: KeyFilter | None = strawberry.field(default=None, description="environments.id")
    collected_at: DateTimeFilter | None = strawberry.field(
        default=None, description="Sample time range."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *key_conditions(EnvironmentMetric.env_id, self.env_id),
            *datetime_conditions(EnvironmentMetric.collected_at, self.collected_at),
        ]
