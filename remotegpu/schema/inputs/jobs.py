"""Filters and orderings of the `jobs` area: job runs."""

from __future__ import annotations

from enum import Enum

import strawberry
from sqlalchemy import ColumnElement

from remotegpu.db.models.jobs import JobRun
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    StringFilter,
    datetime_conditions,
    enum_conditions,
    string_conditions,
)
from remotegpu.schema.types.jobs import JobRunOutcome


@strawberry.input(description="Filter job runs (by job name, outcome, start time).")
class JobRunWhere:
    job_name: StringFilter | None = strawberry.field(
        default=None, description="The job's name in the schedule, e.g. hosts.liveness."
    )
    outcome: EnumFilter[JobRunOutcome] | None = strawberry.field(
        default=None, description="Match the outcome (one value or a list)."
    )
    started_at: DateTimeFilter | None = strawberry.field(
        default=None, description="Time range on started at."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *string_conditions(JobRun.job_name, self.job_name),
            *enum_conditions(JobRun.outcome, self.outcome),
            *datetime_conditions(JobRun.started_at, self.started_at),
        ]


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
