"""Root fields of the `config` area."""

from __future__ import annotations

import time

import strawberry
from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from remotegpu import __version__
from remotegpu.context import Context
from remotegpu.db.models import SystemConfig
from remotegpu.schema.types.config import Health, SystemInfo

_PUBLIC_IDENTITY_KEYS = ("system_name", "system_version")


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
