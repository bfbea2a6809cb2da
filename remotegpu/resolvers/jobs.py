"""Root fields of the `jobs` area: runs of platform jobs (admins)."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.db.models.jobs import JobRun as JobRunRow
from remotegpu.loaders.jobs import visible_job_runs
from remotegpu.schema.inputs.jobs import JOB_RUN_ORDERINGS, JobRunOrder, JobRunWhere
from remotegpu.schema.relations import root_connection_field
from remotegpu.schema.types.jobs import JobRun

Info = strawberry.Info[Context, None]


@strawberry.type
class JobsQuery:
    job_runs = root_connection_field(
        JobRun,
        JobRunRow,
        visible_job_runs,
        JOB_RUN_ORDERINGS,
        JobRunWhere,
        default=JobRunOrder.STARTED_AT_DESC,
        description=(
            "Runs of platform jobs (host liveness, housekeeping, roll-ups, metering, ...): "
            "when each started and finished, rows it touched, its outcome and error. Platform "
            "admins only; empty for everyone else."
        ),
    )
