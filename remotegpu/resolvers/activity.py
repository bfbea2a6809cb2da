"""Root fields of the `activity` area: notifications and audit logs."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import AuditLog as AuditLogRow
from remotegpu.db.models import Notification as NotificationRow
from remotegpu.loaders.activity import visible_audit_logs, visible_notifications
from remotegpu.schema.connections import root_connection
from remotegpu.schema.inputs.activity import (
    AUDIT_LOG_ORDERINGS,
    NOTIFICATION_ORDERINGS,
    AuditLogOrder,
    AuditLogWhere,
    NotificationOrder,
    NotificationWhere,
)
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.activity import AuditLog, Notification

Info = strawberry.Info[Context, None]


@strawberry.type
class ActivityQuery:
    @strawberry.field(description="Notifications (admins: all; customers: their own inbox).")
    async def notifications(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: NotificationWhere | None = None,
        order_by: NotificationOrder = NotificationOrder.CREATED_AT_DESC,
    ) -> Connection[Notification]:
        return await root_connection(
            info.context,
            NotificationRow,
            visible_notifications,
            Notification.from_row,
            NOTIFICATION_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(
        description="Audit log entries (admins: all; customers: the entries where they acted)."
    )
    async def audit_logs(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: AuditLogWhere | None = None,
        order_by: AuditLogOrder = AuditLogOrder.CREATED_AT_DESC,
    ) -> Connection[AuditLog]:
        return await root_connection(
            info.context,
            AuditLogRow,
            visible_audit_logs,
            AuditLog.from_row,
            AUDIT_LOG_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )
