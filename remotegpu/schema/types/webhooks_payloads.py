"""Payloads of the webhook mutations. Only create and rotate carry the secret, once."""

from __future__ import annotations

from uuid import UUID

import strawberry

from remotegpu.schema.types.payload import Payload, payload
from remotegpu.schema.types.webhooks import Webhook

_KEY_DOC = (
    "signing secret (Standard Webhooks), shown only here, once: store it now; it is never "
    "readable again."
)


def _why(what: str) -> str:
    return f"Why the {what} did not happen; empty on success."


@payload("Result of `webhookCreate`.", errors=_why("webhook creation"))
class WebhookCreatePayload(Payload):
    webhook: Webhook | None = strawberry.field(default=None, description="The new webhook.")
    secret: str | None = strawberry.field(default=None, description="The " + _KEY_DOC)


@payload("Result of `webhookUpdate`.", errors=_why("change"))
class WebhookUpdatePayload(Payload):
    webhook: Webhook | None = strawberry.field(
        default=None, description="The webhook after the change."
    )


@payload("Result of `webhookRotateSecret`.", errors=_why("rotation"))
class WebhookRotateSecretPayload(Payload):
    webhook: Webhook | None = strawberry.field(default=None, description="The webhook.")
    secret: str | None = strawberry.field(default=None, description="The new " + _KEY_DOC)


@payload("Result of `webhookDelete`.", errors=_why("deletion"))
class WebhookDeletePayload(Payload):
    webhook: Webhook | None = strawberry.field(
        default=None, description="The webhook as it was before it was deleted."
    )


_QUEUED = (
    "Id of the event queued for delivery (the log rows of the attempt carry it as eventId); "
    "the attempt is made by a job worker moments later."
)


@payload("Result of `webhookRedeliver`.", errors=_why("redelivery"))
class WebhookRedeliverPayload(Payload):
    webhook: Webhook | None = strawberry.field(
        default=None, description="The webhook the event is sent to."
    )
    event_id: UUID | None = strawberry.field(default=None, description=_QUEUED)


@payload("Result of `webhookPing`.", errors=_why("ping"))
class WebhookPingPayload(Payload):
    webhook: Webhook | None = strawberry.field(
        default=None, description="The webhook the test event is sent to."
    )
    event_id: UUID | None = strawberry.field(default=None, description=_QUEUED)
