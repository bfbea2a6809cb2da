"""Root fields of the `workloads` area: training jobs and inference services."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.db.models.workloads import InferenceService as InferenceServiceRow
from remotegpu.db.models.workloads import TrainingJob as TrainingJobRow
from remotegpu.loaders.workloads import visible_inference_services, visible_training_jobs
from remotegpu.schema.connections import root_connection
from remotegpu.schema.inputs.workloads import (
    INFERENCE_SERVICE_ORDERINGS,
    TRAINING_JOB_ORDERINGS,
    InferenceServiceOrder,
    InferenceServiceWhere,
    TrainingJobOrder,
    TrainingJobWhere,
)
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.workloads import InferenceService, TrainingJob

Info = strawberry.Info[Context, None]


@strawberry.type
class WorkloadsQuery:
    @strawberry.field(
        description="Training jobs (admins: all; customers: their own and their workspaces')."
    )
    async def training_jobs(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: TrainingJobWhere | None = None,
        order_by: TrainingJobOrder = TrainingJobOrder.CREATED_AT_DESC,
    ) -> Connection[TrainingJob]:
        return await root_connection(
            info.context,
            TrainingJobRow,
            visible_training_jobs,
            TrainingJob.from_row,
            TRAINING_JOB_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="One training job by its key (training_jobs.id), if visible.")
    async def training_job(self, info: Info, id: str) -> TrainingJob | None:
        row = await info.context.loaders.workloads.training_job_by_id.load(id)
        return None if row is None else TrainingJob.from_row(row)

    @strawberry.field(
        description="Inference services (admins: all; customers: their own and their workspaces')."
    )
    async def inference_services(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: InferenceServiceWhere | None = None,
        order_by: InferenceServiceOrder = InferenceServiceOrder.CREATED_AT_DESC,
    ) -> Connection[InferenceService]:
        return await root_connection(
            info.context,
            InferenceServiceRow,
            visible_inference_services,
            InferenceService.from_row,
            INFERENCE_SERVICE_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(
        description="One inference service by its key (inference_services.id), if visible."
    )
    async def inference_service(self, info: Info, id: str) -> InferenceService | None:
        row = await info.context.loaders.workloads.inference_service_by_id.load(id)
        return None if row is None else InferenceService.from_row(row)
