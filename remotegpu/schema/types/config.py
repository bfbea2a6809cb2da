"""Types of the `config` area: platform identity and liveness."""

from __future__ import annotations

import strawberry


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
