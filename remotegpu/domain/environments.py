"""Environments: the core transaction (create) and the lifecycle after it.

State machine (domain-rules.md): creating -> running | error (the host agent's status report);
running -> stopped (stop) | error (report); stopped -> running (start); running | stopped |
error -> deleted (delete; the row stays as history). "Live" environments (creating, running)
hold CPU, memory, disk and GPUs on their host and count in its used_* counters; stop and a
failure give those back but keep the ports; delete gives everything back.

Locks, in this order whenever a transaction takes several (every path: create, start, stop,
delete, status reports, port add/release; hosts.py follows the host -> GPU part): idempotency
key, owner (FOR SHARE), workspace (FOR SHARE), environment row, owner's quota row, one host
row, GPU rows of that host, port claims (ssh, jupyter, rdp, custom; port_claims.py), port
mapping rows. A host lock is waited for only by key and only while no other host, GPU or port
lock is held (placement.py); that is what keeps placement free of deadlocks. A deadlock or
serialization failure that still happens is retried as a whole by the mutation runner.

The create transaction is in environment_create.py; the inputs (CreateSpec, ReportedStatus)
and the validation of a create request are in environment_inputs.py.
"""

from __future__ import annotations

from sqlalchemy import func, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Scope, Viewer
from remotegpu.db.models import (
    Environment,
)
from remotegpu.domain import placement
from remotegpu.domain.environment_access import (
    DESCRIPTION_MAX,
    GONE,
    LIVE,
    clean_description,
    clean_name,
    lock_for_action,
    lock_visible,
)
from remotegpu.domain.environment_inputs import ReportedStatus
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.events import EventType
from remotegpu.domain.notifications import NotificationKind, notify_and_emit
from remotegpu.domain.quotas import Request, check_quota
from remotegpu.domain.validators import invalid, spelled

_ID = "id"


def _request(env: Environment) -> Request:
    return Request(env.cpu, env.memory, env.gpu or 0, env.storage or 0)


def _payload(
    env_id: str, name: str, status: str, host_id: str, **extra: object
) -> dict[str, object]:
    return {"id": env_id, "name": name, "status": status, "host_id": host_id, **extra}


def _refuse(env: Environment, action: str) -> DomainError:
    return DomainError(
        ErrorCode.INVALID_TRANSITION,
        f"environment {env.id} is {env.status}; it cannot be {action}",
        _ID,
    )


async def _announce(
    session: AsyncSession, env: Environment, event: EventType, status: str, title: str,
    content: str | None = None, level: str = "info",
) -> None:  # fmt: skip
    await notify_and_emit(
        session,
        env.user_id,
        NotificationKind.ENVIRONMENT,
        title,
        content,
        level,
        event,
        resource_type="environment",
        resource_id=env.id,
        payload=_payload(env.id, env.name, status, env.host_id),
    )


async def _release_compute(session: AsyncSession, env: Environment) -> None:
    """Give back CPU, memory, disk and GPUs (host first, then GPUs: the lock order)."""
    await placement.add_usage(session, env.host_id, _request(env), -1)
    await placement.release_gpus(session, env.id)


async def _set(session: AsyncSession, env_id: str, **values: object) -> None:
    await session.execute(update(Environment).where(Environment.id == env_id).values(**values))


async def stop_environment(session: AsyncSession, viewer: Viewer, env_id: str) -> str:
    """running -> stopped: CPU, memory, disk and GPUs go back to the host; ports stay."""
    env = await lock_for_action(session, viewer, env_id)
    if env.status != "running":
        raise _refuse(env, "stopped (only a running environment can)")
    await _release_compute(session, env)
    await _set(session, env.id, status="stopped", stopped_at=func.now())
    await _announce(
        session, env, EventType.ENVIRONMENT_STOPPED, "stopped", f"Environment {env.name} stopped"
    )
    return env.id


async def start_environment(session: AsyncSession, viewer: Viewer, env_id: str) -> str:
    """stopped -> running on the same host: quota again, then CPU, memory, disk and GPUs."""
    env = await lock_for_action(session, viewer, env_id)
    if env.status != "stopped":
        raise _refuse(env, "started (only a stopped environment can)")
    request = _request(env)
    await check_quota(session, env.user_id, request, new=False, fields={})
    host = await placement.lock_host_for(session, env.host_id, request, field=_ID)
    await placement.allocate_gpus(session, host.id, env.id, request.gpu, field=_ID)
    await placement.add_usage(session, host.id, request, +1)
    await _set(session, env.id, status="running", started_at=func.now(), stopped_at=None)
    await _announce(
        session, env, EventType.ENVIRONMENT_STARTED, "running", f"Environment {env.name} started"
    )
    return env.id


