"""`remotegpu serve --workers N`: each worker listens on a socket of its own, so connections
opened together are spread over the workers instead of all landing on one
(remotegpu/serve_workers.py). Linux only (/proc), like the server's SO_REUSEPORT group."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from tests.live import live_server

CONNECTIONS = 32
LISTEN, ESTABLISHED = "0A", "01"  # /proc/net/tcp states


def _server_sockets(port: int, state: str) -> set[int]:
    """Inodes of the IPv4 TCP sockets bound to `port` on this machine in `state`."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local_port = int(fields[1].rsplit(":", 1)[1], 16)
        if local_port == port and fields[3] == state:
            found.add(int(fields[9]))
    return found


def _owners(inodes: set[int]) -> dict[int, int]:
    """How many of the socket `inodes` each process holds."""
    wanted = {f"socket:[{inode}]" for inode in inodes}
    owners: dict[int, int] = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            links = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
        except OSError:  # not ours to read, or ended meanwhile
            continue
        held = sum(link in wanted for link in links)
        if held:
            owners[int(pid)] = held
    return owners


async def _listening(port: int, workers: int) -> set[int]:
    """The listening sockets on `port`, once there are `workers` (the server answered /readyz
    when its first worker was ready; on a busy machine the second may take seconds more)."""
    for _ in range(300):
        sockets = _server_sockets(port, LISTEN)
        if len(sockets) >= workers:
            break
        await asyncio.sleep(0.1)
    return sockets


async def _open_and_ask(port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"GET /healthz HTTP/1.1\r\nhost: test\r\n\r\n")
    await writer.drain()
    assert (await reader.readline()).startswith(b"HTTP/1.1 200"), "healthz answers"
    return reader, writer


async def test_serve_two_workers_connections_opened_together_reach_both_workers(
    migrated_url: str,
) -> None:
    async with live_server(migrated_url, workers=2) as client:
        port = client.base_url.port
        assert port is not None
        listening = await _listening(port, 2)
        connections = await asyncio.gather(*(_open_and_ask(port) for _ in range(CONNECTIONS)))
        try:
            listeners = _owners(listening)
            served = _owners(_server_sockets(port, ESTABLISHED))
        finally:
            for _, writer in connections:
                writer.close()
            await asyncio.gather(*(writer.wait_closed() for _, writer in connections))

    # uvicorn's own --workers shares one listening socket among the workers (and the
    # supervisor): one inode, held by three processes.
    assert len(listening) == 2, "a listening socket per worker"
    assert sorted(listeners.values()) == [1, 1], "each held by one process"
    # The server side of the 32 connections (the test's own client sides have other ports).
    assert sum(served.values()) >= CONNECTIONS
    assert set(served) == set(listeners), f"connections per worker: {served}"
