"""Plain HTTP routes for host agents: `POST /agent/v1/heartbeat`.

A heartbeat through /graphql costs ~4 ms of API CPU, most of it strawberry's HTTP view and
graphql-core execution around a one-field mutation, plus SQLAlchemy around three short
statements; agents send one every few seconds per host. This route keeps every promise of
`hostHeartbeat` (the same token checks, rate-limit counters, domain rules, typed error codes,
audit rows of state changes and of refusals) without those layers: the body is one small JSON
object, and a steady heartbeat (nothing but the time changes) is three prepared statements on
a plain asyncpg pool: the token lookup (answered from a cache emptied by LISTEN/NOTIFY, see
auth/token_cache.py), the rate-limit count (one statement for all the requests waiting, see
agent_limits.py) and the UPDATE. Anything else goes through
`report_heartbeat`, the audited path `hostHeartbeat` runs.

Every answer is `{"host": {...} | null, "errors": [{"field", "code", "message"}]}` with an
HTTP status that matches the first error's code (404 NOT_FOUND, 403 FORBIDDEN, 401
UNAUTHENTICATED, 429 RATE_LIMITED, 400 BAD_REQUEST, ...). The request id, CORS and tracing
middleware of the app wrap this route as they wrap /graphql; each request adds one access
log line and its samples to `remotegpu_agent_requests_total` and its duration histogram.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC
from typing import Any

import asyncpg
import orjson
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import Response

from remotegpu.agent_limits import GroupedRateLimits
from remotegpu.auth.authenticate import (
    AuthenticationError,
    bearer_token,
    viewer_from_api_token_on,
    viewer_from_token,
)
from remotegpu.auth.token_cache import CredentialCache
from remotegpu.auth.tokens import is_api_token
from remotegpu.auth.viewer import Viewer
from remotegpu.db.raw import create_raw_pool
from remotegpu.domain.audit import RequestMeta, status_for
from remotegpu.domain.errors import DomainError
from remotegpu.domain.heartbeats import (
    HostState,
    record_steady_heartbeat,
    report_heartbeat,
)
from remotegpu.observability.metrics import AGENT_DURATION, AGENT_REQUESTS
from remotegpu.ratelimit import RateLimiter, Verdict, buckets_for
from remotegpu.schema.errors import client_path
from remotegpu.schema.node import to_global_id
from remotegpu.settings import Settings

log = logging.getLogger("remotegpu.agents")
access_log = logging.getLogger("remotegpu.access")

HEARTBEAT_ROUTE = "/agent/v1/heartbeat"
# The GraphQL enum values of HeartbeatHealthStatus, as agents already send them.
_HEALTH_VALUES = {"HEALTHY": "healthy", "DEGRADED": "degraded", "UNHEALTHY": "unhealthy"}
MAX_HOST_ID_LENGTH = 64  # hosts.id is VARCHAR(64)


class Refusal(Exception):
    """A request refused before the domain runs: its HTTP status, code and message."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = headers or {}


