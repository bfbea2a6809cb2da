"""What the platform decides when agents go quiet: silent hosts, environments that never start.

Both run as recurring jobs (remotegpu/jobs/schedule.py) with the job's clock as `now`, and both
are idempotent: a second run at the same time finds nothing left to do.

Failing an environment reuses the lifecycle's failure path (environments.report_status, as
the host's agent would report it): it gives the CPU, memory, disk and GPUs back to the host,
keeps the ports (domain-rules.md: a failed environment keeps its ports until it is deleted,
and invariants `ports:required` checks it), and notifies the owner with an
`environment.failed` event.

Locks follow the lifecycle's order (environment rows, then the host row, then GPU rows):
the environments of the candidate hosts are locked before the hosts are taken offline, so a
concurrent stop or delete (environment, then host) cannot deadlock with this job.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import insert, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Scope, Viewer
from remotegpu.db.models import Customer, Environment, Host, Notification
from remotegpu.domain.audit import SYSTEM, record_audit
from remotegpu.domain.environment_access import LIVE
from remotegpu.domain.environment_inputs import ReportedStatus
from remotegpu.domain.environments import report_status
from remotegpu.domain.events import EventType, emit
from remotegpu.domain.hosts import SILENCE, mark_silent_hosts_offline
from remotegpu.domain.notifications import NotificationKind, announce_notification
from remotegpu.domain.quotas import config_int

# A platform event, not a customer's: no customer webhook subscribes to it (customer_id NULL).
SYSTEM_ACTOR = "system"
ENVIRONMENT_TIMEOUT_KEY = "default_environment_timeout"
DEFAULT_ENVIRONMENT_TIMEOUT = 7200  # seconds, when system_configs has no value


def _as_agent_of(host_id: str) -> Viewer:
    """The platform speaking for a host's agent: the one viewer report_status lets fail an
    environment of that host. Never leaves this module (it is not a login)."""
    return Viewer(customer_id=0, username=SYSTEM_ACTOR, scopes=frozenset({Scope.AGENT}),
                  agent_host_id=host_id)  # fmt: skip


async def take_silent_hosts_offline(
    session: AsyncSession, now: datetime, silence: timedelta = SILENCE
) -> int:
    """Online hosts silent for `silence` go offline, their live environments fail, admins
    are told and a host.status_changed event is written; returns the rows changed."""
    silent = select(Host.id).where(
        Host.status == "online",
        Host.last_heartbeat.is_(None) | (Host.last_heartbeat < now - silence),
    )
    envs = (
        await session.scalars(
            select(Environment)
            .where(Environment.host_id.in_(silent.scalar_subquery()), Environment.status.in_(LIVE))
            .order_by(Environment.id)
            .with_for_update()
        )
    ).all()
    # Re-checked under the host locks: a host whose heartbeat landed meanwhile stays online.
    offline = await mark_silent_hosts_offline(session, now, silence)
    failed = [e for e in envs if e.host_id in offline]
    for env in failed:
        await report_status(
            session, _as_agent_of(env.host_id), env.id, ReportedStatus.ERROR,
            message=f"host {env.host_id} stopped reporting",
        )  # fmt: skip
    for host_id in offline:
        lost = [e.id for e in failed if e.host_id == host_id]
        await _announce_offline(session, host_id, now, silence, lost)
    return len(offline) + len(failed)


async def _announce_offline(
    session: AsyncSession, host_id: str, now: datetime, silence: timedelta, lost: list[str]
) -> None:
    seconds = int(silence.total_seconds())
    content = f"No heartbeat from host {host_id} for {seconds} s; it is offline." + (
        f" Environments failed: {', '.join(lost)}." if lost else ""
    )
    await notify_admins(session, f"Host {host_id} went offline", content, level="warning")
    await emit(
        session,
        EventType.HOST_STATUS_CHANGED,
        customer_id=None,
        resource_type="host",
        resource_id=host_id,
        payload={"id": host_id, "status": "offline", "previousStatus": "online",
                 "at": now.isoformat(), "failedEnvironments": lost},
    )  # fmt: skip
    await record_audit(
        session, viewer=Viewer(), action="host.offline", resource_type="host",
        resource_id=host_id, request_meta=SYSTEM, status_code=200, username=SYSTEM_ACTOR,
    )  # fmt: skip


async def notify_admins(session: AsyncSession, title: str, content: str, level: str) -> None:
    """One notification to each active platform admin, in one statement (and its events)."""
    written = await session.execute(
        insert(Notification)
        .from_select(
            ["customer_id", "type", "title", "content", "level"],
            select(
                Customer.id,
                literal(NotificationKind.SYSTEM.value),
                literal(title),
                literal(content),
                literal(level),
            ).where(
                Customer.user_type == "admin",
                Customer.status == "active",
                Customer.deleted_at.is_(None),
            ),
        )
        .returning(Notification.id, Notification.customer_id)
    )
    for notification_id, customer_id in written.all():
        await announce_notification(
            session, notification_id, customer_id, NotificationKind.SYSTEM.value, level
        )


async def fail_stuck_environments(session: AsyncSession, now: datetime) -> int:
    """Environments still `creating` after default_environment_timeout end in `error`,
    giving their CPU, memory, disk and GPUs back; returns how many."""
    timeout = await config_int(session, ENVIRONMENT_TIMEOUT_KEY)
    seconds = DEFAULT_ENVIRONMENT_TIMEOUT if timeout is None else timeout
    if seconds <= 0:  # 0 = no timeout
        return 0
    stuck = (
        await session.scalars(
            select(Environment)
            .where(
                Environment.status == "creating",
                Environment.created_at < now - timedelta(seconds=seconds),
            )
            .order_by(Environment.id)
            .with_for_update(skip_locked=True)
        )
    ).all()
    for env in stuck:
        await report_status(
            session, _as_agent_of(env.host_id), env.id, ReportedStatus.ERROR,
            message=f"still creating after {seconds} s",
        )  # fmt: skip
    return len(stuck)
