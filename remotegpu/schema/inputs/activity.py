"""Filters and orderings of the `activity` area: notifications and audit logs."""

from __future__ import annotations

from enum import Enum

import strawberry
from sqlalchemy import ColumnElement

from remotegpu.db.models import AuditLog, Notification
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.enums import NotificationType
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    KeyFilter,
    StringFilter,
    datetime_conditions,
    enum_conditions,
    key_conditions,
    string_conditions,
)


@strawberry.input(description="Filter notifications (every field is an indexed column).")
class NotificationWhere:
    is_read: bool | None = strawberry.field(default=None, description="Read or unread.")
    type: EnumFilter[NotificationType] | None = strawberry.field(
        default=None, description="Match the type (one value or a list)."
    )
    customer_id: KeyFilter | None = strawberry.field(
        default=None, description="The recipient (notifications.customer_id)."
    )
    created_at: DateTimeFilter | None = strawberry.field(
        default=None, description="Time range on created at."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        conds = [
            *enum_conditions(Notification.type, self.type),
            *key_conditions(Notification.customer_id, self.customer_id, int),
            *datetime_conditions(Notification.created_at, self.created_at),
        ]
        if self.is_read is not None:
            # NULL counts as unread (the column defaults to false)
            conds.append(
                Notification.is_read.is_(True) if self.is_read else Notification.is_read.isnot(True)
            )
        return conds


@strawberry.enum(description="Orderings of notifications.")
class NotificationOrder(Enum):
    CREATED_AT_DESC = "created_at_desc"
    ID_ASC = "id_asc"


NOTIFICATION_ORDERINGS: dict[NotificationOrder, Ordering] = {
    NotificationOrder.CREATED_AT_DESC: Ordering(
        "created", (Notification.created_at, Notification.id), descending=True
    ),
    NotificationOrder.ID_ASC: Ordering("id", (Notification.id,)),
}


@strawberry.input(description="Filter audit log entries (every field is an indexed column).")
class AuditLogWhere:
    action: StringFilter | None = strawberry.field(
        default=None, description="create, update, delete, login, ..."
    )
    resource_type: str | None = strawberry.field(
        default=None, description="Entries about this kind of resource (environment, ...)."
    )
    resource_id: str | None = strawberry.field(
        default=None, description="Entries about this resource (use with resourceType)."
    )
    customer_id: KeyFilter | None = strawberry.field(
        default=None, description="The actor (audit_logs.customer_id)."
    )
    created_at: DateTimeFilter | None = strawberry.field(
        default=None, description="Time range on created at."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        conds = [
            *string_conditions(AuditLog.action, self.action),
            *key_conditions(AuditLog.customer_id, self.customer_id, int),
            *datetime_conditions(AuditLog.created_at, self.created_at),
        ]
        if self.resource_type is not None:
            conds.append(AuditLog.resource_type == self.resource_type)
        if self.resource_id is not None:
            conds.append(AuditLog.resource_id == self.resource_id)
        return conds


@strawberry.enum(description="Orderings of audit log entries.")
class AuditLogOrder(Enum):
    CREATED_AT_DESC = "created_at_desc"
    ID_ASC = "id_asc"


AUDIT_LOG_ORDERINGS: dict[AuditLogOrder, Ordering] = {
    AuditLogOrder.CREATED_AT_DESC: Ordering(
        "created", (AuditLog.created_at, AuditLog.id), descending=True
    ),
    AuditLogOrder.ID_ASC: Ordering("id", (AuditLog.id,)),
}
