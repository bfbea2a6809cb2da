"""The request id: taken from a valid `X-Request-ID` header or made, returned, and logged.

It lives in a context variable for the duration of one HTTP request (or WebSocket connection),
so every log line written while serving it carries it without being handed the id.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from uuid import uuid4

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADER = "X-Request-ID"
# Ids travel into logs and response headers: short, and only characters that need no quoting
# (a proxy's UUID, a trace id, a ULID all fit). Anything else is replaced, not trusted.
_VALID = re.compile(r"[A-Za-z0-9._:\-]{1,128}")

current_request_id: ContextVar[str | None] = ContextVar("remotegpu_request_id", default=None)


def accepted_request_id(incoming: str | None) -> str:
    """The caller's id when it is safe to log and echo; otherwise a fresh one."""
    if incoming is not None and _VALID.fullmatch(incoming):
        return incoming
    return uuid4().hex


class RequestIdMiddleware:
    """Pure ASGI (no body buffering): sets the id, stores it on the scope, echoes it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        incoming = None
        for name, value in scope.get("headers", ()):
            if name == b"x-request-id":
                incoming = value.decode("latin-1")
                break
        request_id = accepted_request_id(incoming)
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)[HEADER] = request_id
            await send(message)

        token = current_request_id.set(request_id)
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            current_request_id.reset(token)
