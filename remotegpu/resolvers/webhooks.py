"""Root fields of the `webhooks` area: webhooks and their delivery logs."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import Webhook as WebhookRow
from remotegpu.db.models import WebhookLog as WebhookLogRow
from remotegpu.loaders.webhooks import visible_webhook_logs, visible_webhooks
from remotegpu.schema.inputs.webhooks import (
    WEBHOOK_LOG_ORDERINGS,
    WEBHOOK_ORDERINGS,
    WebhookLogOrder,
    WebhookLogWhere,
    WebhookOrder,
    WebhookWhere,
)
from remotegpu.schema.relations import root_connection_field
from remotegpu.schema.types.webhooks import Webhook, WebhookLog

Info = strawberry.Info[Context, None]


@strawberry.type
class WebhooksQuery:
    webhooks = root_connection_field(
        Webhook,
        WebhookRow,
        visible_webhooks,
        WEBHOOK_ORDERINGS,
        WebhookWhere,
        default=WebhookOrder.ID_ASC,
        description="Webhooks (admins: all; customers: their own).",
    )

    webhook_logs = root_connection_field(
        WebhookLog,
        WebhookLogRow,
        visible_webhook_logs,
        WEBHOOK_LOG_ORDERINGS,
        WebhookLogWhere,
        default=WebhookLogOrder.CREATED_AT_DESC,
        description="Webhook delivery attempts, newest first (of the webhooks the viewer sees).",
    )
