"""The fleet: registering hosts and their GPUs, maintenance, deletion, agent heartbeats.

Every function takes the caller's session (it never commits) and locks the host row
`FOR UPDATE` before it checks a rule, so a concurrent placement (which locks the same row)
sees the state before or after, never half of it. The inputs (HostSpec, HostChanges, GpuSpec,
GpuChanges) and their validation are in host_inputs.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, case, delete, exists, func, select, text, true, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Scope, Viewer
from remotegpu.db.models import ApiToken, Environment, Gpu, GpuMetric, Host, HostMetric
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.events import EventType, emit
from remotegpu.domain.host_inputs import (
    INT_MAX,
    GpuChanges,
    GpuSpec,
    HostChanges,
    HostSpec,
    validate_changes,
    validate_spec,
)
from remotegpu.domain.validators import check_range, invalid, spelled

HOST_ID = "host_id"
GPU_ID = "id"
SILENCE = timedelta(seconds=180)
# Environments that give their owner a view of the host (as loaders/hosts.visible_hosts).
_VIEWING_ENV_STATUSES = ("creating", "running", "stopped", "error", "deleting")
# HostSpec fields stored as they are; a new host is offline and unused until it reports.
_SPEC_COLUMNS = (
    *("id", "name", "hostname", "ip_address", "public_ip", "os_type", "os_version", "arch"),
    *("deployment_mode", "k8s_node_name", "total_cpu", "total_memory", "total_disk"),
    *("ssh_port", "winrm_port", "agent_port", "labels", "tags"),
)
_FRESH_HOST = {"status": "offline", "health_status": "unknown"} | dict.fromkeys(
    ("used_cpu", "used_memory", "used_disk", "used_gpu"), 0
)
_GPU_COLUMNS = (
    *("uuid", "name", "brand", "architecture", "memory_total", "cuda_cores"),
    *("compute_capability", "power_limit", "temperature_limit"),
)


# --- who may act ------------------------------------------------------------------------------


def _acts_as_admin(viewer: Viewer) -> bool:
    # Agent tokens may belong to an admin account; they still speak only for their host.
    return viewer.is_admin and not viewer.is_agent and viewer.can(Scope.WRITE)


async def _sees_host(session: AsyncSession, viewer: Viewer, host_id: str) -> bool:
    if viewer.is_admin and not viewer.is_agent:  # e.g. an admin's read-only token
        where: ColumnElement[bool] = true()
    elif viewer.agent_host_id is not None:
        where = Host.id == viewer.agent_host_id
    elif viewer.customer_id is not None:
        where = Host.id.in_(
            select(Environment.host_id).where(
                Environment.user_id == viewer.customer_id,
                Environment.status.in_(_VIEWING_ENV_STATUSES),
            )
        )
    else:
        return False
    return bool(await session.scalar(select(exists().where(Host.id == host_id, where))))


async def _sees_gpu(session: AsyncSession, viewer: Viewer, gpu_id: int) -> bool:
    """As loaders/hosts.visible_gpus: agents their host's GPUs, customers the ones they hold."""
    if viewer.is_admin and not viewer.is_agent:
        where: ColumnElement[bool] = true()
    elif viewer.agent_host_id is not None:
        where = Gpu.host_id == viewer.agent_host_id
    elif viewer.customer_id is not None:
        where = Gpu.allocated_to.in_(
            select(Environment.id).where(Environment.user_id == viewer.customer_id)
        )
    else:
        return False
    return bool(await session.scalar(select(exists().where(Gpu.id == gpu_id, where))))


def _require_login(viewer: Viewer) -> None:
    if not viewer.is_authenticated:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "log in first")


async def _refuse_non_admin(session: AsyncSession, viewer: Viewer, host_id: str) -> None:
    """NOT_FOUND for a host the viewer cannot see (like a missing one), FORBIDDEN otherwise."""
    _require_login(viewer)
    if await _sees_host(session, viewer, host_id):
        raise DomainError(ErrorCode.FORBIDDEN, "only platform admins manage hosts", HOST_ID)
    raise DomainError(ErrorCode.NOT_FOUND, f"no host {host_id!r}", HOST_ID)


