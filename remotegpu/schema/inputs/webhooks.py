"""Filters and orderings of the `webhooks` area."""

from __future__ import annotations

from enum import Enum

import strawberry
from sqlalchemy import ColumnElement

from remotegpu.db.models import Webhook, WebhookLog
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    KeyFilter,
    StringFilter,
    datetime_conditions,
    key_conditions,
    string_conditions,
)


@strawberry.input(description="Filter webhooks (every field is an indexed column).")
class WebhookWhere:
    enabled: bool | None = strawberry.field(default=None, description="Enabled or disabled.")
    customer_id: KeyFilter | None = strawberry.field(
        default=None, description="Owning customer (webhooks.customer_id)."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        conds = [*key_conditions(Webhook.customer_id, self.customer_id, int)]
        if self.enabled is not None:
            conds.append(Webhook.enabled.is_(self.enabled))
        return conds


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
class WebhookLogWhere:
    webhook_id: KeyFilter | None = strawberry.field(
        default=None, description="The webhook delivered to (webhook_logs.webhook_id)."
    )
    event_type: StringFilter | None = strawberry.field(
        default=None, description="Event type delivered, e.g. environment.created."
    )
    created_at: DateTimeFilter | None = strawberry.field(
        default=None, description="When the delivery was attempted."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *key_conditions(WebhookLog.webhook_id, self.webhook_id, int),
            *string_conditions(WebhookLog.event_type, self.event_type),
            *datetime_conditions(WebhookLog.created_at, self.created_at),
        ]


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
