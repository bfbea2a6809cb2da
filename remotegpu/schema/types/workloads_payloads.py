"""Payloads of the workload mutations: the object as the viewer sees it after commit, and
errors."""

from __future__ import annotations

import strawberry

from remotegpu.schema.types.payload import Payload, payload
from remotegpu.schema.types.workloads import InferenceService, TrainingJob

_JOB = "The training job after the change; null if the mutation failed."
_SERVICE = "The inference service after the change; null if the mutation failed."
_ERRORS = "Why the mutation did not happen; empty on success."


@payload("Result of trainingJobCreate.", errors=_ERRORS)
class TrainingJobCreatePayload(Payload):
    training_job: TrainingJob | None = strawberry.field(default=None, description=_JOB)


@payload("Result of trainingJobCancel.", errors=_ERRORS)
class TrainingJobCancelPayload(Payload):
    training_job: TrainingJob | None = strawberry.field(default=None, description=_JOB)


@payload("Result of trainingJobTransition.", errors=_ERRORS)
class TrainingJobTransitionPayload(Payload):
    training_job: TrainingJob | None = strawberry.field(default=None, description=_JOB)


@payload("Result of inferenceServiceCreate.", errors=_ERRORS)
class InferenceServiceCreatePayload(Payload):
    inference_service: InferenceService | None = strawberry.field(
        default=None, description=_SERVICE
    )


@payload("Result of inferenceServiceScale.", errors=_ERRORS)
class InferenceServiceScalePayload(Payload):
    inference_service: InferenceService | None = strawberry.field(
        default=None, description=_SERVICE
    )


@payload("Result of inferenceServiceStart.", errors=_ERRORS)
class InferenceServiceStartPayload(Payload):
    inference_service: InferenceService | None = strawberry.field(
        default=None, description=_SERVICE
    )


@payload("Result of inferenceServiceStop.", errors=_ERRORS)
class InferenceServiceStopPayload(Payload):
    inference_service: InferenceService | None = strawberry.field(
        default=None, description=_SERVICE
    )


@payload("Result of inferenceServiceStatusReport.", errors=_ERRORS)
class InferenceServiceStatusReportPayload(Payload):
    inference_service: InferenceService | None = strawberry.field(
        default=None, description=_SERVICE
    )


@payload("Result of inferenceServiceDelete.", errors=_ERRORS)
class InferenceServiceDeletePayload(Payload):
    deleted_inference_service_id: str | None = strawberry.field(
        default=None, description="The key (rowId) of the deleted service; null if it failed."
    )
