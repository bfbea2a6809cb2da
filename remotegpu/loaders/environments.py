"""Loaders of the `environments` area: environments and port mappings, scoped to the viewer."""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, or_, select, true

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Environment, PortMapping
from remotegpu.loaders.base import (
    CountByParentLoader,
    LoaderEnv,
    PageByParentLoader,
    RowByKeyLoader,
)
from remotegpu.loaders.scopes import workspace_ids_of


def visible_environments(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: every environment. Agents: those on their host. Customers: their own and those
    of the workspaces they are active members of."""
    if viewer.agent_host_id is not None:
        return Environment.host_id == viewer.agent_host_id
    if viewer.is_admin:
        return true()
    if viewer.customer_id is None:
        return false()
    return or_(
        Environment.user_id == viewer.customer_id,
        Environment.workspace_id.in_(workspace_ids_of(viewer.customer_id)),
    )


def visible_port_mappings(viewer: Viewer) -> ColumnElement[bool]:
    """The port mappings of the environments the viewer may see."""
    if viewer.agent_host_id is None and viewer.is_admin:
        return true()
    if viewer.agent_host_id is None and viewer.customer_id is None:
        return false()
    return PortMapping.env_id.in_(
        select(Environment.id).where(visible_environments(viewer)).scalar_subquery()
    )


class EnvironmentsLoaders:
    def __init__(self, env: LoaderEnv) -> None:
        e, pm = visible_environments, visible_port_mappings
        self.environment_by_id = RowByKeyLoader(env, Environment, Environment.id, e)
        self.environments_page_by_user_id = PageByParentLoader(
            env, Environment, Environment.user_id, e
        )
        self.environments_count_by_user_id = CountByParentLoader(
            env, Environment, Environment.user_id, e
        )
        self.environments_page_by_host_id = PageByParentLoader(
            env, Environment, Environment.host_id, e
        )
        self.environments_count_by_host_id = CountByParentLoader(
            env, Environment, Environment.host_id, e
        )
        self.environments_page_by_image = PageByParentLoader(env, Environment, Environment.image, e)
        self.environments_count_by_image = CountByParentLoader(
            env, Environment, Environment.image, e
        )
        self.port_mapping_by_id = RowByKeyLoader(env, PortMapping, PortMapping.id, pm)
        self.port_mappings_page_by_env_id = PageByParentLoader(
            env, PortMapping, PortMapping.env_id, pm
        )
        self.port_mappings_count_by_env_id = CountByParentLoader(
            env, PortMapping, PortMapping.env_id, pm
        )
