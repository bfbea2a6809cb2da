"""Payloads of the settings mutation."""

from __future__ import annotations

import strawberry

from remotegpu.schema.types.config import SystemConfig
from remotegpu.schema.types.payload import Payload, payload


@payload(
    "Result of `systemConfigSet`.", errors="Why the setting was not changed; empty on success."
)
class SystemConfigSetPayload(Payload):
    system_config: SystemConfig | None = strawberry.field(
        default=None, description="The setting after the change."
    )
