"""The demo fleet's simulated agents (REMOTEGPU_DEMO_AGENTS) against the liveness job."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import asyncpg

from remotegpu.db.urls import asyncpg_dsn
from remotegpu.domain.invariants import find_violations_on
from remotegpu.jobs.process import send_demo_heartbeats
from remotegpu.jobs.registry import RecurringJob
from remotegpu.jobs.schedule import SCHEDULE, schedule_for
from remotegpu.settings import Settings
from tests.jobs.conftest import Fleet
from tests.support.db import assert_consistent

ON = {job.name: job for job in schedule_for(Settings(demo_agents=True))}
DEMO: RecurringJob = ON["demo.agents"]
LIVENESS: RecurringJob = ON["hosts.liveness"]


async def test_demo_agents_silent_host_stays_online_through_liveness(fleet: Fleet) -> None:
    host, other = fleet.hosts
    env = await fleet.running(host)
    later = await fleet.db_now() + timedelta(minutes=10)  # far past the 180 s of silence

    assert await fleet.run(DEMO, later) == 2
    assert await fleet.run(LIVENESS, later) == 0

    statuses = dict(await fleet.conn.fetch("SELECT id, status FROM hosts"))
    assert statuses == {host: "online", other: "online"}
    assert await fleet.value("SELECT last_heartbeat FROM hosts WHERE id = $1", host) == later
    assert await fleet.value("SELECT status FROM environments WHERE id = $1", env) == "running"
    # A heartbeat that changes nothing is not audited, as with a real agent.
    assert await fleet.value("SELECT count(*) FROM audit_logs WHERE action LIKE 'host.%'") == 0
    await assert_consistent(fleet.conn)


async def test_demo_agents_offline_host_comes_back_online_with_audit_row(fleet: Fleet) -> None:
    host, _ = fleet.hosts
    await fleet.conn.execute("UPDATE hosts SET status = 'offline' WHERE id = $1", host)
    now = await fleet.db_now()

    await fleet.run(DEMO, now)

    assert await fleet.value("SELECT status FROM hosts WHERE id = $1", host) == "online"
    audits = await fleet.conn.fetch(
        "SELECT action, username, status_code FROM audit_logs WHERE resource_id = $1", host
    )
    assert [tuple(a) for a in audits] == [("host.online", "demo-agent", 200)]
    await assert_consistent(fleet.conn)


async def test_demo_agents_host_in_maintenance_is_untouched(fleet: Fleet) -> None:
    held, other = fleet.hosts
    old = await fleet.db_now() - timedelta(hours=1)
    await fleet.conn.execute(
        "UPDATE hosts SET status = 'maintenance', health_status = 'degraded',"
        " last_heartbeat = $2 WHERE id = $1",
        held,
        old,
    )
    later = old + timedelta(hours=2)

    assert await fleet.run(DEMO, later) == 1  # only the other host

    row = await fleet.conn.fetchrow(
        "SELECT status, health_status, last_heartbeat FROM hosts WHERE id = $1", held
    )
    assert tuple(row) == ("maintenance", "degraded", old)
    assert await fleet.value("SELECT last_heartbeat FROM hosts WHERE id = $1", other) == later
    assert await fleet.value("SELECT count(*) FROM audit_logs WHERE resource_id = $1", held) == 0


def test_schedule_for_demo_agents_off_has_no_demo_job() -> None:
    off = schedule_for(Settings(demo_agents=False))

    assert off == SCHEDULE
    assert "demo.agents" not in {job.name for job in off}
    assert set(ON) == {job.name for job in SCHEDULE} | {"demo.agents"}


async def test_send_demo_heartbeats_seeded_fleet_has_fresh_heartbeats(seeded_url: str) -> None:
    # What `serve` runs before its worker starts (cli.serve), on the seeded demo fleet whose
    # heartbeats are weeks old (the seed's fixed clock).
    conn = await asyncpg.connect(asyncpg_dsn(seeded_url))
    try:
        before = dict(
            await conn.fetch("SELECT id, last_heartbeat FROM hosts WHERE status = 'maintenance'")
        )
        assert before  # the seed always has a host in maintenance
        started = datetime.now(UTC)

        sent = await send_demo_heartbeats(seeded_url, Settings(demo_agents=True))

        rows = await conn.fetch("SELECT id, status, last_heartbeat FROM hosts")
        reported = [r for r in rows if r["id"] not in before]
        assert sent == len(reported) == len(rows) - len(before) > 0
        assert all(r["status"] == "online" for r in reported)
        assert all(r["last_heartbeat"] >= started - timedelta(seconds=1) for r in reported)
        held = {r["id"]: r["last_heartbeat"] for r in rows if r["id"] in before}
        assert held == before
        runs = await conn.fetch("SELECT outcome, rows_touched FROM job_runs WHERE job_name = $1",
                                DEMO.name)  # fmt: skip
        assert [tuple(r) for r in runs] == [("succeeded", sent)]
        assert await find_violations_on(conn) == []
    finally:
        await conn.close()
