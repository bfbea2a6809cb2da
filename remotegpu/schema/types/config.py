"""Types of the `config` area: platform identity, liveness and system configs."""

from __future__ import annotations

from datetime import datetime

import strawberry

from remotegpu.db import models as m
from remotegpu.schema.enums import ConfigType
from remotegpu.schema.node import Node
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
