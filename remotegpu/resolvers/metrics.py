"""Root fields of the `metrics` area: samples of hosts, GPUs and environments.

The metric tables are large (a week of samples per owner), so a root connection must be
narrowed to owners (`where.hostId` / `gpuId` / `envId`) unless the viewer is an admin; with an
owner filter every page walks the `(owner, collected_at DESC)` index.
"""

from __future__ import annotations

from typing import Any

import strawberry

from remotegpu.auth.viewer import Viewer
from remotegpu.context import Context
from remotegpu.db.models import EnvironmentMetric as EnvironmentMetricRow
from remotegpu.db.models import GpuMetric as GpuMetricRow
from remotegpu.db.models import HostMetric as HostMetricRow
from remotegpu.loaders.metrics import (
    visible_environment_metrics,
    visible_gpu_metrics,
    visible_host_metrics,
)
from remotegpu.loaders.paging import BadUserInputError
from remotegpu.schema.connections import root_connection
from remotegpu.schema.inputs.common import KeyFilter
from remotegpu.schema.inputs.metrics import (
    METRIC_ORDERINGS_ENV,
    METRIC_ORDERINGS_GPU,
    METRIC_ORDERINGS_HOST,
    EnvironmentMetricWhere,
    GpuMetricWhere,
    HostMetricWhere,
)
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.metrics import EnvironmentMetric, GpuMetric, HostMetric

Info = strawberry.Info[Context, None]


def _names_owner(*filters: KeyFilter | None) -> bool:
    return any(f is not None and (f.eq is not None or f.in_ is not None) for f in filters)


def _require_owner(viewer: Viewer, where: Any, *names: str) -> None:
    """Non-admins must name the owners (eq/in on one of `names`) of the samples they want."""
    if viewer.is_admin and viewer.agent_host_id is None:
        return
    if where is None or not _names_owner(*(getattr(where, n) for n in names)):
        fields = " or ".join("where." + _CAMEL[n] for n in names)
        raise BadUserInputError(f"narrow the samples with {fields} (eq or in)")


_CAMEL = {"host_id": "hostId", "gpu_id": "gpuId", "env_id": "envId"}


@strawberry.type
class MetricsQuery:
    @strawberry.field(
        description="Host samples, newest first (admins: all; agents: their host's; customers: "
        "none). Non-admins must filter on where.hostId."
    )
    async def host_metrics(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: HostMetricWhere | None = None,
    ) -> Connection[HostMetric]:
        _require_owner(info.context.viewer, where, "host_id")
        return await root_connection(
            info.context,
            HostMetricRow,
            visible_host_metrics,
            HostMetric.from_row,
            METRIC_ORDERINGS_HOST,
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(
        description="GPU samples, newest first (admins: all; agents: their host's GPUs; "
        "customers: GPUs held by their environments). Non-admins must filter on where.gpuId or "
        "where.hostId."
    )
    async def gpu_metrics(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: GpuMetricWhere | None = None,
    ) -> Connection[GpuMetric]:
        _require_owner(info.context.viewer, where, "gpu_id", "host_id")
        return await root_connection(
            info.context,
            GpuMetricRow,
            visible_gpu_metrics,
            GpuMetric.from_row,
            METRIC_ORDERINGS_GPU,
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(
        description="Environment samples, newest first, of environments the viewer may see. "
        "Non-admins must filter on where.envId."
    )
    async def environment_metrics(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: EnvironmentMetricWhere | None = None,
    ) -> Connection[EnvironmentMetric]:
        _require_owner(info.context.viewer, where, "env_id")
        return await root_connection(
            info.context,
            EnvironmentMetricRow,
            visible_environment_metrics,
            EnvironmentMetric.from_row,
            METRIC_ORDERINGS_ENV,
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )
