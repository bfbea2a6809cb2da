"""Fixtures of the delivery tests: a fresh migrated database with two customers, the HTTPS
receiver (allow-listed as `localhost`), and helpers to register webhooks, emit events, take
queued delivery jobs and run one attempt as the worker would."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.db.engine import create_engine, create_session_factory, transaction
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.domain import webhook_delivery
from remotegpu.domain.events import EventType, emit
from remotegpu.domain.webhook_sender import AttemptResult, SendOptions
from remotegpu.domain.webhooks import create_webhook
from remotegpu.settings import Settings
from tests.graphql import customer_viewer
from tests.support.fleet import add_customer
from tests.webhooks.receiver import Receiver, running_receiver

ALLOWLIST = ("localhost",)
SECRET = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"  # 24 bytes of base64


@dataclass(frozen=True)
class QueuedDelivery:
    job_id: int
    payload: bytes
    delay: timedelta  # execute_after - created: the backoff the job was queued with


@dataclass
class Hooks:
    url: str
    conn: asyncpg.Connection
    sessions: async_sessionmaker[AsyncSession]
    receiver: Receiver
    alice: int
    bob: int

    def options(self, **changes: Any) -> SendOptions:
        """Send options of the tests: the receiver allow-listed and trusted, short timeouts."""
        values: dict[str, Any] = {
            "allowlist": ALLOWLIST,
            "connect_timeout": 2.0,
            "read_timeout": 2.0,
            "ca_file": self.receiver.ca_file,
        }
        return SendOptions(**(values | changes))

    def settings(self, **changes: Any) -> Settings:
        values: dict[str, Any] = {
            "webhook_url_allowlist": ALLOWLIST,
            "webhook_read_timeout_seconds": 2.0,
            "webhook_ca_file": self.receiver.ca_file,
        }
        return Settings(**(values | changes))

    async def add_webhook(
        self, customer: int, events: tuple[EventType, ...] = (EventType.ENVIRONMENT_CREATED,)
    ) -> int:
        async with transaction(self.sessions) as session:
            created = await create_webhook(
                session,
                customer_viewer(customer),
                name="ci",
                url=self.receiver.url,
                events=[e.value for e in events],
                secret=SECRET,
                allowlist=ALLOWLIST,
            )
            return created.webhook.id

    async def emit(self, customer: int, event: EventType = EventType.ENVIRONMENT_CREATED) -> None:
        async with transaction(self.sessions) as session:
            await emit(
                session,
                event,
                customer_id=customer,
                resource_type="environment",
                resource_id="env-1",
                payload={"id": "env-1", "status": "creating"},
            )

    async def queued(self) -> list[QueuedDelivery]:
        rows = await self.conn.fetch(
            "SELECT id, payload, execute_after - created AS delay FROM pgqueuer"
            " WHERE entrypoint = 'webhooks.deliver' AND status = 'queued' ORDER BY id"
        )
        return [QueuedDelivery(r["id"], r["payload"], r["delay"]) for r in rows]

    async def run_next(
        self, *, disable_after: int = 5, **options: Any
    ) -> tuple[QueuedDelivery, AttemptResult | None]:
        """Take the oldest queued delivery, whenever it is due, and run it as the worker
        would: the controllable clock of these tests."""
        job = (await self.queued())[0]
        await self.conn.execute("DELETE FROM pgqueuer WHERE id = $1", job.job_id)
        result = await webhook_delivery.deliver(
            self.sessions, job.payload, self.options(**options), disable_after=disable_after
        )
        return job, result

    async def logs(self) -> list[asyncpg.Record]:
        return list(await self.conn.fetch("SELECT * FROM webhook_logs ORDER BY id"))

    async def value(self, sql: str, *args: Any) -> Any:
        return await self.conn.fetchval(sql, *args)


@pytest.fixture
async def hooks(migrated_url: str, tmp_path: Path) -> AsyncIterator[Hooks]:
    conn = await asyncpg.connect(asyncpg_dsn(migrated_url))
    engine = create_engine(migrated_url, Settings())
    alice, bob = await add_customer(conn), await add_customer(conn)
    try:
        async with running_receiver(tmp_path) as receiver:
            yield Hooks(migrated_url, conn, create_session_factory(engine), receiver, alice, bob)
    finally:
        await engine.dispose()
        await conn.close()
