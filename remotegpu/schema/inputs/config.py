"""Filters and orderings of the `config` area."""

from __future__ import annotations

from enum import Enum

import strawberry

from remotegpu.db.models import SystemConfig
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.inputs.common import StringFilter
from remotegpu.schema.inputs.filters import Where, filter_on


@strawberry.input(description="Filter system configs.")
class SystemConfigWhere(Where):
    key: StringFilter | None = filter_on(
        SystemConfig.config_key, "config_key (eq, in, startsWith)."
    )
    is_public: bool | None = filter_on(SystemConfig.is_public, "Public rows only.")


@strawberry.enum(description="Orderings of system configs.")
class SystemConfigOrder(Enum):
    KEY_ASC = "key_asc"
    CREATED_AT_DESC = "created_at_desc"


SYSTEM_CONFIG_ORDERINGS: dict[SystemConfigOrder, Ordering] = {
    SystemConfigOrder.KEY_ASC: Ordering("key", (SystemConfig.config_key, SystemConfig.id)),
    SystemConfigOrder.CREATED_AT_DESC: Ordering(
        "created", (SystemConfig.created_at, SystemConfig.id), descending=True
    ),
}
