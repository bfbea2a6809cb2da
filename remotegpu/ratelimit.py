"""Rate limits on GraphQL requests, counted in PostgreSQL so every worker and replica shares them.

Each POST /graphql is counted in up to four buckets: its viewer (the API token, else the
customer), its client address, and for `login` fields the address and the username again
with stricter limits. One statement per request upserts the current window of every bucket
(`INSERT ... ON CONFLICT DO UPDATE`, migration 20; each bucket's count spread over a few
shard rows so a burst from one address does not queue on one row lock) and sums the current
and previous windows in the same pass: the estimate `current + previous * (share of the
previous window still inside the sliding one)` is the usual sliding-window approximation,
without the double burst a fixed window allows at its edge. A request over a limit gets HTTP 429, a
`Retry-After` header and a GraphQL-shaped error (`extensions.code = RATE_LIMITED`); it still
counts, so hammering keeps a client out rather than letting every other attempt through.

The requests of one worker are counted in groups (agent_limits.py, on the worker's plain
asyncpg pool): those arriving while a count is in flight share the next statement, with the
verdicts one-by-one counting would give.

The check fails open: if the counters cannot be reached the request goes on (the database is
then failing the request anyway, and rate limiting must not turn a hiccup into an outage).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import math
import os
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import asyncpg
from graphql import (
    FieldNode,
    GraphQLError,
    ObjectValueNode,
    OperationDefinitionNode,
    OperationType,
    StringValueNode,
    VariableNode,
    parse,
)
from sqlalchemy import text
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from remotegpu.auth.viewer import Viewer
from remotegpu.db.raw import RawStatement
from remotegpu.settings import Settings

log = logging.getLogger("remotegpu.ratelimit")

# Buckets are sorted before the upsert so concurrent requests lock shared rows in one order.
# The SELECT reads the snapshot from before the INSERT: the sums hold the others' committed
# counts, to which this request's own weight is added.
_COUNT = text(
    """
WITH wanted AS (
    SELECT b.bucket, b.seconds, b.weight,
           to_timestamp(floor(extract(epoch FROM now()) / b.seconds) * b.seconds) AS window_start
    FROM unnest(CAST(:buckets AS text[]), CAST(:seconds AS int[]), CAST(:weights AS int[]))
         AS b(bucket, seconds, weight)
), counted AS (
    INSERT INTO rate_limit_windows AS w (bucket, window_start, shard, hits)
    SELECT bucket, window_start, :shard, weight FROM wanted ORDER BY bucket
    ON CONFLICT (bucket, window_start, shard) DO UPDATE SET hits = w.hits + EXCLUDED.hits
)
SELECT wanted.bucket,
       wanted.weight + COALESCE((
           SELECT sum(c.hits) FROM rate_limit_windows c
           WHERE c.bucket = wanted.bucket AND c.window_start = wanted.window_start), 0)::int
           AS hits,
       COALESCE((
           SELECT sum(p.hits) FROM rate_limit_windows p
           WHERE p.bucket = wanted.bucket
             AND p.window_start = wanted.window_start - make_interval(secs => wanted.seconds)),
           0)::int AS previous,
       extract(epoch FROM now() - wanted.window_start)::float8 AS elapsed
FROM wanted
"""
)
# Counters per bucket and window: a burst from one address spreads over this many row locks.
SHARDS = 8
# Old windows go in batches, skipping rows another replica is deleting at the same moment.
_PRUNE = text(
    """
DELETE FROM rate_limit_windows WHERE ctid = ANY(ARRAY(
    SELECT ctid FROM rate_limit_windows WHERE window_start < now() - make_interval(secs => :keep)
    LIMIT 10000 FOR UPDATE SKIP LOCKED))
