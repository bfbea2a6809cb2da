"""`connection_init` of a subscription WebSocket: who is it, and may it open one more socket.

The payload `{"authorization": "Bearer <token>"}` takes the same access tokens and API tokens
as HTTP (an `Authorization` header on the upgrade request works too). Anonymous sockets,
invalid tokens and a viewer over `subscription_connections_per_viewer` are refused with
close code 4403 (graphql-transport-ws) or a `connection_error` (graphql-ws), with the reason
in the payload.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.websockets import WebSocket
from strawberry.exceptions import ConnectionRejectionError

from remotegpu.auth.authenticate import AuthenticationError, viewer_from_token
from remotegpu.auth.viewer import Viewer
from remotegpu.events.hub import EventHub, LiveConnection
from remotegpu.settings import Settings

# Where the socket's hub registration is kept in the ASGI scope, so the view can drop it
# when the socket ends (strawberry has no disconnect hook).
LIVE_SCOPE_KEY = "remotegpu.live_connection"


def _refuse(message: str) -> ConnectionRejectionError:
    return ConnectionRejectionError({"message": message, "code": "UNAUTHENTICATED"})


async def authenticate_socket(
    params: dict[str, object] | None,
    header_viewer: Viewer,
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> Viewer:
    """The viewer of a socket: the connection_init token, else the upgrade request's header."""
    presented = (params or {}).get("authorization", (params or {}).get("Authorization"))
    viewer = header_viewer
    if presented is not None:
        if not isinstance(presented, str):
            raise _refuse("`authorization` must be a string: 'Bearer <token>'")
        scheme, _, token = presented.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise _refuse("`authorization` must be 'Bearer <token>'")
        try:
            viewer = await viewer_from_token(token.strip(), sessions, settings)
        except AuthenticationError as error:
            raise _refuse(error.message) from None
    if not viewer.is_authenticated:
        raise _refuse("subscriptions need a token: send {authorization: 'Bearer <token>'}")
    return viewer


def register_socket(hub: EventHub, viewer: Viewer, websocket: WebSocket) -> LiveConnection:
    """Count the socket against its viewer's limit and register it with the hub."""
    live = hub.open_connection(viewer, lambda code, reason: websocket.close(code, reason))
    if live is None:
        raise ConnectionRejectionError(
            {
                "message": f"too many open subscription sockets for this viewer "
                f"(at most {hub.connections_per_viewer})",
                "code": "TOO_MANY_CONNECTIONS",
            }
        )
    websocket.scope[LIVE_SCOPE_KEY] = live
    return live
