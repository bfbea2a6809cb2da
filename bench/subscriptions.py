"""GraphQL subscriptions under load: many WebSocket subscribers, one burst of events.

    .venv/bin/python bench/subscriptions.py --subscribers 500 --events 200

Creates a new database on the embedded server in .remotegpu/bench-pgdata (dropped at the end
unless --keep), migrates it and inserts a host, --viewers customers and --events environments
(owned round-robin by the customers). `remotegpu serve` starts with one worker and no job
worker. --subscribers WebSockets (graphql-transport-ws), spread evenly over the customers,
each run `environmentsUpdated { rowId status }`. Then --events environment.started events are
committed back to back (--per-transaction per commit, through the domain's `emit`), and every
subscriber must receive each event of its customer's environments.

Reported: delivery latency p50/p99/max from each event's commit to its receipt by a
subscriber, deliveries/s, the server's RSS before the sockets opened, with them open, and after
the burst, and the server's CPU time for the burst. The load generator (this process: every
socket, JSON decoding) shares the machine with the server: on a busy machine it dominates the
latency, so compare runs side by side.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
import httpx
import psutil
from heartbeats import cpu_seconds
from mutations import prepare, wait_ready  # bench/ is on sys.path when this file runs
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Subprotocol

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from remotegpu.auth.tokens import create_access_token  # noqa: E402
from remotegpu.db.engine import create_engine, create_session_factory, transaction  # noqa: E402
from remotegpu.db.urls import asyncpg_dsn  # noqa: E402
from remotegpu.domain.events import EventType, emit  # noqa: E402
from remotegpu.settings import Settings  # noqa: E402

SUBSCRIBE = "subscription { environmentsUpdated { rowId status } }"
GIB = 1024**3


async def build(url: str, viewers: int, events: int) -> tuple[list[int], dict[str, int]]:
    """Customers and their environments: (customer ids, environment id -> owner)."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        async with conn.transaction():
            await conn.execute(
                "INSERT INTO hosts (id, name, hostname, ip_address, os_type, deployment_mode,"
                " status, health_status, total_cpu, total_memory, total_gpu, used_cpu,"
                " used_memory, used_disk, used_gpu) VALUES ('bench-host', 'bench-host',"
                " 'bench-host', '10.0.0.1', 'linux', 'traditional', 'online', 'healthy',"
                " 128, $1, 0, 0, 0, 0, 0)",
                512 * GIB,
            )
            customers = [
                r["id"]
                for r in await conn.fetch(
                    "INSERT INTO customers (username, email, password_hash, user_type, status)"
                    " SELECT 'bench-' || g, 'bench-' || g || '@example.com', 'x', 'external',"
                    " 'active' FROM generate_series(1, $1) AS g RETURNING id",
                    viewers,
                )
            ]
            owners = {}
            for i in range(events):
                env_id = f"env-bench-{i:05d}"
                owner = customers[i % len(customers)]
                owners[env_id] = owner
                await conn.execute(
                    "INSERT INTO environments (id, user_id, host_id, name, image, cpu, memory,"
                    " status) VALUES ($1, $2, 'bench-host', $1, 'bench', 1, $3, 'running')",
                    env_id,
                    owner,
                    GIB,
                )
        return customers, owners
    finally:
        await conn.close()


def rss_mib(pid: int) -> float:
    """Resident memory of the server process and its children, in MiB."""
    process = psutil.Process(pid)
    total = process.memory_info().rss
    total += sum(child.memory_info().rss for child in process.children(recursive=True))
    return total / 2**20


class Subscriber:
    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.received: list[tuple[str, float]] = []  # (environment id, receipt time)

    async def read(self, expected: int) -> None:
        while len(self.received) < expected:
            message = json.loads(await self.ws.recv())
            if message["type"] == "next":
                env_id = message["payload"]["data"]["environmentsUpdated"]["rowId"]
                self.received.append((env_id, time.perf_counter()))


async def open_subscriber(base: str, token: str) -> Subscriber:
    ws = await connect(
        base.replace("http://", "ws://") + "/graphql",
        subprotocols=[Subprotocol("graphql-transport-ws")],
        max_queue=None,
    )
    await ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": token}}))
    ack = json.loads(await ws.recv())
    if ack["type"] != "connection_ack":
        raise RuntimeError(f"refused: {ack}")
    await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}}))
    return Subscriber(ws)


