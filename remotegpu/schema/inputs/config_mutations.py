"""Inputs of the settings mutation (`systemConfigSet`)."""

from __future__ import annotations

import strawberry

from remotegpu.schema.enums import ConfigType
from remotegpu.schema.inputs.fields import optional


@strawberry.input(description="Create or change one platform setting (system_configs row).")
class SystemConfigSetInput:
    key: str = strawberry.field(
        description="config_key (1 to 128 characters: lowercase letters, digits, _ . -)."
    )
    value: str = strawberry.field(
        description="New value as text, checked against the type: INTEGER a whole number, "
        "BOOLEAN true/false, JSON a JSON document, STRING anything (at most 10000 characters). "
        "Port ranges must stay 1..65535 with start < end and must not overlap each other."
    )
    config_type: ConfigType | None = optional(
        "Type of the value: required for a new key; for an existing key it may be "
        "omitted and otherwise must equal the stored type.",
    )
    description: str | None = optional("What the setting does; omitted = unchanged.")
    is_public: bool | None = optional(
        "Readable without admin rights; omitted = unchanged (false for a new key)."
    )
