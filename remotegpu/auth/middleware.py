"""The Starlette auth layer: `Authorization: Bearer` -> a Viewer on the request state.

A request with bad credentials is refused here with HTTP 401, before GraphQL runs; a request
without credentials continues as ANONYMOUS (public fields still answer).
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Receive, Scope, Send

from remotegpu.auth.authenticate import (
    AuthenticationError,
    unauthenticated_response,
    viewer_from_request,
)
from remotegpu.auth.token_cache import CredentialCache
from remotegpu.settings import Settings


class AuthMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        sessions: async_sessionmaker[AsyncSession],
        settings: Settings,
        cache: CredentialCache | None = None,
    ) -> None:
        self.app, self.sessions, self.settings = app, sessions, settings
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        if self.cache is not None:
            self.cache.start()  # listens from the first request, in the worker's own loop
        connection = HTTPConnection(scope)
        try:
            viewer = await viewer_from_request(connection, self.sessions, self.settings, self.cache)
        except AuthenticationError as exc:
            if scope["type"] == "http":
                await unauthenticated_response(exc.message)(scope, receive, send)
            else:
                await send({"type": "websocket.close", "code": 4401})
            return
        scope.setdefault("state", {})["viewer"] = viewer
        await self.app(scope, receive, send)
