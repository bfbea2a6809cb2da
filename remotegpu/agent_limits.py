"""Rate-limit counting for /graphql and the host agents' routes, grouped: one statement for
many requests.

Measured on the heartbeat route, the per-request rate-limit upsert cost PostgreSQL about twice
the CPU of the heartbeat's own UPDATE (every agent of a site shares the address bucket's rows).
/graphql paid more in CPU for its upsert through SQLAlchemy than for its own small reads. Here
the requests of one worker (either path) that arrive while a count is in flight wait for the
next one, which counts them all in one statement: each bucket once, with the batch's weight.
The statement and counters are ratelimit.py's, and the verdicts are the ones one-by-one
counting in arrival order would give: the k-th request of a batch on a bucket is judged with
the others' committed hits plus k of its own batch. A lone request is counted at once, so an
idle worker adds no latency; under load a batch waits for at most one statement.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable

import asyncpg

from remotegpu.ratelimit import Bucket, RateLimiter, Verdict, judge

log = logging.getLogger("remotegpu.ratelimit")

Pending = tuple[list[Bucket], asyncio.Future[Verdict | None]]


class GroupedRateLimits:
    """Admits or refuses requests as counting them one by one would, counting them in batches."""

    def __init__(
        self, limiter: RateLimiter, connections: Callable[[], Awaitable[asyncpg.Pool]]
    ) -> None:
        self.limiter, self.connections = limiter, connections
        self._pending: list[Pending] = []
        self._draining = False
        # The loop keeps only a weak reference to a task: the drain's is held here.
        self._drain_task: asyncio.Task[None] | None = None

    async def check(self, buckets: list[Bucket]) -> Verdict | None:
        if not buckets:
            return None
        decided: asyncio.Future[Verdict | None] = asyncio.get_running_loop().create_future()
        self._pending.append((buckets, decided))
        if not self._draining:
            self._draining = True
            self._drain_task = asyncio.get_running_loop().create_task(self._drain())
        return await decided

    async def _drain(self) -> None:
        try:
            while self._pending:
                batch, self._pending = self._pending, []
                try:
                    await self._count(batch)
                except Exception:  # fail open, as RateLimiter does
                    log.warning("rate limit batch failed; requests let through", exc_info=True)
                finally:  # never strand a waiter, not even when the worker shuts down
                    for _, decided in batch:
                        if not decided.done():
                            decided.set_result(None)
        finally:
            self._draining = False

    async def _count(self, batch: list[Pending]) -> None:
        weights: Counter[str] = Counter()
        first: dict[str, Bucket] = {}
        for buckets, _ in batch:
            for bucket in buckets:
                weights[bucket.key] += bucket.weight
                first.setdefault(bucket.key, bucket)
        merged = [
            Bucket(key, b.limit, b.seconds, b.label, weights[key]) for key, b in first.items()
        ]
        rows = await self.limiter.count_on(await self.connections(), merged)
        by_key = {row["bucket"]: row for row in rows} if rows is not None else None
        counted: Counter[str] = Counter()
        for buckets, decided in batch:
            refused: list[Verdict] = []
            for bucket in buckets:
                counted[bucket.key] += bucket.weight
                if by_key is None:
                    continue  # counters unreachable: let through
                row = by_key[bucket.key]
                # The others' hits (the row's count less this batch's weight) plus this
                # request's place in the batch: what counting one by one would have seen.
                hits = row["hits"] - weights[bucket.key] + counted[bucket.key]
                verdict = judge(bucket, hits, row["previous"], row["elapsed"])
                if verdict is not None:
                    refused.append(verdict)
            if not decided.done():
                decided.set_result(max(refused, key=lambda v: v.retry_after) if refused else None)
