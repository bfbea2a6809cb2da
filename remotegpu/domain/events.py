"""Domain events: written to the outbox in the transaction of the change that caused them.

`emit` is the single place every event is written. The outbox row's INSERT trigger
(migration 27) announces its id with NOTIFY, which PostgreSQL delivers only if the transaction
commits: GraphQL subscriptions (remotegpu/events/) and webhooks hear of committed changes only.

CATALOGUE is the one list of event types: what each means, the object it is about and the
shape of its payload. The GraphQL enum `WebhookEvent` (webhook subscriptions), its value
descriptions and the README's event table are built from it, and tests check they agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import func, insert
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.models import EventOutbox
from remotegpu.domain.webhook_dispatch import enqueue_deliveries


class EventType(StrEnum):
    ENVIRONMENT_CREATED = "environment.created"
    ENVIRONMENT_STARTED = "environment.started"
    ENVIRONMENT_STOPPED = "environment.stopped"
    ENVIRONMENT_DELETED = "environment.deleted"
    ENVIRONMENT_FAILED = "environment.failed"
    TRAINING_STARTED = "training.started"
    TRAINING_COMPLETED = "training.completed"
    TRAINING_FAILED = "training.failed"
    ALERT_FIRED = "alert.fired"
    ALERT_RESOLVED = "alert.resolved"
    INVOICE_CREATED = "invoice.created"
    INVOICE_PAID = "invoice.paid"
    QUOTA_EXCEEDED = "quota.exceeded"
    # Added with subscriptions (issue 12); appended so stored webhook event lists keep order.
    TRAINING_CANCELLED = "training.cancelled"
    INFERENCE_CREATED = "inference.created"
    INFERENCE_STARTED = "inference.started"
    INFERENCE_STOPPED = "inference.stopped"
    INFERENCE_FAILED = "inference.failed"
    INFERENCE_DELETED = "inference.deleted"
    INVOICE_OVERDUE = "invoice.overdue"
    TICKET_UPDATED = "ticket.updated"
    # Platform-internal: for subscriptions only, never delivered to webhooks.
    HOST_STATUS_CHANGED = "host.status_changed"
    NOTIFICATION_CREATED = "notification.created"
    ACCESS_REVOKED = "access.revoked"


@dataclass(frozen=True)
class EventSpec:
    """What an event type means, the object it is about and its payload's keys."""

    description: str
    resource_type: str
    payload: str
    webhook: bool = True  # False: platform-internal, refused in webhook subscriptions


_ENV = "id, name, status, hostId"
_JOB = "id, name, status, envId"
_SERVICE = "id, name, status, replicas"
_ALERT = "alertRecordId, ruleId, metricType, resourceType, resourceId, severity, message"
_INVOICE = "id, invoiceNo, status, totalAmount, currency, billingPeriodStart, billingPeriodEnd"

