"""Expiry of idempotency keys, published outbox rows and lost job runs."""

from __future__ import annotations

from datetime import timedelta

from remotegpu.jobs.schedule import SCHEDULE
from tests.jobs.conftest import Fleet

EXPIRY = {job.name: job for job in SCHEDULE}["housekeeping.expiry"]


async def test_housekeeping_expiry_old_rows_go_recent_and_pending_stay(fleet: Fleet) -> None:
    now = await fleet.db_now()
    await fleet.conn.execute(
        "INSERT INTO idempotency_keys (customer_id, operation, idempotency_key, request_hash,"
        " created_at) VALUES (1, 'environmentCreate', 'old', repeat('a', 64), $1),"
        " (1, 'environmentCreate', 'new', repeat('b', 64), $2)",
        now - timedelta(hours=25),
        now - timedelta(hours=23),
    )
    await fleet.conn.execute(
        "INSERT INTO event_outbox (event_type, resource_id, created_at, published_at) VALUES"
        " ('environment.created', 'published-long-ago', $1, $1),"
        " ('environment.created', 'published-lately', $1, $2),"
        " ('environment.created', 'never-published', $1, NULL)",
        now - timedelta(days=30),
        now - timedelta(days=1),
    )
    await fleet.conn.execute(
        "INSERT INTO job_runs (job_name, started_at) VALUES ('lost', $1), ('busy', $2)",
        now - timedelta(hours=2),
        now - timedelta(minutes=5),
    )

    assert await fleet.run(EXPIRY, now) == 3

    assert await fleet.column("SELECT idempotency_key FROM idempotency_keys") == ["new"]
    assert await fleet.column("SELECT resource_id FROM event_outbox ORDER BY id") == [
        "published-lately",
        "never-published",
    ]
    runs = dict(await fleet.conn.fetch("SELECT job_name, outcome FROM job_runs"))
    assert runs == {"lost": "abandoned", "busy": "running", "housekeeping.expiry": "succeeded"}
    assert await fleet.run(EXPIRY, now) == 0


async def test_housekeeping_expiry_job_history_past_its_age_goes(fleet: Fleet) -> None:
    now = await fleet.db_now()
    await fleet.conn.execute(
        "INSERT INTO job_runs (job_name, started_at, outcome) VALUES"
        " ('old', $1, 'succeeded'), ('recent', $2, 'failed')",
        now - timedelta(days=31),
        now - timedelta(days=29),
    )
    await fleet.conn.execute(
        "INSERT INTO pgqueuer_log (created, job_id, status, priority, entrypoint, aggregated)"
        " VALUES ($1, 1, 'successful', 0, 'folded', true), ($1, 2, 'successful', 0, 'unfolded',"
        " false), ($2, 3, 'successful', 0, 'recent', true)",
        now - timedelta(days=8),
        now - timedelta(days=6),
    )
    await fleet.conn.execute(
        "INSERT INTO pgqueuer_statistics (created, count, priority, status, entrypoint) VALUES"
        " ($1, 5, 0, 'successful', 'old'), ($2, 5, 0, 'successful', 'recent')",
        now - timedelta(days=31),
        now - timedelta(days=29),
    )

    assert await fleet.run(EXPIRY, now) == 3

    assert await fleet.column("SELECT job_name FROM job_runs ORDER BY id") == [
        "recent",
        "housekeeping.expiry",
    ]
    assert await fleet.column("SELECT entrypoint FROM pgqueuer_log ORDER BY id") == [
        "unfolded",
        "recent",
    ]
    assert await fleet.column("SELECT entrypoint FROM pgqueuer_statistics") == ["recent"]
