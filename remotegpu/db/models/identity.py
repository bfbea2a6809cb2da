"""API tokens and refresh tokens (15_identity.sql). Only hashes of tokens are stored."""

from datetime import datetime
from uuid import UUID

from sqlalchemy import (
    CHAR,
    CheckConstraint,
    Index,
    Integer,
    String,
    Text,
    Uuid,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from remotegpu.db.models.base import Base, BigSerialId, TimestampDefaultNow


class ApiToken(Base):
    """Long-lived API tokens of customers (scripts, CI, host agents)."""

    __tablename__ = "api_tokens"
    __table_args__ = (
        CheckConstraint(
            "cardinality(scopes) > 0 AND scopes <@ ARRAY['read', 'write', 'agent']::TEXT[]",
            name="ck_api_tokens_scopes",
        ),
        CheckConstraint(
            "('agent' = ANY (scopes)) = (host_id IS NOT NULL)", name="ck_api_tokens_agent_host"
        ),
        Index("uq_api_tokens_token_hash", "token_hash", unique=True),
        Index("idx_api_tokens_customer", "customer_id"),
        Index("idx_api_tokens_host", "host_id", postgresql_where=text("host_id IS NOT NULL")),
    )

    id: Mapped[BigSerialId]
    customer_id: Mapped[int]  # -> customers.id (owner)
    name: Mapped[str] = mapped_column(String(128))
    prefix: Mapped[str] = mapped_column(String(16))  # visible part: rgp_<prefix>_...
    token_hash: Mapped[str] = mapped_column(CHAR(64))  # sha256 hex; never exposed
    scopes: Mapped[list[str]] = mapped_column(ARRAY(Text), server_default=text("'{}'"))
    host_id: Mapped[str | None] = mapped_column(String(64))  # -> hosts.id; agent tokens only
    expires_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    created_at: Mapped[TimestampDefaultNow]
    # migration 19: the owner's customers.token_epoch at creation; refused once they differ
    token_epoch: Mapped[int] = mapped_column(Integer, server_default=text("0"))


class RefreshToken(Base):
    """Refresh tokens of login sessions, rotated on use; a family is one login."""

    __tablename__ = "refresh_tokens"
    __table_args__ = (
        Index("uq_refresh_tokens_token_hash", "token_hash", unique=True),
        Index("idx_refresh_tokens_customer", "customer_id"),
        Index("idx_refresh_tokens_family", "family_id"),
    )

    id: Mapped[BigSerialId]
    customer_id: Mapped[int]  # -> customers.id
    token_hash: Mapped[str] = mapped_column(CHAR(64))  # sha256 hex; never exposed
    family_id: Mapped[UUID] = mapped_column(Uuid)
    parent_id: Mapped[int | None]  # -> refresh_tokens.id
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    revoked_reason: Mapped[str | None] = mapped_column(String(32))  # logout, reuse, account
    created_at: Mapped[TimestampDefaultNow]
