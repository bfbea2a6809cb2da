"""Loaders of the `customers` area: customers and their resource quotas, scoped to the viewer.

A customer sees itself and the people it shares a workspace with (the active members of a
workspace it is an active member of, and those workspaces' owners); invited members have not
joined yet and stay hidden; soft-deleted customers are visible to admins only. Quotas are
private to their customer. Agents see none of this.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aiodataloader import DataLoader
from sqlalchemy import ColumnElement, func, or_, select

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Customer, Environment, ResourceQuota, Workspace, WorkspaceMember
from remotegpu.loaders.area import AreaLoaders, Declared, Rows
from remotegpu.loaders.base import LoaderEnv, _any
from remotegpu.loaders.scopes import customer_scope, own_only, workspace_ids_of

# Environments that hold resources right now (domain rules: quotas count these).
LIVE_ENV_STATUSES = ("creating", "running")


def _is_admin(viewer: Viewer) -> bool:
    return viewer.is_admin and viewer.agent_host_id is None


def _is_customer(viewer: Viewer) -> bool:
    return viewer.customer_id is not None and viewer.agent_host_id is None


def visible_customers(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all (soft-deleted too). Customers: themselves and the active members (and
    owners) of the workspaces they are active members of.

    The one rule for every path to a customer: the root connection, `customer(username)`,
    `node(id)` and every edge (member.customer, workspace.owner, ...) load through it. An
    invited customer has not joined yet: the workspace does not see it, nor it the workspace.
    """

    def shares_a_workspace(customer_id: int) -> ColumnElement[bool]:
        shared = workspace_ids_of(customer_id)
        return Customer.deleted_at.is_(None) & or_(
            Customer.id == customer_id,
            Customer.id.in_(
                select(WorkspaceMember.customer_id).where(
                    WorkspaceMember.workspace_id.in_(shared), WorkspaceMember.status == "active"
                )
            ),
            Customer.id.in_(select(Workspace.owner_id).where(Workspace.id.in_(shared))),
        )

    return customer_scope(viewer, shares_a_workspace)


def visible_resource_quotas(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all. Customers: their own quota. Agents and anonymous: none."""
    return own_only(viewer, ResourceQuota.user_id)


def sees_usage(viewer: Viewer, customer_id: int) -> bool:
    """A customer's current usage is for itself and admins."""
    return _is_admin(viewer) or (_is_customer(viewer) and viewer.customer_id == customer_id)


@dataclass(frozen=True)
class Usage:
    """Sums over a customer's live environments (status creating or running)."""

    environments: int = 0
    cpu: int = 0
    memory: int = 0
    gpu: int = 0
    storage: int = 0


class UsageByUserIdLoader(DataLoader):  # type: ignore[type-arg]
    """Current usage per customer: one `GROUP BY user_id` statement for all asked customers.

    The caller checks `sees_usage` first; this loader reads whatever it is asked for.
    """

    def __init__(self, env: LoaderEnv) -> None:
        super().__init__()
        self.env = env

    async def batch_load_fn(self, keys: Sequence[int]) -> list[Usage]:
        stmt = (
            select(
                Environment.user_id,
                func.count(),
                func.coalesce(func.sum(Environment.cpu), 0),
                func.coalesce(func.sum(Environment.memory), 0),
                func.coalesce(func.sum(Environment.gpu), 0),
                func.coalesce(func.sum(Environment.storage), 0),
            )
            .where(_any(Environment.user_id, keys), Environment.status.in_(LIVE_ENV_STATUSES))
            .group_by(Environment.user_id)
        )
        async with self.env.sessions() as session:
            rows = (await session.execute(stmt)).all()
        found = {
            user_id: Usage(
                int(n), int(cpu or 0), int(memory or 0), int(gpu or 0), int(storage or 0)
            )
            for user_id, n, cpu, memory, gpu, storage in rows
        }
        return [found.get(key, Usage()) for key in keys]


customers = Rows(Customer, visible_customers)
quotas = Rows(ResourceQuota, visible_resource_quotas)


class CustomersLoaders(AreaLoaders):
    customer_by_id = customers.by(Customer.id)
    customer_by_username = customers.by(Customer.username)
    resource_quota_by_id = quotas.by(ResourceQuota.id)
    resource_quota_by_user_id = quotas.by(ResourceQuota.user_id)
    resource_quotas_page_by_user_id = quotas.pages_by(ResourceQuota.user_id)
    resource_quotas_count_by_user_id = quotas.counts_by(ResourceQuota.user_id)
    usage_by_user_id = Declared(UsageByUserIdLoader)
