"""Loaders of the `webhooks` area: webhooks and their delivery logs, scoped to the viewer."""

from __future__ import annotations

from sqlalchemy import ColumnElement

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Webhook, WebhookLog
from remotegpu.loaders.area import AreaLoaders, Rows
from remotegpu.loaders.scopes import of_visible_parents, own_only


def visible_webhooks(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: every webhook. Customers: their own. Agents and anonymous: none."""
    return own_only(viewer, Webhook.customer_id)


# Delivery logs of the webhooks the viewer may see.
visible_webhook_logs = of_visible_parents(WebhookLog.webhook_id, Webhook.id, visible_webhooks)

webhooks = Rows(Webhook, visible_webhooks)
logs = Rows(WebhookLog, visible_webhook_logs)


class WebhooksLoaders(AreaLoaders):
    webhook_by_id = webhooks.by(Webhook.id)
    webhooks_page_by_customer_id = webhooks.pages_by(Webhook.customer_id)
    webhooks_count_by_customer_id = webhooks.counts_by(Webhook.customer_id)
    webhook_log_by_id = logs.by(WebhookLog.id)
    webhook_logs_page_by_webhook_id = logs.pages_by(WebhookLog.webhook_id)
    webhook_logs_count_by_webhook_id = logs.counts_by(WebhookLog.webhook_id)
