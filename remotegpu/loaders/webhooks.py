"""Loaders of the `webhooks` area: webhooks and their delivery logs, scoped to the viewer."""

from __future__ import annotations

from sqlalchemy import ColumnElement, select, true

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Webhook, WebhookLog
from remotegpu.loaders.base import (
    CountByParentLoader,
    LoaderEnv,
    PageByParentLoader,
    RowByKeyLoader,
)
from remotegpu.loaders.scopes import own_only


def visible_webhooks(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: every webhook. Customers: their own. Agents and anonymous: none."""
    return own_only(viewer, Webhook.customer_id)


def visible_webhook_logs(viewer: Viewer) -> ColumnElement[bool]:
    """Delivery logs of the webhooks the viewer may see."""
    if viewer.is_admin and viewer.agent_host_id is None:
        return true()
    return WebhookLog.webhook_id.in_(select(Webhook.id).where(visible_webhooks(viewer)))


class WebhooksLoaders:
    def __init__(self, env: LoaderEnv) -> None:
        hooks, logs = visible_webhooks, visible_webhook_logs
        self.webhook_by_id = RowByKeyLoader(env, Webhook, Webhook.id, hooks)
        self.webhooks_page_by_customer_id = PageByParentLoader(
            env, Webhook, Webhook.customer_id, hooks
        )
        self.webhooks_count_by_customer_id = CountByParentLoader(
            env, Webhook, Webhook.customer_id, hooks
        )
        self.webhook_log_by_id = RowByKeyLoader(env, WebhookLog, WebhookLog.id, logs)
        self.webhook_logs_page_by_webhook_id = PageByParentLoader(
            env, WebhookLog, WebhookLog.webhook_id, logs
        )
        self.webhook_logs_count_by_webhook_id = CountByParentLoader(
            env, WebhookLog, WebhookLog.webhook_id, logs
        )
