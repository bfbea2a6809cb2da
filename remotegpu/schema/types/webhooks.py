"""Types of the `webhooks` area: Webhook (never its secret) and WebhookLog."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.schema.enums import WebhookDeliveryStatus
from remotegpu.schema.inputs.webhooks import (
    WEBHOOK_LOG_ORDERINGS,
    WebhookLogOrder,
    WebhookLogWhere,
)
from remotegpu.schema.node import Node
from remotegpu.schema.relations import children, customer_reference, lazy_type, reference
from remotegpu.schema.scalars import JSON
from remotegpu.schema.types.base import col, from_row, table_doc

Info = strawberry.Info[Context, None]

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

    owner = customer_reference("customer_id", description="The customer owning this webhook.")

    logs = children(
        lazy_type("remotegpu.schema.types.webhooks", "WebhookLog"),  # declared below
        "webhooks.webhook_logs_page_by_webhook_id",
        WEBHOOK_LOG_ORDERINGS,
        WebhookLogWhere,
        default=WebhookLogOrder.CREATED_AT_DESC,
        description="Delivery attempts to this webhook, newest first.",
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

    webhook = reference(
        Webhook,
        "webhooks.webhook_by_id",
        "webhook_id",
        description="The webhook this delivery was for.",
    )

    @classmethod
    def from_row(cls, row: m.WebhookLog) -> WebhookLog:
        return from_row(cls, row)
