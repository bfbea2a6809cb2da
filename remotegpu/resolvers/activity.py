"""Root fields of the `activity` area: notifications and audit logs."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import AuditLog as AuditLogRow
from remotegpu.db.models import Notification as NotificationRow
from remotegpu.loaders.activity import visible_audit_logs, visible_notifications
from remotegpu.schema.inputs.activity import (
    AUDIT_LOG_ORDERINGS,
    NOTIFICATION_ORDERINGS,
    AuditLogOrder,
    AuditLogWhere,
    NotificationOrder,
    NotificationWhere,
)
from remotegpu.schema.relations import root_connection_field
from remotegpu.schema.types.activity import AuditLog, Notification

Info = strawberry.Info[Context, None]


@strawberry.type
class ActivityQuery:
    notifications = root_connection_field(
        Notification,
        NotificationRow,
        visible_notifications,
        NOTIFICATION_ORDERINGS,
        NotificationWhere,
        default=NotificationOrder.CREATED_AT_DESC,
        description="Notifications (admins: all; customers: their own inbox).",
    )

    audit_logs = root_connection_field(
        AuditLog,
        AuditLogRow,
        visible_audit_logs,
        AUDIT_LOG_ORDERINGS,
        AuditLogWhere,
        default=AuditLogOrder.CREATED_AT_DESC,
        description="Audit log entries (admins: all; customers: the entries where they acted).",
    )
