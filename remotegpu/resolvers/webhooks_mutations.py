"""Mutations of the `webhooks` area. The signing secret leaves the server only in the payloads
of `webhookCreate` and `webhookRotateSecret`."""

from __future__ import annotations

from uuid import UUID

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.domain import webhook_manual, webhooks
from remotegpu.resolvers.support import run_mutation
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


async def _webhook(info: Info, webhook_id: int | None) -> Webhook | None:
    """The webhook as the viewer may see it after commit."""
    if webhook_id is None:
        return None
    row = await info.context.loaders.webhooks.webhook_by_id.load(webhook_id)
    return None if row is None else Webhook.from_row(row)


@strawberry.type
class WebhooksMutation:
    @strawberry.mutation(
        description="Register a webhook of the viewer: an https URL to a public address, and "
        "the event types to deliver. The signing secret is in the payload, once."
    )
    async def webhook_create(self, info: Info, input: WebhookCreateInput) -> WebhookCreatePayload:
        async def work(session: AsyncSession) -> tuple[webhooks.WebhookWithSecret, str]:
            created = await webhooks.create_webhook(
                session,
                info.context.viewer,
                name=input.name,
                url=input.url,
                events=[e.value for e in input.events],
                secret=input.secret,
                enabled=input.enabled,
                allowlist=info.context.settings.webhook_url_allowlist,
            )
            return created, str(created.webhook.id)

        outcome = await run_mutation(info, "webhook.create", "webhook", work)
        if outcome.value is None:
            return WebhookCreatePayload(errors=outcome.errors)
        return WebhookCreatePayload(
            webhook=await _webhook(info, outcome.value.webhook.id), secret=outcome.value.secret
        )

    @strawberry.mutation(
        description="Change a webhook (own webhooks; admins any). A new URL is checked again."
    )
    async def webhook_update(self, info: Info, input: WebhookUpdateInput) -> WebhookUpdatePayload:
        changes = webhooks.WebhookChanges(
            name=input.name,
            url=input.url,
            events=None if input.events is None else [e.value for e in input.events],
            enabled=input.enabled,
        )

        async def work(session: AsyncSession) -> tuple[int, str]:
            hook = await webhooks.update_webhook(
                session,
                info.context.viewer,
                input.row_id,
                changes,
                allowlist=info.context.settings.webhook_url_allowlist,
            )
            return hook.id, str(hook.id)

        outcome = await run_mutation(
            info, "webhook.update", "webhook", work, resource_id=str(input.row_id)
        )
        return WebhookUpdatePayload(
            webhook=await _webhook(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Replace a webhook's signing secret (own webhooks; admins any). The new "
        "secret is in the payload, once; the old one stops working at once."
    )
    async def webhook_rotate_secret(
        self, info: Info, input: WebhookRotateSecretInput
    ) -> WebhookRotateSecretPayload:
        async def work(session: AsyncSession) -> tuple[webhooks.WebhookWithSecret, str]:
            rotated = await webhooks.rotate_secret(
                session, info.context.viewer, input.row_id, input.secret
            )
            return rotated, str(rotated.webhook.id)

        outcome = await run_mutation(
            info, "webhook.rotate_secret", "webhook", work, resource_id=str(input.row_id)
        )
        if outcome.value is None:
            return WebhookRotateSecretPayload(errors=outcome.errors)
        return WebhookRotateSecretPayload(
            webhook=await _webhook(info, outcome.value.webhook.id), secret=outcome.value.secret
        )

    @strawberry.mutation(
        description="Delete a webhook and its delivery log (own webhooks; admins any)."
    )
    async def webhook_delete(self, info: Info, input: WebhookDeleteInput) -> WebhookDeletePayload:
        async def work(session: AsyncSession) -> tuple[m.Webhook, str]:
            hook = await webhooks.delete_webhook(session, info.context.viewer, input.row_id)
            return hook, str(hook.id)

        outcome = await run_mutation(
            info, "webhook.delete", "webhook", work, resource_id=str(input.row_id)
        )
        deleted = None if outcome.value is None else Webhook.from_row(outcome.value)
        return WebhookDeletePayload(webhook=deleted, errors=outcome.errors)

    @strawberry.mutation(
        description="Send a logged event to its webhook again, once (own webhooks; admins "
        "any): same body and webhook-id, a fresh signature. Delivered by a job worker; the "
        "attempt appears in the webhook's logs."
    )
    async def webhook_redeliver(
        self, info: Info, input: WebhookRedeliverInput
    ) -> WebhookRedeliverPayload:
        async def work(session: AsyncSession) -> tuple[tuple[int, UUID], str]:
            hook, event_id = await webhook_manual.redeliver(
                session, info.context.viewer, input.log_id
            )
            return (hook.id, event_id), str(hook.id)

        outcome = await run_mutation(info, "webhook.redeliver", "webhook", work)
        if outcome.value is None:
            return WebhookRedeliverPayload(errors=outcome.errors)
        hook_id, event_id = outcome.value
        return WebhookRedeliverPayload(webhook=await _webhook(info, hook_id), event_id=event_id)

    @strawberry.mutation(
        description="Send a test event (type webhook.ping) to a webhook, once, enabled or not "
        "(own webhooks; admins any). A success clears the webhook's failing state."
    )
    async def webhook_ping(self, info: Info, input: WebhookPingInput) -> WebhookPingPayload:
        async def work(session: AsyncSession) -> tuple[tuple[int, UUID], str]:
            hook, event_id = await webhook_manual.ping(session, info.context.viewer, input.row_id)
            return (hook.id, event_id), str(hook.id)

        outcome = await run_mutation(
            info, "webhook.ping", "webhook", work, resource_id=str(input.row_id)
        )
        if outcome.value is None:
            return WebhookPingPayload(errors=outcome.errors)
        hook_id, event_id = outcome.value
        return WebhookPingPayload(webhook=await _webhook(info, hook_id), event_id=event_id)
