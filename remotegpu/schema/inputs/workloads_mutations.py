"""Inputs of the workload mutations: training jobs and inference services."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from remotegpu.schema.inputs.fields import optional
from remotegpu.schema.scalars import BigInt

# Descriptions that more than one field shares.
_REPLICAS = "Number of replicas (>= 1)."
_JOB = "The job (training_jobs.id, its rowId)."
_SERVICE = "The service (inference_services.id, its rowId)."


@strawberry.enum(description="Where a training job's run can move it (trainingJobTransition).")
class TrainingJobRunStatus(StrEnum):
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"


@strawberry.enum(
    description="The outcome of deploying an inference service (inferenceServiceStatusReport)."
)
class InferenceServiceReportedStatus(StrEnum):
    RUNNING = "running"
    ERROR = "error"


@strawberry.input(
    description="A new training job, owned by the viewer, pending (trainingJobCreate)."
)
class TrainingJobCreateInput:
    name: str = strawberry.field(description="Name of the job (at most 256 characters).")
    description: str | None = optional("What the job does.")
    framework: str | None = optional("pytorch, tensorflow, ... (at most 64).")
    script_path: str | None = optional("The entry script (at most 512 characters).")
    workspace_id: int | None = optional(
        "The workspace to create it in (an active owner, admin or member of it)."
    )
    env_id: str | None = optional(
        "The environment to run in: the viewer's own or one of the workspace's."
    )
    dataset_id: int | None = optional("The dataset to train on: one the viewer may read.")
    model_id: int | None = optional("The model to train: one the viewer may read.")
    priority: int = strawberry.field(default=0, description="Higher numbers run first.")
    cpu: int | None = optional("CPU cores (>= 1).")
    memory: BigInt | None = optional("Memory in bytes (>= 1).")
    gpu: int = strawberry.field(default=0, description="Number of GPUs (>= 0).")


@strawberry.input(description="The training job to cancel (trainingJobCancel).")
class TrainingJobCancelInput:
    id: str = strawberry.field(description=_JOB)


@strawberry.input(description="A step of a training job's run (trainingJobTransition).")
class TrainingJobTransitionInput:
    id: str = strawberry.field(description=_JOB)
    status: TrainingJobRunStatus = strawberry.field(
        description="RUNNING from pending; COMPLETED or FAILED from running."
    )


@strawberry.input(
    description="A new inference service, owned by the viewer, creating (inferenceServiceCreate)."
)
class InferenceServiceCreateInput:
    name: str = strawberry.field(description="Name of the service (at most 256 characters).")
    model_id: int = strawberry.field(description="The model to serve: one the viewer may read.")
    model_version: str | None = optional("The version to serve: an existing version of that model.")
    description: str | None = optional("What it serves.")
    framework: str | None = optional("Serving framework (at most 64); the model's by default.")
    workspace_id: int | None = optional(
        "The workspace to create it in (an active owner, admin or member of it)."
    )
    cpu: int | None = optional("CPU cores per replica (>= 1).")
    memory: BigInt | None = optional("Memory per replica in bytes (>= 1).")
    gpu: int = strawberry.field(default=0, description="GPUs per replica (>= 0).")
    replicas: int = strawberry.field(default=1, description=_REPLICAS)


@strawberry.input(description="A new replica count (inferenceServiceScale).")
class InferenceServiceScaleInput:
    id: str = strawberry.field(description=_SERVICE)
    replicas: int = strawberry.field(description=_REPLICAS)


@strawberry.input(description="The inference service to start (inferenceServiceStart).")
class InferenceServiceStartInput:
    id: str = strawberry.field(description=_SERVICE)


@strawberry.input(description="The inference service to stop (inferenceServiceStop).")
class InferenceServiceStopInput:
    id: str = strawberry.field(description=_SERVICE)


@strawberry.input(description="The inference service to delete (inferenceServiceDelete).")
class InferenceServiceDeleteInput:
    id: str = strawberry.field(description=_SERVICE)


@strawberry.input(
    description="How the deployment of a creating service ended (inferenceServiceStatusReport)."
)
class InferenceServiceStatusReportInput:
    id: str = strawberry.field(description=_SERVICE)
    status: InferenceServiceReportedStatus = strawberry.field(
        description="RUNNING once it serves, ERROR if the deployment failed."
    )
    endpoint_url: str | None = optional("Where it serves: an http(s) URL (at most 512 characters).")
