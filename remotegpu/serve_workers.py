"""Several uvicorn worker processes, each listening on a socket of its own (SO_REUSEPORT).

uvicorn's `--workers N` binds one listening socket in the supervisor and hands it to every
worker; a worker's event loop (libuv under uvloop) accepts every pending connection each time
it wakes. Connections opened together, as a proxy, a load balancer or a benchmark opens its
keep-alive pool, therefore all land on whichever worker woke first, and stay there: measured
with bench/mutations.py (32 clients, `--workers 2`), all 32 connections were on one worker,
which was saturated while the other idled.

With SO_REUSEPORT each worker listens on its own socket bound to the same address, and the
kernel spreads new connections over them (by a hash of the connection's addresses). The
supervisor stays uvicorn's (start, restart of a dead worker, signals): it is handed a socket
that each worker, when it unpickles it, replaces by a fresh one of its own in the group. The
supervisor's socket is bound (so a port in use fails at start, in the supervisor) but never
listens, so the kernel gives it no connection.
"""

from __future__ import annotations

import logging
import socket
import sys
from typing import Any

import uvicorn
from uvicorn.supervisors import Multiprocess


def _reuse_port_socket(family: int, address: Any) -> socket.socket:
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    return sock


def _own_listener(family: int, address: Any) -> socket.socket:
    """Called in a worker process when it receives the supervisor's socket: a socket of its
    own in the same SO_REUSEPORT group (uvicorn's startup makes it listen)."""
    return _reuse_port_socket(family, address)


class ReusePortSocket(socket.socket):
    """A bound SO_REUSEPORT socket that a spawned worker receives as a new socket of its own
    on the same address (see the module's docstring), not as a copy of this one."""

    def __reduce__(self) -> tuple[Any, tuple[int, Any]]:
        return _own_listener, (self.family, self.getsockname())


def reuse_port_socket(host: str, port: int) -> ReusePortSocket:
    family, _, _, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    plain = _reuse_port_socket(family, address)
    return ReusePortSocket(family, socket.SOCK_STREAM, fileno=plain.detach())


def run_workers(app: str, **options: Any) -> None:
    """uvicorn.run(app, workers=N, ...) for N > 1 (`app` an import string), with one listening
    socket per worker."""
    config = uvicorn.Config(app, **options)
    assert config.workers > 1, "one worker needs no SO_REUSEPORT group: use uvicorn.run"
    try:
        sock = reuse_port_socket(config.host, config.port)
    except OSError as exc:  # the port is taken: one line, as uvicorn's own bind says it
        logging.getLogger("uvicorn.error").error(exc)
        sys.exit(1)
    Multiprocess(config, sockets=[sock]).run()
