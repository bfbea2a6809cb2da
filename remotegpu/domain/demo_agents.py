"""Simulated host agents for the demo fleet (REMOTEGPU_DEMO_AGENTS, off by default).

The seeded fleet has no real agents and a fixed clock (seed/timeline.py), so without them the
first liveness run takes every seeded host offline. These agents report each host that is
not in maintenance alive through the same path as the hostHeartbeat mutation
(hosts.record_heartbeat, then an audit row per state change it causes), so a host comes back
exactly as it would with a real agent. Never on in production: real hosts report themselves.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Scope, Viewer
from remotegpu.db.models import Host
from remotegpu.domain.audit import SYSTEM, record_audit
from remotegpu.domain.hosts import record_heartbeat

DEMO_AGENT = "demo-agent"
_REPORTABLE_HEALTH = ("healthy", "degraded", "unhealthy")


def _agent_of(host_id: str) -> Viewer:
    """The viewer of a host's own agent token: record_heartbeat checks it as a real one."""
    return Viewer(customer_id=0, username=DEMO_AGENT, scopes=frozenset({Scope.AGENT}),
                  agent_host_id=host_id)  # fmt: skip


async def heartbeat_demo_fleet(session: AsyncSession, now: datetime) -> int:
    """One heartbeat at `now` for every host not in maintenance; returns how many were sent.

    A host keeps the health it has (the seed's degraded and unhealthy hosts stay so, and no
    host.health audit row is written every round); a host never heard from ('unknown')
    reports healthy, as a heartbeat must carry a health. One statement per host in the job's
    one transaction, the rows locked in id order so two rounds cannot deadlock: 20 hosts for
    `--scale small`, 1,000 for `large`, well within a 30 s tick.
    """
    hosts = (
        await session.execute(
            select(Host.id, Host.health_status)
            .where(Host.status != "maintenance")
            .order_by(Host.id)
            # Locked up front: a host deleted or sent to maintenance meanwhile is skipped
            # instead of failing the round.
            .with_for_update()
        )
    ).all()
    for host_id, health in hosts:
        reported = health if health in _REPORTABLE_HEALTH else "healthy"
        beat = await record_heartbeat(session, _agent_of(host_id), host_id, reported, at=now)
        for action in beat.changes:  # offline -> online, a new health: as the mutation audits
            await record_audit(
                session, viewer=Viewer(), action=action, resource_type="host",
                resource_id=host_id, request_meta=SYSTEM, status_code=200, username=DEMO_AGENT,
            )  # fmt: skip
    return len(hosts)
