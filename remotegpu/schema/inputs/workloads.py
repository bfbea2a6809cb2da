"""Filters and orderings of the `workloads` area: training jobs and inference services."""

from __future__ import annotations

from enum import Enum

import strawberry

from remotegpu.db.models.workloads import InferenceService, TrainingJob
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.enums import InferenceServiceStatus, TrainingJobStatus
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    KeyFilter,
    StringFilter,
)
from remotegpu.schema.inputs.filters import Where, filter_on


@strawberry.input(description="Filter training jobs (every field is an indexed column).")
class TrainingJobWhere(Where):
    status: EnumFilter[TrainingJobStatus] | None = filter_on(
        TrainingJob.status, "Match the status (one value or a list)."
    )
    owner_id: KeyFilter | None = filter_on(
        TrainingJob.customer_id, "The owning customer (training_jobs.customer_id)."
    )
    workspace_id: KeyFilter | None = filter_on(
        TrainingJob.workspace_id, "Match the workspace id (one key or a list)."
    )
    created_at: DateTimeFilter | None = filter_on(
        TrainingJob.created_at, "Time range on created at."
    )
    name: StringFilter | None = filter_on(
        TrainingJob.name, "Match the name text (exact, list, prefix or substring)."
    )


@strawberry.enum(description="Orderings of training jobs.")
class TrainingJobOrder(Enum):
    CREATED_AT_DESC = "created_at_desc"
    PRIORITY_DESC = "priority_desc"
    ID_ASC = "id_asc"


TRAINING_JOB_ORDERINGS: dict[TrainingJobOrder, Ordering] = {
    TrainingJobOrder.CREATED_AT_DESC: Ordering(
        "created", (TrainingJob.created_at, TrainingJob.id), descending=True
    ),
    TrainingJobOrder.PRIORITY_DESC: Ordering(
        "priority", (TrainingJob.priority, TrainingJob.id), descending=True
    ),
    TrainingJobOrder.ID_ASC: Ordering("id", (TrainingJob.id,)),
}


@strawberry.input(description="Filter inference services (every field is an indexed column).")
class InferenceServiceWhere(Where):
    status: EnumFilter[InferenceServiceStatus] | None = filter_on(
        InferenceService.status, "Match the status (one value or a list)."
    )
    owner_id: KeyFilter | None = filter_on(
        InferenceService.customer_id, "The owning customer (inference_services.customer_id)."
    )
    workspace_id: KeyFilter | None = filter_on(
        InferenceService.workspace_id, "Match the workspace id (one key or a list)."
    )
    name: StringFilter | None = filter_on(
        InferenceService.name, "Match the name text (exact, list, prefix or substring)."
    )


@strawberry.enum(description="Orderings of inference services.")
class InferenceServiceOrder(Enum):
    CREATED_AT_DESC = "created_at_desc"
    NAME_ASC = "name_asc"
    ID_ASC = "id_asc"


INFERENCE_SERVICE_ORDERINGS: dict[InferenceServiceOrder, Ordering] = {
    InferenceServiceOrder.CREATED_AT_DESC: Ordering(
        "created", (InferenceService.created_at, InferenceService.id), descending=True
    ),
    InferenceServiceOrder.NAME_ASC: Ordering("name", (InferenceService.name, InferenceService.id)),
    InferenceServiceOrder.ID_ASC: Ordering("id", (InferenceService.id,)),
}
