"""Filters and orderings of the `workloads` area: training jobs and inference services."""

from __future__ import annotations

from enum import Enum

import strawberry
from sqlalchemy import ColumnElement

from remotegpu.db.models.workloads import InferenceService, TrainingJob
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.enums import InferenceServiceStatus, TrainingJobStatus
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    KeyFilter,
    StringFilter,
    datetime_conditions,
    enum_conditions,
    key_conditions,
    string_conditions,
)


@strawberry.input(description="Filter training jobs (every field is an indexed column).")
class TrainingJobWhere:
    status: EnumFilter[TrainingJobStatus] | None = strawberry.field(
        default=None, description="Match the status (one value or a list)."
    )
    owner_id: KeyFilter | None = strawberry.field(
        default=None, description="The owning customer (training_jobs.customer_id)."
    )
    workspace_id: KeyFilter | None = strawberry.field(
        default=None, description="Match the workspace id (one key or a list)."
    )
    created_at: DateTimeFilter | None = strawberry.field(
        default=None, description="Time range on created at."
    )
    name: StringFilter | None = strawberry.field(
        default=None, description="Match the name text (exact, list, prefix or substring)."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *enum_conditions(TrainingJob.status, self.status),
            *key_conditions(TrainingJob.customer_id, self.owner_id, int),
            *key_conditions(TrainingJob.workspace_id, self.workspace_id, int),
            *datetime_conditions(TrainingJob.created_at, self.created_at),
            *string_conditions(TrainingJob.name, self.name),
        ]


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
class InferenceServiceWhere:
    status: EnumFilter[InferenceServiceStatus] | None = strawberry.field(
        default=None, description="Match the status (one value or a list)."
    )
    owner_id: KeyFilter | None = strawberry.field(
        default=None, description="The owning customer (inference_services.customer_id)."
    )
    workspace_id: KeyFilter | None = strawberry.field(
        default=None, description="Match the workspace id (one key or a list)."
    )
    name: StringFilter | None = strawberry.field(
        default=None, description="Match the name text (exact, list, prefix or substring)."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *enum_conditions(InferenceService.status, self.status),
            *key_conditions(InferenceService.customer_id, self.owner_id, int),
            *key_conditions(InferenceService.workspace_id, self.workspace_id, int),
            *string_conditions(InferenceService.name, self.name),
        ]


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
