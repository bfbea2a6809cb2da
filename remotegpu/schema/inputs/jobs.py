"""Filters and orderings of the `jobs` area: job runs."""

from __future__ import annotations

from enum import Enum

import strawberry

from remotegpu.db.models.jobs import JobRun
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    StringFilter,
)
from remotegpu.schema.inputs.filters import Where, filter_on
from remotegpu.schema.types.jobs import JobRunOutcome


@strawberry.input(description="Filter job runs (by job name, outcome, start time).")
class JobRunWhere(Where):
    job_name: StringFilter | None = filter_on(
        JobRun.job_name, "The job's name in the schedule, e.g. hosts.liveness."
    )
    outcome: EnumFilter[JobRunOutcome] | None = filter_on(
        JobRun.outcome, "Match the outcome (one value or a list)."
    )
    started_at: DateTimeFilter | None = filter_on(JobRun.started_at, "Time range on started at.")


@strawberry.enum(description="Orderings of job runs.")
class JobRunOrder(Enum):
    STARTED_AT_DESC = "started_at_desc"
    ID_ASC = "id_asc"


JOB_RUN_ORDERINGS: dict[JobRunOrder, Ordering] = {
    JobRunOrder.STARTED_AT_DESC: Ordering(
        "started", (JobRun.started_at, JobRun.id), descending=True
    ),
    JobRunOrder.ID_ASC: Ordering("id", (JobRun.id,)),
}
