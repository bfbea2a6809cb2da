"""Mutations of the workloads area: training jobs and inference services."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.context import Context
from remotegpu.db.models import InferenceService as InferenceServiceRow
from remotegpu.db.models.workloads import TrainingJob as TrainingJobRow
from remotegpu.domain import inference, training
from remotegpu.resolvers.support import MutationOutcome, run_mutation
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
JobChange = Callable[[AsyncSession, Viewer], Awaitable[TrainingJobRow]]
ServiceChange = Callable[[AsyncSession, Viewer], Awaitable[InferenceServiceRow]]

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


async def _job(info: Info, outcome: MutationOutcome[TrainingJobRow]) -> TrainingJob | None:
    if outcome.value is None:
        return None
    row = await info.context.loaders.workloads.training_job_by_id.load(outcome.value.id)
    return TrainingJob.from_row(outcome.value if row is None else row)


async def _service(
    info: Info, outcome: MutationOutcome[InferenceServiceRow]
) -> InferenceService | None:
    if outcome.value is None:
        return None
    row = await info.context.loaders.workloads.inference_service_by_id.load(outcome.value.id)
    return InferenceService.from_row(outcome.value if row is None else row)


async def _run_job(
    info: Info,
    action: str,
    change: JobChange,
    resource_id: str | None = None,
    *,
    require_write: bool = True,
) -> MutationOutcome[TrainingJobRow]:
    viewer = info.context.viewer

    async def work(session: AsyncSession) -> tuple[TrainingJobRow, str | None]:
        job = await change(session, viewer)
        return job, job.id

    return await run_mutation(
        info, action, "training_job", work, resource_id=resource_id, require_write=require_write
    )


async def _run_service(
    info: Info, action: str, change: ServiceChange, resource_id: str | None = None
) -> MutationOutcome[InferenceServiceRow]:
    viewer = info.context.viewer

    async def work(session: AsyncSession) -> tuple[InferenceServiceRow, str | None]:
        service = await change(session, viewer)
        return service, service.id

    return await run_mutation(info, action, "inference_service", work, resource_id=resource_id)


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
        spec = training.TrainingJobSpec(
            name=input.name,
            description=input.description,
            framework=input.framework,
            script_path=input.script_path,
            workspace_id=input.workspace_id,
            env_id=input.env_id,
            dataset_id=input.dataset_id,
            model_id=input.model_id,
            priority=input.priority,
            cpu=input.cpu,
            memory=input.memory,
            gpu=input.gpu,
        )
        outcome = await _run_job(
            info,
            "training_job.create",
            lambda session, viewer: training.create_training_job(session, viewer, spec),
        )
        return TrainingJobCreatePayload(
            training_job=await _job(info, outcome), errors=outcome.errors
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
        outcome = await _run_job(
            info,
            "training_job.cancel",
            lambda session, viewer: training.cancel_training_job(session, viewer, input.id),
            input.id,
        )
        return TrainingJobCancelPayload(
            training_job=await _job(info, outcome), errors=outcome.errors
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
        outcome = await _run_job(
            info,
            "training_job.transition",
            lambda session, viewer: training.transition_training_job(
                session,
                viewer,
                input.id,
                status,
            ),
            input.id,
            # agents hold the agent scope, not write: the domain checks who may do this
            require_write=False,
        )
        return TrainingJobTransitionPayload(
            training_job=await _job(info, outcome), errors=outcome.errors
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
        spec = inference.InferenceServiceSpec(
            name=input.name,
            model_id=input.model_id,
            description=input.description,
            model_version=input.model_version,
            framework=input.framework,
            workspace_id=input.workspace_id,
            cpu=input.cpu,
            memory=input.memory,
            gpu=input.gpu,
            replicas=input.replicas,
        )
        outcome = await _run_service(
            info,
            "inference_service.create",
            lambda session, viewer: inference.create_inference_service(session, viewer, spec),
        )
        return InferenceServiceCreatePayload(
            inference_service=await _service(info, outcome), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Set the replica count (>= 1) of a running or stopped inference service."
    )
    async def inference_service_scale(
        self, info: Info, input: InferenceServiceScaleInput
    ) -> InferenceServiceScalePayload:
        outcome = await _run_service(
            info,
            "inference_service.scale",
            lambda session, viewer: inference.scale_inference_service(
                session, viewer, input.id, input.replicas
            ),
            input.id,
        )
        return InferenceServiceScalePayload(
            inference_service=await _service(info, outcome), errors=outcome.errors
        )

    @strawberry.mutation(description="Start a stopped inference service (stopped -> running).")
    async def inference_service_start(
        self, info: Info, input: InferenceServiceStartInput
    ) -> InferenceServiceStartPayload:
        outcome = await _run_service(
            info,
            "inference_service.start",
            lambda session, viewer: inference.start_inference_service(session, viewer, input.id),
            input.id,
        )
        return InferenceServiceStartPayload(
            inference_service=await _service(info, outcome), errors=outcome.errors
        )

    @strawberry.mutation(description="Stop a running inference service (running -> stopped).")
    async def inference_service_stop(
        self, info: Info, input: InferenceServiceStopInput
    ) -> InferenceServiceStopPayload:
        outcome = await _run_service(
            info,
            "inference_service.stop",
            lambda session, viewer: inference.stop_inference_service(session, viewer, input.id),
            input.id,
        )
        return InferenceServiceStopPayload(
            inference_service=await _service(info, outcome), errors=outcome.errors
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
        outcome = await _run_service(
            info,
            "inference_service.status_report",
            lambda session, viewer: inference.report_inference_service_status(
                session,
                viewer,
                input.id,
                status,
                input.endpoint_url,
            ),
            input.id,
        )
        return InferenceServiceStatusReportPayload(
            inference_service=await _service(info, outcome), errors=outcome.errors
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
        viewer = info.context.viewer

        async def work(session: AsyncSession) -> tuple[str, str | None]:
            deleted = await inference.delete_inference_service(session, viewer, input.id)
            return deleted, deleted

        outcome = await run_mutation(
            info, "inference_service.delete", "inference_service", work, resource_id=input.id
        )
        return InferenceServiceDeletePayload(
            deleted_inference_service_id=outcome.value, errors=outcome.errors
        )