"""
)
PRUNE_EVERY_SECONDS = 60.0
_COUNT_RAW, _PRUNE_RAW = RawStatement(_COUNT), RawStatement(_PRUNE)


@dataclass(frozen=True)
class Bucket:
    """One counter of a request: its key, limit per window, window length and weight."""

    key: str
    limit: int
    seconds: int
    label: str
    weight: int = 1


@dataclass(frozen=True)
class Verdict:
    """The first bucket over its limit, and how long until it admits a request again."""

    label: str
    retry_after: int


def buckets_for(
    settings: Settings, viewer: Viewer, address: str, login_names: list[str | None]
) -> list[Bucket]:
    """The buckets one request counts in; a limit of 0 switches that bucket off."""
    window, login_window = settings.rate_limit_window_seconds, settings.rate_limit_login_seconds
    found: list[Bucket] = []
    if viewer.is_authenticated:
        subject = (
            f"token:{viewer.token_id}" if viewer.token_id else f"customer:{viewer.customer_id}"
        )
        found.append(Bucket(f"op:{subject}", settings.rate_limit_viewer, window, "viewer"))
    found.append(Bucket(f"op:addr:{address}", settings.rate_limit_address, window, "address"))
    if login_names:
        found.append(
            Bucket(
                f"login:addr:{address}",
                settings.rate_limit_login_address,
                login_window,
                "login attempts from this address",
                weight=len(login_names),
            )
        )
        per_user: dict[str, int] = {}
        for name in login_names:
            if name is not None:
                digest = hashlib.sha256(name.strip().lower().encode()).hexdigest()[:32]
                per_user[digest] = per_user.get(digest, 0) + 1
        found += [
            Bucket(
                f"login:user:{digest}",
                settings.rate_limit_login_username,
                login_window,
                "login attempts for this username",
                weight=count,
            )
            for digest, count in sorted(per_user.items())
        ]
    return [b for b in found if b.limit > 0]


def judge(bucket: Bucket, hits: int, previous: int, elapsed: float) -> Verdict | None:
    """Sliding-window estimate of `bucket` from its current and previous window's counts
    (this request included); None when the request is within the limit."""
    seconds, limit = bucket.seconds, bucket.limit
    left = max(0.0, 1.0 - elapsed / seconds)
    if hits + previous * left <= limit:
        return None
    # When would the next request fit? The previous window's share fades linearly.
    if hits + 1 <= limit:
        wait = seconds * (1.0 - (limit - hits - 1) / previous) - elapsed
    else:  # only the next window helps, and there this window's count fades in turn
        wait = (seconds - elapsed) + max(0.0, seconds * (1.0 - (limit - 1) / hits))
    return Verdict(bucket.label, max(1, math.ceil(wait)))


class RateLimiter:
    """Counts requests in PostgreSQL on plain asyncpg; a prune now and then."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._next_prune = time.monotonic() + PRUNE_EVERY_SECONDS
        # Round robin from a per-process offset: processes do not all start on shard 0.
        self._shards = itertools.count(os.getpid())

    async def count_on(
        self, conn: asyncpg.Connection | asyncpg.Pool, buckets: list[Bucket]
    ) -> Sequence[Mapping[Any, Any]] | None:
        """Count `buckets` (distinct keys) and return their rows (bucket, hits, previous,
        elapsed); None when the counters cannot be reached (the caller lets requests through)."""
        if not buckets:
            return []
        try:
            rows = await conn.fetch(_COUNT_RAW.sql, *_COUNT_RAW.args(**self._params(buckets)))
            if self._prune_due():
                await conn.execute(_PRUNE_RAW.sql, *_PRUNE_RAW.args(keep=self._keep()))
        except Exception:  # fail open: see the module docstring
            log.warning("rate limit counters unavailable; request let through", exc_info=True)
            return None
        result: Sequence[Mapping[Any, Any]] = rows
        return result

    def _params(self, buckets: list[Bucket]) -> dict[str, Any]:
        return {
            "buckets": [b.key for b in buckets],
            "seconds": [b.seconds for b in buckets],
            "weights": [b.weight for b in buckets],
            "shard": next(self._shards) % SHARDS,
        }

    def _prune_due(self) -> bool:
        if time.monotonic() < self._next_prune:
            return False
        self._next_prune = time.monotonic() + PRUNE_EVERY_SECONDS
        return True

    def _keep(self) -> int:
        settings = self.settings
        return 2 * max(settings.rate_limit_window_seconds, settings.rate_limit_login_seconds)


