"""Mutations of the `config` area: platform settings (admins only)."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.domain import settings_admin
from remotegpu.resolvers.mutate import Reload, mutate
from remotegpu.schema.inputs.config_mutations import SystemConfigSetInput
from remotegpu.schema.inputs.drafts import to_draft
from remotegpu.schema.types.config import SystemConfig
from remotegpu.schema.types.config_payloads import SystemConfigSetPayload

Info = strawberry.Info[Context, None]

CONFIG = Reload(lambda loaders: loaders.config.system_config_by_id, SystemConfig.from_row)


@strawberry.type
class ConfigMutation:
    @strawberry.mutation(
        description="Create or change a platform setting (admins only). The value is checked "
        "against its type and against the settings it depends on (port ranges: 1..65535, "
        "start < end, no overlaps; active ports stay inside their range)."
    )
    async def system_config_set(
        self, info: Info, input: SystemConfigSetInput
    ) -> SystemConfigSetPayload:
        change = to_draft(settings_admin.ConfigChange, input)
        # A setting is named by its key, in the audit log as in the API.
        return await mutate(
            info,
            "system_config.set",
            lambda session, viewer: settings_admin.set_config(session, viewer, change),
            SystemConfigSetPayload,
            resource_id=input.key[:128],
            audit_id=lambda row: row.config_key,
            system_config=CONFIG,
        )