class AgentRoutes:
    """The agents' route handlers of one worker process, with their asyncpg pool."""

    def __init__(
        self,
        settings: Settings,
        database_url: str,
        sessions: async_sessionmaker[AsyncSession],
        limiter: RateLimiter,
    ) -> None:
        self.settings, self.database_url = settings, database_url
        self.sessions = sessions
        self.limits = GroupedRateLimits(limiter, self._connections)
        self._pool: asyncpg.Pool | None = None
        self._pool_lock = asyncio.Lock()
        size = settings.agent_token_cache_size
        self.token_cache = (
            CredentialCache(database_url, size, settings.db_connect_timeout_seconds)
            if size
            else None
        )

    async def close(self) -> None:
        if self.token_cache is not None:
            await self.token_cache.close()
        if self._pool is not None:
            await self._pool.close()
            self._pool = None

    def terminate(self) -> None:
        """`close` without waiting, for synchronous callers (the engine's disposal)."""
        if self.token_cache is not None:
            self.token_cache.stop()
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None

    async def _connections(self) -> asyncpg.Pool:
        # Made on first use, in the worker's own event loop (uvicorn forks before the loop).
        if self._pool is None:
            async with self._pool_lock:
                if self._pool is None:
                    if self.token_cache is not None:
                        self.token_cache.start()
                    self._pool = await create_raw_pool(
                        self.database_url, self.settings, self.settings.agent_db_pool_size
                    )
        return self._pool

    async def heartbeat(self, request: Request) -> Response:
        started = time.perf_counter()
        viewer: Viewer | None = None
        try:
            body = await self._body(request)
            token = _agent_token(request)
            # Each statement takes a connection of the pool only while it runs: no request
            # holds one while it waits for its rate-limit batch.
            pool = await self._connections()
            viewer = await self._viewer(pool, token)
            await self._count(request, viewer)
            host_id, health = _heartbeat_input(body)
            state = await record_steady_heartbeat(pool, viewer, host_id, health)
            if state is None:  # a state change, a refusal, or not the host's own agent
                beat = await report_heartbeat(
                    self.sessions, viewer, host_id, health, RequestMeta.from_request(request)
                )
                h = beat.host
                state = HostState(h.id, h.name, h.status, h.health_status, h.last_heartbeat)
            status, body_out, headers = 200, {"host": _host_json(state), "errors": []}, {}
        except Refusal as refused:
            status, headers = refused.status, refused.headers
            body_out = _errors(refused.code, refused.message)
        except DomainError as error:  # audited by report_heartbeat
            status = status_for(error.code)
            body_out, headers = _errors(error.code, error.message, client_path(error)), {}
        except Exception:  # a bug of ours or the database gone: nothing of it reaches the client
            log.exception("unexpected error while serving %s", HEARTBEAT_ROUTE)
            status, headers = 500, {}
            body_out = _errors("INTERNAL_SERVER_ERROR", "Internal server error.")
        self._observe(HEARTBEAT_ROUTE, status, viewer, started, body_out)
        return Response(
            orjson.dumps(body_out), status, headers=headers, media_type="application/json"
        )

    async def _body(self, request: Request) -> bytes:
        limit = self.settings.max_request_body_bytes
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _too_large(limit)
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                raise _too_large(limit)
        return body

    async def _viewer(self, pool: asyncpg.Pool, token: str) -> Viewer:
        try:
            if is_api_token(token):
                return await viewer_from_api_token_on(pool, token, self.token_cache)
            # An admin's session (JWT) may report too, as through hostHeartbeat.
            return await viewer_from_token(token, self.sessions, self.settings, self.token_cache)
        except AuthenticationError as exc:
            raise _unauthenticated(exc.message) from None

    async def _count(self, request: Request, viewer: Viewer) -> None:
        """The same buckets and counters as /graphql: an agent has one limit on both paths."""
        if not self.settings.rate_limit_enabled:
            return
        address = request.client.host if request.client else "unknown"
        verdict = await self.limits.check(buckets_for(self.settings, viewer, address, []))
        if verdict is not None:
            raise _rate_limited(verdict)

    def _observe(
        self,
        route: str,
        status: int,
        viewer: Viewer | None,
        started: float,
        body: dict[str, Any],
    ) -> None:
        duration = time.perf_counter() - started
        AGENT_REQUESTS.labels(route, str(status)).inc()
        AGENT_DURATION.labels(route).observe(duration)
        errors = body["errors"]
        access_log.info(
            "agent request",
            extra={
                "route": route,
                "status": status,
                "viewer_id": None if viewer is None else viewer.customer_id,
                "duration_ms": round(duration * 1000, 3),
                "outcome": errors[0]["code"] if errors else "ok",
            },
        )


def _agent_token(request: Request) -> str:
    try:
        token = bearer_token(request)
    except AuthenticationError as exc:
        raise _unauthenticated(exc.message) from None
    if token is None:
        raise _unauthenticated("send the host's agent token: 'Authorization: Bearer <token>'")
    return token


def _heartbeat_input(body: bytes) -> tuple[str, str]:
    """hostId and healthStatus of a body shaped like HostHeartbeatInput; 400 otherwise."""
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise _bad_request("The request body must be JSON.") from None
    if not isinstance(data, dict):
        raise _bad_request("The request body must be a JSON object.")
    unknown = sorted(set(data) - {"hostId", "healthStatus"})
    if unknown:
        raise _bad_request(f"Unknown fields: {', '.join(unknown)}.")
    host_id, health = data.get("hostId"), data.get("healthStatus")
    if not isinstance(host_id, str) or not 0 < len(host_id) <= MAX_HOST_ID_LENGTH:
        raise _bad_request(f"hostId must be a string of 1 to {MAX_HOST_ID_LENGTH} characters.")
    if not isinstance(health, str) or health not in _HEALTH_VALUES:
        raise _bad_request(f"healthStatus must be one of {', '.join(_HEALTH_VALUES)}.")
    return host_id, _HEALTH_VALUES[health]


def _host_json(state: HostState) -> dict[str, Any]:
    """The host as the payload's `host { id rowId name status healthStatus lastHeartbeat }`."""
    beat = state.last_heartbeat
    return {
        "id": to_global_id("Host", state.id),
        "rowId": state.id,
        "name": state.name,
        "status": None if state.status is None else state.status.upper(),
        "healthStatus": None if state.health_status is None else state.health_status.upper(),
        "lastHeartbeat": None if beat is None else beat.astimezone(UTC).isoformat(),
    }


def _errors(code: str, message: str, field: list[str] | None = None) -> dict[str, Any]:
    return {"host": None, "errors": [{"field": field, "code": code, "message": message}]}


def _unauthenticated(message: str) -> Refusal:
    challenge = {"WWW-Authenticate": 'Bearer error="invalid_token"'}
    return Refusal(401, "UNAUTHENTICATED", message, challenge)


def _rate_limited(verdict: Verdict) -> Refusal:
    seconds = verdict.retry_after
    message = f"Too many requests ({verdict.label}); retry in {seconds} s."
    return Refusal(429, "RATE_LIMITED", message, {"Retry-After": str(seconds)})


def _bad_request(message: str) -> Refusal:
    return Refusal(400, "BAD_REQUEST", message)


def _too_large(limit: int) -> Refusal:
    message = f"The request body is over the limit of {limit} bytes."
    return Refusal(413, "REQUEST_TOO_LARGE", message)
