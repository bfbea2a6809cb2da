"""Notifications and audit logs (10_notifications_and_logs.sql)."""

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from remotegpu.db.models.base import Base, BigSerialId, CreatedAt


class Notification(CreatedAt, Base):
    """Messages to a customer (in-app inbox)."""

    __tablename__ = "notifications"
    __table_args__ = (
        Index("idx_notifications_customer", "customer_id"),
        Index("idx_notifications_is_read", "is_read"),
        Index("idx_notifications_created_at", text("created_at DESC")),
        # migration 14: a customer's unread notifications
        Index(
            "idx_notifications_customer_unread",
            "customer_id",
            postgresql_where=text("is_read = false"),
        ),
    )

    id: Mapped[BigSerialId]
    customer_id: Mapped[int]  # -> customers.id
    title: Mapped[str] = mapped_column(String(256))
    content: Mapped[str | None]
    type: Mapped[str] = mapped_column(String(32))  # system, environment, billing, alert
    # info, warning, error
    level: Mapped[str | None] = mapped_column(String(20), server_default=text("'info'"))
    is_read: Mapped[bool | None] = mapped_column(Boolean, server_default=text("false"))
    read_at: Mapped[datetime | None]


class AuditLog(CreatedAt, Base):
    """Who did what to which resource, from where, with which outcome."""

    __tablename__ = "audit_logs"
    __table_args__ = (
        Index("idx_audit_logs_customer", "customer_id"),
        Index("idx_audit_logs_action", "action"),
        Index("idx_audit_logs_resource", "resource_type", "resource_id"),
        Index("idx_audit_logs_created_at", text("created_at DESC")),
    )

    id: Mapped[BigSerialId]
    # -> customers.id; NULL for anonymous/system
    customer_id: Mapped[int | None]
    username: Mapped[str | None] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(128))  # create, update, delete, login, ...
    resource_type: Mapped[str | None] = mapped_column(String(64))  # environment, dataset, ...
    resource_id: Mapped[str | None] = mapped_column(String(128))
    ip_address: Mapped[str | None] = mapped_column(String(64))
    user_agent: Mapped[str | None]
    request_method: Mapped[str | None] = mapped_column(String(10))
    request_path: Mapped[str | None] = mapped_column(String(512))
    status_code: Mapped[int | None] = mapped_column(Integer)
    error_message: Mapped[str | None]