# Everything a delete gives back, in one statement and in the lock order: the host's counters
# (a live environment's CPU, memory, disk and GPUs), then its GPUs (their update waits for the
# counters' through the one-time filter), its port mappings and open dataset mounts, and the
# row itself, whose port columns mirror the active mappings (an invariant) and so go too.
_RELEASE_AND_DELETE = text(
    """
    WITH counters AS (
        UPDATE hosts SET
            used_cpu = coalesce(used_cpu, 0) - :cpu,
            used_memory = coalesce(used_memory, 0) - :memory,
            used_disk = coalesce(used_disk, 0) - :storage,
            used_gpu = coalesce(used_gpu, 0) - :gpu
        WHERE id = :host_id AND :live
        RETURNING id
    ), gpus AS (
        UPDATE gpus SET status = 'available', allocated_to = NULL, allocated_at = NULL
        WHERE allocated_to = :env_id AND :live AND (SELECT count(*) FROM counters) >= 0
        RETURNING id
    ), ports AS (
        UPDATE port_mappings SET status = 'released', released_at = now()
        WHERE env_id = :env_id AND status = 'active'
        RETURNING id
    ), mounts AS (
        UPDATE dataset_usage SET unmounted_at = now()
        WHERE env_id = :env_id AND unmounted_at IS NULL
        RETURNING id
    )
    UPDATE environments SET
        status = 'deleted', ssh_port = NULL, jupyter_port = NULL, rdp_port = NULL,
        stopped_at = CASE WHEN status = 'running' THEN now() ELSE stopped_at END
    WHERE id = :env_id
    """
)


async def delete_environment(session: AsyncSession, viewer: Viewer, env_id: str) -> str:
    """running | stopped | error -> deleted: ports, GPUs, counters and mounts are released."""
    env = await lock_for_action(session, viewer, env_id)
    if env.status not in ("running", "stopped", "error"):
        raise _refuse(env, "deleted")
    request = _request(env)
    values = {"env_id": env.id, "host_id": env.host_id, "live": env.status in LIVE}
    values |= {"cpu": request.cpu, "memory": request.memory, "storage": request.storage}
    await session.execute(_RELEASE_AND_DELETE, values | {"gpu": request.gpu})
    await _announce(
        session, env, EventType.ENVIRONMENT_DELETED, "deleted", f"Environment {env.name} deleted"
    )
    return env.id


async def update_environment(
    session: AsyncSession,
    viewer: Viewer,
    env_id: str,
    *,
    name: str | None = None,
    description: str | None = None,
) -> str:
    """Rename or re-describe; an empty description clears it. Deleted ones are history."""
    values: dict[str, object] = {}
    if name is not None:
        values["name"] = clean_name(name)
    if description is not None:
        values["description"] = clean_description(description)
    env = await lock_for_action(session, viewer, env_id)
    if env.status in GONE:
        raise _refuse(env, "changed")
    if values:
        await _set(session, env.id, **values)
    return env.id


async def report_status(
    session: AsyncSession,
    viewer: Viewer,
    env_id: str,
    status: ReportedStatus,
    *,
    container_id: str | None = None,
    pod_name: str | None = None,
    message: str | None = None,
) -> str:
    """The host's agent (or a platform admin) reports creating -> running, or a failure.

    A failure (from creating or running) gives the compute back and keeps the ports.
    """
    if not viewer.is_authenticated:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "log in first")
    for value, field, limit in (
        (container_id, "container_id", 128),
        (pod_name, "pod_name", 128),
        (message, "message", DESCRIPTION_MAX),
    ):
        if value is not None and len(value) > limit:
            raise invalid(field, f"{spelled(field)} must be at most {limit} characters")
    env = await lock_visible(session, viewer, env_id)
    if not viewer.is_agent:
        if not viewer.is_admin:
            raise DomainError(
                ErrorCode.FORBIDDEN, "only the host's agent or a platform admin reports status", _ID
            )
        if not viewer.can(Scope.WRITE):
            raise DomainError(ErrorCode.FORBIDDEN, "this token may not make changes", _ID)
    extra: dict[str, object] = {}
    if container_id is not None:
        extra["container_id"] = container_id
    if pod_name is not None:
        extra["pod_name"] = pod_name
    detail = f": {message}" if message else ""
    if status is ReportedStatus.RUNNING:
        if env.status != "creating":
            raise _refuse(env, "reported running (only a creating environment can)")
        await _set(session, env.id, status="running", started_at=func.now(), **extra)
        await _announce(
            session, env, EventType.ENVIRONMENT_STARTED, "running",
            f"Environment {env.name} is running", message,
        )  # fmt: skip
        return env.id
    if env.status not in LIVE:
        raise _refuse(env, "reported failed (only a creating or running environment can)")
    await _release_compute(session, env)
    stopped = {"stopped_at": func.now()} if env.status == "running" else {}
    await _set(session, env.id, status="error", **extra, **stopped)
    await _announce(
        session, env, EventType.ENVIRONMENT_FAILED, "error",
        f"Environment {env.name} failed", f"Environment {env.id} failed{detail}", "error",
    )  # fmt: skip
    return env.id
