"""Host liveness and the creation timeout, with the job's clock in the test's hands."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from remotegpu.jobs.registry import RecurringJob
from remotegpu.jobs.schedule import SCHEDULE
from tests.graphql import customer_viewer
from tests.jobs.conftest import Fleet
from tests.support.db import assert_consistent
from tests.support.fleet import add_host, host_usage, set_config

JOBS = {job.name: job for job in SCHEDULE}
LIVENESS: RecurringJob = JOBS["hosts.liveness"]
TIMEOUT: RecurringJob = JOBS["environments.creation_timeout"]
ZERO = {"used_cpu": 0, "used_memory": 0, "used_disk": 0, "used_gpu": 0, "allocated": 0}


async def test_hosts_liveness_silent_host_goes_offline_and_its_environments_fail(
    fleet: Fleet,
) -> None:
    silent, alive = fleet.hosts
    running = await fleet.running(silent)
    creating = await fleet.create(silent)
    other = await fleet.running(alive)
    assert await fleet.heartbeat(silent) == "online"
    assert await fleet.heartbeat(alive) == "online"
    beat = await fleet.value("SELECT last_heartbeat FROM hosts WHERE id = $1", silent)
    # The other agent reported 100 s later than the silent one.
    await fleet.conn.execute(
        "UPDATE hosts SET last_heartbeat = $2 WHERE id = $1", alive, beat + timedelta(seconds=100)
    )

    assert await fleet.run(LIVENESS, beat + timedelta(seconds=179)) == 0
    assert await fleet.value("SELECT status FROM hosts WHERE id = $1", silent) == "online"

    touched = await fleet.run(LIVENESS, beat + timedelta(seconds=181))

    assert touched == 3  # the host and its two live environments
    statuses = dict(await fleet.conn.fetch("SELECT id, status FROM hosts"))
    assert statuses == {silent: "offline", alive: "online"}
    envs = dict(await fleet.conn.fetch("SELECT id, status FROM environments"))
    assert envs == {running: "error", creating: "error", other: "running"}
    assert await host_usage(fleet.conn, silent) == ZERO
    # A failed environment keeps its ports until it is deleted (domain rules).
    assert (
        await fleet.value(
            "SELECT count(*) FROM port_mappings WHERE env_id = ANY($1) AND status = 'active'",
            [running, creating],
        )
        == 4
    )
    events = await fleet.conn.fetch(
        "SELECT event_type, resource_id, customer_id FROM event_outbox"
        " WHERE event_type IN ('host.status_changed', 'environment.failed') ORDER BY id"
    )
    assert sorted((e["event_type"], e["resource_id"]) for e in events) == sorted(
        [("host.status_changed", silent), ("environment.failed", running),
         ("environment.failed", creating)]
    )  # fmt: skip
    assert [e["customer_id"] for e in events if e["event_type"] == "host.status_changed"] == [None]
    admin_notes = await fleet.conn.fetch(
        "SELECT title, level FROM notifications WHERE customer_id = $1", fleet.admin
    )
    assert [tuple(n) for n in admin_notes] == [(f"Host {silent} went offline", "warning")]
    owner_notes = await fleet.value(
        "SELECT count(*) FROM notifications WHERE customer_id = $1 AND level = 'error'",
        fleet.alice,
    )
    assert owner_notes == 2
    assert (
        await fleet.value(
            "SELECT count(*) FROM audit_logs WHERE action = 'host.offline' AND resource_id = $1",
            silent,
        )
        == 1
    )
    await assert_consistent(fleet.conn)

    # Idempotent: the same clock again finds nothing to do.
    assert await fleet.run(LIVENESS, beat + timedelta(seconds=181)) == 0


async def test_hosts_liveness_host_reporting_again_comes_back_online_audited_once(
    fleet: Fleet,
) -> None:
    host, _ = fleet.hosts
    await fleet.heartbeat(host)
    beat = await fleet.value("SELECT last_heartbeat FROM hosts WHERE id = $1", host)
    await fleet.run(LIVENESS, beat + timedelta(seconds=600))
    assert await fleet.value("SELECT status FROM hosts WHERE id = $1", host) == "offline"
    before = await fleet.value("SELECT count(*) FROM audit_logs")

    assert await fleet.heartbeat(host) == "online"
    assert await fleet.heartbeat(host) == "online"

    actions = await fleet.conn.fetch("SELECT action FROM audit_logs ORDER BY id OFFSET $1", before)
    assert [a["action"] for a in actions] == ["host.online"]


async def test_hosts_liveness_host_in_maintenance_stays_in_maintenance(fleet: Fleet) -> None:
    host, _ = fleet.hosts
    await fleet.conn.execute(
        "UPDATE hosts SET status = 'maintenance', last_heartbeat = now() - interval '1 day'"
        " WHERE id = $1",
        host,
    )
    assert await fleet.run(LIVENESS, await fleet.db_now()) >= 0
    assert await fleet.value("SELECT status FROM hosts WHERE id = $1", host) == "maintenance"


async def test_creation_timeout_environment_stuck_creating_ends_in_error(fleet: Fleet) -> None:
    host, _ = fleet.hosts
    await set_config(fleet.conn, "default_environment_timeout", 600)
    stuck = await fleet.create(host, gpus=2)
    started = await fleet.running(fleet.hosts[1])
    created = await fleet.value("SELECT created_at FROM environments WHERE id = $1", stuck)

    assert await fleet.run(TIMEOUT, created + timedelta(seconds=599)) == 0
    assert await fleet.value("SELECT status FROM environments WHERE id = $1", stuck) == "creating"

    assert await fleet.run(TIMEOUT, created + timedelta(seconds=601)) == 1

    envs = dict(await fleet.conn.fetch("SELECT id, status FROM environments"))
    assert envs == {stuck: "error", started: "running"}
    assert await host_usage(fleet.conn, host) == ZERO
    assert (
        await fleet.value(
            "SELECT count(*) FROM event_outbox WHERE event_type = 'environment.failed'"
            " AND resource_id = $1",
            stuck,
        )
        == 1
    )
    content = await fleet.value(
        "SELECT content FROM notifications WHERE customer_id = $1 AND level = 'error'",
        fleet.alice,
    )
    assert "still creating after 600 s" in content
    await assert_consistent(fleet.conn)
    assert await fleet.run(TIMEOUT, created + timedelta(seconds=601)) == 0


async def test_creation_timeout_zero_means_no_timeout(fleet: Fleet) -> None:
    await set_config(fleet.conn, "default_environment_timeout", 0)
    env = await fleet.create(fleet.hosts[0])
    assert await fleet.run(TIMEOUT, await fleet.db_now() + timedelta(days=30)) == 0
    assert await fleet.value("SELECT status FROM environments WHERE id = $1", env) == "creating"


STOP = """
mutation Stop($id: String!) { environmentStop(input: {id: $id}) { errors { code message } } }
"""


async def test_hosts_liveness_racing_heartbeat_and_stop_leaves_fleet_consistent(
    fleet: Fleet,
) -> None:
    """The job, the host's heartbeat and a customer's stop, truly in parallel (three
    connections): whatever the order, no deadlock, the host ends online (its agent spoke last
    or after the job) and every counter matches its environments."""
    for _ in range(3):
        host = await add_host(fleet.conn, gpus=2)
        stopped, other = await fleet.running(host), await fleet.running(host)
        now = await fleet.db_now()
        await fleet.conn.execute(
            "UPDATE hosts SET last_heartbeat = $2 WHERE id = $1", host, now - timedelta(minutes=5)
        )
        job_clock = now + timedelta(seconds=170)  # silence ends 10 s before now: host is silent
        results = await asyncio.gather(
            fleet.run(LIVENESS, job_clock),
            fleet.heartbeat(host),
            fleet.gql.ok(STOP, {"id": stopped}, customer_viewer(fleet.alice)),
        )
        assert results[1] == "online"
        assert await fleet.value("SELECT status FROM hosts WHERE id = $1", host) == "online"
        statuses = {await fleet.value("SELECT status FROM environments WHERE id = $1", e)
                    for e in (stopped, other)}  # fmt: skip
        assert statuses <= {"running", "stopped", "error"}
        await assert_consistent(fleet.conn)


async def test_host_heartbeat_audits_a_new_health_not_a_repeated_one(fleet: Fleet) -> None:
    host, _ = fleet.hosts  # online and healthy
    for health in ("HEALTHY", "DEGRADED", "DEGRADED", "HEALTHY"):
        await fleet.heartbeat(host, health)
    rows = await fleet.conn.fetch(
        "SELECT action, resource_id, status_code FROM audit_logs ORDER BY id"
    )
    assert [tuple(r) for r in rows] == [("host.health", host, 200)] * 2
