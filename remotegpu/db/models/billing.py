"""Metered usage and invoices (08_billing.sql). Money is NUMERIC(14,4) -> Decimal."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Index, Numeric, String, text
from sqlalchemy.orm import Mapped, mapped_column

from remotegpu.db.models.base import (
    Base,
    BigSerialId,
    CreatedAt,
    CreatedUpdatedAt,
)


class BillingRecord(CreatedAt, Base):
    """Metered usage lines: quantity x unit_price = amount over [start_time, end_time)."""

    __tablename__ = "billing_records"
    __table_args__ = (
        Index("idx_billing_records_customer", "customer_id"),
        Index("idx_billing_records_env", "env_id"),
        Index("idx_billing_records_start_time", text("start_time DESC")),
        Index("idx_billing_records_created_at", text("created_at DESC")),
        # migration 14: metering re-runs never bill the same interval twice
        Index(
            "uq_billing_records_env_resource_start",
            "env_id",
            "resource_type",
            "start_time",
            unique=True,
        ),
    )

    id: Mapped[BigSerialId]
    customer_id: Mapped[int]  # -> customers.id
    env_id: Mapped[str | None] = mapped_column(String(64))  # -> environments.id
    resource_type: Mapped[str] = mapped_column(String(32))  # cpu, memory, gpu, storage, network
    quantity: Mapped[float]  # e.g. cores, GB, GPUs
    unit_price: Mapped[Decimal] = mapped_column(Numeric(14, 4))
    amount: Mapped[Decimal] = mapped_column(Numeric(14, 4))
    currency: Mapped[str | None] = mapped_column(String(10), server_default=text("'CNY'"))
    start_time: Mapped[datetime]
    end_time: Mapped[datetime]


class Invoice(CreatedUpdatedAt, Base):
    """Bills that aggregate billing records of a customer over a billing period."""

    __tablename__ = "invoices"
    __table_args__ = (
        Index("idx_invoices_customer", "customer_id"),
        Index("idx_invoices_status", "status"),
        Index("idx_invoices_period", "billing_period_start", "billing_period_end"),
    )

    id: Mapped[BigSerialId]
    invoice_no: Mapped[str] = mapped_column(String(64), unique=True)
    customer_id: Mapped[int]  # -> customers.id
    billing_period_start: Mapped[datetime]
    billing_period_end: Mapped[datetime]
    total_amount: Mapped[Decimal] = mapped_column(Numeric(14, 4))
    currency: Mapped[str | None] = mapped_column(String(10), server_default=text("'CNY'"))
    # pending, paid, overdue, cancelled
    status: Mapped[str | None] = mapped_column(String(20), server_default=text("'pending'"))
    paid_at: Mapped[datetime | None]
