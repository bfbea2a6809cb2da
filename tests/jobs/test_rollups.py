"""Hourly and daily roll-ups and retention of metric samples, on a controllable clock: samples
are inserted with their collected_at, time moves by passing a later `now`, the job functions
run as the scheduler would run them (one committed transaction each)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import asyncpg

from remotegpu.domain.metric_rollups import purge_expired_metrics, rollup_daily, rollup_hourly
from tests.jobs.job_support import Sessions, run_job
from tests.support.fleet import add_host

T = datetime(2026, 3, 10, 10, 0, tzinfo=UTC)


async def host_sample(conn: asyncpg.Connection, at: datetime, cpu: float, host: str = "h1") -> None:
    if not await conn.fetchval("SELECT count(*) FROM hosts WHERE id = $1", host):
        await add_host(conn, host_id=host, gpus=0)
    await conn.execute(
        "INSERT INTO host_metrics (host_id, cpu_usage_percent, network_rx_bytes, collected_at)"
        " VALUES ($1, $2, $3, $4)",
        host,
        cpu,
        int(cpu * 1000),
        at,
    )


async def gpu_sample(conn: asyncpg.Connection, at: datetime, usage: float) -> int:
    """A sample of the one GPU of host h1 (created on first use); the GPU's id."""
    if not await conn.fetchval("SELECT count(*) FROM hosts WHERE id = 'h1'"):
        await add_host(conn, host_id="h1", gpus=1)
    gpu_id: int = await conn.fetchval("SELECT id FROM gpus WHERE host_id = 'h1'")
    await conn.execute(
        "INSERT INTO gpu_metrics (gpu_id, host_id, utilization_percent, temperature, collected_at)"
        " VALUES ($1, 'h1', $2, 60, $3)",
        gpu_id,
        usage,
        at,
    )
    return gpu_id


async def hourly_rows(conn: asyncpg.Connection) -> list[tuple[object, ...]]:
    rows = await conn.fetch(
        "SELECT host_id, bucket_start, sample_count, cpu_usage_min, cpu_usage_max, cpu_usage_avg,"
        " network_rx_max FROM host_metrics_hourly ORDER BY host_id, bucket_start"
    )
    return [tuple(r) for r in rows]


