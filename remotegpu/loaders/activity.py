"""Loaders of the `activity` area: notifications and audit logs, scoped to the viewer."""

from __future__ import annotations

from sqlalchemy import ColumnElement

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import AuditLog, Notification
from remotegpu.loaders.base import (
    CountByParentLoader,
    LoaderEnv,
    PageByParentLoader,
    RowByKeyLoader,
)
from remotegpu.loaders.scopes import own_only


def visible_notifications(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all. Customers: their own inbox."""
    return own_only(viewer, Notification.customer_id)


def visible_audit_logs(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all. Customers: the entries where they were the actor."""
    return own_only(viewer, AuditLog.customer_id)


class ActivityLoaders:
    def __init__(self, env: LoaderEnv) -> None:
        n, vis_n = Notification, visible_notifications
        a, vis_a = AuditLog, visible_audit_logs
        self.notification_by_id = RowByKeyLoader(env, n, n.id, vis_n)
        self.notifications_page_by_customer_id = PageByParentLoader(env, n, n.customer_id, vis_n)
        self.notifications_count_by_customer_id = CountByParentLoader(env, n, n.customer_id, vis_n)
        self.audit_log_by_id = RowByKeyLoader(env, a, a.id, vis_a)
        self.audit_logs_page_by_customer_id = PageByParentLoader(env, a, a.customer_id, vis_a)
        self.audit_logs_count_by_customer_id = CountByParentLoader(env, a, a.customer_id, vis_a)
