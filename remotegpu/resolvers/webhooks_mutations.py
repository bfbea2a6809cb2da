"""Mutations of the `webhooks` area. The signing secret leaves the server only in the payloads
of `webhookCreate` and `webhookRotateSecret`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypedDict

import strawberry

from remotegpu.context import Context
from remotegpu.domain import webhook_manual, webhooks
from remotegpu.resolvers.mutate import Fill, Reload, attribute, mutate, mutation, returned_as
from remotegpu.schema.inputs.drafts import to_draft
from remotegpu.schema.inputs.webhooks_mutations import (
    WebhookCreateInput,
    WebhookDeleteInput,
    WebhookPingInput,
    WebhookRedeliverInput,
    WebhookRotateSecretInput,
    WebhookUpdateInput,
)
from remotegpu.schema.types.webhooks import Webhook
from remotegpu.schema.types.webhooks_payloads import (
    WebhookCreatePayload,
    WebhookDeletePayload,
    WebhookPingPayload,
    WebhookRedeliverPayload,
    WebhookRotateSecretPayload,
    WebhookUpdatePayload,
)

Info = strawberry.Info[Context, None]

# The webhook as the viewer may see it after commit.
WEBHOOK = Reload(lambda loaders: loaders.webhooks.webhook_by_id, Webhook.from_row)


class _Sent(TypedDict):
    audit_id: Callable[[Any], object]
    webhook: Fill
    event_id: Fill


# A manual delivery's call returns (webhook row, event id): the audit row and the payload
# name the webhook, the payload also the event.
SENT = _Sent(
    audit_id=lambda sent: sent[0].id,
    webhook=WEBHOOK.of(lambda sent: sent[0]),
    event_id=lambda _ctx, sent: sent[1],
)


@strawberry.type
class WebhooksMutation:
    @strawberry.mutation(
        description="Register a webhook of the viewer: an https URL to a public address, and "
        "the event types to deliver. The signing secret is in the payload, once."
    )
    async def webhook_create(self, info: Info, input: WebhookCreateInput) -> WebhookCreatePayload:
        allowlist = info.context.settings.webhook_url_allowlist
        return await mutate(
            info,
            "webhook.create",
            lambda session, viewer: webhooks.create_webhook(
                session,
                viewer,
                name=input.name,
                url=input.url,
                events=[e.value for e in input.events],
                secret=input.secret,
                enabled=input.enabled,
                allowlist=allowlist,
            ),
            WebhookCreatePayload,
            audit_id=lambda created: created.webhook.id,
            webhook=WEBHOOK.of(lambda created: created.webhook),
            secret=attribute("secret"),
        )

    @strawberry.mutation(
        description="Change a webhook (own webhooks; admins any). A new URL is checked again."
    )
    async def webhook_update(self, info: Info, input: WebhookUpdateInput) -> WebhookUpdatePayload:
        changes = to_draft(webhooks.WebhookChanges, input)
        allowlist = info.context.settings.webhook_url_allowlist
        return await mutate(
            info,
            "webhook.update",
            lambda session, viewer: webhooks.update_webhook(
                session, viewer, input.row_id, changes, allowlist=allowlist
            ),
            WebhookUpdatePayload,
            resource_id=input.row_id,
            webhook=WEBHOOK,
        )

    webhook_rotate_secret = mutation(
        "Replace a webhook's signing secret (own webhooks; admins any). The new secret is in "
        "the payload, once; the old one stops working at once.",
        "webhook.rotate_secret",
        WebhookRotateSecretInput,
        WebhookRotateSecretPayload,
        lambda session, viewer, input: webhooks.rotate_secret(
            session, viewer, input.row_id, input.secret
        ),
        resource_id=lambda input: input.row_id,
        audit_id=lambda rotated: rotated.webhook.id,
        webhook=WEBHOOK.of(lambda rotated: rotated.webhook),
        secret=attribute("secret"),
    )
    webhook_delete = mutation(
        "Delete a webhook and its delivery log (own webhooks; admins any).",
        "webhook.delete",
        WebhookDeleteInput,
        WebhookDeletePayload,
        lambda session, viewer, input: webhooks.delete_webhook(session, viewer, input.row_id),
        resource_id=lambda input: input.row_id,
        webhook=returned_as(Webhook.from_row),
    )
    webhook_redeliver = mutation(
        "Send a logged event to its webhook again, once (own webhooks; admins any): same body "
        "and webhook-id, a fresh signature. Delivered by a job worker; the attempt appears in "
        "the webhook's logs.",
        "webhook.redeliver",
        WebhookRedeliverInput,
        WebhookRedeliverPayload,
        lambda session, viewer, input: webhook_manual.redeliver(session, viewer, input.log_id),
        **SENT,
    )
    webhook_ping = mutation(
        "Send a test event (type webhook.ping) to a webhook, once, enabled or not (own "
        "webhooks; admins any). A success clears the webhook's failing state.",
        "webhook.ping",
        WebhookPingInput,
        WebhookPingPayload,
        lambda session, viewer, input: webhook_manual.ping(session, viewer, input.row_id),
        resource_id=lambda input: input.row_id,
        **SENT,
    )
