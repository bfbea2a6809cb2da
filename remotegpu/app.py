"""The Starlette application: /graphql (GraphiQL on GET), /healthz, /readyz, /metrics and the
host agents' /agent/v1/heartbeat."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from uuid import uuid4

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.types.unset import UNSET, UnsetType

from remotegpu import __version__
from remotegpu.agent_routes import HEARTBEAT_ROUTE, AgentRoutes
from remotegpu.api import build_schema
from remotegpu.auth.middleware import AuthMiddleware
from remotegpu.auth.passwords import warm_up
from remotegpu.auth.viewer import ANONYMOUS
from remotegpu.compiled.fast import FastPath
from remotegpu.context import Context
from remotegpu.cors import cors_middleware
from remotegpu.db.engine import create_engine, create_session_factory
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.events.hub import EventHub
from remotegpu.events.listener import EventListener
from remotegpu.events.websocket_auth import LIVE_SCOPE_KEY, authenticate_socket, register_socket
from remotegpu.graphiql.assets import local_assets_present
from remotegpu.graphiql.page import graphiql_html, graphiql_routes
from remotegpu.graphql_view import HardenedGraphQLView
from remotegpu.observability import tracing
from remotegpu.observability.metrics import mark_this_process_dead, metrics_endpoint
from remotegpu.observability.request_id import RequestIdMiddleware
from remotegpu.observability.sql import observe_engine
from remotegpu.persisted_documents import PersistedDocuments
from remotegpu.ratelimit import RateLimiter, RateLimitMiddleware
from remotegpu.settings import Settings, get_settings


class GraphQLApp(HardenedGraphQLView):
    """Strawberry's ASGI view (with body, size and time limits), our typed context."""

    def __init__(
        self, settings: Settings, sessions: async_sessionmaker[AsyncSession], hub: EventHub
    ) -> None:
        super().__init__(
            build_schema(settings),
            settings,
            graphql_ide="graphiql",
            allow_queries_via_get=False,
            max_subscriptions_per_connection=settings.subscriptions_per_connection,
        )
        self.sessions = sessions
        self.hub = hub
        self.documents = (
            None
            if settings.persisted_documents is None
            else PersistedDocuments.load(
                settings.persisted_documents, trusted_only=settings.trusted_documents_only
            )
        )
        # Our page (served files, example documents) instead of Strawberry's CDN-only one.
        self.ide_html = graphiql_html(local_assets_present())

    def parse_json(self, data: str | bytes) -> Any:
        payload = super().parse_json(data)
        if self.documents is not None:
            self.documents.resolve(payload)  # a hash becomes its document; may refuse
        return payload

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            live = scope.pop(LIVE_SCOPE_KEY, None)  # a subscription socket has ended
            if live is not None:
                self.hub.close_connection(live)

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        viewer = await authenticate_socket(
            context.connection_params, context.viewer, self.sessions, self.settings
        )
        assert isinstance(context.request, WebSocket)
        context.live = register_socket(self.hub, viewer, context.request)
        context.viewer = viewer
        context.__dict__.pop("loaders", None)  # any built so far were the header viewer's
        acknowledged: UnsetType = UNSET  # a plain connection_ack
        return acknowledged

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(self.ide_html)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        return Context(
            settings=self.settings,
            sessions=self.sessions,
            request=request,
            response=response,
            viewer=getattr(request.state, "viewer", ANONYMOUS),
            hub=self.hub,
            # Set by RequestIdMiddleware; a view mounted without it still gets a fresh id.
            request_id=getattr(request.state, "request_id", None) or uuid4().hex,
        )


async def healthz(_: Request) -> Response:
    """Liveness: the process answers. Never touches the database."""
    return JSONResponse({"status": "ok", "version": __version__})


