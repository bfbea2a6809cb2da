"""Mutations of the workloads area: training jobs and inference services."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.domain import inference, training
from remotegpu.resolvers.mutate import Reload, mutate, returned
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

Info = strawberry.Info[Context, None]

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
    @strawberry.mutation(
        description=(
            "Queue a training job owned by the viewer (pending). The environment, dataset and "
            "model, if given, must exist and be readable by the viewer."
        )
    )
    async def training_job_create(
        self, info: Info, input: TrainingJobCreateInput
    ) -> TrainingJobCreatePayload:
        spec = to_draft(training.TrainingJobSpec, input)
        return await mutate(
            info,
            "training_job.create",
            lambda session, viewer: training.create_training_job(session, viewer, spec),
            TrainingJobCreatePayload,
            training_job=JOB,
        )

    @strawberry.mutation(
        description=(
            "Cancel a pending or running training job (its owner, a workspace owner/admin, or "
            "a platform admin)."
        )
    )
    async def training_job_cancel(
        self, info: Info, input: TrainingJobCancelInput
    ) -> TrainingJobCancelPayload:
        return await mutate(
            info,
            "training_job.cancel",
            lambda session, viewer: training.cancel_training_job(session, viewer, input.id),
            TrainingJobCancelPayload,
            resource_id=input.id,
            training_job=JOB,
        )

    @strawberry.mutation(
        description=(
            "Move a training job through its run: pending -> RUNNING, running -> COMPLETED | "
            "FAILED. For staff, and for the agent of the host the job's environment is on. "
            "Emits training.started/completed/failed and notifies the owner."
        )
    )
    async def training_job_transition(
        self, info: Info, input: TrainingJobTransitionInput
    ) -> TrainingJobTransitionPayload:
        status = _RUN_STATUS[input.status]
        return await mutate(
            info,
            "training_job.transition",
            lambda session, viewer: training.transition_training_job(
                session, viewer, input.id, status
            ),
            TrainingJobTransitionPayload,
            resource_id=input.id,
            # agents hold the agent scope, not write: the domain checks who may do this
            require_write=False,
            training_job=JOB,
        )

    @strawberry.mutation(
        description=(
            "Deploy a model as an inference service owned by the viewer (creating). The model "
            "and the version, if given, must exist and be readable; replicas >= 1."
        )
    )
    async def inference_service_create(
        self, info: Info, input: InferenceServiceCreateInput
    ) -> InferenceServiceCreatePayload:
        spec = to_draft(inference.InferenceServiceSpec, input)
        return await mutate(
            info,
            "inference_service.create",
            lambda session, viewer: inference.create_inference_service(session, viewer, spec),
            InferenceServiceCreatePayload,
            inference_service=SERVICE,
        )

    @strawberry.mutation(
        description="Set the replica count (>= 1) of a running or stopped inference service."
    )
    async def inference_service_scale(
        self, info: Info, input: InferenceServiceScaleInput
    ) -> InferenceServiceScalePayload:
        return await mutate(
            info,
            "inference_service.scale",
            lambda session, viewer: inference.scale_inference_service(
                session, viewer, input.id, input.replicas
            ),
            InferenceServiceScalePayload,
            resource_id=input.id,
            inference_service=SERVICE,
        )

    @strawberry.mutation(description="Start a stopped inference service (stopped -> running).")
    async def inference_service_start(
        self, info: Info, input: InferenceServiceStartInput
    ) -> InferenceServiceStartPayload:
        return await mutate(
            info,
            "inference_service.start",
            lambda session, viewer: inference.start_inference_service(session, viewer, input.id),
            InferenceServiceStartPayload,
            resource_id=input.id,
            inference_service=SERVICE,
        )

    @strawberry.mutation(description="Stop a running inference service (running -> stopped).")
    async def inference_service_stop(
        self, info: Info, input: InferenceServiceStopInput
    ) -> InferenceServiceStopPayload:
        return await mutate(
            info,
            "inference_service.stop",
            lambda session, viewer: inference.stop_inference_service(session, viewer, input.id),
            InferenceServiceStopPayload,
            resource_id=input.id,
            inference_service=SERVICE,
        )

    @strawberry.mutation(
        description=(
            "Report how the deployment of a creating inference service ended (staff): RUNNING "
            "with its endpoint URL, or ERROR. Notifies the owner."
        )
    )
    async def inference_service_status_report(
        self, info: Info, input: InferenceServiceStatusReportInput
    ) -> InferenceServiceStatusReportPayload:
        status = _REPORTED_STATUS[input.status]
        return await mutate(
            info,
            "inference_service.status_report",
            lambda session, viewer: inference.report_inference_service_status(
                session, viewer, input.id, status, input.endpoint_url
            ),
            InferenceServiceStatusReportPayload,
            resource_id=input.id,
            inference_service=SERVICE,
        )

    @strawberry.mutation(
        description=(
            "Delete a creating, stopped or failed inference service (a running one: stop it "
            "first); IN_USE while artifacts name it as their source."
        )
    )
    async def inference_service_delete(
        self, info: Info, input: InferenceServiceDeleteInput
    ) -> InferenceServiceDeletePayload:
        return await mutate(
            info,
            "inference_service.delete",
            lambda session, viewer: inference.delete_inference_service(session, viewer, input.id),
            InferenceServiceDeletePayload,
            resource_id=input.id,
            deleted_inference_service_id=returned,
        )
