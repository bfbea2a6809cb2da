"""Alert rules and fired alerts (11_alerts_and_webhooks.sql)."""

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from remotegpu.db.models.base import Base, BigSerialId, CreatedUpdatedAt, TimestampDefaultNow


class AlertRule(CreatedUpdatedAt, Base):
    """Threshold rules on a metric; customer_id NULL means a platform-wide rule."""

    __tablename__ = "alert_rules"
    __table_args__ = (
        Index("idx_alert_rules_customer", "customer_id"),
        Index("idx_alert_rules_enabled", "enabled"),
    )

    id: Mapped[BigSerialId]
    # -> customers.id; NULL = platform-wide
    customer_id: Mapped[int | None]
    name: Mapped[str] = mapped_column(String(256))
    description: Mapped[str | None]
    # cpu_usage, memory_usage, gpu_usage, disk_usage, ...
    metric_type: Mapped[str] = mapped_column(String(64))
    threshold: Mapped[float]
    comparison: Mapped[str] = mapped_column(String(10))  # >, <, >=, <=, ==
    # seconds the condition must hold before firing
    duration: Mapped[int | None] = mapped_column(Integer, server_default=text("60"))
    # info, warning, critical
    severity: Mapped[str | None] = mapped_column(String(20), server_default=text("'warning'"))
    enabled: Mapped[bool | None] = mapped_column(Boolean, server_default=text("true"))


class AlertRecord(Base):
    """Alerts fired by a rule, until resolved."""

    __tablename__ = "alert_records"
    __table_args__ = (
        Index("idx_alert_records_rule", "rule_id"),
        Index("idx_alert_records_customer", "customer_id"),
        Index("idx_alert_records_status", "status"),
        Index("idx_alert_records_triggered_at", text("triggered_at DESC")),
        # migration 14: at most one firing alert per rule and resource
        Index(
            "uq_alert_records_firing",
            "rule_id",
            "resource_type",
            "resource_id",
            unique=True,
            postgresql_where=text("status = 'firing'"),
        ),
    )

    id: Mapped[BigSerialId]
    rule_id: Mapped[int]  # -> alert_rules.id
    customer_id: Mapped[int | None]  # -> customers.id
    resource_type: Mapped[str | None] = mapped_column(String(64))
    # id of the host / gpu / environment the value came from
    resource_id: Mapped[str | None] = mapped_column(String(128))
    metric_type: Mapped[str] = mapped_column(String(64))
    current_value: Mapped[float]
    threshold: Mapped[float]
    severity: Mapped[str] = mapped_column(String(20))
    # firing, resolved
    status: Mapped[str | None] = mapped_column(String(20), server_default=text("'firing'"))
    message: Mapped[str | None]
    triggered_at: Mapped[TimestampDefaultNow | None]
    resolved_at: Mapped[datetime | None]
