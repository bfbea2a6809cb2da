"""A GraphQL subscription client over a real WebSocket (the `websockets` library), speaking
graphql-transport-ws or the older graphql-ws, for tests and the bench."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

TRANSPORT_WS = "graphql-transport-ws"
LEGACY_WS = "graphql-ws"
_START = {TRANSPORT_WS: "subscribe", LEGACY_WS: "start"}
_DATA = {TRANSPORT_WS: "next", LEGACY_WS: "data"}


class SocketClosed(Exception):
    def __init__(self, code: int | None, reason: str) -> None:
        super().__init__(f"socket closed with {code}: {reason}")
        self.code, self.reason = code, reason


@dataclass
class LiveSocket:
    """One socket: `subscribe` operations, then read what the server sends."""

    ws: ClientConnection
    protocol: str
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    async def subscribe(self, document: str, variables: dict[str, Any] | None = None) -> str:
        op_id = str(next(self._ids))
        message = {"query": document, "variables": variables or {}}
        await self.ws.send(
            json.dumps({"id": op_id, "type": _START[self.protocol], "payload": message})
        )
        return op_id

    async def receive(self, within: float = 5.0) -> dict[str, Any]:
        """The next message that is not a keep-alive; SocketClosed when the server closed."""
        while True:
            try:
                async with asyncio.timeout(within):
                    raw = await self.ws.recv()
            except ConnectionClosed as closed:
                frame = closed.rcvd
                raise SocketClosed(
                    frame.code if frame else None, frame.reason if frame else ""
                ) from None
            message: dict[str, Any] = json.loads(raw)
            if message.get("type") not in ("ka", "ping", "pong"):
                return message

    async def next_data(self, within: float = 5.0) -> tuple[str, dict[str, Any]]:
        """(operation id, data) of the next result; fails on anything else."""
        message = await self.receive(within)
        assert message["type"] == _DATA[self.protocol], message
        payload = message["payload"]
        assert "errors" not in payload, payload
        return message["id"], payload["data"]

    async def drain(self, quiet: float) -> list[dict[str, Any]]:
        """Every message that arrives until none has for `quiet` seconds."""
        got = []
        while True:
            try:
                got.append(await self.receive(quiet))
            except TimeoutError:
                return got

    def stop_reading(self) -> None:
        """Read nothing more from the socket (a stalled client) until `closed_code`."""
        self.ws.transport.pause_reading()

    async def closed_code(self, within: float = 10.0) -> int | None:
        """Wait for the server to close the socket; its close code."""
        if not self.ws.transport.is_reading():
            self.ws.transport.resume_reading()
        try:
            async with asyncio.timeout(within):
                while True:
                    await self.ws.recv()
        except ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd else None


@asynccontextmanager
async def live_socket(
    base_url: str,
    token: str | None,
    *,
    protocol: str = TRANSPORT_WS,
    max_queue: int | None = 16,
    **connect_options: Any,
) -> AsyncIterator[LiveSocket]:
    """A socket to `<base_url>/graphql`, initialised with `{authorization: Bearer token}`;
    raises SocketClosed when the server refuses the connection_init."""
    url = base_url.replace("http://", "ws://") + "/graphql"
    async with connect(
        url,
        subprotocols=[protocol],
        max_queue=max_queue,
        **connect_options,  # type: ignore[list-item]
    ) as ws:
        init: dict[str, Any] = {"type": "connection_init"}
        if token is not None:
            init["payload"] = {"authorization": f"Bearer {token}"}
        await ws.send(json.dumps(init))
        socket = LiveSocket(ws, protocol)
        ack = await socket.receive()
        if ack["type"] != "connection_ack":
            raise SocketClosed(None, json.dumps(ack))
        yield socket
