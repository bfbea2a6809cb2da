"""Loaders of the `metrics` area: host, GPU and environment samples, scoped to the viewer.

The metric tables hold a week of samples per owner, so a page of one owner's samples must
stop after `limit + 1` rows instead of numbering every sample of every owner. The generic
`PageByParentLoader` numbers rows with a window function over all samples of the requested
owners; `LateralPageByParentLoader` instead runs one `LATERAL (... ORDER BY ... LIMIT n + 1)`
per owner inside a single statement, which walks the `(owner, collected_at DESC)` index and
stops early.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, select

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Environment, EnvironmentMetric, Gpu, GpuMetric, HostMetric
from remotegpu.loaders.area import AreaLoaders, Rows
from remotegpu.loaders.base import LateralPageByParentLoader
from remotegpu.loaders.environments import visible_environments
from remotegpu.loaders.hosts import visible_gpus
from remotegpu.loaders.scopes import host_scope, of_visible_parents


def visible_host_metrics(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all. Agents: their host's samples. Customers: none (host inventory)."""
    return host_scope(viewer, HostMetric.host_id, lambda _: false())


def visible_gpu_metrics(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all. Agents: their host's GPUs. Customers: GPUs held by their environments."""
    return host_scope(
        viewer,
        GpuMetric.host_id,
        lambda _: GpuMetric.gpu_id.in_(
            select(Gpu.id).where(visible_gpus(viewer)).scalar_subquery()
        ),
    )


# Samples of the environments the viewer may see.
visible_environment_metrics = of_visible_parents(
    EnvironmentMetric.env_id, Environment.id, visible_environments
)

host_metrics = Rows(HostMetric, visible_host_metrics)
gpu_metrics = Rows(GpuMetric, visible_gpu_metrics)
environment_metrics = Rows(EnvironmentMetric, visible_environment_metrics)
LATERAL = LateralPageByParentLoader


class MetricsLoaders(AreaLoaders):
    host_metric_by_id = host_metrics.by(HostMetric.id)
    host_metrics_page_by_host_id = host_metrics.pages_by(HostMetric.host_id, LATERAL)
    host_metrics_count_by_host_id = host_metrics.counts_by(HostMetric.host_id)
    gpu_metric_by_id = gpu_metrics.by(GpuMetric.id)
    gpu_metrics_page_by_gpu_id = gpu_metrics.pages_by(GpuMetric.gpu_id, LATERAL)
    gpu_metrics_count_by_gpu_id = gpu_metrics.counts_by(GpuMetric.gpu_id)
    gpu_metrics_page_by_host_id = gpu_metrics.pages_by(GpuMetric.host_id, LATERAL)
    gpu_metrics_count_by_host_id = gpu_metrics.counts_by(GpuMetric.host_id)
    environment_metric_by_id = environment_metrics.by(EnvironmentMetric.id)
    environment_metrics_page_by_env_id = environment_metrics.pages_by(
        EnvironmentMetric.env_id, LATERAL
    )
    environment_metrics_count_by_env_id = environment_metrics.counts_by(EnvironmentMetric.env_id)
