"""Quota checks of environments: the owner's usage plus a new or restarted environment.

The owner's resource_quotas row is locked FOR UPDATE first, so two creates (or starts) of one
owner run the check one after the other and cannot both squeeze under the limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.models import Environment, ResourceQuota, SystemConfig
from remotegpu.domain.errors import DomainError, ErrorCode

LIVE = ("creating", "running")
GONE = ("deleted", "deleting")
MIB = 1024 * 1024


@dataclass(frozen=True)
class Request:
    """What an environment holds while live: CPU cores, memory and storage bytes, GPUs."""

    cpu: int
    memory: int
    gpu: int
    storage: int


def parse_int(value: str | None) -> int | None:
    """A system_configs integer value; None when unset or not an integer."""
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


async def config_int(session: AsyncSession, key: str) -> int | None:
    return parse_int(
        await session.scalar(
            select(SystemConfig.config_value).where(SystemConfig.config_key == key)
        )
    )


@dataclass(frozen=True)
class Limits:
    """An owner's resource_quotas row (memory in MB, as stored; storage in bytes)."""

    cpu: int
    memory_mb: int
    gpu: int
    storage: int
    environments: int

    @classmethod
    def from_row(cls, row: Any) -> Limits:
        """From a row with the resource_quotas columns; a NULL limit allows nothing."""
        return cls(
            row.cpu_quota or 0,
            row.memory_quota or 0,
            row.gpu_quota or 0,
            row.storage_quota or 0,
            row.environment_quota or 0,
        )


async def _lock_quota(session: AsyncSession, owner_id: int) -> ResourceQuota:
    quota = (
        await session.execute(
            select(ResourceQuota)
            .where(ResourceQuota.user_id == owner_id)
            .order_by(ResourceQuota.id)
            .limit(1)
            .with_for_update()
        )
    ).scalar_one_or_none()
    if quota is None:
        raise DomainError(ErrorCode.QUOTA_EXCEEDED, "the owner has no resource quota")
    return quota


def _over(field: str | None, what: str, used: int, asked: int, limit: int) -> DomainError:
    return DomainError(
        ErrorCode.QUOTA_EXCEEDED,
        f"{what} quota exceeded: {used} in use + {asked} requested > {limit} allowed",
        field,
    )


async def check_quota(
    session: AsyncSession,
    owner_id: int,
    request: Request,
    *,
    new: bool,
    fields: dict[str, str | None],
) -> None:
    """Lock the owner's quota and check that `request` fits (QUOTA_EXCEEDED otherwise).

    `new`: a create counts against the non-deleted environments and storage; a start of a
    stopped environment (already counted there) against the live ones, as the invariant does.
    """
    limits = Limits.from_row(await _lock_quota(session, owner_id))
    cap = await config_int(session, "max_environments_per_user")
    await check_usage(session, owner_id, limits, cap, request, new=new, fields=fields)


def _usage(new: bool) -> Select[int, int, int, int, int, int]:
    """An owner's environments and what the live ones hold; storage counts every kept one
    for a create (`new`), the live ones for a start."""
    live = Environment.status.in_(LIVE)
    kept = Environment.status.not_in(GONE)
    return select(
        func.count().filter(kept).label("kept"),
        func.count().filter(live).label("live"),
        func.coalesce(func.sum(Environment.cpu).filter(live), 0).label("cpu"),
        func.coalesce(func.sum(Environment.memory).filter(live), 0).label("memory"),
        func.coalesce(func.sum(func.coalesce(Environment.gpu, 0)).filter(live), 0).label("gpu"),
        func.coalesce(
            func.sum(func.coalesce(Environment.storage, 0)).filter(kept if new else live), 0
        ).label("storage"),
    ).where(Environment.user_id == bindparam("owner_id"))


# Built once (building it per call cost more of the API's CPU than running it).
_USAGE = {new: _usage(new) for new in (True, False)}


async def check_usage(
    session: AsyncSession,
    owner_id: int,
    limits: Limits,
    cap: int | None,
    request: Request,
    *,
    new: bool,
    fields: dict[str, str | None],
) -> None:
    """Check the owner's usage plus `request` against `limits` and the per-user `cap`.

    The caller holds the owner's quota row locked, and this reads the usage in a statement
    of its own, after that lock: a statement that waited for the lock would still see the
    usage of before the wait (READ COMMITTED's snapshot is per statement).
    """
    usage = (await session.execute(_USAGE[new], {"owner_id": owner_id})).one()
    count = int(usage.kept if new else usage.live)
    if count + 1 > limits.environments:
        raise _over(fields.get("count"), "environment", count, 1, limits.environments)
    if cap is not None and count + 1 > cap:
        raise DomainError(
            ErrorCode.QUOTA_EXCEEDED,
            f"at most {cap} environments per user (max_environments_per_user); {count} exist",
            fields.get("count"),
        )
    checks = (
        ("cpu", "CPU", int(usage.cpu), request.cpu, limits.cpu),
        ("memory", "memory (bytes)", int(usage.memory), request.memory, limits.memory_mb * MIB),
        ("gpu", "GPU", int(usage.gpu), request.gpu, limits.gpu),
        ("storage", "storage (bytes)", int(usage.storage), request.storage, limits.storage),
    )  # fmt: skip
    for key, what, used, asked, limit in checks:
        if used + asked > limit:
            raise _over(fields.get(key), what, used, asked, limit)
