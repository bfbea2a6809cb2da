"""The per-request context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from uuid import uuid4

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from remotegpu.auth.viewer import ANONYMOUS, Viewer
from remotegpu.events.hub import EventHub, LiveConnection
from remotegpu.loaders.base import LoaderEnv
from remotegpu.loaders.registry import Loaders
from remotegpu.settings import Settings


@dataclass
class Context:
    """Built fresh for every request: nothing here (loader caches included) outlives it."""

    settings: Settings
    sessions: async_sessionmaker[AsyncSession]
    request: Request | WebSocket
    response: Response | WebSocket | None = None
    viewer: Viewer = ANONYMOUS
    request_id: str = field(default_factory=lambda: uuid4().hex)
    # Set before execution by the cost limiter (remotegpu.schema.cost); None until then.
    query_cost: int | None = None
    # Subscriptions (WebSocket only): the process's event hub, the `connection_init` payload
    # strawberry stores here, and this socket's registration with the hub once authenticated.
    hub: EventHub | None = None
    connection_params: dict[str, object] | None = None
    live: LiveConnection | None = None

    @cached_property
    def loaders(self) -> Loaders:
        return Loaders(LoaderEnv(self.sessions, self.viewer, self.settings))

    @property
    def env(self) -> LoaderEnv:
        return self.loaders.env