async def test_rollup_hourly_complete_hours_aggregated_and_rerun_touches_nothing(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    await host_sample(conn, T + timedelta(minutes=5), 10.0)
    await host_sample(conn, T + timedelta(minutes=35), 30.0)
    await host_sample(conn, T + timedelta(minutes=40), 20.0, host="h2")
    await host_sample(conn, T + timedelta(minutes=70), 50.0)  # 11:10, hour not over at 11:30

    now = T + timedelta(minutes=90)
    assert await run_job(sessions, rollup_hourly, now) == 2
    expected = [("h1", T, 2, 10.0, 30.0, 20.0, 30000.0), ("h2", T, 1, 20.0, 20.0, 20.0, 20000.0)]
    assert await hourly_rows(conn) == expected

    assert await run_job(sessions, rollup_hourly, now) == 0
    assert await hourly_rows(conn) == expected

    assert await run_job(sessions, rollup_hourly, T + timedelta(hours=2, minutes=5)) == 1
    assert (await hourly_rows(conn))[1] == (
        "h1",
        T + timedelta(hours=1),
        1,
        50.0,
        50.0,
        50.0,
        50000.0,
    )


async def test_rollup_hourly_sample_reported_late_updates_its_hour(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    await host_sample(conn, T + timedelta(minutes=5), 10.0)
    await run_job(sessions, rollup_hourly, T + timedelta(minutes=65))
    # The agent's batch with 10:50 arrives at 11:20: the next run recomputes 10:00.
    await host_sample(conn, T + timedelta(minutes=50), 40.0)
    assert await run_job(sessions, rollup_hourly, T + timedelta(minutes=125)) == 1
    assert await hourly_rows(conn) == [("h1", T, 2, 10.0, 40.0, 25.0, 40000.0)]


async def test_rollup_daily_mean_weighted_by_sample_count(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    day = T.replace(hour=0)
    for minute in (0, 10, 20):
        await gpu_sample(conn, day + timedelta(hours=3, minutes=minute), 10.0)
    gpu_id = await gpu_sample(conn, day + timedelta(hours=15), 50.0)
    next_day = day + timedelta(days=1, minutes=10)

    assert await run_job(sessions, rollup_daily, next_day) == 0  # no hourly roll-up yet
    assert await run_job(sessions, rollup_hourly, next_day) == 2
    assert await run_job(sessions, rollup_daily, next_day) == 1
    row = await conn.fetchrow("SELECT * FROM gpu_metrics_daily")
    assert row is not None
    assert (row["gpu_id"], row["bucket_start"], row["sample_count"]) == (gpu_id, day, 4)
    assert (row["gpu_usage_min"], row["gpu_usage_max"]) == (10.0, 50.0)
    assert row["gpu_usage_avg"] == 20.0  # (3 * 10 + 50) / 4, not (10 + 50) / 2
    assert row["gpu_memory_usage_avg"] is None  # no sample carried it
    assert await run_job(sessions, rollup_daily, next_day) == 0


async def test_purge_expired_metrics_removes_only_what_is_rolled_up_and_expired(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    now = T + timedelta(days=8)
    await host_sample(conn, T, 10.0)  # 8 days old
    await host_sample(conn, T + timedelta(days=2), 20.0)  # 6 days old
    # Not rolled up yet: nothing raw may go.
    assert await run_job(sessions, purge_expired_metrics, now) == 0
    assert await conn.fetchval("SELECT count(*) FROM host_metrics") == 2

    await run_job(sessions, rollup_hourly, now)
    assert await run_job(sessions, purge_expired_metrics, now) == 1
    assert await conn.fetchval("SELECT min(collected_at) FROM host_metrics") == T + timedelta(
        days=2
    )
    # The hourly row of the removed sample survives it (hourly rows are kept 90 days).
    assert await conn.fetchval("SELECT count(*) FROM host_metrics_hourly") == 1
    assert await run_job(sessions, purge_expired_metrics, now) == 0


async def test_purge_expired_metrics_old_rollups_removed(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    now = T + timedelta(days=400)
    env_id = "env-1"  # roll-ups outlive their environment: no reference to check
    for days_ago in (366, 100, 10):
        bucket = (now - timedelta(days=days_ago)).replace(hour=0, minute=0)
        for granularity in ("hourly", "daily"):
            await conn.execute(
                f"INSERT INTO environment_metrics_{granularity} (env_id, bucket_start,"
                " sample_count) VALUES ($1, $2, 1)",
                env_id,
                bucket,
            )
    await conn.execute(
        "INSERT INTO job_watermarks (job, done_until) VALUES"
        " ('metric_rollups_hourly', $1), ('metric_rollups_daily', $1)",
        now.replace(hour=0, minute=0),
    )
    assert await run_job(sessions, purge_expired_metrics, now) == 3
    hourly = await conn.fetchval("SELECT count(*) FROM environment_metrics_hourly")
    daily = await conn.fetchval("SELECT count(*) FROM environment_metrics_daily")
    assert (hourly, daily) == (1, 2)  # hourly: 10 days; daily: 100 and 10 days


async def test_rollup_hourly_first_run_over_several_windows_rolls_every_hour(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    # 20 hours apart: the first run covers them in several bounded statements (HOURLY_CHUNK).
    await host_sample(conn, T, 10.0)
    await host_sample(conn, T + timedelta(hours=20, minutes=1), 20.0)
    assert await run_job(sessions, rollup_hourly, T + timedelta(hours=21)) == 2
    buckets = [row[1] for row in await hourly_rows(conn)]
    assert buckets == [T, T + timedelta(hours=20)]
