"""Root fields of the `webhooks` area: webhooks and their delivery logs."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import Webhook as WebhookRow
from remotegpu.db.models import WebhookLog as WebhookLogRow
from remotegpu.loaders.webhooks import visible_webhook_logs, visible_webhooks
from remotegpu.schema.connections import root_connection
from remotegpu.schema.inputs.webhooks import (
    WEBHOOK_LOG_ORDERINGS,
    WEBHOOK_ORDERINGS,
    WebhookLogOrder,
    WebhookLogWhere,
    WebhookOrder,
    WebhookWhere,
)
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.webhooks import Webhook, WebhookLog

Info = strawberry.Info[Context, None]


@strawberry.type
class WebhooksQuery:
    @strawberry.field(description="Webhooks (admins: all; customers: their own).")
    async def webhooks(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: WebhookWhere | None = None,
        order_by: WebhookOrder = WebhookOrder.ID_ASC,
    ) -> Connection[Webhook]:
        return await root_connection(
            info.context,
            WebhookRow,
            visible_webhooks,
            Webhook.from_row,
            WEBHOOK_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(
        description="Webhook delivery attempts, newest first (of the webhooks the viewer sees)."
    )
    async def webhook_logs(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: WebhookLogWhere | None = None,
        order_by: WebhookLogOrder = WebhookLogOrder.CREATED_AT_DESC,
    ) -> Connection[WebhookLog]:
        return await root_connection(
            info.context,
            WebhookLogRow,
            visible_webhook_logs,
            WebhookLog.from_row,
            WEBHOOK_LOG_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )
