"""Workspaces and their members (03_users_and_permissions.sql)."""

from sqlalchemy import (
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from remotegpu.db.models.base import (
    Base,
    BigSerialId,
    CreatedAt,
    CreatedUpdatedAt,
    TimestampDefaultNow,
    UuidDefaultRandom,
)


class Workspace(CreatedUpdatedAt, Base):
    """Personal, team or enterprise spaces owned by a customer."""

    __tablename__ = "workspaces"
    __table_args__ = (
        Index("idx_workspaces_owner", "owner_id"),
        Index("idx_workspaces_type", "type"),
        Index("idx_workspaces_status", "status"),
    )

    id: Mapped[BigSerialId]
    uuid: Mapped[UuidDefaultRandom]
    owner_id: Mapped[int]  # -> customers.id
    name: Mapped[str] = mapped_column(String(128))
    description: Mapped[str | None]
    # personal, team, enterprise
    type: Mapped[str | None] = mapped_column(String(32), server_default=text("'personal'"))
    # denormalised count of active members; kept right by the application
    member_count: Mapped[int | None] = mapped_column(Integer, server_default=text("1"))
    # active, archived
    status: Mapped[str | None] = mapped_column(String(32), server_default=text("'active'"))


class WorkspaceMember(CreatedAt, Base):
    """Membership of customers in workspaces, with a role."""

    __tablename__ = "workspace_members"
    __table_args__ = (
        # unnamed in the SQL; this is the name PostgreSQL gives it
        UniqueConstraint(
            "workspace_id", "customer_id", name="workspace_members_workspace_id_customer_id_key"
        ),
        Index("idx_workspace_members_workspace", "workspace_id"),
        Index("idx_workspace_members_customer", "customer_id"),
        Index("idx_workspace_members_role", "role"),
    )

    id: Mapped[BigSerialId]
    workspace_id: Mapped[int]  # -> workspaces.id
    customer_id: Mapped[int]  # -> customers.id
    # owner, admin, member, viewer
    role: Mapped[str | None] = mapped_column(String(32), server_default=text("'member'"))
    # active, invited, suspended
    status: Mapped[str | None] = mapped_column(String(32), server_default=text("'active'"))
    joined_at: Mapped[TimestampDefaultNow | None]
