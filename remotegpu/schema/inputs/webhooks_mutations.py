"""Inputs of the webhook mutations: create, update, rotate the secret, delete."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from remotegpu.domain.events import EventType
from remotegpu.schema.inputs.fields import optional

# The values are the catalogue's webhook events (remotegpu/domain/events.py CATALOGUE); a test
# keeps the two equal, and each value's description comes from the catalogue.
# Descriptions that more than one field shares.
_WEBHOOK = "rowId of the webhook."


@strawberry.enum(
    description="The event catalogue: event types a webhook can subscribe to (stored as e.g. "
    "alert.fired). The same events drive GraphQL subscriptions."
)
class WebhookEvent(StrEnum):
    ENVIRONMENT_CREATED = EventType.ENVIRONMENT_CREATED.value
    ENVIRONMENT_STARTED = EventType.ENVIRONMENT_STARTED.value
    ENVIRONMENT_STOPPED = EventType.ENVIRONMENT_STOPPED.value
    ENVIRONMENT_DELETED = EventType.ENVIRONMENT_DELETED.value
    ENVIRONMENT_FAILED = EventType.ENVIRONMENT_FAILED.value
    TRAINING_STARTED = EventType.TRAINING_STARTED.value
    TRAINING_COMPLETED = EventType.TRAINING_COMPLETED.value
    TRAINING_FAILED = EventType.TRAINING_FAILED.value
    ALERT_FIRED = EventType.ALERT_FIRED.value
    ALERT_RESOLVED = EventType.ALERT_RESOLVED.value
    INVOICE_CREATED = EventType.INVOICE_CREATED.value
    INVOICE_PAID = EventType.INVOICE_PAID.value
    QUOTA_EXCEEDED = EventType.QUOTA_EXCEEDED.value
    TRAINING_CANCELLED = EventType.TRAINING_CANCELLED.value
    INFERENCE_CREATED = EventType.INFERENCE_CREATED.value
    INFERENCE_STARTED = EventType.INFERENCE_STARTED.value
    INFERENCE_STOPPED = EventType.INFERENCE_STOPPED.value
    INFERENCE_FAILED = EventType.INFERENCE_FAILED.value
    INFERENCE_DELETED = EventType.INFERENCE_DELETED.value
    INVOICE_OVERDUE = EventType.INVOICE_OVERDUE.value
    TICKET_UPDATED = EventType.TICKET_UPDATED.value


_URL = (
    "https URL (at most 512 characters, no user:password@) whose host resolves only to "
    "public addresses."
)
_KEY_DOC = (
    "Signing secret (24 to 256 characters, no spaces); omitted = generated (whsec_...). "
    "Returned once in the payload, never readable afterwards."
)


@strawberry.input(description="A new webhook of the viewer.")
class WebhookCreateInput:
    name: str = strawberry.field(description="Name of the webhook (1 to 256 characters).")
    url: str = strawberry.field(description=_URL)
    events: list[WebhookEvent] = strawberry.field(
        description="Event types to deliver (at least one)."
    )
    secret: str | None = optional(_KEY_DOC)
    enabled: bool = strawberry.field(default=True, description="Whether events are delivered.")


@strawberry.input(description="Changes to a webhook; omitted fields stay as they are.")
class WebhookUpdateInput:
    row_id: int = strawberry.field(description=_WEBHOOK)
    name: str | None = optional("New name (1 to 256).")
    url: str | None = optional("New URL, checked again. " + _URL)
    events: list[WebhookEvent] | None = optional("New set of event types (at least one).")
    enabled: bool | None = optional("Enable or pause deliveries.")


@strawberry.input(description="The webhook whose signing secret is replaced.")
class WebhookRotateSecretInput:
    row_id: int = strawberry.field(description=_WEBHOOK)
    secret: str | None = optional(_KEY_DOC)


@strawberry.input(description="The webhook to delete (with its delivery log).")
class WebhookDeleteInput:
    row_id: int = strawberry.field(description=_WEBHOOK)


@strawberry.input(description="A logged delivery whose event is sent again.")
class WebhookRedeliverInput:
    log_id: int = strawberry.field(
        description="rowId of a WebhookLog: its event is sent again, once, with the same body "
        "and webhook-id, to the same webhook (whether or not it is enabled)."
    )


@strawberry.input(description="The webhook to send a test event to.")
class WebhookPingInput:
    row_id: int = strawberry.field(description=_WEBHOOK)
