"""Metered billing records (per environment, resource type and day) and monthly invoices.

Amounts are computed exactly as the metering job does: quantity x unit price, Decimal,
rounded half-up to 4 places. Quantities are themselves rounded to 4 places so that the float
stored in the database converts back to the same decimal on the server.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from remotegpu.seed.catalog import GIB
from remotegpu.seed.entities import Row, World
from remotegpu.seed.timeline import DAY, T0, between, month_start, next_month

BILLING_RECORD_COLUMNS = (
    "id",
    "customer_id",
    "env_id",
    "resource_type",
    "quantity",
    "unit_price",
    "amount",
    "currency",
    "start_time",
    "end_time",
    "created_at",
)
INVOICE_COLUMNS = (
    "id",
    "invoice_no",
    "customer_id",
    "billing_period_start",
    "billing_period_end",
    "total_amount",
    "currency",
    "status",
    "paid_at",
    "created_at",
    "updated_at",
)
# Three full months of metering history before T0.
BILLING_START = month_start(T0 - 80 * DAY)
CENTS = Decimal("0.0001")
PRICE_KEYS = {
    "cpu": "price_cpu_core_hour",
    "memory": "price_memory_gb_hour",
    "gpu": "price_gpu_hour",
    "storage": "price_storage_gb_day",
}


class Billing:
    """Streams billing records and remembers per-customer monthly totals for the invoices."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.totals: dict[tuple[datetime, int], Decimal] = {}
        self.prices = {kind: world.config.prices[key] for kind, key in PRICE_KEYS.items()}

    def record_rows(self) -> Iterator[Row]:
        record_id = 0
        for env in sorted(self.world.environments, key=lambda e: e.id):
            if env.started_at is None or env.status == "creating":
                continue
            start = max(env.started_at, BILLING_START)
            end = env.stopped_at or T0
            per_hour = {
                "cpu": float(env.cpu),
                "memory": env.memory / GIB,
                "gpu": float(env.gpu),
                "storage": env.storage / GIB / 24,
            }
            while start < end:
                day_end = min(end, start.replace(hour=0, minute=0, second=0) + DAY)
                hours = (day_end - start).total_seconds() / 3600
                month = month_start(start)
                for kind, rate in per_hour.items():
                    if rate == 0:
                        continue
                    quantity = round(rate * hours, 4)
                    price = self.prices[kind]
                    amount = (Decimal(repr(quantity)) * price).quantize(CENTS, ROUND_HALF_UP)
                    key = (month, env.user_id)
                    self.totals[key] = self.totals.get(key, Decimal(0)) + amount
                    record_id += 1
                    yield (
                        record_id,
                        env.user_id,
                        env.id,
                        kind,
                        quantity,
                        price,
                        amount,
                        "CNY",
                        start,
                        day_end,
                        day_end,
                    )
                start = day_end

    def invoice_rows(self, rng: random.Random) -> Iterator[Row]:
        """One invoice per customer and month, numbered INV-YYYY-MM-NNNN without gaps."""
        number_in_month: dict[datetime, int] = {}
        current = month_start(T0 - DAY)
        for invoice_id, ((month, customer_id), total) in enumerate(
            sorted(self.totals.items()), start=1
        ):
            number = number_in_month[month] = number_in_month.get(month, 0) + 1
            issued = next_month(month)
            status, paid_at = "pending", None
            if month < current:
                status = rng.choices(("paid", "overdue", "cancelled"), (90, 7, 3))[0]
                if status == "paid":
                    paid_at = between(rng, issued, min(T0, issued + 15 * DAY))
            yield (
                invoice_id,
                f"INV-{month.year}-{month.month:02d}-{number:04d}",
                customer_id,
                month,
                issued,
                total,
                "CNY",
                status,
                paid_at,
                issued,
                paid_at or issued,
            )