def create_app(settings: Settings, database_url: str) -> Starlette:
    engine: AsyncEngine = create_engine(database_url, settings)
    observe_engine(engine, pool_limit=settings.db_pool_size + settings.db_max_overflow)
    sessions = create_session_factory(engine)
    hub = EventHub(
        queue_size=settings.subscription_queue_size,
        connections_per_viewer=settings.subscription_connections_per_viewer,
    )
    listener = EventListener(
        asyncpg_dsn(database_url), hub, catch_up_limit=settings.subscription_catch_up_limit
    )

    async def readyz(_: Request) -> Response:
        """Readiness: the database answers `SELECT 1`; 503 otherwise."""
        try:
            async with engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception:  # any failure to reach the database means "not ready"
            return JSONResponse({"status": "unavailable", "database": "down"}, status_code=503)
        return JSONResponse({"status": "ready", "database": "up"})

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        # The dummy hash that unknown logins are checked against: made now, so the first
        # unknown login costs what every later one does (no timing tell, no slow first login).
        await asyncio.to_thread(warm_up)
        # Listening before the process reports ready: a subscriber never misses an event
        # committed after its subscription was acknowledged.
        await listener.start(wait_seconds=settings.db_connect_timeout_seconds)
        yield
        await agents.close()
        if fast is not None:
            await fast.close()
        await listener.stop()
        await hub.aclose()
        await engine.dispose()
        mark_this_process_dead(settings)

    limiter = RateLimiter(settings)
    view = GraphQLApp(settings, sessions, hub)
    # Documents the compiled path answered are answered again without strawberry. Not while
    # tracing: its spans come from strawberry's and SQLAlchemy's instrumentation.
    fast = None
    if settings.fast_path and settings.compiled_reads and not settings.tracing:
        fast = FastPath(view.schema._schema, settings, engine, sessions, database_url)  # type: ignore[attr-defined]
        view.fast_path = fast
    # Host agents: a plain route beside /graphql (authenticates and counts by itself).
    agents = AgentRoutes(settings, database_url, sessions, limiter)
    # /graphql counts in the agents' groups, on their asyncpg pool: one counting statement in
    # flight per worker for both paths, none of SQLAlchemy's per-statement CPU.
    limited = RateLimitMiddleware(view, agents.limits, settings)
    # One credential cache per worker, the agents' and /graphql's (auth/token_cache.py).
    graphql = AuthMiddleware(limited, sessions, settings, agents.token_cache)
    # Every /graphql request uses the worker's asyncpg pool and credential listener. An app run
    # without its lifespan (in-process tests) is ended by disposing its engine: they go too.
    event.listen(engine.sync_engine, "engine_disposed", lambda _: agents.terminate())
    if fast is not None:
        event.listen(engine.sync_engine, "engine_disposed", lambda _: fast.terminate())
    routes: list[Any] = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        *graphiql_routes(),
        Route(HEARTBEAT_ROUTE, agents.heartbeat, methods=["POST"]),
    ]
    if settings.metrics:
        routes.append(Route("/metrics", lambda _: metrics_endpoint(settings), methods=["GET"]))
    # Outermost: the request id is set before anything else can log.
    middleware = [Middleware(RequestIdMiddleware)]
    if settings.tracing:
        middleware.append(tracing.tracing_middleware(engine, tracing.tracer_provider(settings)))
    middleware += cors_middleware(settings)
    app = Starlette(routes=routes, lifespan=lifespan, middleware=middleware)
    app.state.engine = engine
    app.state.settings = settings
    app.state.rate_limiter = limiter
    app.state.agent_routes = agents
    app.state.fast_path = fast  # None when off; tests read its counters
    app.state.event_hub = hub
    app.state.event_listener = listener
    return app


def create_app_from_environment() -> Starlette:
    """Factory for uvicorn workers: the parent process has put DATABASE_URL in the environment."""
    settings = get_settings()
    if not settings.database_url:
        raise RuntimeError("DATABASE_URL must be set for server workers")
    return create_app(settings, settings.database_url)
