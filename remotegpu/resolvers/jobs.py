"""Root fields of the `jobs` area: runs of platform jobs (admins)."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.db.models.jobs import JobRun as JobRunRow
from remotegpu.loaders.jobs import visible_job_runs
from remotegpu.schema.connections import root_connection
from remotegpu.schema.inputs.jobs import JOB_RUN_ORDERINGS, JobRunOrder, JobRunWhere
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.jobs import JobRun

Info = strawberry.Info[Context, None]


@strawberry.type
class JobsQuery:
    @strawberry.field(
        description=(
            "Runs of platform jobs (host liveness, housekeeping, roll-ups, metering, ...): "
            "when each started and finished, rows it touched, its outcome and error. Platform "
            "admins only; empty for everyone else."
        )
    )
    async def job_runs(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: JobRunWhere | None = None,
        order_by: JobRunOrder = JobRunOrder.STARTED_AT_DESC,
    ) -> Connection[JobRun]:
        return await root_connection(
            info.context,
            JobRunRow,
            visible_job_runs,
            JobRun.from_row,
            JOB_RUN_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )
