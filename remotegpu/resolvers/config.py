"""Root fields of the `config` area."""

from __future__ import annotations

import time
from typing import Annotated

import strawberry
from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from remotegpu import __version__
from remotegpu.context import Context
from remotegpu.db.models import SystemConfig
from remotegpu.loaders.config import visible_system_configs
from remotegpu.schema.inputs.config import (
    SYSTEM_CONFIG_ORDERINGS,
    SystemConfigOrder,
    SystemConfigWhere,
)
from remotegpu.schema.relations import root_connection_field, root_lookup
from remotegpu.schema.types.config import Health, SystemInfo
from remotegpu.schema.types.config import SystemConfig as SystemConfigType

_PUBLIC_IDENTITY_KEYS = ("system_name", "system_version")


_CONFIG_KEY = Annotated[
    str, strawberry.argument(description="The configuration key (natural key), e.g. system_name.")
]


@strawberry.type
class ConfigQuery:
    @strawberry.field(description="Platform name and version; readable without logging in.")
    async def system_info(self, info: strawberry.Info[Context, None]) -> SystemInfo:
        stmt = select(SystemConfig.config_key, SystemConfig.config_value).where(
            SystemConfig.is_public.is_(True), SystemConfig.config_key.in_(_PUBLIC_IDENTITY_KEYS)
        )
        async with info.context.sessions() as session:
            values = {key: value for key, value in (await session.execute(stmt)).all()}
        return SystemInfo(
            name=values.get("system_name", "RemoteGPU"),
            version=values.get("system_version", __version__),
            api_version=__version__,
        )

    @strawberry.field(description="Whether the API can reach its database right now.")
    async def health(self, info: strawberry.Info[Context, None]) -> Health:
        started = time.perf_counter()
        try:
            async with info.context.sessions() as session:
                await session.execute(text("SELECT 1"))
        except (SQLAlchemyError, OSError):
            return Health(ok=False, database_latency_ms=None)
        return Health(ok=True, database_latency_ms=(time.perf_counter() - started) * 1000)

    system_configs = root_connection_field(
        SystemConfigType,
        SystemConfig,
        visible_system_configs,
        SYSTEM_CONFIG_ORDERINGS,
        SystemConfigWhere,
        default=SystemConfigOrder.KEY_ASC,
        description="System configs (admins: all; everyone else, anonymous included: public).",
    )

    system_config = root_lookup(
        SystemConfigType,
        "config.system_config_by_key",
        "key",
        _CONFIG_KEY,
        description="One system config by its key, if visible.",
        compiled=False,
    )
