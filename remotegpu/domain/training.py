"""Training jobs: `pending -> running -> completed | failed`, `pending | running -> cancelled`.

A job's environment, dataset and model must exist and be readable by its owner when it is
created. Owners (and workspace owners/admins, platform admins) cancel; staff or the agent of
the host its environment runs on move it through its run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Scope, Viewer
from remotegpu.db.models import Environment
from remotegpu.db.models.workloads import TrainingJob
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.events import EventType, emit
from remotegpu.domain.notifications import NotificationKind, notify
from remotegpu.domain.permissions import require_authenticated, require_scope
from remotegpu.domain.validators import clean_text
from remotegpu.domain.workloads import (
    check_compute,
    new_id,
    not_found,
    require_creator_in,
    require_manager,
    require_readable_dataset,
    require_readable_model,
    require_usable_environment,
)

RunStatus = Literal["running", "completed", "failed"]

# target status -> the status it may be reached from
_RUN_STEPS: dict[str, str] = {"running": "pending", "completed": "running", "failed": "running"}
_EVENTS: dict[str, EventType] = {
    "running": EventType.TRAINING_STARTED,
    "completed": EventType.TRAINING_COMPLETED,
    "failed": EventType.TRAINING_FAILED,
}
_CANCELLABLE = ("pending", "running")


@dataclass(frozen=True)
class TrainingJobSpec:
    name: str
    description: str | None = None
    framework: str | None = None
    script_path: str | None = None
    workspace_id: int | None = None
    env_id: str | None = None
    dataset_id: int | None = None
    model_id: int | None = None
    priority: int = 0
    cpu: int | None = None
    memory: int | None = None
    gpu: int = 0


async def _saved(session: AsyncSession, job: TrainingJob) -> TrainingJob:
    """Write now and read back server-set columns, so the row is complete after commit."""
    await session.flush()
    await session.refresh(job)
    return job


async def _locked(session: AsyncSession, job_id: str) -> TrainingJob | None:
    stmt = select(TrainingJob).where(TrainingJob.id == job_id).with_for_update()
    job: TrainingJob | None = await session.scalar(stmt)
    return job


async def create_training_job(
    session: AsyncSession, viewer: Viewer, spec: TrainingJobSpec
) -> TrainingJob:
    """A pending job owned by the viewer."""
    owner_id = require_authenticated(viewer)
    name = clean_text(spec.name, "name", 256, required=True)
    framework = clean_text(spec.framework, "framework", 64)
    script_path = clean_text(spec.script_path, "script_path", 512)
    check_compute(spec.cpu, spec.memory, spec.gpu)

    if spec.workspace_id is not None:
        await require_creator_in(session, viewer, spec.workspace_id)
    if spec.env_id is not None:
        await require_usable_environment(session, viewer, spec.env_id, spec.workspace_id)
    if spec.dataset_id is not None:
        await require_readable_dataset(session, viewer, spec.dataset_id)
    if spec.model_id is not None:
        await require_readable_model(session, viewer, spec.model_id)

    job = TrainingJob(
        id=new_id("job"),
        customer_id=owner_id,
        workspace_id=spec.workspace_id,
        env_id=spec.env_id,
        name=name,
        description=spec.description,
        framework=framework,
        script_path=script_path,
        dataset_id=spec.dataset_id,
        model_id=spec.model_id,
        status="pending",
        priority=spec.priority,
        cpu=spec.cpu,
        memory=spec.memory,
        gpu=spec.gpu,
    )
    session.add(job)
    return await _saved(session, job)


async def cancel_training_job(session: AsyncSession, viewer: Viewer, job_id: str) -> TrainingJob:
    """pending | running -> cancelled. A running job's end is recorded in completed_at."""
    require_authenticated(viewer)
    job = await _locked(session, job_id)
    if job is None:
        raise not_found("training job", "id")
    await require_manager(session, viewer, "training job", job.customer_id, job.workspace_id)
    if job.status not in _CANCELLABLE:
        raise DomainError(
            ErrorCode.INVALID_TRANSITION,
            f"a {job.status} training job cannot be cancelled (only pending or running)",
            "id",
        )
    if job.status == "running":
        job.completed_at = func.now()
    job.status = "cancelled"
    job.updated_at = func.now()
    if viewer.customer_id != job.customer_id:
        await notify(
            session,
            job.customer_id,
            NotificationKind.SYSTEM,
            f"Training job {job.name} was cancelled",
            f"Cancelled by {viewer.username or 'an administrator'}.",
            "warning",
        )
    job = await _saved(session, job)
    await _emit_job_event(session, EventType.TRAINING_CANCELLED, job)
    return job


async def _emit_job_event(session: AsyncSession, event: EventType, job: TrainingJob) -> None:
    await emit(
        session,
        event,
        customer_id=job.customer_id,
        resource_type="training_job",
        resource_id=job.id,
        payload={
            "id": job.id,
            "name": job.name,
            "status": job.status,
            "envId": job.env_id,
            "startedAt": job.started_at.isoformat() if job.started_at else None,
            "completedAt": job.completed_at.isoformat() if job.completed_at else None,
        },
    )


async def _require_runner(session: AsyncSession, viewer: Viewer, job: TrainingJob | None) -> None:
    """Platform staff (admins) may move any job; an agent only jobs whose environment is on its
    host (any other job is, for the agent, not there). Internal users are customers here: they
    must not move other tenants' jobs."""
    if viewer.agent_host_id is None:
        if not viewer.is_admin:
            raise DomainError(ErrorCode.FORBIDDEN, "only admins or the host's agent run jobs")
        if job is None:
            raise not_found("training job", "id")
        return
    on_host = None
    if job is not None and job.env_id is not None:
        on_host = await session.scalar(
            select(Environment.id).where(
                Environment.id == job.env_id, Environment.host_id == viewer.agent_host_id
            )
        )
    if on_host is None:
        raise not_found("training job", "id")


async def transition_training_job(
    session: AsyncSession, viewer: Viewer, job_id: str, status: RunStatus
) -> TrainingJob:
    """pending -> running (started_at), running -> completed | failed (completed_at); with an
    outbox event and a notification to the owner."""
    if viewer.agent_host_id is not None:
        require_scope(viewer, Scope.AGENT)
    else:
        require_scope(viewer, Scope.WRITE)
    job = await _locked(session, job_id)
    await _require_runner(session, viewer, job)
    assert job is not None
    expected = _RUN_STEPS.get(status)
    if expected is None or job.status != expected:
        raise DomainError(
            ErrorCode.INVALID_TRANSITION,
            f"a {job.status} training job cannot become {status}",
            "status",
        )
    job.status = status
    if status == "running":
        job.started_at = func.now()
    else:
        job.completed_at = func.now()
    job.updated_at = func.now()
    job = await _saved(session, job)
    await _emit_job_event(session, _EVENTS[status], job)
    verb = {"running": "started", "completed": "completed", "failed": "failed"}[status]
    await notify(
        session,
        job.customer_id,
        NotificationKind.SYSTEM,
        f"Training job {job.name} {verb}",
        None,
        "error" if status == "failed" else "info",
    )
    return job
