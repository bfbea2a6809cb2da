"""Agent heartbeats: the audited path every report may take, and the steady fast path.

Almost every heartbeat changes nothing but `last_heartbeat`: the host is online (or in
maintenance) and reports the health it reported last time. `record_steady_heartbeat` writes
exactly those with one prepared statement on a plain asyncpg connection, no ORM session and
no transaction block around it. Every other report (a host coming back online, a new health,
an unknown host, a viewer who is not the host's agent) goes through `report_heartbeat`, which
is what `hostHeartbeat` runs: `record_heartbeat` in a transaction with an audit row per state
change, or a refused report audited on its own. The fast path is a strict subset of the
audited one, so both routes give the same answers and leave the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import asyncpg
from sqlalchemy import Table, bindparam, func, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.auth.viewer import Scope, Viewer
from remotegpu.db.engine import transaction
from remotegpu.db.models import Host
from remotegpu.db.raw import RawStatement
from remotegpu.domain import hosts
from remotegpu.domain.audit import RequestMeta, record_audit, record_audit_separately, status_for
from remotegpu.domain.errors import DomainError

REPORTED_HEALTH = ("healthy", "degraded", "unhealthy")

_hosts: Table = Host.__table__  # type: ignore[assignment]
# Parameter names differ from column names: in an UPDATE such a name is taken as a SET value.
# A host in maintenance stays there and an offline one must come online through the audited
# path, so only online and maintenance rows whose health is unchanged match.
_STEADY = RawStatement(
    update(_hosts)
    .where(
        _hosts.c.id == bindparam("reporting_host"),
        _hosts.c.health_status == bindparam("reported_health"),
        _hosts.c.status != "offline",
    )
    .values(last_heartbeat=func.now())
    .returning(
        _hosts.c.id,
        _hosts.c.name,
        _hosts.c.status,
        _hosts.c.health_status,
        _hosts.c.last_heartbeat,
    )
)


@dataclass(frozen=True)
class HostState:
    """What a heartbeat's answer tells the agent about its host."""

    id: str
    name: str
    status: str | None
    health_status: str | None
    last_heartbeat: datetime | None


async def record_steady_heartbeat(
    conn: asyncpg.Connection | asyncpg.Pool, viewer: Viewer, host_id: str, health_status: str
) -> HostState | None:
    """The heartbeat of a host's own agent that changes no state, in one statement.

    None when this report is not such a heartbeat (another viewer, an offline or unknown
    host, a new health): the caller then runs `report_heartbeat`, which decides and audits.
    """
    if not (
        viewer.is_agent
        and viewer.agent_host_id == host_id
        and viewer.can(Scope.AGENT)
        and health_status in REPORTED_HEALTH
    ):
        return None
    row = await conn.fetchrow(
        _STEADY.sql, *_STEADY.args(reporting_host=host_id, reported_health=health_status)
    )
    if row is None:
        return None
    return HostState(
        id=row["id"],
        name=row["name"],
        status=row["status"],
        health_status=row["health_status"],
        last_heartbeat=row["last_heartbeat"],
    )


async def report_heartbeat(
    sessions: async_sessionmaker[AsyncSession],
    viewer: Viewer,
    host_id: str,
    health_status: str,
    meta: RequestMeta,
) -> hosts.Heartbeat:
    """A heartbeat with its consequences: the state changes it causes are audited in its
    transaction; a refused report is audited on its own and its DomainError re-raised."""
    try:
        async with transaction(sessions) as session:
            beat = await hosts.record_heartbeat(session, viewer, host_id, health_status)
            for action in beat.changes:  # offline -> online, a new health
                await record_audit(
                    session, viewer=viewer, action=action, resource_type="host",
                    resource_id=host_id, request_meta=meta, status_code=200,
                )  # fmt: skip
    except DomainError as error:
        await record_audit_separately(
            sessions, viewer=viewer, action="host.heartbeat", resource_type="host",
            resource_id=host_id, request_meta=meta,
            status_code=status_for(error.code), error_message=f"{error.code}: {error.message}",
        )  # fmt: skip
        raise
    return beat
