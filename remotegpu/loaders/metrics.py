"""Loaders of the `metrics` area: host, GPU and environment samples, scoped to the viewer.

The metric tables hold a week of samples per owner, so a page of one owner's samples must
stop after `limit + 1` rows instead of numbering every sample of every owner. The generic
`PageByParentLoader` numbers rows with a window function over all samples of the requested
owners; `LateralPageByParentLoader` instead runs one `LATERAL (... ORDER BY ... LIMIT n + 1)`
per owner inside a single statement, which walks the `(owner, collected_at DESC)` index and
stops early.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, bindparam, false, func, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Environment, EnvironmentMetric, Gpu, GpuMetric, HostMetric
from remotegpu.loaders.base import (
    CountByParentLoader,
    LoaderEnv,
    PageByParentLoader,
    RowByKeyLoader,
    RowT,
    _array_type,
)
from remotegpu.loaders.environments import visible_environments
from remotegpu.loaders.hosts import visible_gpus
from remotegpu.loaders.paging import Ordering, PageRequest


def _is_admin(viewer: Viewer) -> bool:
    return viewer.is_admin and viewer.agent_host_id is None


def visible_host_metrics(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all. Agents: their host's samples. Customers: none (host inventory)."""
    if viewer.agent_host_id is not None:
        return HostMetric.host_id == viewer.agent_host_id
    if viewer.is_admin:
        return true()
    return false()


def visible_gpu_metrics(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all. Agents: their host's GPUs. Customers: GPUs held by their environments."""
    if viewer.agent_host_id is not None:
        return GpuMetric.host_id == viewer.agent_host_id
    if viewer.is_admin:
        return true()
    if viewer.customer_id is None:
        return false()
    return GpuMetric.gpu_id.in_(select(Gpu.id).where(visible_gpus(viewer)).scalar_subquery())


def visible_environment_metrics(viewer: Viewer) -> ColumnElement[bool]:
    """Samples of the environments the viewer may see."""
    if _is_admin(viewer):
        return true()
    if viewer.agent_host_id is None and viewer.customer_id is None:
        return false()
    return EnvironmentMetric.env_id.in_(
        select(Environment.id).where(visible_environments(viewer)).scalar_subquery()
    )


class LateralPageByParentLoader(PageByParentLoader[RowT]):
    """`PageByParentLoader` that reads at most `limit + 1` rows per parent (LATERAL + LIMIT).

    Same interface and batching; one statement per tree level:
    `SELECT m.* FROM unnest($keys) WITH ORDINALITY AS p(key, n)
     CROSS JOIN LATERAL (SELECT ... WHERE parent = p.key ... ORDER BY ... LIMIT n + 1) m`.
    """

    async def _fetch(
        self,
        session: AsyncSession,
        request: PageRequest,
        ordering: Ordering,
        conditions: list[ColumnElement[bool]],
        parents: list[Any],
    ) -> dict[Any, list[RowT]]:
        if request.limit == 0 or not parents:
            return {}
        keys = bindparam("keys", value=list(parents), type_=_array_type(self.parent))
        parent_table = (
            func.unnest(keys).table_valued("key", with_ordinality="n").render_derived("p")
        )
        inner = (
            select(self.model)
            .where(
                self.parent == parent_table.c.key,
                self.visible(self.env.viewer),
                *conditions,
            )
            .order_by(*ordering.sort_clause(reverse=request.backward))
            .limit(request.limit + 1)
            .lateral("m")
        )
        row = aliased(self.model, inner)
        down = ordering.descending != request.backward
        sort = [inner.c[c.key].desc() if down else inner.c[c.key].asc() for c in ordering.columns]
        stmt = (
            select(row)
            .select_from(parent_table)
            .join(inner, true())
            .order_by(parent_table.c.n, *sort)
        )
        grouped: dict[Any, list[RowT]] = {}
        for item in (await session.scalars(stmt)).all():
            grouped.setdefault(getattr(item, self.parent.key), []).append(item)
        return grouped


class MetricsLoaders:
    def __init__(self, env: LoaderEnv) -> None:
        h, g, e = visible_host_metrics, visible_gpu_metrics, visible_environment_metrics
        self.host_metric_by_id = RowByKeyLoader(env, HostMetric, HostMetric.id, h)
        self.host_metrics_page_by_host_id = LateralPageByParentLoader(
            env, HostMetric, HostMetric.host_id, h
        )
        self.host_metrics_count_by_host_id = CountByParentLoader(
            env, HostMetric, HostMetric.host_id, h
        )
        self.gpu_metric_by_id = RowByKeyLoader(env, GpuMetric, GpuMetric.id, g)
        self.gpu_metrics_page_by_gpu_id = LateralPageByParentLoader(
            env, GpuMetric, GpuMetric.gpu_id, g
        )
        self.gpu_metrics_count_by_gpu_id = CountByParentLoader(env, GpuMetric, GpuMetric.gpu_id, g)
        self.gpu_metrics_page_by_host_id = LateralPageByParentLoader(
            env, GpuMetric, GpuMetric.host_id, g
        )
        self.gpu_metrics_count_by_host_id = CountByParentLoader(
            env, GpuMetric, GpuMetric.host_id, g
        )
        self.environment_metric_by_id = RowByKeyLoader(
            env, EnvironmentMetric, EnvironmentMetric.id, e
        )
        self.environment_metrics_page_by_env_id = LateralPageByParentLoader(
            env, EnvironmentMetric, EnvironmentMetric.env_id, e
        )
        self.environment_metrics_count_by_env_id = CountByParentLoader(
            env, EnvironmentMetric, EnvironmentMetric.env_id, e
        )
