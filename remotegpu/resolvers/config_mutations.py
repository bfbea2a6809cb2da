"""Mutations of the `config` area: platform settings (admins only)."""

from __future__ import annotations

import strawberry

from remotegpu.domain import settings_admin
from remotegpu.resolvers.mutate import Reload, mutation
from remotegpu.schema.inputs.config_mutations import SystemConfigSetInput
from remotegpu.schema.inputs.drafts import to_draft
from remotegpu.schema.types.config import SystemConfig
from remotegpu.schema.types.config_payloads import SystemConfigSetPayload

CONFIG = Reload(lambda loaders: loaders.config.system_config_by_id, SystemConfig.from_row)


@strawberry.type
class ConfigMutation:
    # A setting is named by its key, in the audit log as in the API.
    system_config_set = mutation(
        "Create or change a platform setting (admins only). The value is checked against its "
        "type and against the settings it depends on (port ranges: 1..65535, start < end, no "
        "overlaps; active ports stay inside their range).",
        "system_config.set",
        SystemConfigSetInput,
        SystemConfigSetPayload,
        lambda session, viewer, input: settings_admin.set_config(
            session, viewer, to_draft(settings_admin.ConfigChange, input)
        ),
        resource_id=lambda input: input.key[:128],
        audit_id=lambda row: row.config_key,
        system_config=CONFIG,
    )
