"""A webhook endpoint in the test process: HTTPS on 127.0.0.1 with a certificate for
`localhost` from a throwaway CA (trustme), served by uvicorn. It records every request and
answers the scripted status codes in turn (200 once they run out), or hangs when told to, or
holds every answer until a number of requests have come in (requests in flight together)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import trustme
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

HANG_SECONDS = 30  # longer than any read timeout of the tests; released at teardown


@dataclass(frozen=True)
class Received:
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    url: str  # https://localhost:<port>/hook
    ca_file: Path  # the CA that signed its certificate
    requests: list[Received] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    hang: bool = False
    gate: int = 0  # when set, no answer goes out before this many requests have come in
    answer: str = "thanks"
    release: asyncio.Event = field(default_factory=asyncio.Event)
    gate_open: asyncio.Event = field(default_factory=asyncio.Event)

    async def handle(self, request: Request) -> PlainTextResponse:
        self.requests.append(Received(dict(request.headers), await request.body()))
        if len(self.requests) >= self.gate:
            self.gate_open.set()
        await asyncio.wait_for(self.gate_open.wait(), HANG_SECONDS)
        if self.hang:
            with suppress(TimeoutError):
                await asyncio.wait_for(self.release.wait(), HANG_SECONDS)
        status = self.statuses.pop(0) if self.statuses else 200
        return PlainTextResponse(self.answer, status_code=status)


@asynccontextmanager
async def running_receiver(directory: Path) -> AsyncIterator[Receiver]:
    ca = trustme.CA()
    ca_file, key_file = directory / "ca.pem", directory / "server.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    ca.issue_cert("localhost").private_key_and_cert_chain_pem.write_to_path(str(key_file))

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    receiver = Receiver(url=f"https://localhost:{port}/hook", ca_file=ca_file)
    app = Starlette(routes=[Route("/hook", receiver.handle, methods=["POST"])])
    config = uvicorn.Config(
        app,
        ssl_certfile=str(key_file),
        ssl_keyfile=str(key_file),
        log_level="warning",
        lifespan="off",
        timeout_graceful_shutdown=1,
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        assert not task.done(), "the receiver did not start"
        await asyncio.sleep(0.01)
    try:
        yield receiver
    finally:
        receiver.release.set()
        server.should_exit = True
        await asyncio.wait_for(task, timeout=10)
        sock.close()
