"""Inputs of the workload mutations: training jobs and inference services."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from remotegpu.schema.scalars import BigInt


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
    description: str | None = strawberry.field(default=None, description="What the job does.")
    framework: str | None = strawberry.field(
        default=None, description="pytorch, tensorflow, ... (at most 64)."
    )
    script_path: str | None = strawberry.field(
        default=None, description="The entry script (at most 512 characters)."
    )
    workspace_id: int | None = strawberry.field(
        default=None,
        description="The workspace to create it in (an active owner, admin or member of it).",
    )
    env_id: str | None = strawberry.field(
        default=None,
        description="The environment to run in: the viewer's own or one of the workspace's.",
    )
    dataset_id: int | None = strawberry.field(
        default=None, description="The dataset to train on: one the viewer may read."
    )
    model_id: int | None = strawberry.field(
        default=None, description="The model to train: one the viewer may read."
    )
    priority: int = strawberry.field(default=0, description="Higher numbers run first.")
    cpu: int | None = strawberry.field(default=None, description="CPU cores (>= 1).")
    memory: BigInt | None = strawberry.field(default=None, description="Memory in bytes (>= 1).")
    gpu: int = strawberry.field(default=0, description="Number of GPUs (>= 0).")


@strawberry.input(description="The training job to cancel (trainingJobCancel).")
class TrainingJobCancelInput:
    id: str = strawberry.field(description="The job (training_jobs.id, its rowId).")


@strawberry.input(description="A step of a training job's run (trainingJobTransition).")
class TrainingJobTransitionInput:
    id: str = strawberry.field(description="The job (training_jobs.id, its rowId).")
    status: TrainingJobRunStatus = strawberry.field(
        description="RUNNING from pending; COMPLETED or FAILED from running."
    )


@strawberry.input(
    description="A new inference service, owned by the viewer, creating (inferenceServiceCreate)."
)
class InferenceServiceCreateInput:
    name: str = strawberry.field(description="Name of the service (at most 256 characters).")
    model_id: int = strawberry.field(description="The model to serve: one the viewer may read.")
    model_version: str | None = strawberry.field(
        default=None, description="The version to serve: an existing version of that model."
    )
    description: str | None = strawberry.field(default=None, description="What it serves.")
    framework: str | None = strawberry.field(
        default=None, description="Serving framework (at most 64); the model's by default."
    )
    workspace_id: int | None = strawberry.field(
        default=None,
        description="The workspace to create it in (an active owner, admin or member of it).",
    )
    cpu: int | None = strawberry.field(default=None, description="CPU cores per replica (>= 1).")
    memory: BigInt | None = strawberry.field(
        default=None, description="Memory per replica in bytes (>= 1)."
    )
    gpu: int = strawberry.field(default=0, description="GPUs per replica (>= 0).")
    replicas: int = strawberry.field(default=1, description="Number of replicas (>= 1).")


@strawberry.input(description="A new replica count (inferenceServiceScale).")
class InferenceServiceScaleInput:
    id: str = strawberry.field(description="The service (inference_services.id, its rowId).")
    replicas: int = strawberry.field(description="Number of replicas (>= 1).")


@strawberry.input(description="The inference service to start (inferenceServiceStart).")
class InferenceServiceStartInput:
    id: str = strawberry.field(description="The service (inference_services.id, its rowId).")


@strawberry.input(description="The inference service to stop (inferenceServiceStop).")
class InferenceServiceStopInput:
    id: str = strawberry.field(description="The service (inference_services.id, its rowId).")


@strawberry.input(description="The inference service to delete (inferenceServiceDelete).")
class InferenceServiceDeleteInput:
    id: str = strawberry.field(description="The service (inference_services.id, its rowId).")


@strawberry.input(
    description="How the deployment of a creating service ended (inferenceServiceStatusReport)."
)
class InferenceServiceStatusReportInput:
    id: str = strawberry.field(description="The service (inference_services.id, its rowId).")
    status: InferenceServiceReportedStatus = strawberry.field(
        description="RUNNING once it serves, ERROR if the deployment failed."
    )
    endpoint_url: str | None = strawberry.field(
        default=None, description="Where it serves: an http(s) URL (at most 512 characters)."
    )
