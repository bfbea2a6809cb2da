"""Monthly invoicing and the overdue transition as job functions, on a controllable clock: the
month's usage is metered, time moves to the 1st, invoices appear once per customer with
gap-free numbers; the payment term passes and they turn overdue. Re-runs change nothing."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import asyncpg

from remotegpu.domain.invoice_jobs import invoice_previous_month, mark_overdue_invoices
from remotegpu.domain.metering import meter_environments
from tests.jobs.job_support import Sessions, add_env, move, run_job

MAY = datetime(2026, 5, 1, tzinfo=UTC)
H = timedelta(hours=1)


async def april_usage(conn: asyncpg.Connection) -> list[int]:
    """Two customers whose environments ran across the end of April; their ids."""
    owners = []
    for hours_before in (2, 1):
        env_id, owner = await add_env(conn, MAY - hours_before * H)
        await move(conn, env_id, "running", MAY - hours_before * H)
        await move(conn, env_id, "deleted", MAY + H)
        owners.append(owner)
    return owners


# Ten minutes into May: April is over and every hour of it can be metered.
AFTER_APRIL = MAY + timedelta(minutes=10)


async def april_metered(conn: asyncpg.Connection, sessions: Sessions) -> list[int]:
    """april_usage, metered up to AFTER_APRIL; the owners' ids."""
    owners = await april_usage(conn)
    await run_job(sessions, meter_environments, AFTER_APRIL)
    return owners


async def test_invoice_previous_month_waits_for_metering_then_invoices_each_customer_once(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    owners = await april_usage(conn)
    now = MAY + timedelta(minutes=10)
    assert await run_job(sessions, invoice_previous_month, now) == 0  # April not metered yet
    await run_job(sessions, meter_environments, MAY - timedelta(minutes=50))  # up to 23:00
    assert await run_job(sessions, invoice_previous_month, now) == 0  # 23:00 still missing
    await run_job(sessions, meter_environments, now)
    assert await run_job(sessions, invoice_previous_month, now) == 2
    assert await run_job(sessions, invoice_previous_month, now + H) == 0

    invoices = await conn.fetch(
        "SELECT i.invoice_no, i.customer_id, i.status, i.total_amount,"
        " (SELECT sum(amount) FROM billing_records r WHERE r.customer_id = i.customer_id"
        "  AND r.start_time < $1) AS april"
        " FROM invoices i ORDER BY invoice_no",
        MAY,
    )
    assert [(r["invoice_no"], r["customer_id"], r["status"]) for r in invoices] == [
        ("INV-2026-04-0001", owners[0], "pending"),
        ("INV-2026-04-0002", owners[1], "pending"),
    ]
    assert all(r["total_amount"] == r["april"] > 0 for r in invoices)  # May's hour excluded
    created = await conn.fetchval(
        "SELECT count(*) FROM event_outbox WHERE event_type = 'invoice.created'"
    )
    assert created == 2


async def test_invoice_previous_month_cancelled_month_not_invoiced_again(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    await april_metered(conn, sessions)
    await run_job(sessions, invoice_previous_month, AFTER_APRIL)
    await conn.execute("UPDATE invoices SET status = 'cancelled' WHERE invoice_no LIKE '%-0001'")
    assert await run_job(sessions, invoice_previous_month, AFTER_APRIL + 24 * H) == 0
    assert await conn.fetchval("SELECT count(*) FROM invoices") == 2


async def test_mark_overdue_invoices_after_payment_term_only_pending_move(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    owners = await april_metered(conn, sessions)
    await run_job(sessions, invoice_previous_month, AFTER_APRIL)
    await conn.execute(
        "UPDATE invoices SET status = 'paid', paid_at = $2 WHERE customer_id = $1",
        owners[1],
        MAY + 24 * H,
    )
    term_end = MAY + timedelta(days=15)  # invoice_payment_days = 15 (migration 26)
    assert await run_job(sessions, mark_overdue_invoices, term_end) == 0
    assert await run_job(sessions, mark_overdue_invoices, term_end + timedelta(seconds=1)) == 1
    assert await run_job(sessions, mark_overdue_invoices, term_end + 48 * H) == 0
    statuses = await conn.fetch("SELECT customer_id, status FROM invoices ORDER BY customer_id")
    assert [tuple(r) for r in statuses] == [(owners[0], "overdue"), (owners[1], "paid")]
    warning = await conn.fetchval(
        "SELECT level FROM notifications WHERE customer_id = $1 AND title LIKE '%overdue'",
        owners[0],
    )
    assert warning == "warning"


async def test_invoice_previous_month_concurrent_runs_invoice_each_customer_once(
    conn: asyncpg.Connection, sessions: Sessions
) -> None:
    await april_metered(conn, sessions)
    runs = [run_job(sessions, invoice_previous_month, AFTER_APRIL) for _ in range(3)]
    assert sorted(await asyncio.gather(*runs)) == [0, 0, 2]
    numbers = await conn.fetch("SELECT invoice_no FROM invoices ORDER BY invoice_no")
    assert [r[0] for r in numbers] == ["INV-2026-04-0001", "INV-2026-04-0002"]
