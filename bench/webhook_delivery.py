"""Webhook delivery: what an event costs the mutation that emits it, and deliveries per second.

    REMOTEGPU_DATA_DIR=/tmp/webhook-bench .venv/bin/remotegpu migrate
    REMOTEGPU_DATA_DIR=/tmp/webhook-bench .venv/bin/python bench/webhook_delivery.py

1. emit, one event per committed transaction, interleaved in rounds so machine noise hits all
   three alike: `outbox only` (the outbox row as emit wrote it before deliveries existed),
   `emit, no webhook` (the customer has none: the added flush and look-up) and `emit, 1
   webhook` (one delivery job queued too). Milliseconds per transaction, and ratios.
2. One worker (the engine's default options: 4 jobs at a time) delivers queued events to an
   HTTPS receiver on 127.0.0.1 (the tests' receiver); deliveries per second from the first
   enqueue to the last log row, and the attempts' p50 / p99 duration_ms.
Use a throwaway data directory: the script leaves its customers, events and logs behind.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from remotegpu.db.engine import create_engine, create_session_factory, transaction  # noqa: E402
from remotegpu.db.models import EventOutbox, WebhookLog  # noqa: E402
from remotegpu.db.server import resolve_database_url  # noqa: E402
from remotegpu.domain.events import EventType, emit  # noqa: E402
from remotegpu.domain.webhooks import create_webhook  # noqa: E402
from remotegpu.jobs.engine import WorkerOptions, run_worker  # noqa: E402
from remotegpu.jobs.schedule import queued_jobs  # noqa: E402
from remotegpu.settings import Settings  # noqa: E402
from tests.graphql import customer_viewer  # noqa: E402
from tests.webhooks.receiver import running_receiver  # noqa: E402

Sessions = async_sessionmaker[AsyncSession]
PAYLOAD = {"id": "env-bench", "name": "dev", "status": "creating", "host": "h-1"}


async def add_customer(sessions: Sessions, name: str) -> int:
    async with transaction(sessions) as session:
        customer_id: int = await session.scalar(
            text(
                "INSERT INTO customers (username, email, password_hash)"
                " VALUES (:n, CAST(:n AS varchar) || '@example.com', 'x') RETURNING id"
            ),
            {"n": f"{name}-{time.time_ns()}"},
        )
        return customer_id


async def outbox_only(session: AsyncSession, customer_id: int) -> None:
    session.add(
        EventOutbox(
            event_type=EventType.ENVIRONMENT_CREATED.value,
            customer_id=customer_id,
            resource_type="environment",
            resource_id="env-bench",
            payload=PAYLOAD,
        )
    )


async def full_emit(session: AsyncSession, customer_id: int) -> None:
    await emit(
        session,
        EventType.ENVIRONMENT_CREATED,
        customer_id=customer_id,
        resource_type="environment",
        resource_id="env-bench",
        payload=PAYLOAD,
    )


async def timed(
    sessions: Sessions, body: Callable[[AsyncSession, int], Awaitable[None]], customer_id: int
) -> float:
    started = time.perf_counter()
    async with transaction(sessions) as session:
        await body(session, customer_id)
    return (time.perf_counter() - started) * 1000


async def emit_costs(sessions: Sessions, url: str, rounds: int) -> None:
    bare, hooked = await add_customer(sessions, "bare"), await add_customer(sessions, "hooked")
    async with transaction(sessions) as session:
        await create_webhook(
            session,
            customer_viewer(hooked),
            name="bench",
            url=url,
            events=["environment.created"],
            allowlist=("localhost",),
        )
    cases: dict[str, tuple[Callable[[AsyncSession, int], Awaitable[None]], int]] = {
        "outbox only": (outbox_only, bare),
        "emit, no webhook": (full_emit, bare),
        "emit, 1 webhook": (full_emit, hooked),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, (body, customer_id) in cases.items():
            times[name].append(await timed(sessions, body, customer_id))
    base = statistics.median(times["outbox only"])
    print(f"emit, {rounds} committed transactions each (median ms, ratio to outbox only):")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:<18} {median:7.3f} ms   x{median / base:.2f}")
    async with transaction(sessions) as session:
        await session.execute(text("DELETE FROM pgqueuer WHERE entrypoint = 'webhooks.deliver'"))


async def delivery_rate(sessions: Sessions, database_url: str, url: str, ca: Path, n: int) -> None:
    customer_id = await add_customer(sessions, "deliveries")
    async with transaction(sessions) as session:
        hook = await create_webhook(
            session,
            customer_viewer(customer_id),
            name="bench",
            url=url,
            events=["environment.created"],
            allowlist=("localhost",),
        )
    settings = Settings(webhook_url_allowlist=("localhost",), webhook_ca_file=ca)
    started = time.perf_counter()
    async with transaction(sessions) as session:
        for _ in range(n):
            await full_emit(session, customer_id)
    stop = asyncio.Event()
    worker = asyncio.create_task(
        run_worker(database_url, sessions, (), shutdown=stop,
                   options=WorkerOptions(poll_interval=timedelta(milliseconds=200)),
                   queued=queued_jobs(settings))
    )  # fmt: skip
    count = select(func.count()).where(WebhookLog.webhook_id == hook.webhook.id)
    while True:
        async with sessions() as session:
            if (await session.scalar(count)) == n:
                break
        await asyncio.sleep(0.05)
    elapsed = time.perf_counter() - started
    stop.set()
    await worker
    async with sessions() as session:
        durations = sorted(
            (await session.scalars(
                select(WebhookLog.duration_ms).where(WebhookLog.webhook_id == hook.webhook.id)
            )).all()
        )  # fmt: skip
    p50 = durations[len(durations) // 2]
    p99 = durations[min(len(durations) - 1, int(len(durations) * 0.99))]
    print(f"{n} deliveries on one worker: {elapsed:.2f} s, {n / elapsed:.0f}/s;"
          f" attempt duration p50 {p50} ms, p99 {p99} ms")  # fmt: skip


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--deliveries", type=int, default=300)
    args = parser.parse_args()
    settings = Settings()
    database_url = await resolve_database_url(settings)
    engine = create_engine(database_url, settings)
    sessions = create_session_factory(engine)
    try:
        with tempfile.TemporaryDirectory() as directory:
            async with running_receiver(Path(directory)) as receiver:
                await emit_costs(sessions, receiver.url, args.rounds)
                await delivery_rate(
                    sessions, database_url, receiver.url, receiver.ca_file, args.deliveries
                )
    finally:
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