async def _lock_host(session: AsyncSession, host_id: str) -> Host:
    host = await session.scalar(
        select(Host)
        .where(Host.id == host_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if host is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"no host {host_id!r}", HOST_ID)
    return host


async def _lock_host_as_admin(session: AsyncSession, viewer: Viewer, host_id: str) -> Host:
    if not _acts_as_admin(viewer):
        await _refuse_non_admin(session, viewer, host_id)
    return await _lock_host(session, host_id)


# --- register, update, delete -----------------------------------------------------------------


async def register_host(session: AsyncSession, viewer: Viewer, spec: HostSpec) -> str:
    """Insert a host (offline until its first heartbeat) and its GPUs; returns the host id."""
    if not _acts_as_admin(viewer):
        _require_login(viewer)
        raise DomainError(ErrorCode.FORBIDDEN, "only platform admins register hosts")
    s = validate_spec(spec)
    # ON CONFLICT: a concurrent registration of the same id is refused instead of crashing.
    columns = {name: getattr(s, name) for name in _SPEC_COLUMNS}
    inserted = await session.scalar(
        pg_insert(Host)
        .values(**columns, total_gpu=len(s.gpus), **_FRESH_HOST)
        .on_conflict_do_nothing()
        .returning(Host.id)
    )
    if inserted is None:
        raise DomainError(ErrorCode.CONFLICT, f"host {s.id!r} already exists", "id")
    if s.gpus:
        await _insert_gpus(session, s.id, s.gpus)
    return s.id


async def _insert_gpus(session: AsyncSession, host_id: str, gpus: tuple[GpuSpec, ...]) -> None:
    uuids = [g.uuid for g in gpus if g.uuid is not None]
    taken = set((await session.scalars(select(Gpu.uuid).where(Gpu.uuid.in_(uuids)))).all())
    for i, gpu in enumerate(gpus):
        if gpu.uuid in taken:
            raise DomainError(
                ErrorCode.CONFLICT,
                f"a GPU with uuid {gpu.uuid!r} is already registered",
                f"gpus.{i}.uuid",
            )
    rows = [
        {
            "host_id": host_id,
            "gpu_index": g.index,
            **{name: getattr(g, name) for name in _GPU_COLUMNS},
            "status": "available",
            "health_status": "healthy",
        }
        for g in gpus
    ]
    # A uuid registered concurrently since the check is skipped here and refused below.
    written = await session.scalars(
        pg_insert(Gpu).values(rows).on_conflict_do_nothing().returning(Gpu.id)
    )
    if len(written.all()) != len(rows):
        raise DomainError(ErrorCode.CONFLICT, "a GPU uuid was registered concurrently", "gpus")


async def update_host(
    session: AsyncSession, viewer: Viewer, host_id: str, changes: HostChanges
) -> str:
    host = await _lock_host_as_admin(session, viewer, host_id)
    c = validate_changes(changes)
    for name, total, used in (
        ("total_cpu", c.total_cpu, host.used_cpu),
        ("total_memory", c.total_memory, host.used_memory),
        ("total_disk", c.total_disk, host.used_disk),
    ):
        if total is not None and total < (used or 0):
            raise invalid(
                name, f"{spelled(name)} {total} is below what environments use now ({used or 0})"
            )
    columns = {
        "name": c.name,
        "hostname": c.hostname,
        "ip_address": c.ip_address,
        "public_ip": c.public_ip,
        "os_version": c.os_version,
        "labels": c.labels,
        "tags": c.tags,
        "ssh_port": c.ssh_port,
        "winrm_port": c.winrm_port,
        "agent_port": c.agent_port,
        "total_cpu": c.total_cpu,
        "total_memory": c.total_memory,
        "total_disk": c.total_disk,
    }
    values = {k: v for k, v in columns.items() if v is not None}
    if values:
        await session.execute(update(Host).where(Host.id == host_id).values(**values))
    return host_id


async def delete_host(session: AsyncSession, viewer: Viewer, host_id: str) -> str:
    """Delete a host with its GPUs, their samples, and revoke the host's agent tokens.

    Placement locks the host row too, so no environment can land here after the check.
    """
    await _lock_host_as_admin(session, viewer, host_id)
    remaining = await session.scalar(
        select(func.count())
        .select_from(Environment)
        .where(Environment.host_id == host_id, Environment.status.is_distinct_from("deleted"))
    )
    if remaining:
        raise DomainError(
            ErrorCode.IN_USE,
            f"{remaining} environment(s) on host {host_id!r} are not deleted",
            HOST_ID,
        )
    await session.execute(delete(GpuMetric).where(GpuMetric.host_id == host_id))
    await session.execute(delete(HostMetric).where(HostMetric.host_id == host_id))
    await session.execute(delete(Gpu).where(Gpu.host_id == host_id))
    await session.execute(
        update(ApiToken)
        .where(ApiToken.host_id == host_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=func.now())
    )
    await session.execute(delete(Host).where(Host.id == host_id))
    return host_id


# --- status: maintenance, heartbeats, silence -------------------------------------------------


async def enter_maintenance(session: AsyncSession, viewer: Viewer, host_id: str) -> str:
    """online|offline -> maintenance; running environments stay, no new ones are placed."""
    host = await _lock_host_as_admin(session, viewer, host_id)
    if host.status not in ("online", "offline"):
        raise DomainError(
            ErrorCode.INVALID_TRANSITION, f"host {host_id!r} is {host.status}, not online/offline"
        )
    previous = host.status  # read before the UPDATE, which refreshes the loaded row
    await session.execute(update(Host).where(Host.id == host_id).values(status="maintenance"))
    await announce_host_status(session, host_id, "maintenance", previous)
    return host_id


async def exit_maintenance(session: AsyncSession, viewer: Viewer, host_id: str) -> str:
    """maintenance -> offline: the next heartbeat brings the host online."""
    host = await _lock_host_as_admin(session, viewer, host_id)
    if host.status != "maintenance":
        raise DomainError(
            ErrorCode.INVALID_TRANSITION, f"host {host_id!r} is {host.status}, not in maintenance"
        )
    await session.execute(update(Host).where(Host.id == host_id).values(status="offline"))
    await announce_host_status(session, host_id, "offline", "maintenance")
    return host_id


async def announce_host_status(
    session: AsyncSession, host_id: str, status: str, previous: str | None
) -> None:
    """The host.status_changed event (hostStatusChanged: admins and the host's agent)."""
    await emit(
        session,
        EventType.HOST_STATUS_CHANGED,
        customer_id=None,
        resource_type="host",
        resource_id=host_id,
        payload={"id": host_id, "status": status, "previousStatus": previous},
    )


@dataclass(frozen=True)
class Heartbeat:
    """A recorded heartbeat: the host after it, and its status and health before."""

    host: Host
    previous_status: str | None
    previous_health: str | None = None

    @property
    def changes(self) -> list[str]:
        """The audit actions of the state changes it caused (none for most heartbeats)."""
        changed = []
        if self.previous_status == "offline" and self.host.status == "online":
            changed.append("host.online")
        if self.previous_health != self.host.health_status:
            changed.append("host.health")
        return changed


async def record_heartbeat(
    session: AsyncSession,
    viewer: Viewer,
    host_id: str,
    health_status: str,
    *,
    at: datetime | None = None,
) -> Heartbeat:
    """The host's own agent (or an admin) reports the host alive, with its health.

    Agents send one every few seconds, so this is one statement: the UPDATE locks the row,
    reads the status before it (the sub-select's row lock orders concurrent reports) and
    returns the host after it. It writes no audit row; the caller audits state changes.
    `at` is the heartbeat's time when a job reports on its own clock (the demo agents);
    requests leave it to the database's now().
    """
    if viewer.is_agent:
        if viewer.agent_host_id != host_id:
            raise DomainError(ErrorCode.NOT_FOUND, f"no host {host_id!r}", HOST_ID)
        if not viewer.can(Scope.AGENT):
            raise DomainError(ErrorCode.FORBIDDEN, "this token may not report heartbeats")
    elif not _acts_as_admin(viewer):
        await _refuse_non_admin(session, viewer, host_id)
    if health_status not in ("healthy", "degraded", "unhealthy"):
        raise invalid("health_status", "healthStatus must be healthy, degraded or unhealthy")
    # A heartbeat lost in a crash costs nothing (the next one comes seconds later), so its
    # commit does not wait for the WAL flush: half the commit latency on a busy disk.
    await session.execute(text("SET LOCAL synchronous_commit = off"))
    before = (
        select(Host.id, Host.status.label("previous"), Host.health_status.label("health"))
        .where(Host.id == host_id)
        .with_for_update()
        .subquery()
    )
    row = (
        await session.execute(
            update(Host)
            .where(Host.id == before.c.id)
            # A host in maintenance stays there: only an admin takes it out.
            .values(
                last_heartbeat=func.now() if at is None else at,
                health_status=health_status,
                status=case((before.c.previous == "offline", "online"), else_=Host.status),
            )
            .returning(Host, before.c.previous, before.c.health)
            .execution_options(populate_existing=True)
        )
    ).one_or_none()
    if row is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"no host {host_id!r}", HOST_ID)
    beat = Heartbeat(host=row[0], previous_status=row[1], previous_health=row[2])
    if beat.previous_status == "offline" and beat.host.status == "online":
        await announce_host_status(session, host_id, "online", "offline")  # subscribers learn it
    return beat