CATALOGUE: dict[EventType, EventSpec] = {
    EventType.ENVIRONMENT_CREATED: EventSpec("an environment was created", "environment", _ENV),
    EventType.ENVIRONMENT_STARTED: EventSpec("an environment started running", "environment", _ENV),
    EventType.ENVIRONMENT_STOPPED: EventSpec("an environment was stopped", "environment", _ENV),
    EventType.ENVIRONMENT_DELETED: EventSpec("an environment was deleted", "environment", _ENV),
    EventType.ENVIRONMENT_FAILED: EventSpec("an environment went to ERROR", "environment", _ENV),
    EventType.TRAINING_STARTED: EventSpec("a training job started", "training_job", _JOB),
    EventType.TRAINING_COMPLETED: EventSpec(
        "a training job finished successfully", "training_job", _JOB
    ),
    EventType.TRAINING_FAILED: EventSpec("a training job failed", "training_job", _JOB),
    EventType.ALERT_FIRED: EventSpec("an alert rule fired", "alert_record", _ALERT),
    EventType.ALERT_RESOLVED: EventSpec(
        "a firing alert cleared", "alert_record", f"{_ALERT}, resolvedAt, resolvedBy"
    ),
    EventType.INVOICE_CREATED: EventSpec("an invoice was issued", "invoice", _INVOICE),
    EventType.INVOICE_PAID: EventSpec("an invoice was paid", "invoice", _INVOICE),
    EventType.QUOTA_EXCEEDED: EventSpec(
        "a request was refused for exceeding a quota",
        "customer",
        "customerId (who sent the request), action, message; written after the refusal",
    ),
    EventType.TRAINING_CANCELLED: EventSpec("a training job was cancelled", "training_job", _JOB),
    EventType.INFERENCE_CREATED: EventSpec(
        "an inference service was created", "inference_service", _SERVICE
    ),
    EventType.INFERENCE_STARTED: EventSpec(
        "an inference service started running", "inference_service", _SERVICE
    ),
    EventType.INFERENCE_STOPPED: EventSpec(
        "an inference service was stopped", "inference_service", _SERVICE
    ),
    EventType.INFERENCE_FAILED: EventSpec(
        "an inference service failed to deploy", "inference_service", _SERVICE
    ),
    EventType.INFERENCE_DELETED: EventSpec(
        "an inference service was deleted", "inference_service", _SERVICE
    ),
    EventType.INVOICE_OVERDUE: EventSpec(
        "an invoice's payment term ended unpaid", "invoice", _INVOICE
    ),
    EventType.TICKET_UPDATED: EventSpec(
        "an issue or requirement was edited, assigned or moved",
        "issue or requirement",
        "kind (issue or requirement), id, number, status, change (edited, assigned, moved)",
    ),
    EventType.HOST_STATUS_CHANGED: EventSpec(
        "a host went online, offline or into or out of maintenance",
        "host",
        "id, status, previousStatus",
        webhook=False,
    ),
    EventType.NOTIFICATION_CREATED: EventSpec(
        "a notification reached a customer's inbox",
        "notification",
        "id, type, level",
        webhook=False,
    ),
    EventType.ACCESS_REVOKED: EventSpec(
        "a customer was suspended or deleted, or an API token revoked: its live "
        "subscriptions are closed",
        "customer",
        "customerId, tokenId (null: every token of the customer), reason",
        webhook=False,
    ),
}

WEBHOOK_EVENTS: tuple[EventType, ...] = tuple(e for e in EventType if CATALOGUE[e].webhook)


def describe(event: EventType) -> str:
    """One line for the schema and the README: name, meaning, payload keys."""
    spec = CATALOGUE[event]
    return f"{event.value}: {spec.description}. Payload: {spec.payload}."


async def emit(
    session: AsyncSession,
    event_type: EventType,
    *,
    customer_id: int | None,
    resource_type: str,
    resource_id: str,
    payload: dict[str, Any],
) -> int:
    """Record an event in the caller's transaction; returns its event_outbox id.

    Nothing leaves the database before commit: the NOTIFY of the row's trigger is delivered
    at commit, and not at all if the transaction rolls back; the webhook deliveries it queues
    are jobs of the same transaction.
    """
    stmt = (
        insert(EventOutbox)
        .values(
            event_type=event_type.value,
            customer_id=customer_id,
            resource_type=resource_type,
            resource_id=str(resource_id),
            payload=payload,
            # Published by this commit: the trigger's NOTIFY and the webhook jobs are part of
            # the transaction, so no later step marks it. Housekeeping expires it after a week
            # (what a reconnecting listener can still replay).
            published_at=func.now(),
        )
        .returning(EventOutbox)
    )
    event = (await session.scalars(stmt)).one()
    if CATALOGUE[event_type].webhook:  # internal events have no webhook audience
        await enqueue_deliveries(session, event)
    return event.id


async def announce_access_revoked(
    session: AsyncSession, customer_id: int, token_id: int | None, reason: str
) -> None:
    """access.revoked: a suspension, deletion or token revocation, so that every API process
    closes the subscriptions it authenticated (they would otherwise outlive the access)."""
    await emit(
        session,
        EventType.ACCESS_REVOKED,
        customer_id=customer_id,
        resource_type="customer",
        resource_id=str(customer_id),
        payload={"customerId": customer_id, "tokenId": token_id, "reason": reason},
    )


async def announce_quota_exceeded(
    session: AsyncSession, customer_id: int, action: str, message: str
) -> None:
    """quota.exceeded: a request of the customer was refused for its quota. The refused change
    rolled back, so this is written in a transaction of its own, after the refusal."""
    await emit(
        session,
        EventType.QUOTA_EXCEEDED,
        customer_id=customer_id,
        resource_type="customer",
        resource_id=str(customer_id),
        payload={"customerId": customer_id, "action": action, "message": message},
    )
