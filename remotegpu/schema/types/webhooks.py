"""Types of the `webhooks` area: Webhook (never its secret) and WebhookLog."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated
from uuid import UUID

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.schema.connections import child_connection
from remotegpu.schema.enums import WebhookDeliveryStatus
from remotegpu.schema.inputs.webhooks import (
    WEBHOOK_LOG_ORDERINGS,
    WebhookLogOrder,
    WebhookLogWhere,
)
from remotegpu.schema.node import Node
from remotegpu.schema.pagination import Connection
from remotegpu.schema.scalars import JSON
from remotegpu.schema.types.base import col, from_row, table_doc

if TYPE_CHECKING:
    from remotegpu.schema.types.customers import Customer

Info = strawberry.Info[Context, None]
CustomerT = Annotated["Customer", strawberry.lazy("remotegpu.schema.types.customers")]

W = "webhooks"


@strawberry.type(description=table_doc(W))
class Webhook(Node):
    row_id: int = col(W, "id")
    customer_id: int = col(W, "customer_id")
    name: str = col(W, "name")
    url: str = col(W, "url")
    events: list[str] = col(W, "events")
    enabled: bool | None = col(W, "enabled")
    created_at: datetime | None = col(W, "created_at")
    updated_at: datetime | None = col(W, "updated_at")
    consecutive_failures: int = col(W, "consecutive_failures")
    failing_since: datetime | None = col(W, "failing_since")
    has_secret: bool = strawberry.field(
        description="Whether deliveries are signed; the secret itself is never readable."
    )

    @strawberry.field(description="The customer owning this webhook.")
    async def owner(self, info: Info) -> CustomerT | None:
        from remotegpu.schema.types.customers import Customer

        row = await info.context.loaders.customers.customer_by_id.load(self.customer_id)
        return None if row is None else Customer.from_row(row)

    @strawberry.field(description="Delivery attempts to this webhook, newest first.")
    async def logs(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: WebhookLogWhere | None = None,
        order_by: WebhookLogOrder = WebhookLogOrder.CREATED_AT_DESC,
    ) -> Connection[WebhookLog]:
        loaders = info.context.loaders.webhooks
        return await child_connection(
            info.context,
            loaders.webhook_logs_page_by_webhook_id,
            loaders.webhook_logs_count_by_webhook_id,
            self.row_id,
            WebhookLog.from_row,
            WEBHOOK_LOG_ORDERINGS[order_by],
            where,
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @classmethod
    def from_row(cls, row: m.Webhook) -> Webhook:
        return from_row(cls, row, has_secret=bool(row.secret))


L = "webhook_logs"


@strawberry.type(description=table_doc(L))
class WebhookLog(Node):
    row_id: int = col(L, "id")
    webhook_id: int = col(L, "webhook_id")
    event_type: str = col(L, "event_type")
    payload: JSON | None = col(L, "payload")
    status_code: int | None = col(L, "status_code")
    response_body: str | None = col(L, "response_body")
    error_message: str | None = col(L, "error_message")
    created_at: datetime | None = col(L, "created_at")
    event_id: UUID | None = col(L, "event_id")
    attempt: int = col(L, "attempt")
    status: WebhookDeliveryStatus | None = col(L, "status")
    duration_ms: int | None = col(L, "duration_ms")
    error_class: str | None = col(L, "error_class")
    next_attempt_at: datetime | None = col(L, "next_attempt_at")

    @strawberry.field(description="The webhook this delivery was for.")
    async def webhook(self, info: Info) -> Webhook | None:
        row = await info.context.loaders.webhooks.webhook_by_id.load(self.webhook_id)
        return None if row is None else Webhook.from_row(row)

    @classmethod
    def from_row(cls, row: m.WebhookLog) -> WebhookLog:
        return from_row(cls, row)
