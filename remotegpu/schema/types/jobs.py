"""Types of the `jobs` area: JobRun, one run of a platform job (admins only)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import strawberry

from remotegpu.db.models.jobs import JobRun as JobRunRow
from remotegpu.schema.node import Node
from remotegpu.schema.types.base import col, from_row, table_doc

J = "job_runs"


@strawberry.enum(description="job_runs.outcome")
class JobRunOutcome(StrEnum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    ABANDONED = "abandoned"


@strawberry.type(description=table_doc(J))
class JobRun(Node):
    row_id: int = col(J, "id")
    job_name: str = col(J, "job_name")
    queue_job_id: int | None = col(J, "queue_job_id")
    attempt: int = col(J, "attempt")
    worker: str | None = col(J, "worker")
    started_at: datetime = col(J, "started_at")
    finished_at: datetime | None = col(J, "finished_at")
    rows_touched: int | None = col(J, "rows_touched")
    outcome: JobRunOutcome = col(J, "outcome")
    error: str | None = col(J, "error")

    @classmethod
    def from_row(cls, row: JobRunRow) -> JobRun:
        return from_row(cls, row)
