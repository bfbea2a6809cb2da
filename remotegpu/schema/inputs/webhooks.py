"""Filters and orderings of the `webhooks` area."""

from __future__ import annotations

from enum import Enum

import strawberry

from remotegpu.db.models import Webhook, WebhookLog
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    KeyFilter,
    StringFilter,
)
from remotegpu.schema.inputs.filters import Where, filter_on


@strawberry.input(description="Filter webhooks (every field is an indexed column).")
class WebhookWhere(Where):
    enabled: bool | None = filter_on(Webhook.enabled, "Enabled or disabled.")
    customer_id: KeyFilter | None = filter_on(
        Webhook.customer_id, "Owning customer (webhooks.customer_id)."
    )


@strawberry.enum(description="Orderings of webhooks.")
class WebhookOrder(Enum):
    ID_ASC = "id_asc"
    NAME_ASC = "name_asc"
    CREATED_AT_DESC = "created_at_desc"


WEBHOOK_ORDERINGS: dict[WebhookOrder, Ordering] = {
    WebhookOrder.ID_ASC: Ordering("id", (Webhook.id,)),
    WebhookOrder.NAME_ASC: Ordering("name", (Webhook.name, Webhook.id)),
    WebhookOrder.CREATED_AT_DESC: Ordering(
        "created", (Webhook.created_at, Webhook.id), descending=True
    ),
}


@strawberry.input(description="Filter webhook delivery attempts.")
class WebhookLogWhere(Where):
    webhook_id: KeyFilter | None = filter_on(
        WebhookLog.webhook_id, "The webhook delivered to (webhook_logs.webhook_id)."
    )
    event_type: StringFilter | None = filter_on(
        WebhookLog.event_type, "Event type delivered, e.g. environment.created."
    )
    created_at: DateTimeFilter | None = filter_on(
        WebhookLog.created_at, "When the delivery was attempted."
    )


@strawberry.enum(description="Orderings of webhook delivery attempts.")
class WebhookLogOrder(Enum):
    CREATED_AT_DESC = "created_at_desc"
    ID_ASC = "id_asc"


WEBHOOK_LOG_ORDERINGS: dict[WebhookLogOrder, Ordering] = {
    WebhookLogOrder.CREATED_AT_DESC: Ordering(
        "created", (WebhookLog.created_at, WebhookLog.id), descending=True
    ),
    WebhookLogOrder.ID_ASC: Ordering("id", (WebhookLog.id,)),
}
