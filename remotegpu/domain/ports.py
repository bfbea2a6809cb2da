"""Port mappings of environments: custom service ports added and released by their users.

How a port is chosen and claimed (the lowest free one of the service's range, safely under
concurrency) is in port_claims.py.
"""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import PortMapping
from remotegpu.domain.environment_access import (
    GONE,
    lock_for_action,
    lock_visible,
    may_see,
    not_found,
)
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.port_claims import allocate_port
from remotegpu.domain.validators import invalid

# The services every environment gets, with the internal port each one listens on.
INTERNAL_PORTS: dict[str, int] = {"ssh": 22, "jupyter": 8888, "rdp": 3389}


async def add_port_mapping(
    session: AsyncSession, viewer: Viewer, env_id: str, internal_port: int
) -> int:
    """A custom service port of a non-deleted environment: the lowest free custom port."""
    if not 1 <= internal_port <= 65535:
        raise invalid("internal_port", "internalPort must be 1 to 65535")
    env = await lock_for_action(session, viewer, env_id, field="environment_id")
    if env.status in GONE:
        raise DomainError(
            ErrorCode.INVALID_TRANSITION,
            f"environment {env.id} is {env.status}",
            "environment_id",
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
            "internal_port",
        )
    return (await allocate_port(session, env.id, "custom", internal_port)).id


async def release_port_mapping(session: AsyncSession, viewer: Viewer, mapping_id: int) -> int:
    """Release a custom mapping; ssh/jupyter/rdp ones go with their environment."""
    env_id = await session.scalar(select(PortMapping.env_id).where(PortMapping.id == mapping_id))
    if env_id is None:
        raise not_found("port mapping", str(mapping_id))
    env = await lock_visible(session, viewer, env_id, what=("port mapping", str(mapping_id)))
    if not await may_see(session, viewer, env, manage=True):
        raise DomainError(ErrorCode.FORBIDDEN, "you may not change this environment", "id")
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
            "id",
        )
    if mapping.status != "active":
        raise DomainError(
            ErrorCode.INVALID_TRANSITION, "the port mapping is already released", "id"
        )
    await session.execute(
        update(PortMapping)
        .where(PortMapping.id == mapping_id)
        .values(status="released", released_at=func.now())
    )
    return mapping_id
