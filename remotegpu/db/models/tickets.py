"""Support issues, requirements and their comments (12_issues_and_requirements.sql)."""

from datetime import datetime

from sqlalchemy import Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from remotegpu.db.models.base import Base, BigSerialId, CreatedUpdatedAt, TimestampDefaultNow


class Issue(Base):
    """Support tickets (bug / question / feature) raised by customers."""

    __tablename__ = "issues"
    __table_args__ = (
        Index("idx_issues_customer", "customer_id"),
        Index("idx_issues_status", "status"),
        Index("idx_issues_assignee", "assignee_id"),
        Index("idx_issues_created_at", text("created_at DESC")),
    )

    id: Mapped[BigSerialId]
    issue_no: Mapped[str] = mapped_column(String(64), unique=True)
    customer_id: Mapped[int]  # -> customers.id (reporter)
    title: Mapped[str] = mapped_column(String(256))
    description: Mapped[str | None]
    type: Mapped[str] = mapped_column(String(32))  # bug, question, feature
    # low, medium, high, critical
    priority: Mapped[str | None] = mapped_column(String(20), server_default=text("'medium'"))
    # open, in_progress, resolved, closed
    status: Mapped[str | None] = mapped_column(String(20), server_default=text("'open'"))
    assignee_id: Mapped[int | None]  # -> customers.id (staff)
    created_at: Mapped[TimestampDefaultNow | None]
    updated_at: Mapped[TimestampDefaultNow | None]
    resolved_at: Mapped[datetime | None]


class Requirement(Base):
    """Feature requests / requirements raised by customers."""

    __tablename__ = "requirements"
    __table_args__ = (
        Index("idx_requirements_customer", "customer_id"),
        Index("idx_requirements_status", "status"),
        Index("idx_requirements_assignee", "assignee_id"),
        Index("idx_requirements_created_at", text("created_at DESC")),
    )

    id: Mapped[BigSerialId]
    requirement_no: Mapped[str] = mapped_column(String(64), unique=True)
    customer_id: Mapped[int]  # -> customers.id
    title: Mapped[str] = mapped_column(String(256))
    description: Mapped[str | None]
    # low, medium, high, critical
    priority: Mapped[str | None] = mapped_column(String(20), server_default=text("'medium'"))
    # submitted, reviewing, approved, in_progress, completed, rejected
    status: Mapped[str | None] = mapped_column(String(20), server_default=text("'submitted'"))
    assignee_id: Mapped[int | None]  # -> customers.id (staff)
    created_at: Mapped[TimestampDefaultNow | None]
    updated_at: Mapped[TimestampDefaultNow | None]
    completed_at: Mapped[datetime | None]


class Comment(CreatedUpdatedAt, Base):
    """Comments on an issue or a requirement (polymorphic: resource_type + resource_id)."""

    __tablename__ = "comments"
    __table_args__ = (
        Index("idx_comments_resource", "resource_type", "resource_id"),
        Index("idx_comments_customer", "customer_id"),
        Index("idx_comments_created_at", text("created_at DESC")),
    )

    id: Mapped[BigSerialId]
    customer_id: Mapped[int]  # -> customers.id (author)
    resource_type: Mapped[str] = mapped_column(String(32))  # issue, requirement
    resource_id: Mapped[int]  # -> issues.id or requirements.id
    content: Mapped[str]
