"""One LISTEN connection per process: committed outbox events -> the in-process EventHub.

The outbox trigger (migration 27) NOTIFYs `remotegpu_events` with the event's id at commit.
Ids are collected and loaded in batches (one SELECT per burst, on the same connection) and
published to the hub once each.

The connection is reconnected with exponential backoff and jitter. Notifications sent while
it is down are lost by PostgreSQL; on reconnecting the listener replays from event_outbox the
events with an id above the highest it had seen (at most `subscription_catch_up_limit`, oldest
first). An event whose id is below that mark but which committed during the outage (ids are
taken at insert, not commit) is not replayed: delivery to subscriptions is at most once, and a
client that must not miss anything re-reads its objects after a reconnect. Webhooks, not this
listener, are the at-least-once path.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
from collections import deque
from typing import Any

import asyncpg

from remotegpu.events.hub import EventHub, OutboxEvent

log = logging.getLogger("remotegpu.events")

CHANNEL = "remotegpu_events"
# How the LISTEN connection shows in pg_stat_activity.
APPLICATION_NAME = "remotegpu-event-listener"
_COLUMNS = "id, event_type, customer_id, resource_type, resource_id, payload, created_at"
_BY_IDS = f"SELECT {_COLUMNS} FROM event_outbox WHERE id = ANY($1::bigint[]) ORDER BY id"
_AFTER = f"SELECT {_COLUMNS} FROM event_outbox WHERE id > $1 ORDER BY id LIMIT $2"
_NEWEST = "SELECT coalesce(max(id), 0) FROM event_outbox"
FIRST_BACKOFF_SECONDS = 0.1
MAX_BACKOFF_SECONDS = 10.0
RECENT_IDS = 10_000


def _event(row: asyncpg.Record) -> OutboxEvent:
    payload: Any = row["payload"]
    return OutboxEvent(
        id=row["id"],
        event_type=row["event_type"],
        customer_id=row["customer_id"],
        resource_type=row["resource_type"],
        resource_id=row["resource_id"],
        payload=json.loads(payload) if isinstance(payload, str) else payload,
        created_at=row["created_at"],
    )


class EventListener:
    def __init__(self, dsn: str, hub: EventHub, *, catch_up_limit: int) -> None:
        self.dsn, self.hub, self.catch_up_limit = dsn, hub, catch_up_limit
        self.last_id: int | None = None  # the highest event id seen; None before connecting
        self.connected = asyncio.Event()
        self._ids: asyncio.Queue[int] = asyncio.Queue()
        self._lost = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._connection: asyncpg.Connection | None = None
        # Ids published lately: an event both replayed and announced is published once.
        self._recent: set[int] = set()
        self._recent_order: deque[int] = deque()

    async def start(self, wait_seconds: float) -> None:
        """Start listening; waits up to `wait_seconds` for the first connection, so a process
        that reports ready is already hearing events (it keeps trying in the background)."""
        self._task = asyncio.create_task(self._run(), name="event-listener")
        try:
            async with asyncio.timeout(wait_seconds):
                await self.connected.wait()
        except TimeoutError:
            log.warning("event listener not connected yet; subscriptions wait for it")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    # -- the loop ---------------------------------------------------------------------

    async def _run(self) -> None:
        backoff = FIRST_BACKOFF_SECONDS
        while True:
            try:
                await self._listen_once()
                backoff = FIRST_BACKOFF_SECONDS
            except asyncio.CancelledError:
                raise
            except Exception:  # any failure of the connection: log, wait, reconnect
                log.warning("event listener connection failed; reconnecting", exc_info=True)
            self.connected.clear()
            await asyncio.sleep(backoff * random.uniform(0.5, 1.5))  # noqa: S311  # jitter
            backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)

    async def _listen_once(self) -> None:
        self._lost.clear()
        connection: asyncpg.Connection = await asyncpg.connect(
            self.dsn, server_settings={"application_name": APPLICATION_NAME}
        )
        self._connection = connection
        try:
            connection.add_termination_listener(lambda _: self._lost.set())
            await connection.add_listener(CHANNEL, self._heard)
            if self.last_id is None:
                self.last_id = await connection.fetchval(_NEWEST)
            else:
                await self._catch_up(connection)
            self.connected.set()
            await self._pump(connection)
        finally:
            self._connection = None
            if not connection.is_closed():
                connection.terminate()

    def _heard(self, _connection: Any, _pid: int, _channel: str, payload: str) -> None:
        self._ids.put_nowait(int(payload))

    async def _catch_up(self, connection: asyncpg.Connection) -> None:
        if self.catch_up_limit == 0:
            return
        rows = await connection.fetch(_AFTER, self.last_id, self.catch_up_limit)
        if rows:
            log.info("event listener replays %d events missed while reconnecting", len(rows))
        self._publish([_event(row) for row in rows])

    async def _pump(self, connection: asyncpg.Connection) -> None:
        lost = asyncio.ensure_future(self._lost.wait())
        try:
            while True:
                heard = asyncio.ensure_future(self._ids.get())
                await asyncio.wait({heard, lost}, return_when=asyncio.FIRST_COMPLETED)
                if not heard.done():
                    heard.cancel()
                    raise ConnectionError("the LISTEN connection was lost")
                ids = [heard.result()]
                while not self._ids.empty():  # one SELECT for the whole burst
                    ids.append(self._ids.get_nowait())
                fresh = sorted({i for i in ids if i not in self._recent})
                if not fresh:
                    continue
                rows = await connection.fetch(_BY_IDS, fresh)
                self._publish([_event(row) for row in rows])
        finally:
            lost.cancel()

    def _publish(self, events: list[OutboxEvent]) -> None:
        for event in events:
            if event.id in self._recent:  # replayed after a reconnect and announced too
                continue
            self._recent.add(event.id)
            self._recent_order.append(event.id)
            if len(self._recent_order) > RECENT_IDS:
                self._recent.discard(self._recent_order.popleft())
            self.last_id = max(self.last_id or 0, event.id)
            try:
                self.hub.publish(event)
            except Exception:  # a bug in one delivery must not stop the listener
                log.exception("publishing event %s failed", event.id)
