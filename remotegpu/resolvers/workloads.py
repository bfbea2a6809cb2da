"""Root fields of the `workloads` area: training jobs and inference services."""

from __future__ import annotations

from typing import Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db.models.workloads import InferenceService as InferenceServiceRow
from remotegpu.db.models.workloads import TrainingJob as TrainingJobRow
from remotegpu.loaders.workloads import visible_inference_services, visible_training_jobs
from remotegpu.schema.connections import root_connection
from remotegpu.schema.entities import row_key_from_id
from remotegpu.schema.inputs.workloads import (
    INFERENCE_SERVICE_ORDERINGS,
    TRAINING_JOB_ORDERINGS,
    InferenceServiceOrder,
    InferenceServiceWhere,
    TrainingJobOrder,
    TrainingJobWhere,
)
from remotegpu.schema.node import id_argument_description
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.workloads import InferenceService, TrainingJob

Info = strawberry.Info[Context, None]


_TRAINING_JOB_ID = Annotated[
    str, strawberry.argument(description=id_argument_description("trainingJobByRowId"))
]
_INFERENCE_SERVICE_ID = Annotated[
    str, strawberry.argument(description=id_argument_description("inferenceServiceByRowId"))
]
_ROW_ID = Annotated[str, strawberry.argument(description="The table key (`rowId`).")]


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

    @strawberry.field(description="One training job by its global ID, if visible.")
    async def training_job(
        self,
        info: Info,
        id: _TRAINING_JOB_ID,
    ) -> TrainingJob | None:
        key = row_key_from_id(id, "TrainingJob")
        return None if key is None else await _training_job_by_key(info, key)

    @strawberry.field(description="One training job by its table key (`rowId`), if visible.")
    async def training_job_by_row_id(
        self,
        info: Info,
        row_id: _ROW_ID,
    ) -> TrainingJob | None:
        return await _training_job_by_key(info, row_id)

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

    @strawberry.field(description="One inference service by its global ID, if visible.")
    async def inference_service(
        self,
        info: Info,
        id: _INFERENCE_SERVICE_ID,
    ) -> InferenceService | None:
        key = row_key_from_id(id, "InferenceService")
        return None if key is None else await _inference_service_by_key(info, key)

    @strawberry.field(description="One inference service by its table key (`rowId`), if visible.")
    async def inference_service_by_row_id(
        self,
        info: Info,
        row_id: _ROW_ID,
    ) -> InferenceService | None:
        return await _inference_service_by_key(info, row_id)


async def _training_job_by_key(info: Info, key: str) -> TrainingJob | None:
    row = await info.context.loaders.workloads.training_job_by_id.load(key)
    return None if row is None else TrainingJob.from_row(row)


async def _inference_service_by_key(info: Info, key: str) -> InferenceService | None:
    row = await info.context.loaders.workloads.inference_service_by_id.load(key)
    return None if row is None else InferenceService.from_row(row)
