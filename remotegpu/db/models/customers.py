"""Platform accounts and their resource quotas (03_users_and_permissions.sql)."""

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from remotegpu.db.models.base import (
    Base,
    BigSerialId,
    CreatedUpdatedAt,
    TimestampDefaultNow,
    UuidDefaultRandom,
)


class Customer(Base):
    """Platform accounts (the "users"); soft-deleted through deleted_at."""

    __tablename__ = "customers"
    __table_args__ = (
        Index("idx_customers_username", "username"),
        Index("idx_customers_email", "email"),
        Index("idx_customers_status", "status"),
        Index("idx_customers_user_type", "user_type"),
        Index("idx_customers_account_type", "account_type"),
        # migration 14: case-insensitive uniqueness among non-deleted customers
        Index(
            "uq_customers_username_lower",
            text("lower(username)"),
            unique=True,
            postgresql_where=text("deleted_at IS NULL"),
        ),
        Index(
            "uq_customers_email_lower",
            text("lower(email)"),
            unique=True,
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    id: Mapped[BigSerialId]
    uuid: Mapped[UuidDefaultRandom]
    username: Mapped[str] = mapped_column(String(64), unique=True)
    email: Mapped[str] = mapped_column(String(128), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))  # never exposed through the API
    display_name: Mapped[str | None] = mapped_column(String(128))
    avatar_url: Mapped[str | None] = mapped_column(String(512))
    phone: Mapped[str | None] = mapped_column(String(32))
    full_name: Mapped[str | None] = mapped_column(String(256))
    company: Mapped[str | None] = mapped_column(String(256))
    # admin (platform staff), internal, external
    user_type: Mapped[str | None] = mapped_column(String(32), server_default=text("'external'"))
    # individual, enterprise
    account_type: Mapped[str | None] = mapped_column(
        String(32), server_default=text("'individual'")
    )
    # active, suspended, deleted
    status: Mapped[str | None] = mapped_column(String(32), server_default=text("'active'"))
    email_verified: Mapped[bool | None] = mapped_column(Boolean, server_default=text("false"))
    phone_verified: Mapped[bool | None] = mapped_column(Boolean, server_default=text("false"))
    last_login_at: Mapped[datetime | None]
    created_at: Mapped[TimestampDefaultNow | None]
    updated_at: Mapped[TimestampDefaultNow | None]
    deleted_at: Mapped[datetime | None]
    # migration 19: bumped on suspension and soft delete; older tokens are refused
    token_epoch: Mapped[int] = mapped_column(Integer, server_default=text("0"))


class ResourceQuota(CreatedUpdatedAt, Base):
    """Per-customer limits (one row per customer, user_id = customers.id)."""

    __tablename__ = "resource_quotas"
    __table_args__ = (Index("idx_resource_quotas_user", "user_id"),)

    id: Mapped[BigSerialId]
    user_id: Mapped[int]  # -> customers.id
    # free, basic, pro, enterprise
    quota_level: Mapped[str | None] = mapped_column(String(32), server_default=text("'free'"))
    cpu_quota: Mapped[int | None] = mapped_column(Integer, server_default=text("4"))  # cores
    memory_quota: Mapped[int | None] = mapped_column(Integer, server_default=text("8192"))  # MB
    gpu_quota: Mapped[int | None] = mapped_column(Integer, server_default=text("0"))  # GPUs
    # bytes (default 10 GiB)
    storage_quota: Mapped[int | None] = mapped_column(server_default=text("10737418240"))
    environment_quota: Mapped[int | None] = mapped_column(Integer, server_default=text("1"))
