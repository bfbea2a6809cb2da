"""Filters and orderings of the `config` area."""

from __future__ import annotations

from enum import Enum

import strawberry
from sqlalchemy import ColumnElement

from remotegpu.db.models import SystemConfig
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.inputs.common import StringFilter, string_conditions


@strawberry.input(description="Filter system configs.")
class SystemConfigWhere:
    key: StringFilter | None = strawberry.field(
        default=None, description="config_key (eq, in, startsWith)."
    )
    is_public: bool | None = strawberry.field(default=None, description="Public rows only.")

    def conditions(self) -> list[ColumnElement[bool]]:
        conds = string_conditions(SystemConfig.config_key, self.key)
        if self.is_public is not None:
            conds.append(SystemConfig.is_public.is_(self.is_public))
        return conds


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