async def burst(url: str, owners: dict[str, int], per_transaction: int) -> dict[str, float]:
    """environment.started for every environment; each one's commit time."""
    engine = create_engine(url, Settings())
    sessions = create_session_factory(engine)
    committed: dict[str, float] = {}
    ids = list(owners)
    try:
        for start in range(0, len(ids), per_transaction):
            chunk = ids[start : start + per_transaction]
            async with transaction(sessions) as session:
                for env_id in chunk:
                    await emit(
                        session,
                        EventType.ENVIRONMENT_STARTED,
                        customer_id=owners[env_id],
                        resource_type="environment",
                        resource_id=env_id,
                        payload={"id": env_id, "status": "running"},
                    )
            now = time.perf_counter()
            committed.update(dict.fromkeys(chunk, now))
    finally:
        await engine.dispose()
    return committed


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=500)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--viewers", type=int, default=1, help="customers the sockets belong to")
    parser.add_argument("--per-transaction", type=int, default=1, help="events per commit")
    parser.add_argument("--port", type=int, default=8771)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()

    url, admin_url, name = await prepare(f"remotegpu_bench_subscriptions_{int(time.time())}")
    customers, owners = await build(url, args.viewers, args.events)
    env = {**os.environ, "DATABASE_URL": url, "REMOTEGPU_LOG_LEVEL": "warning",
           "REMOTEGPU_RUN_WORKER": "false", "REMOTEGPU_DB_POOL_SIZE": "20",
           "REMOTEGPU_SUBSCRIPTION_CONNECTIONS_PER_VIEWER": str(args.subscribers),
           "REMOTEGPU_SUBSCRIPTION_QUEUE_SIZE": str(args.events + 10),
           "REMOTEGPU_RATE_LIMIT_ENABLED": "false"}  # fmt: skip
    server = subprocess.Popen(  # noqa: ASYNC220  # started once, before any load
        [sys.executable, "-m", "remotegpu", "serve", "--port", str(args.port), "--workers", "1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{args.port}"
    settings = Settings()
    tokens = {c: "Bearer " + create_access_token(settings, c).token for c in customers}
    try:
        async with httpx.AsyncClient(base_url=base) as client:
            await wait_ready(client, server)
        rss_idle = rss_mib(server.pid)
        subscribers: list[tuple[int, Subscriber]] = []
        for i in range(args.subscribers):
            owner = customers[i % len(customers)]
            subscribers.append((owner, await open_subscriber(base, tokens[owner])))
        await asyncio.sleep(1.0)  # every subscription registered
        rss_open = rss_mib(server.pid)
        per_owner = {c: sum(1 for o in owners.values() if o == c) for c in customers}
        readers = [asyncio.create_task(sub.read(per_owner[owner])) for owner, sub in subscribers]
        cpu_before = cpu_seconds(server.pid)
        started = time.perf_counter()
        committed = await burst(url, owners, args.per_transaction)
        await asyncio.wait_for(asyncio.gather(*readers), timeout=600)
        elapsed = time.perf_counter() - started
        burst_cpu = cpu_seconds(server.pid) - cpu_before
        rss_after = rss_mib(server.pid)
        for _, sub in subscribers:
            await sub.ws.close()
    finally:
        server.terminate()
        server.wait(timeout=30)

    latencies = sorted(
        (at - committed[env_id]) * 1000 for _, sub in subscribers for env_id, at in sub.received
    )
    q = statistics.quantiles(latencies, n=100)
    print(f"\nsubscribers={args.subscribers} viewers={args.viewers} events={args.events} "
          f"per_transaction={args.per_transaction} workers=1 machine={platform.machine()} "
          f"cpus={os.cpu_count()} load={os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"deliveries: {len(latencies)} in {elapsed:.2f} s = {len(latencies) / elapsed:.0f}/s")
    print(f"latency commit -> receipt: p50 {q[49]:.1f} ms  p99 {q[98]:.1f} ms  "
          f"max {latencies[-1]:.1f} ms")  # fmt: skip
    print(f"server RSS: {rss_idle:.1f} MiB before sockets, {rss_open:.1f} MiB with "
          f"{args.subscribers} open, {rss_after:.1f} MiB after the burst")  # fmt: skip
    print(f"server CPU for the burst: {burst_cpu:.1f} s")
    if not args.keep:
        admin_conn = await asyncpg.connect(asyncpg_dsn(admin_url))
        try:
            await admin_conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin_conn.close()


if __name__ == "__main__":
    asyncio.run(main())
