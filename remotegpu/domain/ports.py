"""External gateway ports: the lowest free port of each service's range in system_configs.

Each service's allocation is serialised by a transaction-level advisory lock, taken always in
the order ssh, jupyter, rdp, custom (no deadlocks); the partial unique index on active
external ports backs the rule up.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import PortMapping
from remotegpu.domain.environment_access import (
    GONE,
    invalid,
    lock_for_action,
    lock_visible,
    may_see,
    not_found,
)
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.quotas import config_int

# Services in lock order, with the internal port each one listens on in the environment.
INTERNAL_PORTS: dict[str, int] = {"ssh": 22, "jupyter": 8888, "rdp": 3389}
LOCK_ORDER = ("ssh", "jupyter", "rdp", "custom")
_LOCK_NAMESPACE = 0x706F7274  # "port": first key of pg_advisory_xact_lock(int, int)

_LOWEST_FREE = text(
    """
    SELECT min(p) FROM (
        SELECT CAST(:lo AS int) AS p WHERE NOT EXISTS (
            SELECT 1 FROM port_mappings WHERE status = 'active' AND external_port = :lo)
        UNION ALL
        SELECT m.external_port + 1 FROM port_mappings m
        WHERE m.status = 'active' AND m.external_port >= :lo AND m.external_port < :hi
          AND NOT EXISTS (SELECT 1 FROM port_mappings n
                          WHERE n.status = 'active' AND n.external_port = m.external_port + 1)
    ) AS free
    """
)


class Allocated(NamedTuple):
    id: int
    external_port: int


async def allocate_port(
    session: AsyncSession, env_id: str, service: str, internal_port: int
) -> Allocated:
    """Insert an active mapping on the lowest free port of `service`'s range (NO_PORTS if none).

    Call in LOCK_ORDER when allocating several services in one transaction.
    """
    await session.execute(
        select(func.pg_advisory_xact_lock(_LOCK_NAMESPACE, LOCK_ORDER.index(service)))
    )
    lo = await config_int(session, f"{service}_port_range_start")
    hi = await config_int(session, f"{service}_port_range_end")
    if lo is None or hi is None or lo > hi:
        raise DomainError(ErrorCode.NO_PORTS, f"no {service} port range is configured")
    port = (await session.execute(_LOWEST_FREE, {"lo": lo, "hi": hi})).scalar()
    if port is None or port > hi:
        raise DomainError(ErrorCode.NO_PORTS, f"every {service} port in {lo}..{hi} is taken")
    row = (
        await session.execute(
            insert(PortMapping)
            .values(
                env_id=env_id,
                service_type=service,
                external_port=port,
                internal_port=internal_port,
                status="active",
            )
            .returning(PortMapping.id, PortMapping.external_port)
        )
    ).one()
    return Allocated(row.id, row.external_port)


async def release_ports(session: AsyncSession, env_id: str) -> None:
    await session.execute(
        update(PortMapping)
        .where(PortMapping.env_id == env_id, PortMapping.status == "active")
        .values(status="released", released_at=func.now())
    )


async def add_port_mapping(
    session: AsyncSession, viewer: Viewer, env_id: str, internal_port: int
) -> int:
    """A custom service port of a non-deleted environment: the lowest free custom port."""
    if not 1 <= internal_port <= 65535:
        raise invalid("internalPort", "internalPort must be 1 to 65535")
    env = await lock_for_action(session, viewer, env_id, field=["input", "environmentId"])
    if env.status in GONE:
        raise DomainError(
            ErrorCode.INVALID_TRANSITION,
            f"environment {env.id} is {env.status}",
            ["input", "environmentId"],
        )
    taken = await session.scalar(
        select(PortMapping.external_port).where(
            PortMapping.env_id == env.id,
            PortMapping.service_type == "custom",
            PortMapping.status == "active",
            PortMapping.internal_port == internal_port,
        )
    )
    if taken is not None:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"internal port {internal_port} is already mapped (external port {taken})",
            ["input", "internalPort"],
        )
    return (await allocate_port(session, env.id, "custom", internal_port)).id


async def release_port_mapping(session: AsyncSession, viewer: Viewer, mapping_id: int) -> int:
    """Release a custom mapping; ssh/jupyter/rdp ones go with their environment."""
    env_id = await session.scalar(select(PortMapping.env_id).where(PortMapping.id == mapping_id))
    if env_id is None:
        raise not_found("port mapping", str(mapping_id))
    env = await lock_visible(session, viewer, env_id, what=("port mapping", str(mapping_id)))
    if not await may_see(session, viewer, env, manage=True):
        raise DomainError(
            ErrorCode.FORBIDDEN, "you may not change this environment", ["input", "id"]
        )
    mapping = (
        await session.execute(
            select(PortMapping.service_type, PortMapping.status)
            .where(PortMapping.id == mapping_id)
            .with_for_update()
        )
    ).one()
    if mapping.service_type != "custom":
        raise DomainError(
            ErrorCode.FORBIDDEN,
            f"{mapping.service_type} ports are released with their environment",
            ["input", "id"],
        )
    if mapping.status != "active":
        raise DomainError(
            ErrorCode.INVALID_TRANSITION, "the port mapping is already released", ["input", "id"]
        )
    await session.execute(
        update(PortMapping)
        .where(PortMapping.id == mapping_id)
        .values(status="released", released_at=func.now())
    )
    return mapping_id
