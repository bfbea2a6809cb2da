"""Payloads of the settings mutation."""

from __future__ import annotations

import strawberry

from remotegpu.schema.errors import UserError
from remotegpu.schema.types.config import SystemConfig


@strawberry.type(description="Result of `systemConfigSet`.")
class SystemConfigSetPayload:
    system_config: SystemConfig | None = strawberry.field(
        default=None, description="The setting after the change."
    )
    errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why the setting was not changed; empty on success."
    )
