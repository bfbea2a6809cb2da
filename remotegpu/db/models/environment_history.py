"""Status history of environments (25_environment_status_history.sql), written by a trigger."""

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from remotegpu.db.models.base import Base, BigSerialId, TimestampDefaultNow


class EnvironmentStatusHistory(Base):
    """Every status an environment entered, with the resources it held from then on."""

    __tablename__ = "environment_status_history"
    __table_args__ = (
        Index("idx_environment_status_history_env_time", "env_id", "changed_at"),
        Index("idx_environment_status_history_changed_at", "changed_at"),
    )

    id: Mapped[BigSerialId]
    env_id: Mapped[str] = mapped_column(String(64))  # -> environments.id
    user_id: Mapped[int]  # -> customers.id
    status: Mapped[str | None] = mapped_column(String(20))
    cpu: Mapped[int] = mapped_column(Integer)
    memory: Mapped[int]
    gpu: Mapped[int | None] = mapped_column(Integer)
    storage: Mapped[int | None]
    changed_at: Mapped[TimestampDefaultNow]
