"""Metering: environment runtime becomes `billing_records`, per resource type and clock hour.

    written = await meter_environments(session, now)   # every hour, a few minutes past

What is billed (domain-rules.md, "Billing"), from `environment_status_history` (migration 25,
filled by a trigger on every status or resource change):
- cpu (core-hours), memory (GB-hours) and gpu (GPU-hours) while the environment is `running`;
- storage (GB-days) while it exists and is not being deleted (creating, running, stopped,
  error): a stopped environment keeps its disk.
GB are GiB (2^30 bytes), as the quotas count them. Each record covers one clock hour
[start_time, end_time) of one environment and resource type; its quantity is the resource
times the part of the hour it was held, summed over the status changes in the hour, so an
environment started and stopped between two runs is billed for exactly the minutes it ran.

Amounts: quantity x unit price from `system_configs` (`price_cpu_core_hour`,
`price_memory_gb_hour`, `price_gpu_hour`, `price_storage_gb_day`), computed in Decimal from the
exact durations (PostgreSQL numeric seconds, microseconds included) and rounded half-up to 4
places. Only hours that have been over for SETTLE (2 minutes) are metered, so a record is
final when written.

Idempotent: a watermark (`job_watermarks`, job 'metering') remembers the last hour metered,
and every record is inserted with ON CONFLICT DO NOTHING against
`uq_billing_records_env_resource_start`, so re-running any window writes nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from sqlalchemy import CursorResult, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.models import EnvironmentStatusHistory, SystemConfig
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.job_watermarks import HOUR, advance, aware, floor_hour, lock_job

JOB = "metering"
# A status change is stamped with its transaction's start and visible at its commit: an hour
# is metered once it has been over for longer than a transaction may run (the statement
# timeout is 15 s), so no change stamped inside it can still be uncommitted.
SETTLE = timedelta(minutes=2)
CENT_FRACTION = Decimal("0.0001")  # amounts have 4 decimal places
GIB = Decimal(2**30)
SECONDS_PER_HOUR = Decimal(3600)
SECONDS_PER_DAY = Decimal(86400)
# Resource statuses: compute is billed while running, the disk while the environment exists.
RUNNING = ("running",)
HOLDING_STORAGE = ("creating", "running", "stopped", "error")
# All records in one statement whatever their number: one array parameter per column (a
# multi-row VALUES would meet asyncpg's cap of 32,767 parameters at 4,096 records).
_INSERT_SQL = """
INSERT INTO billing_records
    (customer_id, env_id, resource_type, quantity, unit_price, amount, start_time, end_time)
SELECT * FROM unnest(
    CAST(:customer_id AS bigint[]), CAST(:env_id AS varchar[]), CAST(:resource_type AS varchar[]),
    CAST(:quantity AS float8[]), CAST(:unit_price AS numeric[]), CAST(:amount AS numeric[]),
    CAST(:start_time AS timestamptz[]), CAST(:end_time AS timestamptz[]))
ON CONFLICT (env_id, resource_type, start_time) DO NOTHING
"""


@dataclass(frozen=True)
class Meter:
    """One billed resource: its price key and how to turn resource-seconds into quantity."""

    resource_type: str
    price_key: str
    per_unit_seconds: Decimal  # resource-seconds of one unit of quantity


METERS: tuple[Meter, ...] = (
    Meter("cpu", "price_cpu_core_hour", SECONDS_PER_HOUR),
    Meter("memory", "price_memory_gb_hour", SECONDS_PER_HOUR * GIB),
    Meter("gpu", "price_gpu_hour", SECONDS_PER_HOUR),
    Meter("storage", "price_storage_gb_day", SECONDS_PER_DAY * GIB),
)

# Per environment and clock hour in [start, end): resource-seconds of each meter. A span is the
# time from one history row to the next (or to `end`); spans are clipped to the window and cut
# at hour boundaries. The owner is the one of the latest span in the hour.
_USAGE_SQL = """
WITH spans AS (
    SELECT env_id, user_id, status, cpu, memory, coalesce(gpu, 0) AS gpu,
           coalesce(storage, 0) AS storage, changed_at AS since,
           lead(changed_at) OVER (PARTITION BY env_id ORDER BY changed_at, id) AS until
    FROM environment_status_history
    WHERE changed_at < :end
), clipped AS (
    SELECT env_id, user_id, status, cpu, memory, gpu, storage,
           greatest(since, :start) AS s, least(coalesce(until, :end), :end) AS e
    FROM spans
    WHERE coalesce(until, :end) > :start AND status = ANY(:storage_statuses)
), pieces AS (
    SELECT c.*, hour_start,
           extract(epoch FROM least(c.e, hour_start + interval '1 hour')
                              - greatest(c.s, hour_start)) AS seconds
    FROM clipped c
    CROSS JOIN LATERAL generate_series(
        date_trunc('hour', c.s, 'UTC'), c.e - interval '1 microsecond', interval '1 hour'
    ) AS hour_start
    WHERE c.e > c.s
)
SELECT env_id, hour_start,
       (array_agg(user_id ORDER BY s DESC))[1] AS user_id,
       coalesce(sum(cpu * seconds) FILTER (WHERE status = ANY(:running)), 0) AS cpu,
       coalesce(sum(memory * seconds) FILTER (WHERE status = ANY(:running)), 0) AS memory,
       coalesce(sum(gpu * seconds) FILTER (WHERE status = ANY(:running)), 0) AS gpu,
       coalesce(sum(storage * seconds), 0) AS storage
