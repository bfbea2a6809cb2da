"""Loaders of the `config` area: system configs (public rows for everyone, all for admins)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, true

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import SystemConfig
from remotegpu.loaders.base import LoaderEnv, RowByKeyLoader


def visible_system_configs(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: every row. Everyone else, anonymous included: `is_public` rows only."""
    if viewer.is_admin and viewer.agent_host_id is None:
        return true()
    return SystemConfig.is_public.is_(True)


class ConfigLoaders:
    def __init__(self, env: LoaderEnv) -> None:
        c = visible_system_configs
        self.system_config_by_id = RowByKeyLoader(env, SystemConfig, SystemConfig.id, c)
        self.system_config_by_key = RowByKeyLoader(env, SystemConfig, SystemConfig.config_key, c)
