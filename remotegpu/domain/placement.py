"""Placement: which host an environment runs on, its GPUs, and the host's used_* counters.

Lock order (every path that locks hosts, GPUs or ports follows it; environments.py lists the
whole order): one host row (FOR UPDATE), then GPU rows of that host. The rule that makes host
locks deadlock-free: a transaction WAITS for a host lock only by the host's primary key, one
host at a time, and only while it holds no other host, GPU or port lock.
Statements that lock several candidate hosts (the best-fit search) never wait: they use SKIP
LOCKED. A `SELECT ... ORDER BY ... LIMIT 1 FOR UPDATE` that waits is what used to deadlock:
it keeps every row it locked and found no longer fitting while it waits for the next one, in
an order taken from its own snapshot, so two of them could each hold the host the other waits
for. Free capacity is re-checked after the host lock, because another transaction may have
taken it since the search.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    ScalarSelect,
    Select,
    String,
    bindparam,
    func,
    select,
    text,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.models import Gpu, Host
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.quotas import Request


@dataclass(frozen=True)
class LockedHost:
    """A host this transaction holds locked for an environment."""

    id: str
    os_type: str


@dataclass(frozen=True)
class HostRoom:
    """What a host has free, read under its lock."""

    id: str
    os_type: str
    free_cpu: int
    free_memory: int
    free_disk: int
    free_gpus: int


def _free_gpus(host_id: Any) -> ScalarSelect[int]:
    return (
        select(func.count())
        .select_from(Gpu)
        .where(Gpu.host_id == host_id, Gpu.status == "available", Gpu.health_status == "healthy")
        .scalar_subquery()
    )


# A NULL total_disk counts as no disk: the invariant compares used_disk with coalesce(total, 0).
_FREE_CPU = Host.total_cpu - func.coalesce(Host.used_cpu, 0)
_FREE_MEMORY = Host.total_memory - func.coalesce(Host.used_memory, 0)
_FREE_DISK = func.coalesce(Host.total_disk, 0) - func.coalesce(Host.used_disk, 0)


async def _lock(session: AsyncSession, host_id: str) -> tuple[str | None, str | None]:
    """Lock the host row; its (status, health_status)."""
    row = (
        await session.execute(
            select(Host.status, Host.health_status).where(Host.id == host_id).with_for_update()
        )
    ).first()
    if row is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"host {host_id} not found", "host_id")
    return row.status, row.health_status


def _fits_on_host_columns(request: Request) -> list[ColumnElement[bool]]:
    """What `request` needs of the host row itself. A locking statement re-evaluates these on
    the row version it locks (READ COMMITTED's recheck), so they hold once it returns the row;
    the free-GPU count, a subquery on other rows, is not re-evaluated that way."""
    return _fits_on(request.cpu, request.memory, request.storage)


def _fits_on(
    cpu: int | ColumnElement[int],
    memory: int | ColumnElement[int],
    storage: int | ColumnElement[int],
) -> list[ColumnElement[bool]]:
    return [
        Host.status == "online",
        Host.health_status == "healthy",
        cpu <= _FREE_CPU,
        memory <= _FREE_MEMORY,
        storage <= _FREE_DISK,
    ]


async def _lock_if_fits(session: AsyncSession, host_id: str, request: Request) -> bool:
    """Wait for the host's lock, by key alone; whether it still fits (on its own columns)."""
    query = select(Host.id).where(Host.id == host_id, *_fits_on_host_columns(request))
    return await session.scalar(query.with_for_update()) is not None


async def _free(session: AsyncSession, host_id: str) -> HostRoom:
    row = (
        await session.execute(
            select(
                Host.id,
                Host.os_type,
                _FREE_CPU.label("cpu"),
                _FREE_MEMORY.label("memory"),
                _FREE_DISK.label("disk"),
                _free_gpus(Host.id).label("gpus"),
            ).where(Host.id == host_id)
        )
    ).one()
    return HostRoom(row.id, row.os_type, row.cpu, row.memory, row.disk, row.gpus)


def shortfall(host: HostRoom, request: Request) -> str | None:
    """Why `request` does not fit on `host`, or None if it does."""
    if host.free_cpu < request.cpu:
        return f"host {host.id} has {host.free_cpu} free CPU cores, {request.cpu} requested"
    if host.free_memory < request.memory:
        return (
            f"host {host.id} has {host.free_memory} bytes of free memory,"
            f" {request.memory} requested"
        )
    if host.free_disk < request.storage:
        return (
            f"host {host.id} has {host.free_disk} bytes of free disk, {request.storage} requested"
        )
    if host.free_gpus < request.gpu:
        return f"host {host.id} has {host.free_gpus} free GPUs, {request.gpu} requested"
    return None


def _refuse_state(host_id: str, status: str | None, health: str | None, field: str | None) -> None:
    if status == "maintenance":
        raise DomainError(ErrorCode.NO_CAPACITY, f"host {host_id} is in maintenance", field)
    if status != "online":
        raise DomainError(ErrorCode.NO_CAPACITY, f"host {host_id} is {status or 'offline'}", field)
    if health != "healthy":
        raise DomainError(ErrorCode.NO_CAPACITY, f"host {host_id} is {health or 'unknown'}", field)


async def lock_host_for(
    session: AsyncSession, host_id: str, request: Request, *, field: str | None
) -> LockedHost:
    """Lock a given host and check it accepts `request` (NOT_FOUND / NO_CAPACITY otherwise)."""
    status, health = await _lock(session, host_id)
    _refuse_state(host_id, status, health, field)
    host = await _free(session, host_id)
    reason = shortfall(host, request)
    if reason is not None:
        raise DomainError(ErrorCode.NO_CAPACITY, reason, field)
    return LockedHost(host.id, host.os_type)


async def place(session: AsyncSession, request: Request) -> LockedHost:
    """The best-fit online, healthy host for `request` (least leftover), locked.

    Concurrent creates must not all queue on the same best-fit host and give up while other
    hosts have room, so the candidate is first searched with `FOR UPDATE SKIP LOCKED`: each
    create locks the best host nobody else is deciding on. Only when every fitting host is
    busy does it wait, for the best fit read without a lock, by its key alone (the module's
    rule). A host found full after its lock is skipped from then on, so the loop ends once
    every fitting host has been tried.
    """
    free_gpus = _free_gpus(Host.id)
    tried: list[str] = []

    def best_fit() -> Any:
        query = (
            select(Host.id, Host.os_type)
            .where(*_fits_on_host_columns(request), free_gpus >= request.gpu)
            .order_by(free_gpus, _FREE_CPU, _FREE_MEMORY, _FREE_DISK, Host.id)
            .limit(1)
        )
        # Only when needed: an expanding IN is rendered anew on every execution.
        return query.where(Host.id.not_in(tried)) if tried else query

    while True:
        # Savepoints, so that a host found full is unlocked before another is waited for.
        savepoint = await session.begin_nested()
        found = (
            await session.execute(best_fit().with_for_update(of=Host, skip_locked=True))
        ).first()
        # (A host SKIP LOCKED locked and found changed so that it no longer fits stays locked
        # with the one it returns: this transaction waits for no host afterwards, so that
        # cannot close a cycle.)
        if found is None:
            # Drop any such host before waiting, or it could be what another waiter waits for.
            await savepoint.rollback()
            savepoint = await session.begin_nested()
            found = (await session.execute(best_fit())).first()
            if found is None:
                await savepoint.rollback()
                break
            if not await _lock_if_fits(session, found.id, request):
                await savepoint.rollback()
                tried.append(found.id)
                continue
        # Locked, and it fits on its own columns. GPUs are counted again, in a statement of
        # its own: the search's count may predate a commit; under the host lock it cannot.
        if request.gpu == 0 or (await _free(session, found.id)).free_gpus >= request.gpu:
            await savepoint.commit()
            return LockedHost(found.id, found.os_type)
        await savepoint.rollback()
        tried.append(found.id)
    most = await session.scalar(
        select(func.coalesce(func.max(free_gpus), 0)).where(
            Host.status == "online", Host.health_status == "healthy"
        )
    )
    raise DomainError(
        ErrorCode.NO_CAPACITY,
        f"no online, healthy host has {request.cpu} CPU cores, {request.memory} bytes of memory,"
        f" {request.storage} bytes of disk and {request.gpu} GPUs free"
        f" (most free GPUs on one host: {most})",
    )


async def allocate_gpus(
    session: AsyncSession, host_id: str, env_id: str, count: int, *, field: str | None
) -> list[int]:
    """Mark `count` available, healthy GPUs of the host allocated to the environment."""
    if count == 0:
        return []
    ids = list(
        (
            await session.scalars(
                select(Gpu.id)
                .where(
                    Gpu.host_id == host_id,
                    Gpu.status == "available",
                    Gpu.health_status == "healthy",
                )
                .order_by(Gpu.gpu_index)
                .limit(count)
                .with_for_update(skip_locked=True)
            )
        ).all()
    )
    if len(ids) < count:
        raise DomainError(
            ErrorCode.NO_CAPACITY,
            f"host {host_id} has {len(ids)} free GPUs, {count} requested",
            field,
        )
    await session.execute(
        update(Gpu)
        .where(Gpu.id.in_(ids))
        .values(status="allocated", allocated_to=env_id, allocated_at=func.now())
    )
    return ids


async def release_gpus(session: AsyncSession, env_id: str) -> None:
    await session.execute(
        update(Gpu)
        .where(Gpu.allocated_to == env_id)
        .values(status="available", allocated_to=None, allocated_at=None)
    )


async def add_usage(session: AsyncSession, host_id: str, request: Request, sign: int) -> None:
    """Move the host's used_* counters by `sign` x the request (same transaction as the change)."""
    await session.execute(
        update(Host)
        .where(Host.id == host_id)
        .values(
            used_cpu=func.coalesce(Host.used_cpu, 0) + sign * request.cpu,
            used_memory=func.coalesce(Host.used_memory, 0) + sign * request.memory,
            used_disk=func.coalesce(Host.used_disk, 0) + sign * request.storage,
            used_gpu=func.coalesce(Host.used_gpu, 0) + sign * request.gpu,
        )
    )


def _place_and_take_statement() -> Select[Any]:
    """The usual placement in one statement: the best fit (as `place` searches it, SKIP
    LOCKED), its first free GPUs (SKIP LOCKED, as allocate_gpus takes them), and, only if
    there are enough of them, the GPUs marked allocated and the host's counters moved.

    Every row it locks it re-reads at its newest version (the locking statement's recheck):
    the host's own columns and each GPU's status hold once returned; only the free-GPU count
    of the search may be stale, and then too few GPUs are locked and nothing is written.
    """
    cpu, memory = bindparam("cpu", type_=Integer), bindparam("memory", type_=BigInteger)
    storage, gpu = bindparam("storage", type_=BigInteger), bindparam("gpu", type_=Integer)
    env_id = bindparam("env_id", type_=String)
    free_gpus = _free_gpus(Host.id)
    host = (
        select(Host.id, Host.os_type)
        .where(*_fits_on(cpu, memory, storage), free_gpus >= gpu)
        .order_by(free_gpus, _FREE_CPU, _FREE_MEMORY, _FREE_DISK, Host.id)
        .limit(1)
        .with_for_update(of=Host, skip_locked=True)
        .cte("host")
        .prefix_with("MATERIALIZED")
    )
    host_id = select(host.c.id).scalar_subquery()
    picked = (
        select(Gpu.id)
        .where(Gpu.host_id == host_id, Gpu.status == "available", Gpu.health_status == "healthy")
        .order_by(Gpu.gpu_index)
        .limit(gpu)
        .with_for_update(of=Gpu, skip_locked=True)
        .cte("picked")
        .prefix_with("MATERIALIZED")
    )
    enough = select(func.count()).select_from(picked).scalar_subquery() == gpu
    taken = (
        update(Gpu)
        .where(Gpu.id.in_(select(picked.c.id)), enough)
        .values(status="allocated", allocated_to=env_id, allocated_at=func.now())
        .returning(Gpu.id)
        .cte("taken")
    )
    counted = (
        update(Host)
        .where(Host.id == host_id, enough)
        .values(
            used_cpu=func.coalesce(Host.used_cpu, 0) + cpu,
            used_memory=func.coalesce(Host.used_memory, 0) + memory,
            used_disk=func.coalesce(Host.used_disk, 0) + storage,
            used_gpu=func.coalesce(Host.used_gpu, 0) + gpu,
        )
        .returning(Host.id)
        .cte("counted")
    )
    return select(
        host.c.id,
        host.c.os_type,
        select(func.count()).select_from(taken).scalar_subquery().label("gpus"),
        select(func.count()).select_from(counted).scalar_subquery().label("hosts"),
    )


_PLACE_AND_TAKE = _place_and_take_statement()
# A plain savepoint: released with the transaction's commit, so the usual case costs one
# statement for it instead of the two (SAVEPOINT, RELEASE) of session.begin_nested().
_SAVEPOINT = text("SAVEPOINT place_and_take")
_ROLLBACK_TO_SAVEPOINT = text("ROLLBACK TO SAVEPOINT place_and_take")


async def place_and_take(
    session: AsyncSession, request: Request, env_id: str, *, field: str | None
) -> LockedHost:
    """Place `request` (best fit), allocate its GPUs to `env_id` and count it on the host.

    One statement when the best fit nobody else is deciding on has the GPUs it promised (the
    usual case). Otherwise that statement's locks are rolled back (a host it locked could be
    what another create waits for) and `place`, allocate_gpus and add_usage do it step by step.
    """
    await session.execute(_SAVEPOINT)
    values: dict[str, object] = {"cpu": request.cpu, "memory": request.memory}
    values |= {"storage": request.storage, "gpu": request.gpu, "env_id": env_id}
    row = (await session.execute(_PLACE_AND_TAKE, values)).first()
    if row is not None and row.hosts == 1 and row.gpus == request.gpu:
        return LockedHost(row.id, row.os_type)
    await session.execute(_ROLLBACK_TO_SAVEPOINT)
    host = await place(session, request)
    await allocate_gpus(session, host.id, env_id, request.gpu, field=field)
    await add_usage(session, host.id, request, +1)
    return host