FROM pieces
GROUP BY env_id, hour_start
"""


def half_up(value: Decimal) -> Decimal:
    """Round to 4 places, halves away from zero (amounts are never negative)."""
    return value.quantize(CENT_FRACTION, rounding=ROUND_HALF_UP)


async def unit_prices(session: AsyncSession) -> dict[str, Decimal]:
    """Price per unit of each resource type; a missing or malformed price is an error (the
    run rolls back and bills nothing, instead of billing at 0)."""
    keys = [meter.price_key for meter in METERS]
    rows = dict(
        (
            await session.execute(
                select(SystemConfig.config_key, SystemConfig.config_value).where(
                    SystemConfig.config_key.in_(keys)
                )
            )
        ).all()
    )
    prices: dict[str, Decimal] = {}
    for meter in METERS:
        raw = rows.get(meter.price_key)
        try:
            price = Decimal(str(raw).strip()) if raw is not None else None
        except InvalidOperation:
            price = None
        if price is None or not price.is_finite() or price < 0:
            raise DomainError(
                ErrorCode.INVALID_INPUT,
                f"system config {meter.price_key} must be a decimal amount of 0 or more",
                [meter.price_key],  # a settings key, not an input field: given whole
            )
        prices[meter.resource_type] = price
    return prices


def _records(usage: Any, prices: dict[str, Decimal]) -> list[dict[str, Any]]:
    records = []
    for row in usage:
        for meter in METERS:
            resource_seconds = Decimal(row._mapping[meter.resource_type])
            if resource_seconds <= 0:
                continue
            quantity = resource_seconds / meter.per_unit_seconds
            price = prices[meter.resource_type]
            records.append(
                {
                    "customer_id": row.user_id,
                    "env_id": row.env_id,
                    "resource_type": meter.resource_type,
                    "quantity": float(quantity),
                    "unit_price": price,
                    "amount": half_up(quantity * price),
                    "start_time": row.hour_start,
                    "end_time": row.hour_start + HOUR,
                }
            )
    return records


async def meter_window(session: AsyncSession, start: datetime, end: datetime) -> int:
    """Write the billing records of the hours in [start, end) (hour-aligned); the number
    written (records already there are kept as they are)."""
    prices = await unit_prices(session)
    usage = (
        await session.execute(
            text(_USAGE_SQL),
            {
                "start": start,
                "end": end,
                "running": list(RUNNING),
                "storage_statuses": list(HOLDING_STORAGE),
            },
        )
    ).all()
    records = _records(usage, prices)
    if not records:
        return 0
    columns = {name: [record[name] for record in records] for name in records[0]}
    result = await session.execute(text(_INSERT_SQL), columns)
    assert isinstance(result, CursorResult)
    return result.rowcount


async def meter_environments(session: AsyncSession, now: datetime) -> int:
    """Bill every complete hour since the last run (the first run starts at the oldest status
    history row); the number of billing records written."""
    end = floor_hour(aware(now) - SETTLE)
    start = await lock_job(session, JOB)
    if start is None:
        oldest = await session.scalar(select(func.min(EnvironmentStatusHistory.changed_at)))
        if oldest is None:
            return 0
        start = floor_hour(oldest)
    if start >= end:
        return 0
    written = await meter_window(session, start, end)
    await advance(session, JOB, end)
    return written
