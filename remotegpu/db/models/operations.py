"""Bookkeeping of mutations (16_operations.sql): idempotency keys and the event outbox."""

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import CHAR, Index, Integer, String, UniqueConstraint, Uuid, text
from sqlalchemy.orm import Mapped, mapped_column

from remotegpu.db.models.base import Base, BigSerialId, TimestampDefaultNow


class IdempotencyKey(Base):
    """Keys of retried mutations: same key and input give the same result."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (
        UniqueConstraint("customer_id", "operation", "idempotency_key", name="uq_idempotency_keys"),
    )

    id: Mapped[BigSerialId]
    customer_id: Mapped[int]  # -> customers.id
    operation: Mapped[str] = mapped_column(String(64))
    idempotency_key: Mapped[str] = mapped_column(String(128))
    request_hash: Mapped[str] = mapped_column(CHAR(64))
    resource_id: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[TimestampDefaultNow]


class EventOutbox(Base):
    """Domain events written with the change that caused them, published after commit."""

    __tablename__ = "event_outbox"
    __table_args__ = (
        UniqueConstraint("event_id", name="uq_event_outbox_event_id"),
        Index("idx_event_outbox_pending", "id", postgresql_where=text("published_at IS NULL")),
        Index("idx_event_outbox_customer", "customer_id", "id"),
    )

    id: Mapped[BigSerialId]
    event_id: Mapped[UUID] = mapped_column(Uuid, server_default=text("gen_random_uuid()"))
    event_type: Mapped[str] = mapped_column(String(64))
    customer_id: Mapped[int | None]  # -> customers.id
    resource_type: Mapped[str | None] = mapped_column(String(64))
    resource_id: Mapped[str | None] = mapped_column(String(128))
    payload: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'::jsonb"))
    created_at: Mapped[TimestampDefaultNow]
    published_at: Mapped[datetime | None]


class TicketSequence(Base):
    """Last ticket number per kind and year (17_ticket_numbers.sql): gap-free numbering."""

    __tablename__ = "ticket_sequences"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)  # issue, requirement
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer)
