"""Metering on a controllable clock: an environment's status changes are placed in time (the
trigger writes them, the test dates them), metering runs at a chosen `now`, and the billing
records are checked to the last Decimal place. Re-runs write nothing twice."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import asyncpg
import pytest

from remotegpu.domain.errors import DomainError
from remotegpu.domain.metering import meter_environments
from tests.jobs.job_support import Sessions, add_env, move, run_job
from tests.support.fleet import set_config

T = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
M = timedelta(minutes=1)


async def env_through(
    conn: asyncpg.Connection, *moves: tuple[str, int], **sizes: int
) -> tuple[str, int]:
    """An environment created at T that moves to each status at its minute after T."""
    env_id, owner = await add_env(conn, T, **sizes)
    for status, minute in moves:
        await move(conn, env_id, status, T + minute * M)
    return env_id, owner


async def billed(conn: asyncpg.Connection, env_id: str) -> list[tuple[object, ...]]:
    rows = await conn.fetch(
        "SELECT start_time, resource_type, quantity, unit_price, amount, end_time - start_time"
        " AS span FROM billing_records WHERE env_id = $1 ORDER BY start_time, resource_type",
        env_id,
    )
    for row in rows:
        assert row["span"] == timedelta(hours=1)
    return [tuple(r)[:5] for r in rows]


async def test_meter_environments_run_between_two_runs_billed_to_the_minute(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    env_id, owner = await env_through(conn, ("running", 15), ("stopped", 45), ("deleted", 90))
    assert await run_job(sessions, meter_environments, T + 5 * M) == 0  # 10:00 not over

    assert await run_job(sessions, meter_environments, T + 130 * M) == 5
    ten, eleven = T, T + 60 * M
    assert await billed(conn, env_id) == [
        (ten, "cpu", 1.0, Decimal("0.0800"), Decimal("0.0800")),  # 2 cores x 30 min
        (ten, "gpu", 0.5, Decimal("12.0000"), Decimal("6.0000")),
        (ten, "memory", 2.0, Decimal("0.0100"), Decimal("0.0200")),  # 4 GiB x 30 min
        # 10 GiB held the whole hour (creating, running, stopped): 10/24 GB-days
        (ten, "storage", 10 / 24, Decimal("0.0050"), Decimal("0.0021")),  # 0.0020833 -> 0.0021
        (eleven, "storage", 5 / 24, Decimal("0.0050"), Decimal("0.0010")),  # until 11:30
    ]
    customers = await conn.fetch("SELECT DISTINCT customer_id FROM billing_records")
    assert [r["customer_id"] for r in customers] == [owner]

    # Same now again, then a forgotten watermark: the same five records, nothing added.
    assert await run_job(sessions, meter_environments, T + 130 * M) == 0
    await conn.execute("DELETE FROM job_watermarks WHERE job = 'metering'")
    assert await run_job(sessions, meter_environments, T + 130 * M) == 0
    assert len(await billed(conn, env_id)) == 5


async def test_meter_environments_long_run_billed_hour_by_hour_across_runs(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    env_id, _ = await add_env(conn, T - 30 * M, gpu=0, storage_gib=0)
    await move(conn, env_id, "running", T - 30 * M)
    assert await run_job(sessions, meter_environments, T + 10 * M) == 2  # 09:00: cpu, memory
    assert await run_job(sessions, meter_environments, T + 70 * M) == 2  # 10:00, whole hour
    await move(conn, env_id, "deleted", T + 80 * M)
    assert await run_job(sessions, meter_environments, T + 125 * M) == 2  # 11:00: 20 minutes
    cpu = [(r[0], r[2]) for r in await billed(conn, env_id) if r[1] == "cpu"]
    assert cpu == [(T - 60 * M, 1.0), (T, 2.0), (T + 60 * M, pytest.approx(2 / 3))]


async def test_meter_environments_exact_half_rounded_up(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    await set_config(conn, "price_gpu_hour", "0.0001")
    env_id, _ = await env_through(conn, ("running", 0), ("deleted", 30), cpu=1, storage_gib=0)
    await run_job(sessions, meter_environments, T + 65 * M)
    gpu = [r for r in await billed(conn, env_id) if r[1] == "gpu"]
    # 0.5 GPU-hours x 0.0001 = 0.00005: half-up gives 0.0001 (half-even would give 0.0000).
    assert gpu == [(T, "gpu", 0.5, Decimal("0.0001"), Decimal("0.0001"))]


async def test_meter_environments_malformed_price_bills_nothing(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    await set_config(conn, "price_cpu_core_hour", "cheap")
    await env_through(conn, ("running", 0), ("deleted", 30))
    with pytest.raises(DomainError, match="price_cpu_core_hour"):
        await run_job(sessions, meter_environments, T + 65 * M)
    assert await conn.fetchval("SELECT count(*) FROM billing_records") == 0
    assert await conn.fetchval("SELECT count(*) FROM job_watermarks") == 0


async def test_meter_environments_concurrent_runs_bill_once(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    env_id, _ = await env_through(conn, ("running", 15), ("deleted", 90))
    runs = [run_job(sessions, meter_environments, T + 130 * M) for _ in range(3)]
    # 10:00 and 11:00, each cpu, gpu, memory and storage: eight records, written once.
    assert sorted(await asyncio.gather(*runs)) == [0, 0, 8]
    assert len(await billed(conn, env_id)) == 8


async def test_meter_environments_more_records_than_one_insert_holds_all_written(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    env_id, owner = await add_env(conn, T)
    host = await conn.fetchval("SELECT host_id FROM environments WHERE id = $1", env_id)
    # 1,099 more environments of the same owner, running 10:00-10:30: with the first one,
    # 4,400 records in one run: as multi-row VALUES, 35,200 parameters (asyncpg allows 32,767).
    await conn.execute(
        "INSERT INTO environments (id, user_id, host_id, name, image, status, cpu, memory, gpu,"
        " storage) SELECT 'bulk-' || i, $1, $2, 'dev', image, 'running', 1, $3, 1, $3"
        " FROM generate_series(1, 1099) AS i, (SELECT image FROM environments WHERE id = $4) e",
        owner,
        host,
        2**30,
        env_id,
    )
    await move(conn, env_id, "running", T)
    await conn.execute("UPDATE environments SET status = 'deleted'")
    await conn.execute(
        "UPDATE environment_status_history SET changed_at = CASE status"
        " WHEN 'deleted' THEN $1::timestamptz ELSE $2::timestamptz END"
        " WHERE env_id LIKE 'bulk-%' OR (env_id = $3 AND status = 'deleted')",
        T + 30 * M,
        T,
        env_id,
    )
    assert await run_job(sessions, meter_environments, T + 65 * M) == 4400
    assert await conn.fetchval("SELECT count(*) FROM billing_records") == 4400


async def test_meter_environments_hour_just_over_waits_for_late_commits(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    await env_through(conn, ("running", 0), ("deleted", 30), storage_gib=0)
    # At 11:01 a change stamped 10:59:59 may still be committing: 10:00 is not metered yet.
    assert await run_job(sessions, meter_environments, T + 61 * M) == 0
    assert await run_job(sessions, meter_environments, T + 63 * M) == 3
