"""Webhooks and their delivery log (11_alerts_and_webhooks.sql, 28_webhook_delivery.sql)."""

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Boolean, Index, Integer, String, Text, Uuid, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from remotegpu.db.models.base import Base, BigSerialId, TimestampDefaultNow


class Webhook(Base):
    """Customer-registered HTTP endpoints subscribed to event types."""

    __tablename__ = "webhooks"
    __table_args__ = (
        Index("idx_webhooks_customer", "customer_id"),
        Index("idx_webhooks_enabled", "enabled"),
    )

    id: Mapped[BigSerialId]
    customer_id: Mapped[int]  # -> customers.id
    name: Mapped[str] = mapped_column(String(256))
    url: Mapped[str] = mapped_column(String(512))
    # signing secret; write-only through the API
    secret: Mapped[str | None] = mapped_column(String(256))
    events: Mapped[list[str]] = mapped_column(ARRAY(Text))  # subscribed event types
    enabled: Mapped[bool | None] = mapped_column(Boolean, server_default=text("true"))
    created_at: Mapped[TimestampDefaultNow | None]
    updated_at: Mapped[TimestampDefaultNow | None]
    # 28_webhook_delivery.sql: deliveries in a row that used up their retries, and since when
    # the webhook is failing (NULL while healthy).
    consecutive_failures: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    failing_since: Mapped[datetime | None]


class WebhookLog(Base):
    """One row per delivery attempt of an event to a webhook."""

    __tablename__ = "webhook_logs"
    __table_args__ = (
        Index("idx_webhook_logs_webhook", "webhook_id"),
        Index("idx_webhook_logs_created_at", text("created_at DESC")),
    )

    id: Mapped[BigSerialId]
    webhook_id: Mapped[int]  # -> webhooks.id
    event_type: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any] | None]
    status_code: Mapped[int | None] = mapped_column(Integer)
    response_body: Mapped[str | None]
    error_message: Mapped[str | None]
    created_at: Mapped[TimestampDefaultNow | None]
    # 28_webhook_delivery.sql: one attempt of one event's delivery.
    event_id: Mapped[UUID | None] = mapped_column(Uuid)
    attempt: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    status: Mapped[str | None] = mapped_column(String(16))  # succeeded, failed
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    error_class: Mapped[str | None] = mapped_column(String(64))
    next_attempt_at: Mapped[datetime | None]
