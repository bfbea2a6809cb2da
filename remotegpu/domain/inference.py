"""Inference services: `creating -> running | error` (reported by staff once deployed),
`running <-> stopped` (by whoever manages the service); replicas >= 1.

The served model (and `model_version`, if given) must exist and be readable by the owner.
A service is deleted (the row removed) unless it is running: stop it first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Artifact, InferenceService
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.events import EventType, emit
from remotegpu.domain.notifications import NotificationKind, notify
from remotegpu.domain.permissions import require_authenticated
from remotegpu.domain.validators import check_range, clean_text, invalid
from remotegpu.domain.workloads import (
    check_compute,
    new_id,
    not_found,
    require_creator_in,
    require_manager,
    require_model_version,
    require_readable_model,
)

KIND = "inference service"
ReportedStatus = Literal["running", "error"]


@dataclass(frozen=True)
class InferenceServiceSpec:
    name: str
    model_id: int
    description: str | None = None
    model_version: str | None = None
    framework: str | None = None
    workspace_id: int | None = None
    cpu: int | None = None
    memory: int | None = None
    gpu: int = 0
    replicas: int = 1


async def _saved(session: AsyncSession, service: InferenceService) -> InferenceService:
    """Write now and read back server-set columns, so the row is complete after commit."""
    await session.flush()
    await session.refresh(service)
    return service


async def _announce(
    session: AsyncSession, event: EventType, service: InferenceService, status: str | None = None
) -> None:
    await emit(
        session,
        event,
        customer_id=service.customer_id,
        resource_type="inference_service",
        resource_id=service.id,
        payload={
            "id": service.id,
            "name": service.name,
            "status": status or service.status,
            "replicas": service.replicas,
        },
    )


async def _locked(session: AsyncSession, service_id: str) -> InferenceService | None:
    stmt = select(InferenceService).where(InferenceService.id == service_id).with_for_update()
    service: InferenceService | None = await session.scalar(stmt)
    return service


async def _managed(session: AsyncSession, viewer: Viewer, service_id: str) -> InferenceService:
    """The service, locked, if the viewer may change it."""
    require_authenticated(viewer)
    service = await _locked(session, service_id)
    if service is None:
        raise not_found(KIND, "id")
    await require_manager(session, viewer, KIND, service.customer_id, service.workspace_id)
    return service


def _require_status(service: InferenceService, allowed: tuple[str, ...], action: str) -> None:
    if service.status not in allowed:
        raise DomainError(
            ErrorCode.INVALID_TRANSITION,
            f"a {service.status} inference service cannot be {action}"
            f" (only {' or '.join(allowed)})",
            "id",
        )


def _check_replicas(replicas: int) -> None:
    check_range(replicas, "replicas", minimum=1)


def _clean_endpoint(url: str | None) -> str | None:
    url = clean_text(url, "endpoint_url", 512)
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise invalid("endpoint_url", "endpointUrl must be an http(s) URL with a host")
    return url


async def create_inference_service(
    session: AsyncSession, viewer: Viewer, spec: InferenceServiceSpec
) -> InferenceService:
    """A service in `creating`, owned by the viewer; the deployment reports it running."""
    owner_id = require_authenticated(viewer)
    name = clean_text(spec.name, "name", 256, required=True)
    version = clean_text(spec.model_version, "model_version", 64)
    framework = clean_text(spec.framework, "framework", 64)
    check_compute(spec.cpu, spec.memory, spec.gpu)
    _check_replicas(spec.replicas)

    if spec.workspace_id is not None:
        await require_creator_in(session, viewer, spec.workspace_id)
    model = await require_readable_model(session, viewer, spec.model_id)
    if version is not None:
        await require_model_version(session, model.id, version)

    service = InferenceService(
        id=new_id("svc"),  # the prefix the seeded services use
        customer_id=owner_id,
        workspace_id=spec.workspace_id,
        name=name,
        description=spec.description,
        model_id=model.id,
        model_version=version,
        framework=framework or model.framework,
        status="creating",
        cpu=spec.cpu,
        memory=spec.memory,
        gpu=spec.gpu,
        replicas=spec.replicas,
    )
    session.add(service)
    service = await _saved(session, service)
    await _announce(session, EventType.INFERENCE_CREATED, service)
    return service


async def scale_inference_service(
    session: AsyncSession, viewer: Viewer, service_id: str, replicas: int
) -> InferenceService:
    """Set the replica count of a running or stopped service."""
    _check_replicas(replicas)
    service = await _managed(session, viewer, service_id)
    _require_status(service, ("running", "stopped"), "scaled")
    service.replicas = replicas
    service.updated_at = func.now()
    return await _saved(session, service)


# How a refusal names each move, by the status it moves to.
_VERBS = {"running": "started", "stopped": "stopped"}


async def _switch(
    session: AsyncSession, viewer: Viewer, service_id: str, change: tuple[str, str, EventType]
) -> InferenceService:
    """The manager moves the service from `before` to `after` (the verb says so in the
    refusal) and announces it."""
    before, after, event = change
    service = await _managed(session, viewer, service_id)
    _require_status(service, (before,), _VERBS[after])
    service.status = after
    service.updated_at = func.now()
    service = await _saved(session, service)
    await _announce(session, event, service)
    return service


async def start_inference_service(
    session: AsyncSession, viewer: Viewer, service_id: str
) -> InferenceService:
    """stopped -> running."""
    change = ("stopped", "running", EventType.INFERENCE_STARTED)
    return await _switch(session, viewer, service_id, change)


async def stop_inference_service(
    session: AsyncSession, viewer: Viewer, service_id: str
) -> InferenceService:
    """running -> stopped."""
    change = ("running", "stopped", EventType.INFERENCE_STOPPED)
    return await _switch(session, viewer, service_id, change)


async def report_inference_service_status(
    session: AsyncSession,
    viewer: Viewer,
    service_id: str,
    status: ReportedStatus,
    endpoint_url: str | None = None,
) -> InferenceService:
    """The deployment's outcome, reported by staff: creating -> running (with its endpoint) or
    error; the owner is notified."""
    require_authenticated(viewer)
    # Platform staff are admins; internal users are customers and act on their own only.
    if not viewer.is_admin or viewer.agent_host_id is not None:
        raise DomainError(ErrorCode.FORBIDDEN, "only admins report deployment outcomes")
    endpoint = _clean_endpoint(endpoint_url)
    service = await _locked(session, service_id)
    if service is None:
        raise not_found(KIND, "id")
    if service.status != "creating" or status not in ("running", "error"):
        raise DomainError(
            ErrorCode.INVALID_TRANSITION,
            f"a {service.status} inference service cannot become {status}"
            " (only creating -> running | error)",
            "status",
        )
    service.status = status
    if endpoint is not None:
        service.endpoint_url = endpoint
    service.updated_at = func.now()
    service = await _saved(session, service)
    failed = status == "error"
    await _announce(
        session, EventType.INFERENCE_FAILED if failed else EventType.INFERENCE_STARTED, service
    )
    await notify(
        session,
        service.customer_id,
        NotificationKind.SYSTEM,
        f"Inference service {service.name} {'failed to deploy' if failed else 'is running'}",
        None if failed else service.endpoint_url,
        "error" if failed else "info",
    )
    return service


async def delete_inference_service(session: AsyncSession, viewer: Viewer, service_id: str) -> str:
    """Remove a creating, stopped or failed service; refused while artifacts name it as their
    source (they would point nowhere)."""
    service = await _managed(session, viewer, service_id)
    _require_status(service, ("creating", "stopped", "error"), "deleted")
    artifacts = await session.scalar(
        select(func.count())
        .select_from(Artifact)
        .where(Artifact.source_type == "inference_service", Artifact.source_id == service.id)
    )
    if artifacts:
        raise DomainError(
            ErrorCode.IN_USE,
            f"{artifacts} artifact(s) were produced by this inference service",
            "id",
        )
    await session.execute(delete(InferenceService).where(InferenceService.id == service.id))
    await _announce(session, EventType.INFERENCE_DELETED, service, status="deleted")
    return service.id
