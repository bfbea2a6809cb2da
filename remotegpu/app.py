"""The Starlette application: /graphql (GraphiQL on GET), /healthz and /readyz."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from remotegpu import __version__
from remotegpu.api import build_schema
from remotegpu.auth.middleware import AuthMiddleware
from remotegpu.auth.viewer import ANONYMOUS
from remotegpu.context import Context
from remotegpu.db.engine import create_engine, create_session_factory
from remotegpu.ratelimit import RateLimitMiddleware
from remotegpu.settings import Settings, get_settings


class GraphQLApp(GraphQL[Context, None]):
    """Strawberry's ASGI view, with our typed per-request context."""

    def __init__(self, settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> None:
        super().__init__(
            build_schema(settings), graphql_ide="graphiql", allow_queries_via_get=False
        )
        self.settings = settings
        self.sessions = sessions

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        return Context(
            settings=self.settings,
            sessions=self.sessions,
            request=request,
            response=response,
            viewer=getattr(request.state, "viewer", ANONYMOUS),
        )


async def healthz(_: Request) -> Response:
    """Liveness: the process answers. Never touches the database."""
    return JSONResponse({"status": "ok", "version": __version__})


def create_app(settings: Settings, database_url: str) -> Starlette:
    engine: AsyncEngine = create_engine(database_url, settings)
    sessions = create_session_factory(engine)

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
        yield
        await engine.dispose()

    limited = RateLimitMiddleware(GraphQLApp(settings, sessions), engine, settings)
    graphql = AuthMiddleware(limited, sessions, settings)
    routes: list[Any] = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.engine = engine
    app.state.settings = settings
    app.state.rate_limiter = limited.limiter
    return app


def create_app_from_environment() -> Starlette:
    """Factory for uvicorn workers: the parent process has put DATABASE_URL in the environment."""
    settings = get_settings()
    if not settings.database_url:
        raise RuntimeError("DATABASE_URL must be set for server workers")
    return create_app(settings, settings.database_url)
