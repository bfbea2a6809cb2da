"""Every recurring job of the platform, in one place: (name, cron expression, function).

A job function is `async def job(session: AsyncSession, now: datetime) -> int` (rows touched);
the engine runs it in one transaction it opens and commits, recorded in job_runs. Adding a
job is one line in SCHEDULE. Cron expressions are UTC; five fields, or six with seconds last.
Workers run `schedule_for(settings)`: SCHEDULE plus the jobs a setting turns on.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.domain import (
    alert_evaluation,
    demo_agents,
    housekeeping,
    invoice_jobs,
    liveness,
    metering,
    metric_rollups,
    webhook_delivery,
    webhook_dispatch,
)
from remotegpu.domain.webhook_sender import SendOptions
from remotegpu.jobs.registry import QueuedJob, RecurringJob
from remotegpu.jobs.runs import abandon_lost_runs, expire_job_history
from remotegpu.settings import Settings, get_settings


async def hosts_liveness(session: AsyncSession, now: datetime) -> int:
    """Silent hosts go offline (their live environments fail, admins are told)."""
    silence = timedelta(seconds=get_settings().host_silence_seconds)
    return await liveness.take_silent_hosts_offline(session, now, silence)


async def housekeeping_expiry(session: AsyncSession, now: datetime) -> int:
    """Old idempotency keys, published outbox rows and job history go; lost runs are marked."""
    return (
        await housekeeping.expire_idempotency_keys(session, now)
        + await housekeeping.expire_published_events(session, now)
        + await abandon_lost_runs(session, now)
        + await expire_job_history(session, now)
    )


SCHEDULE: tuple[RecurringJob, ...] = (
    # Every 30 s: a host is offline at most 30 s after its silence ran out.
    RecurringJob("hosts.liveness", "* * * * * */30", hosts_liveness),
    RecurringJob("environments.creation_timeout", "* * * * *", liveness.fail_stuck_environments),
    RecurringJob("housekeeping.expiry", "17 * * * *", housekeeping_expiry),
    # Alert rules against the newest samples; a rule's duration window is checked inside.
    RecurringJob("alerts.evaluate", "* * * * *", alert_evaluation.evaluate_alert_rules),
    # Roll-ups read late samples up to an hour back, so a few minutes past the hour is enough;
    # the daily roll-up is built from the hourly one, after it.
    RecurringJob("metrics.rollup_hourly", "5 * * * *", metric_rollups.rollup_hourly),
    RecurringJob("metrics.rollup_daily", "25 0 * * *", metric_rollups.rollup_daily),
    RecurringJob("metrics.retention", "35 * * * *", metric_rollups.purge_expired_metrics),
    # Metering bills an hour 2 minutes after it ends; invoicing waits for metering to pass
    # the month's end, so running it daily also catches up after an outage.
    RecurringJob("billing.meter", "7 * * * *", metering.meter_environments),
    RecurringJob("billing.invoice", "15 1 * * *", invoice_jobs.invoice_previous_month),
    RecurringJob("billing.overdue", "45 1 * * *", invoice_jobs.mark_overdue_invoices),
)

# REMOTEGPU_DEMO_AGENTS: every 30 s, so a demo host is heard from several times within the
# silence (180 s by default) that takes it offline.
DEMO_AGENTS = RecurringJob("demo.agents", "* * * * * */30", demo_agents.heartbeat_demo_fleet)


def schedule_for(settings: Settings) -> tuple[RecurringJob, ...]:
    """The recurring jobs a worker with these settings runs (a new tuple; SCHEDULE is kept)."""
    return (*SCHEDULE, DEMO_AGENTS) if settings.demo_agents else SCHEDULE


def queued_jobs(settings: Settings) -> tuple[QueuedJob, ...]:
    """Jobs queued with a payload (enqueue_in) rather than on a schedule; every worker runs
    them: one attempt of a webhook delivery (an event's, a retry, a redelivery or a ping)."""
    options = SendOptions(
        allowlist=settings.webhook_url_allowlist,
        connect_timeout=settings.webhook_connect_timeout_seconds,
        read_timeout=settings.webhook_read_timeout_seconds,
        ca_file=settings.webhook_ca_file,
    )

    async def deliver_webhook(
        sessions: async_sessionmaker[AsyncSession], payload: bytes | None
    ) -> None:
        if payload is None:
            raise ValueError("a webhook delivery job needs its payload")
        await webhook_delivery.deliver(
            sessions, payload, options, disable_after=settings.webhook_disable_after_failures
        )

    return (QueuedJob(webhook_dispatch.ENTRYPOINT, deliver_webhook),)
