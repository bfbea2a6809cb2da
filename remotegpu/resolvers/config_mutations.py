"""Mutations of the `config` area: platform settings (admins only)."""

from __future__ import annotations

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.context import Context
from remotegpu.domain import settings_admin
from remotegpu.resolvers.support import run_mutation
from remotegpu.schema.inputs.config_mutations import SystemConfigSetInput
from remotegpu.schema.types.config import SystemConfig
from remotegpu.schema.types.config_payloads import SystemConfigSetPayload

Info = strawberry.Info[Context, None]


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
        change = settings_admin.ConfigChange(
            key=input.key,
            value=input.value,
            config_type=None if input.config_type is None else input.config_type.value,
            description=input.description,
            is_public=input.is_public,
        )

        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await settings_admin.set_config(session, info.context.viewer, change)
            return row.id, row.config_key

        outcome = await run_mutation(
            info, "system_config.set", "system_config", work, resource_id=input.key[:128]
        )
        config = None
        if outcome.value is not None:
            row = await info.context.loaders.config.system_config_by_id.load(outcome.value)
            config = None if row is None else SystemConfig.from_row(row)
        return SystemConfigSetPayload(system_config=config, errors=outcome.errors)
