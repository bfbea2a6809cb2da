"""Root fields of the `workloads` area: training jobs and inference services."""

from __future__ import annotations

from typing import Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db.models.workloads import InferenceService as InferenceServiceRow
from remotegpu.db.models.workloads import TrainingJob as TrainingJobRow
from remotegpu.loaders.workloads import visible_inference_services, visible_training_jobs
from remotegpu.schema.entities import node_for_id_argument
from remotegpu.schema.inputs.workloads import (
    INFERENCE_SERVICE_ORDERINGS,
    TRAINING_JOB_ORDERINGS,
    InferenceServiceOrder,
    InferenceServiceWhere,
    TrainingJobOrder,
    TrainingJobWhere,
)
from remotegpu.schema.node import id_argument_description
from remotegpu.schema.relations import root_connection_field, root_lookup
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
    training_jobs = root_connection_field(
        TrainingJob,
        TrainingJobRow,
        visible_training_jobs,
        TRAINING_JOB_ORDERINGS,
        TrainingJobWhere,
        default=TrainingJobOrder.CREATED_AT_DESC,
        description="Training jobs (admins: all; customers: their own and their workspaces').",
    )

    @strawberry.field(description="One training job by its global ID, if visible.")
    async def training_job(
        self,
        info: Info,
        id: _TRAINING_JOB_ID,
    ) -> TrainingJob | None:
        return await node_for_id_argument(info.context, TrainingJob, id)

    training_job_by_row_id = root_lookup(
        TrainingJob,
        "workloads.training_job_by_id",
        "row_id",
        _ROW_ID,
        description="One training job by its table key (`rowId`), if visible.",
        compiled=False,
    )

    inference_services = root_connection_field(
        InferenceService,
        InferenceServiceRow,
        visible_inference_services,
        INFERENCE_SERVICE_ORDERINGS,
        InferenceServiceWhere,
        default=InferenceServiceOrder.CREATED_AT_DESC,
        description="Inference services (admins: all; customers: their own and their workspaces').",
    )

    @strawberry.field(description="One inference service by its global ID, if visible.")
    async def inference_service(
        self,
        info: Info,
        id: _INFERENCE_SERVICE_ID,
    ) -> InferenceService | None:
        return await node_for_id_argument(info.context, InferenceService, id)

    inference_service_by_row_id = root_lookup(
        InferenceService,
        "workloads.inference_service_by_id",
        "row_id",
        _ROW_ID,
        description="One inference service by its table key (`rowId`), if visible.",
        compiled=False,
    )
