"""Types of the `config` area: platform identity, liveness and system configs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.schema.enums import ConfigType
from remotegpu.schema.node import Node, register_node
from remotegpu.schema.types.base import col, from_row, table_doc


@strawberry.type(description="Public identity of the platform, from public system_configs.")
class SystemInfo:
    name: str = strawberry.field(description="Platform name (system_configs.system_name).")
    version: str = strawberry.field(description="Platform version (system_configs.system_version).")
    api_version: str = strawberry.field(description="Version of this API server build.")


@strawberry.type(description="Liveness of the API and its database, as seen by this request.")
class Health:
    ok: bool = strawberry.field(description="True when the database answered.")
    database_latency_ms: float | None = strawberry.field(
        description="Round trip of `SELECT 1` in milliseconds; null when it failed."
    )


C = "system_configs"


@strawberry.type(description=table_doc(C))
class SystemConfig(Node):
    row_id: int = col(C, "id")
    config_key: str = col(C, "config_key")
    config_value: str = col(C, "config_value")
    config_type: ConfigType = col(C, "config_type")
    description: str | None = col(C, "description")
    is_public: bool | None = col(C, "is_public")
    created_at: datetime | None = col(C, "created_at")
    updated_at: datetime | None = col(C, "updated_at")

    @classmethod
    def from_row(cls, row: m.SystemConfig) -> SystemConfig:
        return from_row(cls, row)


async def _system_configs_by_ids(ctx: Context, ids: Any) -> list[SystemConfig | None]:
    keys = [int(i) if str(i).isdigit() else None for i in ids]
    wanted = [k for k in keys if k is not None]
    loader = ctx.loaders.config.system_config_by_id
    rows = dict(zip(wanted, await loader.load_many(wanted), strict=True))
    return [
        None if k is None or (r := rows.get(k)) is None else SystemConfig.from_row(r) for k in keys
    ]


register_node("SystemConfig", _system_configs_by_ids)