def _verdict(buckets: list[Bucket], rows: Sequence[Mapping[Any, Any]]) -> Verdict | None:
    """The longest refusal among the counted buckets, or None when all admit the request."""
    by_key = {b.key: b for b in buckets}
    verdicts = [judge(by_key[r["bucket"]], r["hits"], r["previous"], r["elapsed"]) for r in rows]
    refused = [v for v in verdicts if v is not None]
    return max(refused, key=lambda v: v.retry_after) if refused else None


def login_names(body: bytes, max_tokens: int = 2_000) -> list[str | None]:
    """The `input.login` of every root `login` field of a GraphQL request body, None where it
    cannot be read; [] when the request logs in nowhere. Cheap when `login` is absent, and
    bounded like the GraphQL parser (`max_tokens`): a document too big to run is not parsed."""
    if b"login" not in body:
        return []
    try:
        payload = json.loads(body)
        document = parse(payload["query"], no_location=True, max_tokens=max_tokens)
    except (ValueError, TypeError, KeyError, GraphQLError, RecursionError):
        return []
    variables = payload.get("variables") if isinstance(payload, dict) else None
    variables = variables if isinstance(variables, dict) else {}
    return [_login_of(field, variables) for field in _root_login_fields(document.definitions)]


def _root_login_fields(definitions: Any) -> Iterator[FieldNode]:
    for definition in definitions:
        if (
            isinstance(definition, OperationDefinitionNode)
            and definition.operation == OperationType.MUTATION
        ):
            for selection in definition.selection_set.selections:
                if isinstance(selection, FieldNode) and selection.name.value == "login":
                    yield selection


def _login_of(field: FieldNode, variables: dict[str, Any]) -> str | None:
    arguments = field.arguments or ()
    argument = next((a.value for a in arguments if a.name.value == "input"), None)
    value: Any = None
    if isinstance(argument, VariableNode):
        given = variables.get(argument.name.value)
        value = given.get("login") if isinstance(given, dict) else None
    elif isinstance(argument, ObjectValueNode):
        node = next((f.value for f in argument.fields if f.name.value == "login"), None)
        if isinstance(node, StringValueNode):
            value = node.value
        elif isinstance(node, VariableNode):
            value = variables.get(node.name.value)
    return value if isinstance(value, str) else None


def too_many_requests(verdict: Verdict) -> JSONResponse:
    seconds = verdict.retry_after
    body = {
        "data": None,
        "errors": [
            {
                "message": f"Too many requests ({verdict.label}); retry in {seconds} s.",
                "extensions": {"code": "RATE_LIMITED", "retryAfter": seconds},
            }
        ],
    }
    return JSONResponse(body, status_code=429, headers={"Retry-After": str(seconds)})


class RequestCounter(Protocol):
    """Counts one request's buckets; the verdict, None when admitted (or counters unreachable)."""

    async def check(self, buckets: list[Bucket]) -> Verdict | None: ...


class RateLimitMiddleware:
    """Counts POST requests before the GraphQL app sees them; runs after authentication."""

    def __init__(self, app: ASGIApp, counter: RequestCounter, settings: Settings) -> None:
        self.app, self.counter, self.settings = app, counter, settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            not self.settings.rate_limit_enabled
            or scope["type"] != "http"
            or scope.get("method") != "POST"
        ):
            await self.app(scope, receive, send)
            return
        messages: list[Message] = []
        body = b""
        # The body is needed for `login`; it is replayed to the app below. Never past the
        # body cap: the GraphQL view refuses such a body (413) without reading the rest, and
        # a declared oversize body is not read here at all.
        limit = self.settings.max_request_body_bytes
        declared = Headers(scope=scope).get("content-length", "")
        oversize = declared.isdigit() and int(declared) > limit
        while not oversize:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            body += message.get("body", b"")
            if not message.get("more_body", False) or len(body) > limit:
                break
        if len(body) > limit:
            body = b""  # not parsed for logins: the view refuses it anyway
        viewer = scope.get("state", {}).get("viewer") or Viewer()
        client = scope.get("client")
        address = client[0] if client else "unknown"
        names = login_names(body, self.settings.max_tokens)
        buckets = buckets_for(self.settings, viewer, address, names)
        verdict = await self.counter.check(buckets)
        if verdict is not None:
            await too_many_requests(verdict)(scope, receive, send)
            return

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)
