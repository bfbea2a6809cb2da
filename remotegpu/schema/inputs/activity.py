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
)
from remotegpu.schema.inputs.filters import Where, filter_by, filter_on


def _is_read(is_read: bool) -> ColumnElement[bool]:
    # NULL counts as unread (the column defaults to false)
    return Notification.is_read.is_(True) if is_read else Notification.is_read.isnot(True)


@strawberry.input(description="Filter notifications (every field is an indexed column).")
class NotificationWhere(Where):
    is_read: bool | None = filter_by(_is_read, "Read or unread.")
    type: EnumFilter[NotificationType] | None = filter_on(
        Notification.type, "Match the type (one value or a list)."
    )
    customer_id: KeyFilter | None = filter_on(
        Notification.customer_id, "The recipient (notifications.customer_id)."
    )
    created_at: DateTimeFilter | None = filter_on(
        Notification.created_at, "Time range on created at."
    )


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
class AuditLogWhere(Where):
    action: StringFilter | None = filter_on(AuditLog.action, "create, update, delete, login, ...")
    resource_type: str | None = filter_on(
        AuditLog.resource_type, "Entries about this kind of resource (environment, ...)."
    )
    resource_id: str | None = filter_on(
        AuditLog.resource_id, "Entries about this resource (use with resourceType)."
    )
    customer_id: KeyFilter | None = filter_on(
        AuditLog.customer_id, "The actor (audit_logs.customer_id)."
    )
    created_at: DateTimeFilter | None = filter_on(AuditLog.created_at, "Time range on created at.")


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
