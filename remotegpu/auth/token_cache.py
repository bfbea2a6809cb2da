"""A bounded in-process cache of credentials, emptied whenever a credential may have changed.

Clients present the same credential on every request (a host agent every few seconds, a
console or script many times a second); checking it each time is a round trip and a statement
per request. Entries map a key to the Viewer it stands for: an API token's hash, or a session
(JWT) as `session:<customer id>:<token epoch>` (the signature and expiry of a JWT are still
checked on every request, without the database). The cache is trusted only while its process
LISTENs on `remotegpu_credentials` (migration 30's triggers notify on every change that can end
or alter a credential: revocation, expiry, scopes, host, the owner's status, deletion, token
epoch, type or name): each notification empties it, so a dead credential is refused by every
replica as soon as the notification arrives (milliseconds after the commit; the tests hold it
to 1 s). While the listening connection is down the cache answers nothing.

An entry also lapses at the token's own `expires_at` and after `TTL` (so the once-a-minute
`last_used_at` stamp of an API token's lookup still happens). A lookup that raced a
notification is not stored: `put` takes the generation read before the lookup and drops the
entry if a notification came in between.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import OrderedDict
from datetime import datetime, timedelta

import asyncpg

from remotegpu.auth.viewer import Viewer
from remotegpu.db.urls import asyncpg_dsn

log = logging.getLogger("remotegpu.auth.token_cache")

CHANNEL = "remotegpu_credentials"
TTL = timedelta(seconds=60)
RECONNECT_SECONDS = 1.0
# A connection cut without a TCP reset reports nothing: it is pinged this often.
PING_SECONDS = 5.0


class CredentialCache:
    """key -> (Viewer, expires_at, stored at); least recently used goes first."""

    def __init__(self, database_url: str, max_entries: int, connect_timeout: float) -> None:
        self.database_url, self.max_entries = database_url, max_entries
        self.connect_timeout = connect_timeout
        self._entries: OrderedDict[str, tuple[Viewer, datetime | None, float]] = OrderedDict()
        self.generation = 0
        self.listening = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._listen_forever())

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def stop(self) -> None:
        """`close` without waiting: the listening connection is dropped when the task ends."""
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def get(self, key: str, now: datetime) -> Viewer | None:
        if not self.listening.is_set():
            return None
        entry = self._entries.get(key)
        if entry is None:
            return None
        viewer, expires_at, stored = entry
        if time.monotonic() - stored > TTL.total_seconds() or (
            expires_at is not None and expires_at <= now
        ):
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return viewer

    def put(self, key: str, viewer: Viewer, expires_at: datetime | None, generation: int) -> None:
        """Store a lookup's result, unless a notification arrived since `generation` was read."""
        if generation != self.generation or not self.listening.is_set():
            return
        self._entries[key] = (viewer, expires_at, time.monotonic())
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self.generation += 1
        self._entries.clear()

    async def _listen_forever(self) -> None:
        while True:
            try:
                await self._listen_once()
                log.warning("credential notifications lost; credential cache off until back")
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError):
                log.warning("cannot listen for credential changes; credential cache off")
            await asyncio.sleep(RECONNECT_SECONDS)

    async def _listen_once(self) -> None:
        """Serve the cache for as long as one listening connection lives."""
        lost = asyncio.Event()
        conn: asyncpg.Connection = await asyncpg.connect(
            asyncpg_dsn(self.database_url),
            timeout=self.connect_timeout,
            server_settings={"application_name": "remotegpu-token-cache"},
        )
        try:
            conn.add_termination_listener(lambda _: lost.set())
            await conn.add_listener(CHANNEL, lambda *_: self.clear())
            self.clear()  # what was cached before now is not vouched for by a listener
            self.listening.set()
            await _until_lost(conn, lost)
        finally:
            self.listening.clear()
            self.clear()
            if not conn.is_closed():
                conn.terminate()


async def _until_lost(conn: asyncpg.Connection, lost: asyncio.Event) -> None:
    """Returns when the listening connection is gone, closed or no longer answers."""
    while True:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(lost.wait(), PING_SECONDS)
            return
        try:
            await asyncio.wait_for(conn.fetchval("SELECT 1"), PING_SECONDS)
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError):
            return
