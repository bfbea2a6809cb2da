"""Loaders of the `hosts` area: hosts and their GPUs, scoped to the viewer."""

from __future__ import annotations

from sqlalchemy import ColumnElement, select

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Environment, Gpu, Host
from remotegpu.loaders.area import AreaLoaders, Rows
from remotegpu.loaders.scopes import host_scope

# Environments that hold or held a host's resources for their owner; deleted ones no longer
# give their owner a view of the host.
_LIVE_ENV_STATUSES = ("creating", "running", "stopped", "error", "deleting")


def visible_hosts(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: every host. Agents: their own. Customers: hosts their environments run on."""
    return host_scope(
        viewer,
        Host.id,
        lambda customer_id: Host.id.in_(
            select(Environment.host_id).where(
                Environment.user_id == customer_id, Environment.status.in_(_LIVE_ENV_STATUSES)
            )
        ),
    )


def visible_gpus(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: every GPU. Agents: their host's. Customers: GPUs held by their environments."""
    return host_scope(
        viewer,
        Gpu.host_id,
        lambda customer_id: Gpu.allocated_to.in_(
            select(Environment.id).where(Environment.user_id == customer_id)
        ),
    )


def sees_host_inventory(viewer: Viewer, host_id: str) -> bool:
    """IP addresses, labels and counters are for admins and the host's own agent."""
    if viewer.agent_host_id is not None:
        return viewer.agent_host_id == host_id
    return viewer.is_admin


gpus = Rows(Gpu, visible_gpus)


class HostsLoaders(AreaLoaders):
    host_by_id = Rows(Host, visible_hosts).by(Host.id)
    gpu_by_id = gpus.by(Gpu.id)
    gpus_page_by_host_id = gpus.pages_by(Gpu.host_id)
    gpus_count_by_host_id = gpus.counts_by(Gpu.host_id)
    gpus_page_by_allocated_to = gpus.pages_by(Gpu.allocated_to)
    gpus_count_by_allocated_to = gpus.counts_by(Gpu.allocated_to)
