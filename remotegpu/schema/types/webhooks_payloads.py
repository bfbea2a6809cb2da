"""Payloads of the webhook mutations. Only create and rotate carry the secret, once."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import strawberry

from remotegpu.schema.errors import UserError
from remotegpu.schema.types.webhooks import Webhook


def _errors(what: str) -> Any:
    """The `errors` field of a payload (Any: a dataclass field default, not a list)."""
    return strawberry.field(
        default_factory=list, description=f"Why the {what} did not happen; empty on success."
    )


_KEY_DOC = (
    "signing secret (Standard Webhooks), shown only here, once: store it now; it is never "
    "readable again."
)


@strawberry.type(description="Result of `webhookCreate`.")
class WebhookCreatePayload:
    webhook: Webhook | None = strawberry.field(default=None, description="The new webhook.")
    secret: str | None = strawberry.field(default=None, description="The " + _KEY_DOC)
    errors: list[UserError] = _errors("webhook creation")


@strawberry.type(description="Result of `webhookUpdate`.")
class WebhookUpdatePayload:
    webhook: Webhook | None = strawberry.field(
        default=None, description="The webhook after the change."
    )
    errors: list[UserError] = _errors("change")


@strawberry.type(description="Result of `webhookRotateSecret`.")
class WebhookRotateSecretPayload:
    webhook: Webhook | None = strawberry.field(default=None, description="The webhook.")
    secret: str | None = strawberry.field(default=None, description="The new " + _KEY_DOC)
    errors: list[UserError] = _errors("rotation")


@strawberry.type(description="Result of `webhookDelete`.")
class WebhookDeletePayload:
    webhook: Webhook | None = strawberry.field(
        default=None, description="The webhook as it was before it was deleted."
    )
    errors: list[UserError] = _errors("deletion")


_QUEUED = (
    "Id of the event queued for delivery (the log rows of the attempt carry it as eventId); "
    "the attempt is made by a job worker moments later."
)


@strawberry.type(description="Result of `webhookRedeliver`.")
class WebhookRedeliverPayload:
    webhook: Webhook | None = strawberry.field(
        default=None, description="The webhook the event is sent to."
    )
    event_id: UUID | None = strawberry.field(default=None, description=_QUEUED)
    errors: list[UserError] = _errors("redelivery")


@strawberry.type(description="Result of `webhookPing`.")
class WebhookPingPayload:
    webhook: Webhook | None = strawberry.field(
        default=None, description="The webhook the test event is sent to."
    )
    event_id: UUID | None = strawberry.field(default=None, description=_QUEUED)
    errors: list[UserError] = _errors("ping")
