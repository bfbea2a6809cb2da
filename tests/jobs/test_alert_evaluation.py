"""Alert evaluation on a controllable clock: samples are inserted with their collected_at, the
job runs at a chosen `now`, and alerts fire only when the condition held for the rule's whole
duration, once per rule and resource, scoped to the rule's owner; they resolve when it clears.
Re-runs at the same `now` change nothing."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import asyncpg

from remotegpu.domain.alert_evaluation import evaluate_alert_rules
from tests.jobs.job_support import Sessions, run_job
from tests.support.fleet import add_customer, add_host, add_image, unique

NOW = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
S = timedelta(seconds=1)
_ports = itertools.count(30100)


async def add_rule(
    conn: asyncpg.Connection,
    customer_id: int | None,
    metric: str,
    threshold: float,
    *,
    duration: int = 120,
    enabled: bool = True,
) -> int:
    rule_id: int = await conn.fetchval(
        "INSERT INTO alert_rules (customer_id, name, metric_type, threshold, comparison,"
        " duration, severity, enabled) VALUES ($1, $2, $3, $4, '>', $5, 'critical', $6)"
        " RETURNING id",
        customer_id,
        unique("rule"),
        metric,
        threshold,
        duration,
        enabled,
    )
    return rule_id


async def add_stopped_env(conn: asyncpg.Connection, owner: int) -> str:
    """A stopped environment of `owner` holding its SSH and Jupyter ports (as the rules want)."""
    host = await add_host(conn, gpus=0)
    env_id = unique("env")
    ssh, jupyter = next(_ports), 50100 + next(_ports) - 30100
    await conn.execute(
        "INSERT INTO environments (id, user_id, host_id, name, image, status, cpu, memory, gpu,"
        " ssh_port, jupyter_port) VALUES ($1, $2, $3, 'dev', $4, 'stopped', 1, 1073741824, 0,"
        " $5, $6)",
        env_id,
        owner,
        host,
        await add_image(conn),
        ssh,
        jupyter,
    )
    await conn.execute(
        "INSERT INTO port_mappings (env_id, service_type, external_port, internal_port)"
        " VALUES ($1, 'ssh', $2, 22), ($1, 'jupyter', $3, 8888)",
        env_id,
        ssh,
        jupyter,
    )
    return env_id


async def env_samples(conn: asyncpg.Connection, env_id: str, *points: tuple[int, float]) -> None:
    """CPU samples of an environment: (seconds before NOW, value)."""
    await conn.executemany(
        "INSERT INTO environment_metrics (env_id, cpu_usage_percent, collected_at)"
        " VALUES ($1, $2, $3)",
        [(env_id, value, NOW - ago * S) for ago, value in points],
    )


async def gpu_samples(conn: asyncpg.Connection, *points: tuple[int, float]) -> str:
    """Utilisation samples of a GPU of a new host: (seconds before NOW, value); its id."""
    host = await add_host(conn, gpus=1)
    gpu_id: int = await conn.fetchval("SELECT id FROM gpus WHERE host_id = $1", host)
    await conn.executemany(
        "INSERT INTO gpu_metrics (gpu_id, host_id, utilization_percent, collected_at)"
        " VALUES ($1, $2, $3, $4)",
        [(gpu_id, host, value, NOW - ago * S) for ago, value in points],
    )
    return str(gpu_id)


async def alerts(conn: asyncpg.Connection) -> list[tuple[object, ...]]:
    rows = await conn.fetch(
        "SELECT rule_id, customer_id, resource_type, resource_id, current_value, status"
        " FROM alert_records ORDER BY id"
    )
    return [tuple(r) for r in rows]


async def events(conn: asyncpg.Connection) -> list[str]:
    return [
        r[0]
        for r in await conn.fetch(
            "SELECT event_type FROM event_outbox"
            " WHERE event_type <> 'notification.created' ORDER BY id"
        )
    ]


async def test_evaluate_alert_rules_condition_held_for_duration_fires_once(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    rule = await add_rule(conn, None, "gpu_usage", 80.0, duration=120)
    gpu = await gpu_samples(conn, (150, 90.0), (90, 95.0), (30, 92.0))
    assert await run_job(sessions, evaluate_alert_rules, NOW) == 1
    assert await alerts(conn) == [(rule, None, "gpu", gpu, 92.0, "firing")]
    assert await events(conn) == ["alert.fired"]
    assert await run_job(sessions, evaluate_alert_rules, NOW) == 0
    assert len(await alerts(conn)) == 1


async def test_evaluate_alert_rules_condition_shorter_than_duration_fires_later(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    rule = await add_rule(conn, None, "gpu_usage", 80.0, duration=120)
    gpu = await gpu_samples(conn, (150, 50.0), (90, 95.0), (30, 92.0))
    assert await run_job(sessions, evaluate_alert_rules, NOW) == 0  # breaching for 90 s only
    host = await conn.fetchval("SELECT host_id FROM gpus WHERE id = $1", int(gpu))
    await conn.execute(
        "INSERT INTO gpu_metrics (gpu_id, host_id, utilization_percent, collected_at)"
        " VALUES ($1, $2, 93, $3)",
        int(gpu),
        host,
        NOW + 30 * S,
    )
    assert await run_job(sessions, evaluate_alert_rules, NOW + 40 * S) == 1  # 130 s now
    assert await alerts(conn) == [(rule, None, "gpu", gpu, 93.0, "firing")]


async def test_evaluate_alert_rules_sparse_samples_do_not_prove_the_window(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    await add_rule(conn, None, "gpu_usage", 80.0, duration=60)
    # One breaching sample 10 s ago, the previous one 10 minutes ago (beyond the sample gap).
    await gpu_samples(conn, (600, 99.0), (10, 99.0))
    assert await run_job(sessions, evaluate_alert_rules, NOW) == 0


async def test_evaluate_alert_rules_customer_rule_own_environments_only_and_resolves(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    owner, other = await add_customer(conn), await add_customer(conn)
    rule = await add_rule(conn, owner, "cpu_usage", 50.0, duration=60)
    mine, theirs = await add_stopped_env(conn, owner), await add_stopped_env(conn, other)
    for env_id in (mine, theirs):
        await env_samples(conn, env_id, (100, 70.0), (40, 80.0))
    # Host samples breach too, but hosts are not a customer's to watch.
    host = await conn.fetchval("SELECT host_id FROM environments WHERE id = $1", mine)
    await conn.execute(
        "INSERT INTO host_metrics (host_id, cpu_usage_percent, collected_at) VALUES"
        " ($1, 99, $2), ($1, 99, $3)",
        host,
        NOW - 100 * S,
        NOW - 40 * S,
    )
    assert await run_job(sessions, evaluate_alert_rules, NOW) == 1
    assert await alerts(conn) == [(rule, owner, "environment", mine, 80.0, "firing")]
    fired = await conn.fetch("SELECT customer_id, level FROM notifications")
    assert [tuple(r) for r in fired] == [(owner, "error")]  # severity critical

    await conn.execute(
        "INSERT INTO environment_metrics (env_id, cpu_usage_percent, collected_at)"
        " VALUES ($1, 20, $2)",
        mine,
        NOW + 30 * S,
    )
    assert await run_job(sessions, evaluate_alert_rules, NOW + 40 * S) == 1
    assert await alerts(conn) == [(rule, owner, "environment", mine, 80.0, "resolved")]
    assert await events(conn) == ["alert.fired", "alert.resolved"]
    assert await run_job(sessions, evaluate_alert_rules, NOW + 40 * S) == 0


async def test_evaluate_alert_rules_disabled_or_unknown_metric_rule_ignored(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    await add_rule(conn, None, "gpu_usage", 80.0, duration=60, enabled=False)
    await add_rule(conn, None, "heartbeat_age", 80.0, duration=60)  # a seed metric no table has
    await gpu_samples(conn, (100, 99.0), (40, 99.0))
    assert await run_job(sessions, evaluate_alert_rules, NOW) == 0
    assert await alerts(conn) == []


async def running_env_with_gpu(conn: asyncpg.Connection, owner: int) -> tuple[str, int]:
    """A running environment of `owner` holding the one GPU of a new host, with the host's
    counters and ports as the consistency rules want; the environment and GPU ids."""
    env_id = await add_stopped_env(conn, owner)
    host = await conn.fetchval("SELECT host_id FROM environments WHERE id = $1", env_id)
    await conn.execute(
        "INSERT INTO gpus (host_id, gpu_index, uuid, name) VALUES ($1, 0, $2, 'A100')",
        host,
        unique("GPU"),
    )
    gpu_id: int = await conn.fetchval("SELECT id FROM gpus WHERE host_id = $1", host)
    async with conn.transaction():
        await conn.execute(
            "UPDATE environments SET status = 'running', gpu = 1 WHERE id = $1", env_id
        )
        await conn.execute(
            "UPDATE gpus SET status = 'allocated', allocated_to = $2, allocated_at = NOW()"
            " WHERE id = $1",
            gpu_id,
            env_id,
        )
        await conn.execute(
            "UPDATE hosts SET total_gpu = 1, used_cpu = 1, used_memory = 1073741824,"
            " used_gpu = 1 WHERE id = $1",
            host,
        )
    return env_id, gpu_id


async def test_evaluate_alert_rules_customer_rule_watches_gpus_of_its_environments_only(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    owner = await add_customer(conn)
    rule = await add_rule(conn, owner, "gpu_usage", 80.0, duration=60)
    _, own_gpu = await running_env_with_gpu(conn, owner)
    host = await conn.fetchval("SELECT host_id FROM gpus WHERE id = $1", own_gpu)
    await conn.executemany(
        "INSERT INTO gpu_metrics (gpu_id, host_id, utilization_percent, collected_at)"
        " VALUES ($1, $2, 97, $3)",
        [(own_gpu, host, NOW - ago * S) for ago in (100, 40)],
    )
    await gpu_samples(conn, (100, 99.0), (40, 99.0))  # a GPU of nobody's environment
    assert await run_job(sessions, evaluate_alert_rules, NOW) == 1
    assert await alerts(conn) == [(rule, owner, "gpu", str(own_gpu), 97.0, "firing")]


async def test_evaluate_alert_rules_customer_rules_of_one_metric_keep_their_own_terms(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    # Evaluated in one statement, each rule still uses its own threshold, duration and owner.
    first, second = await add_customer(conn), await add_customer(conn)
    low = await add_rule(conn, first, "cpu_usage", 50.0, duration=60)
    await add_rule(conn, first, "cpu_usage", 50.0, duration=3600)  # not held that long
    await add_rule(conn, second, "cpu_usage", 90.0, duration=60)  # 80 does not breach
    first_env, second_env = await add_stopped_env(conn, first), await add_stopped_env(conn, second)
    for env_id in (first_env, second_env):
        await env_samples(conn, env_id, (100, 80.0), (40, 80.0))
    assert await run_job(sessions, evaluate_alert_rules, NOW) == 1
    assert await alerts(conn) == [(low, first, "environment", first_env, 80.0, "firing")]
