"""Loaders of the `config` area: system configs (public rows for everyone, all for admins)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, true

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import SystemConfig
from remotegpu.loaders.area import AreaLoaders, Rows


def visible_system_configs(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: every row. Everyone else, anonymous included: `is_public` rows only."""
    if viewer.is_admin and viewer.agent_host_id is None:
        return true()
    return SystemConfig.is_public.is_(True)


configs = Rows(SystemConfig, visible_system_configs)


class ConfigLoaders(AreaLoaders):
    system_config_by_id = configs.by(SystemConfig.id)
    system_config_by_key = configs.by(SystemConfig.config_key)
