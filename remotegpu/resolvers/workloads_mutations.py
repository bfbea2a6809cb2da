"""Mutations of the workloads area: training jobs and inference services."""

from __future__ import annotations

import strawberry

from remotegpu.domain import inference, training
from remotegpu.resolvers.mutate import Reload, mutation, returned
from remotegpu.schema.inputs.drafts import to_draft
from remotegpu.schema.inputs.workloads_mutations import (
    InferenceServiceCreateInput,
    InferenceServiceDeleteInput,
    InferenceServiceReportedStatus,
    InferenceServiceScaleInput,
    InferenceServiceStartInput,
    InferenceServiceStatusReportInput,
    InferenceServiceStopInput,
    TrainingJobCancelInput,
    TrainingJobCreateInput,
    TrainingJobRunStatus,
    TrainingJobTransitionInput,
)
from remotegpu.schema.types.workloads import InferenceService, TrainingJob
from remotegpu.schema.types.workloads_payloads import (
    InferenceServiceCreatePayload,
    InferenceServiceDeletePayload,
    InferenceServiceScalePayload,
    InferenceServiceStartPayload,
    InferenceServiceStatusReportPayload,
    InferenceServiceStopPayload,
    TrainingJobCancelPayload,
    TrainingJobCreatePayload,
    TrainingJobTransitionPayload,
)

_RUN_STATUS: dict[TrainingJobRunStatus, training.RunStatus] = {
    TrainingJobRunStatus.RUNNING: "running",
    TrainingJobRunStatus.COMPLETED: "completed",
    TrainingJobRunStatus.FAILED: "failed",
}
_REPORTED_STATUS: dict[InferenceServiceReportedStatus, inference.ReportedStatus] = {
    InferenceServiceReportedStatus.RUNNING: "running",
    InferenceServiceReportedStatus.ERROR: "error",
}


# The payload reloads the object through the viewer's loaders, so it shows the state after
# commit as the viewer may read it. Staff and agents may move workloads they cannot read (an
# internal user's reads are a customer's; agents read none): for them the committed row they
# changed is shown instead, with its relations still subject to their read rules.
JOB = Reload(
    lambda loaders: loaders.workloads.training_job_by_id,
    TrainingJob.from_row,
    or_returned_row=True,
)
SERVICE = Reload(
    lambda loaders: loaders.workloads.inference_service_by_id,
    InferenceService.from_row,
    or_returned_row=True,
)


@strawberry.type
class WorkloadsMutation:
    training_job_create = mutation(
        "Queue a training job owned by the viewer (pending). The environment, dataset and "
        "model, if given, must exist and be readable by the viewer.",
        "training_job.create",
        TrainingJobCreateInput,
        TrainingJobCreatePayload,
        lambda session, viewer, input: training.create_training_job(
            session, viewer, to_draft(training.TrainingJobSpec, input)
        ),
        training_job=JOB,
    )
    training_job_cancel = mutation(
        "Cancel a pending or running training job (its owner, a workspace owner/admin, or a "
        "platform admin).",
        "training_job.cancel",
        TrainingJobCancelInput,
        TrainingJobCancelPayload,
        lambda session, viewer, input: training.cancel_training_job(session, viewer, input.id),
        resource_id=lambda input: input.id,
        training_job=JOB,
    )
    training_job_transition = mutation(
        "Move a training job through its run: pending -> RUNNING, running -> COMPLETED | "
        "FAILED. For staff, and for the agent of the host the job's environment is on. Emits "
        "training.started/completed/failed and notifies the owner.",
        "training_job.transition",
        TrainingJobTransitionInput,
        TrainingJobTransitionPayload,
        lambda session, viewer, input: training.transition_training_job(
            session, viewer, input.id, _RUN_STATUS[input.status]
        ),
        resource_id=lambda input: input.id,
        # agents hold the agent scope, not write: the domain checks who may do this
        require_write=False,
        training_job=JOB,
    )
    inference_service_create = mutation(
        "Deploy a model as an inference service owned by the viewer (creating). The model and "
        "the version, if given, must exist and be readable; replicas >= 1.",
        "inference_service.create",
        InferenceServiceCreateInput,
        InferenceServiceCreatePayload,
        lambda session, viewer, input: inference.create_inference_service(
            session, viewer, to_draft(inference.InferenceServiceSpec, input)
        ),
        inference_service=SERVICE,
    )
    inference_service_scale = mutation(
        "Set the replica count (>= 1) of a running or stopped inference service.",
        "inference_service.scale",
        InferenceServiceScaleInput,
        InferenceServiceScalePayload,
        lambda session, viewer, input: inference.scale_inference_service(
            session, viewer, input.id, input.replicas
        ),
        resource_id=lambda input: input.id,
        inference_service=SERVICE,
    )
    inference_service_start = mutation(
        "Start a stopped inference service (stopped -> running).",
        "inference_service.start",
        InferenceServiceStartInput,
        InferenceServiceStartPayload,
        lambda session, viewer, input: inference.start_inference_service(session, viewer, input.id),
        resource_id=lambda input: input.id,
        inference_service=SERVICE,
    )
    inference_service_stop = mutation(
        "Stop a running inference service (running -> stopped).",
        "inference_service.stop",
        InferenceServiceStopInput,
        InferenceServiceStopPayload,
        lambda session, viewer, input: inference.stop_inference_service(session, viewer, input.id),
        resource_id=lambda input: input.id,
        inference_service=SERVICE,
    )
    inference_service_status_report = mutation(
        "Report how the deployment of a creating inference service ended (staff): RUNNING with "
        "its endpoint URL, or ERROR. Notifies the owner.",
        "inference_service.status_report",
        InferenceServiceStatusReportInput,
        InferenceServiceStatusReportPayload,
        lambda session, viewer, input: inference.report_inference_service_status(
            session, viewer, input.id, _REPORTED_STATUS[input.status], input.endpoint_url
        ),
        resource_id=lambda input: input.id,
        inference_service=SERVICE,
    )
    inference_service_delete = mutation(
        "Delete a creating, stopped or failed inference service (a running one: stop it "
        "first); IN_USE while artifacts name it as their source.",
        "inference_service.delete",
        InferenceServiceDeleteInput,
        InferenceServiceDeletePayload,
        lambda session, viewer, input: inference.delete_inference_service(
            session, viewer, input.id
        ),
        resource_id=lambda input: input.id,
        deleted_inference_service_id=returned,
    )
