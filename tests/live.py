"""A real API server in its own process, for tests that need truly parallel HTTP requests."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from remotegpu.auth.tokens import create_access_token
from remotegpu.settings import Settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def bearer(customer_id: int, settings: Settings | None = None) -> dict[str, str]:
    """Headers of a logged-in customer (a real JWT the server verifies)."""
    token = create_access_token(settings or Settings(), customer_id).token
    return {"Authorization": f"Bearer {token}"}


@asynccontextmanager
async def live_server(
    database_url: str, *, workers: int = 1, **settings: str
) -> AsyncIterator[httpx.AsyncClient]:
    """uvicorn serving the app on loopback; yields a client with a large connection pool."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REMOTEGPU_DB_POOL_SIZE": "20",
        "REMOTEGPU_DB_MAX_OVERFLOW": "40",
        "REMOTEGPU_LOG_LEVEL": "warning",
        **{f"REMOTEGPU_{k.upper()}": v for k, v in settings.items()},
    }
    # A file, not a pipe: a full pipe would block the server mid-test.
    log = tempfile.TemporaryFile()  # noqa: SIM115  # closed in the finally below
    proc = subprocess.Popen(  # noqa: ASYNC220  # started once; the test then awaits HTTP
        [sys.executable, "-m", "remotegpu", "serve", "--port", str(port),
         "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )  # fmt: skip
    # Idle connections expire before uvicorn's 5 s keep-alive closes them under our feet.
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200, keepalive_expiry=1)
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
            # Generous: on a loaded 2-core machine two workers can take 20 s to import and start.
            for _ in range(1200):
                if proc.poll() is not None:
                    log.seek(0)
                    raise RuntimeError(
                        f"server exited: {log.read()[-4000:].decode(errors='replace')}"
                    )
                try:
                    if (await client.get("/readyz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.05)
            else:
                raise RuntimeError("server did not become ready")
            yield client
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


async def gql_http(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, object] | None = None,
    headers: dict[str, str] | None = None,
) -> dict[str, object]:
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=headers or {}
    )
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body
