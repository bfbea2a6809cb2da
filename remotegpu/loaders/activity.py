"""Loaders of the `activity` area: notifications and audit logs, scoped to the viewer."""

from __future__ import annotations

from sqlalchemy import ColumnElement

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import AuditLog, Notification
from remotegpu.loaders.area import AreaLoaders, Rows
from remotegpu.loaders.scopes import own_only


def visible_notifications(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all. Customers: their own inbox."""
    return own_only(viewer, Notification.customer_id)


def visible_audit_logs(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all. Customers: the entries where they were the actor."""
    return own_only(viewer, AuditLog.customer_id)


notifications = Rows(Notification, visible_notifications)
audit_logs = Rows(AuditLog, visible_audit_logs)


class ActivityLoaders(AreaLoaders):
    notification_by_id = notifications.by(Notification.id)
    notifications_page_by_customer_id = notifications.pages_by(Notification.customer_id)
    notifications_count_by_customer_id = notifications.counts_by(Notification.customer_id)
    audit_log_by_id = audit_logs.by(AuditLog.id)
    audit_logs_page_by_customer_id = audit_logs.pages_by(AuditLog.customer_id)
    audit_logs_count_by_customer_id = audit_logs.counts_by(AuditLog.customer_id)
