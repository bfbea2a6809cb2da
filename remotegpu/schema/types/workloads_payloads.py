"""Payloads of the workload mutations: the object as the viewer sees it after commit, and
errors."""

from __future__ import annotations

import strawberry

from remotegpu.schema.errors import UserError
from remotegpu.schema.types.workloads import InferenceService, TrainingJob

_JOB = "The training job after the change; null if the mutation failed."
_SERVICE = "The inference service after the change; null if the mutation failed."
_ERRORS = "Why the mutation did not happen; empty on success."


@strawberry.type(description="Result of trainingJobCreate.")
class TrainingJobCreatePayload:
    training_job: TrainingJob | None = strawberry.field(default=None, description=_JOB)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of trainingJobCancel.")
class TrainingJobCancelPayload:
    training_job: TrainingJob | None = strawberry.field(default=None, description=_JOB)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of trainingJobTransition.")
class TrainingJobTransitionPayload:
    training_job: TrainingJob | None = strawberry.field(default=None, description=_JOB)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of inferenceServiceCreate.")
class InferenceServiceCreatePayload:
    inference_service: InferenceService | None = strawberry.field(
        default=None, description=_SERVICE
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of inferenceServiceScale.")
class InferenceServiceScalePayload:
    inference_service: InferenceService | None = strawberry.field(
        default=None, description=_SERVICE
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of inferenceServiceStart.")
class InferenceServiceStartPayload:
    inference_service: InferenceService | None = strawberry.field(
        default=None, description=_SERVICE
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of inferenceServiceStop.")
class InferenceServiceStopPayload:
    inference_service: InferenceService | None = strawberry.field(
        default=None, description=_SERVICE
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of inferenceServiceStatusReport.")
class InferenceServiceStatusReportPayload:
    inference_service: InferenceService | None = strawberry.field(
        default=None, description=_SERVICE
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of inferenceServiceDelete.")
class InferenceServiceDeletePayload:
    deleted_inference_service_id: str | None = strawberry.field(
        default=None, description="The key (rowId) of the deleted service; null if it failed."
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)
