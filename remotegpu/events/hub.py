"""The in-process fan-out of outbox events to GraphQL subscribers.

The listener (listener.py) hands every committed event to `EventHub.publish` once. Each
subscriber has a bounded queue: publishing never waits for a subscriber, and one whose queue
is full (it reads slower than events arrive) has its WebSocket closed with SLOW_SUBSCRIBER, so
it cannot hold up the others or grow memory without bound.

What a subscriber may see is not decided here: the subscription resolvers load each event's
object through the loaders under the subscriber's own viewer (the query visibility rules),
and drop the event when the loader answers None. The hub only routes by resource type.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from remotegpu.auth.viewer import Viewer
from remotegpu.domain.events import EventType

log = logging.getLogger("remotegpu.events")

# WebSocket close codes of our own (4400-4499 are graphql-transport-ws's; 4403 "Forbidden"
# also answers a refused connection_init: anonymous, bad token, too many connections).
ACCESS_REVOKED = 4403  # the customer was suspended or deleted, or the token revoked
SLOW_SUBSCRIBER = 4508  # a subscriber's queue overflowed: it reads slower than events arrive

CLOSE_WAIT_SECONDS = 120

Closer = Callable[[int, str], Awaitable[None]]


@dataclass(frozen=True)
class OutboxEvent:
    """One committed event_outbox row."""

    id: int
    event_type: str
    customer_id: int | None
    resource_type: str | None
    resource_id: str | None
    payload: dict[str, Any]
    created_at: datetime


@dataclass(eq=False)
class Delivery:
    """One event as handed to every subscriber it concerns. `shared` is per-event scratch the
    subscribers of one viewer share (their loaders), so N subscriptions of one viewer cost
    one load of the object, not N."""

    event: OutboxEvent
    shared: dict[Any, Any] = field(default_factory=dict)


@dataclass(eq=False)
class LiveConnection:
    """One authenticated WebSocket."""

    viewer: Viewer
    close: Closer
    subscribers: set[Subscriber] = field(default_factory=set)
    closing: bool = False


@dataclass(eq=False)
class Subscriber:
    """One running subscription: the resource types it follows (and one id, if any)."""

    connection: LiveConnection
    resource_types: frozenset[str]
    resource_id: str | None
    queue: asyncio.Queue[Delivery]

    def wants(self, event: OutboxEvent) -> bool:
        return event.resource_type in self.resource_types and (
            self.resource_id is None or self.resource_id == event.resource_id
        )


class EventHub:
    def __init__(self, *, queue_size: int, connections_per_viewer: int) -> None:
        self.queue_size = queue_size
        self.connections_per_viewer = connections_per_viewer
        self._connections: dict[Viewer, set[LiveConnection]] = {}
        self._subscribers: dict[str, set[Subscriber]] = {}
        self._closing: set[asyncio.Task[None]] = set()
        self.delivered = 0  # events put in subscriber queues (for tests and the bench)

    # -- connections and subscriptions ------------------------------------------------

    def open_connection(self, viewer: Viewer, close: Closer) -> LiveConnection | None:
        """Register a WebSocket; None when its viewer already has the most allowed."""
        mine = self._connections.setdefault(viewer, set())
        if len(mine) >= self.connections_per_viewer:
            return None
        connection = LiveConnection(viewer, close)
        mine.add(connection)
        return connection

    def close_connection(self, connection: LiveConnection) -> None:
        for subscriber in list(connection.subscribers):
            self.unsubscribe(subscriber)
        mine = self._connections.get(connection.viewer)
        if mine is not None:
            mine.discard(connection)
            if not mine:
                del self._connections[connection.viewer]

    def subscribe(
        self, connection: LiveConnection, resource_types: frozenset[str], resource_id: str | None
    ) -> Subscriber:
        subscriber = Subscriber(
            connection, resource_types, resource_id, asyncio.Queue(self.queue_size)
        )
        connection.subscribers.add(subscriber)
        for resource_type in resource_types:
            self._subscribers.setdefault(resource_type, set()).add(subscriber)
        return subscriber

    def unsubscribe(self, subscriber: Subscriber) -> None:
        subscriber.connection.subscribers.discard(subscriber)
        for resource_type in subscriber.resource_types:
            followers = self._subscribers.get(resource_type)
            if followers is not None:
                followers.discard(subscriber)
                if not followers:
                    del self._subscribers[resource_type]

    @property
    def connection_count(self) -> int:
        return sum(len(c) for c in self._connections.values())

    # -- publishing -------------------------------------------------------------------

    def publish(self, event: OutboxEvent) -> None:
        """Hand a committed event to every subscriber following its resource; never waits."""
        if event.event_type == EventType.ACCESS_REVOKED.value:
            self._revoke(event)
            return
        followers = self._subscribers.get(event.resource_type or "")
        if not followers:
            return
        delivery = Delivery(event)
        for subscriber in list(followers):
            if not subscriber.wants(event) or subscriber.connection.closing:
                continue
            try:
                subscriber.queue.put_nowait(delivery)
                self.delivered += 1
            except asyncio.QueueFull:
                self._close(
                    subscriber.connection,
                    SLOW_SUBSCRIBER,
                    f"subscriber too slow: more than {self.queue_size} events waiting",
                )

    def _revoke(self, event: OutboxEvent) -> None:
        token_id = event.payload.get("tokenId")
        for viewer, connections in list(self._connections.items()):
            if viewer.customer_id != event.customer_id:
                continue
            if token_id is not None and viewer.token_id != token_id:
                continue  # one API token revoked: sessions and other tokens stay
            for connection in list(connections):
                reason = str(event.payload.get("reason") or "access revoked")
                self._close(connection, ACCESS_REVOKED, f"access revoked ({reason})")

    def _close(self, connection: LiveConnection, code: int, reason: str) -> None:
        if connection.closing:
            return
        connection.closing = True
        log.info("closing a subscription socket of %s: %s", connection.viewer.username, reason)
        self.close_connection(connection)
        task = asyncio.get_running_loop().create_task(_close_quietly(connection, code, reason))
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    async def aclose(self) -> None:
        """Close every socket (process shutdown) and wait for the closes under way."""
        for connections in list(self._connections.values()):
            for connection in list(connections):
                self._close(connection, 1001, "server shutting down")
        if self._closing:
            await asyncio.wait(list(self._closing), timeout=5)


async def _close_quietly(connection: LiveConnection, code: int, reason: str) -> None:
    try:
        # The close frame queues behind what the peer has not read yet (the server's send
        # waits while the socket's buffers are full): it goes out as soon as the peer reads.
        # A peer that never reads again is dropped by uvicorn's ping timeout; this bound only
        # keeps the task from outliving that.
        async with asyncio.timeout(CLOSE_WAIT_SECONDS):
            await connection.close(code, reason)
    except (RuntimeError, OSError, TimeoutError):  # already closed, or the peer is gone
        log.debug("closing a subscription socket failed", exc_info=True)
