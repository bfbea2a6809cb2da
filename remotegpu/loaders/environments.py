"""Loaders of the `environments` area: environments and port mappings, scoped to the viewer."""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Environment, PortMapping
from remotegpu.loaders.area import AreaLoaders, Rows
from remotegpu.loaders.scopes import host_scope, of_visible_parents, workspace_ids_of


def visible_environments(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: every environment. Agents: those on their host. Customers: their own and those
    of the workspaces they are active members of."""
    return host_scope(
        viewer,
        Environment.host_id,
        lambda customer_id: or_(
            Environment.user_id == customer_id,
            Environment.workspace_id.in_(workspace_ids_of(customer_id)),
        ),
    )


# The port mappings of the environments the viewer may see.
visible_port_mappings = of_visible_parents(PortMapping.env_id, Environment.id, visible_environments)

environments = Rows(Environment, visible_environments)
port_mappings = Rows(PortMapping, visible_port_mappings)


class EnvironmentsLoaders(AreaLoaders):
    environment_by_id = environments.by(Environment.id)
    environments_page_by_user_id = environments.pages_by(Environment.user_id)
    environments_count_by_user_id = environments.counts_by(Environment.user_id)
    environments_page_by_host_id = environments.pages_by(Environment.host_id)
    environments_count_by_host_id = environments.counts_by(Environment.host_id)
    environments_page_by_image = environments.pages_by(Environment.image)
    environments_count_by_image = environments.counts_by(Environment.image)
    port_mapping_by_id = port_mappings.by(PortMapping.id)
    port_mappings_page_by_env_id = port_mappings.pages_by(PortMapping.env_id)
    port_mappings_count_by_env_id = port_mappings.counts_by(PortMapping.env_id)