async def mark_silent_hosts_offline(
    session: AsyncSession, now: datetime, silence: timedelta = SILENCE
) -> list[str]:
    """Online hosts without a heartbeat for `silence` go offline; returns their ids, sorted.

    The UPDATE re-checks its condition on a row after waiting for a concurrent heartbeat's
    lock, so a host that has just reported is not taken offline.
    """
    ids = await session.scalars(
        update(Host)
        .where(
            Host.status == "online",
            Host.last_heartbeat.is_(None) | (Host.last_heartbeat < now - silence),
        )
        .values(status="offline")
        .returning(Host.id)
    )
    return sorted(ids.all())


# --- GPUs -------------------------------------------------------------------------------------


async def update_gpu(
    session: AsyncSession, viewer: Viewer, gpu_id: int, changes: GpuChanges
) -> int:
    """An admin takes a GPU out of service or back in, or changes its limits; not while held."""
    if not _acts_as_admin(viewer):
        _require_login(viewer)
        if await _sees_gpu(session, viewer, gpu_id):
            raise DomainError(ErrorCode.FORBIDDEN, "only platform admins manage GPUs", GPU_ID)
        raise DomainError(ErrorCode.NOT_FOUND, f"no GPU {gpu_id}", GPU_ID)
    host_id = await session.scalar(select(Gpu.host_id).where(Gpu.id == gpu_id))
    if host_id is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"no GPU {gpu_id}", GPU_ID)
    # Host, then GPU: the order placement locks them in, so the two cannot deadlock.
    await _lock_host(session, host_id)
    gpu = await session.scalar(
        select(Gpu)
        .where(Gpu.id == gpu_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if gpu is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"no GPU {gpu_id}", GPU_ID)
    if changes.status is not None and changes.status not in ("available", "maintenance", "error"):
        # 'allocated' comes with an environment's placement only, never by hand.
        raise invalid("status", "status must be available, maintenance or error")
    if changes.health_status is not None and changes.health_status not in (
        "healthy",
        "degraded",
        "error",
    ):
        raise invalid("health_status", "healthStatus must be healthy, degraded or error")
    power_limit = check_range(changes.power_limit, "power_limit", minimum=1, maximum=INT_MAX)
    temperature_limit = check_range(
        changes.temperature_limit, "temperature_limit", minimum=1, maximum=INT_MAX
    )
    if gpu.status == "allocated":
        raise DomainError(
            ErrorCode.IN_USE, f"GPU {gpu_id} is allocated to environment {gpu.allocated_to}", GPU_ID
        )
    columns = {
        "status": changes.status,
        "health_status": changes.health_status,
        "power_limit": power_limit,
        "temperature_limit": temperature_limit,
    }
    values = {k: v for k, v in columns.items() if v is not None}
    if values:
        await session.execute(update(Gpu).where(Gpu.id == gpu_id).values(**values))
    return gpu_id
