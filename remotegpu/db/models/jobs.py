"""Runs of platform jobs (22_job_runs.sql); the queue's own tables (21) belong to PgQueuer."""

from datetime import datetime

from sqlalchemy import Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from remotegpu.db.models.base import Base, BigSerialId, TimestampDefaultNow


class JobRun(Base):
    """One run of a recurring or queued job: started, finished, rows touched, outcome, error."""

    __tablename__ = "job_runs"
    __table_args__ = (
        Index("idx_job_runs_started", text("started_at DESC"), text("id DESC")),
        Index("idx_job_runs_name_started", "job_name", text("started_at DESC")),
    )

    id: Mapped[BigSerialId]
    job_name: Mapped[str] = mapped_column(String(128))
    queue_job_id: Mapped[int | None]  # -> pgqueuer.id
    attempt: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    worker: Mapped[str | None] = mapped_column(String(128))
    started_at: Mapped[TimestampDefaultNow]
    finished_at: Mapped[datetime | None]
    rows_touched: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(16), server_default=text("'running'"))
    error: Mapped[str | None]
