"""The per-request context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import uuid4

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from remotegpu.settings import Settings


@dataclass
class Context:
    """Built fresh for every request: nothing here outlives it."""

    settings: Settings
    sessions: async_sessionmaker[AsyncSession]
    request: Request | WebSocket
    response: Response | WebSocket | None = None
    request_id: str = field(default_factory=lambda: uuid4().hex)
