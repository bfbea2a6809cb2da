"""Load benchmark of what host agents send: heartbeats, then metric batches.

    .venv/bin/python bench/heartbeats.py --workers 2 --concurrency 16 --seconds 15

Creates a new database on the embedded server in .remotegpu/bench-pgdata (dropped at the end
unless --keep), migrates it and inserts with SQL --hosts online hosts x --gpus GPUs, an admin,
and one agent API token (scope agent, bound to its host) per host. Then `remotegpu serve`
starts with --workers processes and no job worker (REMOTEGPU_RUN_WORKER=false: the figures are
the API's), and --concurrency loopback clients, each the agent of its own hosts in turn:

1. heartbeats for --seconds per path of --heartbeat-via (default both, one after the other in
   the same run on the same server: `graphql` is the `hostHeartbeat` mutation, `route` is
   `POST /agent/v1/heartbeat`), with the host's agent token, as fast as they go;
2. metrics for --seconds (unless --no-metrics): `metricsReport` batches of --host-samples
   host samples and one sample per GPU per host sample (e.g. 10 + 80 = 90 samples per report).

The report gives, per heartbeat path, heartbeats/s with p50/p99 and the API's CPU per
heartbeat (with the ratio of the two paths), then reports/s and samples/s ingested with p50/p99,
errors, the audit rows written (heartbeats write none unless a host changes state) and the
invariant checker's verdict. The load generator shares the machine with the server. The
per-address rate limit is raised for the run (all agents come from 127.0.0.1 here, from their
own addresses in a fleet); the per-token limit stays as configured and is counted as usual.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg
import httpx
from mutations import prepare, wait_ready  # bench/ is on sys.path when this file runs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from remotegpu.auth.tokens import generate_api_token  # noqa: E402
from remotegpu.db.urls import asyncpg_dsn  # noqa: E402
from remotegpu.domain.invariants import find_violations  # noqa: E402

HEARTBEAT_ROUTE = "/agent/v1/heartbeat"
HEARTBEAT = """
mutation Beat($input: HostHeartbeatInput!) {
  hostHeartbeat(input: $input) { errors { code message } }
}"""
REPORT = """
mutation Report($input: MetricsReportInput!) {
  metricsReport(input: $input) { hostSamples gpuSamples errors { code message } }
}"""


async def build_fleet(url: str, hosts: int, gpus: int) -> list[tuple[str, list[int], str]]:
    """Hosts with GPUs, an admin owning one agent token per host: (host, GPU ids, token)."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        async with conn.transaction():
            await conn.execute(
                "INSERT INTO hosts (id, name, hostname, ip_address, os_type, deployment_mode,"
                " status, health_status, total_cpu, total_memory, total_disk, total_gpu,"
                " used_cpu, used_memory, used_disk, used_gpu, last_heartbeat)"
                " SELECT 'agent-' || lpad(i::text, 4, '0'), 'agent-' || i, 'agent-' || i,"
                " '10.40.' || (i / 250) || '.' || (i % 250 + 1), 'linux', 'traditional',"
                " 'online', 'healthy', 128, 1099511627776, 21990232555520, $2, 0, 0, 0, 0, NOW()"
                " FROM generate_series(1, $1) AS i",
                hosts,
                gpus,
            )
            await conn.execute(
                "INSERT INTO gpus (host_id, gpu_index, uuid, name, brand, memory_total, status,"
                " health_status) SELECT h.id, g, 'GPU-' || h.id || '-' || g, 'NVIDIA H100',"
                " 'NVIDIA', 85899345920, 'available', 'healthy'"
                " FROM hosts h CROSS JOIN generate_series(0, $1 - 1) AS g",
                gpus,
            )
            admin = await conn.fetchval(
                "INSERT INTO customers (username, email, password_hash, user_type, status)"
                " VALUES ('agent-owner', 'agent-owner@example.com', 'not-a-login', 'admin',"
                " 'active') RETURNING id"
            )
            await conn.execute(
                "INSERT INTO resource_quotas (user_id, quota_level, cpu_quota, memory_quota,"
                " gpu_quota, storage_quota, environment_quota)"
                " VALUES ($1, 'enterprise', 0, 0, 0, 0, 0)",
                admin,
            )
            fleet = []
            for row in await conn.fetch("SELECT id FROM hosts ORDER BY id"):
                token = generate_api_token()
                await conn.execute(
                    "INSERT INTO api_tokens (customer_id, name, prefix, token_hash, scopes,"
                    " host_id) VALUES ($1, $2, $3, $4, '{agent}', $2)",
                    admin, row["id"], token.prefix, token.token_hash,
                )  # fmt: skip
                gpu_ids = [
                    r["id"]
                    for r in await conn.fetch(
                        "SELECT id FROM gpus WHERE host_id = $1 ORDER BY gpu_index", row["id"]
                    )
                ]
                fleet.append((row["id"], gpu_ids, token.plaintext))
    finally:
        await conn.close()
    return fleet


class Phase:
    """Latencies and error codes of one kind of request."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.latencies: list[float] = []
        self.errors: Counter[str] = Counter()
        self.samples = 0

    async def post(
        self, http: aiohttp.ClientSession, document: str, variables: dict[str, Any], token: str
    ) -> dict[str, Any] | None:
        started = time.perf_counter()
        async with http.post(
            "/graphql",
            json={"query": document, "variables": {"input": variables}},
            headers={"Authorization": f"Bearer {token}"},
        ) as response:
            status = response.status
            body = await response.json()
        self.latencies.append(time.perf_counter() - started)
        if status != 200:
            self.errors[f"HTTP {status}"] += 1
            return None
        return self._payload(body)

    async def post_route(
        self, http: aiohttp.ClientSession, path: str, body: dict[str, Any], token: str
    ) -> dict[str, Any] | None:
        """A plain JSON route: the answer is the payload itself, errors typed as in GraphQL."""
        started = time.perf_counter()
        async with http.post(path, json=body, headers={"Authorization": f"Bearer {token}"}) as r:
            status = r.status
            payload: dict[str, Any] = await r.json()
        self.latencies.append(time.perf_counter() - started)
        if status != 200 or payload["errors"]:
            self.errors[f"HTTP {status} {payload['errors'][0]['code']}"] += 1
            return None
        return payload

    def _payload(self, body: dict[str, Any]) -> dict[str, Any] | None:
        if body.get("errors"):
            self.errors[body["errors"][0]["message"][:80]] += 1
            return None
        (payload,) = body["data"].values()
        if payload["errors"]:
            self.errors[payload["errors"][0]["code"]] += 1
            return None
        result: dict[str, Any] = payload
        return result

    def summary(self, elapsed: float) -> str:
        lat = sorted(self.latencies)
        if not lat:
            return f"{self.name}: no requests"
        p50 = statistics.median(lat) * 1000
        p99 = lat[max(0, int(len(lat) * 0.99) - 1)] * 1000
        rate = f"{len(lat)} in {elapsed:.1f} s = {len(lat) / elapsed:.0f}/s"
        errors = dict(self.errors) or 0
        line = f"{self.name}: {rate}; p50 {p50:.1f} ms, p99 {p99:.1f} ms; errors {errors}"
        if self.samples:
            line += f"; {self.samples} samples = {self.samples / elapsed:.0f} samples/s"
        return line


async def drive(
    http: aiohttp.ClientSession,
    fleet: list[tuple[str, list[int], str]],
    concurrency: int,
    seconds: float,
    one: Callable[[aiohttp.ClientSession, tuple[str, list[int], str]], Any],
) -> float:
    """`concurrency` clients, client i the agent of hosts i, i + concurrency, ...; seconds."""
    deadline = time.perf_counter() + seconds

    async def client(number: int) -> None:
        mine = fleet[number::concurrency] or fleet[number % len(fleet) :][:1]
        turn = 0
        while time.perf_counter() < deadline:
            await one(http, mine[turn % len(mine)])
            turn += 1

    began = time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(concurrency)))
    return time.perf_counter() - began


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--hosts", type=int, default=256)
    parser.add_argument("--gpus", type=int, default=8, help="GPUs per host")
    parser.add_argument("--host-samples", type=int, default=10, help="host samples per report")
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument(
        "--heartbeat-via",
        choices=("both", "graphql", "route"),
        default="both",
        help="the hostHeartbeat mutation, POST /agent/v1/heartbeat, or both side by side",
    )
    parser.add_argument("--no-metrics", action="store_true", help="skip the metricsReport phase")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    paths = ("graphql", "route") if args.heartbeat_via == "both" else (args.heartbeat_via,)

    url, admin_url, name = await prepare(f"remotegpu_bench_heartbeats_{int(time.time())}")
    fleet = await build_fleet(url, args.hosts, args.gpus)
    # Every agent is 127.0.0.1 here: the per-address limit (6,000 a minute) would refuse the
    # run; it is raised, not switched off, so its counter still costs what it costs.
    env = {**os.environ, "DATABASE_URL": url, "REMOTEGPU_LOG_LEVEL": "warning",
           "REMOTEGPU_RUN_WORKER": "false", "REMOTEGPU_DB_POOL_SIZE": "20",
           "REMOTEGPU_RATE_LIMIT_ADDRESS": "100000000"}  # fmt: skip
    server = subprocess.Popen(  # noqa: ASYNC220  # started once, before any load
        [sys.executable, "-m", "remotegpu", "serve", "--port", str(args.port),
         "--workers", str(args.workers)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    reports = Phase("metricsReport")
    beats: dict[str, Phase] = {}
    # per path: elapsed, API CPU, load generator CPU, PostgreSQL CPU, audit rows written
    beat_costs: dict[str, tuple[float, float, float, float, int]] = {}
    postmaster = await _postmaster_pid(url)

    def heartbeat_via(path: str, phase: Phase) -> Callable[..., Any]:
        async def heartbeat(http: aiohttp.ClientSession, agent: tuple[str, list[int], str]) -> None:
            report = {"hostId": agent[0], "healthStatus": "HEALTHY"}
            if path == "route":
                await phase.post_route(http, HEARTBEAT_ROUTE, report, agent[2])
            else:
                await phase.post(http, HEARTBEAT, report, agent[2])

        return heartbeat

    async def report(http: aiohttp.ClientSession, agent: tuple[str, list[int], str]) -> None:
        host, gpus, token = agent
        batch = {
            "hostId": host,
            "hostSamples": [{"cpuUsagePercent": 40.0 + i, "memoryUsed": str(2**35)}
                            for i in range(args.host_samples)],
            "gpuSamples": [{"gpuId": g, "utilizationPercent": 75.0, "temperature": 60.0}
                           for _ in range(args.host_samples) for g in gpus],
        }  # fmt: skip
        done = await reports.post(http, REPORT, batch, token)
        if done is not None:
            reports.samples += done["hostSamples"] + done["gpuSamples"]

    report_time = report_cpu = 0.0
    try:
        base = f"http://127.0.0.1:{args.port}"
        async with httpx.AsyncClient(base_url=base, timeout=120) as probe:
            # Up to 2 minutes: two workers importing the app on a loaded machine are slow.
            for attempt in range(4):
                try:
                    await wait_ready(probe, server)
                    break
                except RuntimeError:
                    if server.poll() is not None or attempt == 3:
                        raise
        # aiohttp, not httpx, for the load: it costs the shared cores a fraction of the CPU
        # per request, which the server under test then has.
        connector = aiohttp.TCPConnector(limit=args.concurrency)
        timeout = aiohttp.ClientTimeout(total=120)
        async with aiohttp.ClientSession(base, connector=connector, timeout=timeout) as http:
            for path in paths:
                # Each path warms up on its own (first statements prepared, pools filled).
                warm = heartbeat_via(path, Phase("warm-up"))
                await drive(http, fleet, args.concurrency, args.warmup, warm)
                beats[path] = phase = Phase(f"heartbeats via {path}")
                audit_before = await _count(url, "audit_logs")
                cpu_before, own_before = cpu_seconds(server.pid), time.process_time()
                pg_before = cpu_seconds(postmaster) if postmaster else 0.0
                elapsed = await drive(
                    http, fleet, args.concurrency, args.seconds, heartbeat_via(path, phase)
                )
                beat_costs[path] = (
                    elapsed,
                    cpu_seconds(server.pid) - cpu_before,
                    time.process_time() - own_before,
                    (cpu_seconds(postmaster) - pg_before) if postmaster else float("nan"),
                    await _count(url, "audit_logs") - audit_before,
                )
            if not args.no_metrics:
                cpu_before = cpu_seconds(server.pid)
                report_time = await drive(http, fleet, args.concurrency, args.seconds, report)
                report_cpu = cpu_seconds(server.pid) - cpu_before
    finally:
        server.terminate()
        server.wait(timeout=30)

    violations = await find_violations(url)
    print(f"\nhosts={args.hosts}x{args.gpus} GPUs concurrency={args.concurrency} "
          f"seconds={args.seconds} workers={args.workers} machine={platform.machine()} "
          f"cpus={os.cpu_count()} load={os.getloadavg()[0]:.1f}")  # fmt: skip
    per_beat: dict[str, float] = {}
    for path, phase in beats.items():
        elapsed, api_cpu, client_cpu, pg_cpu, audited = beat_costs[path]
        count = max(1, len(phase.latencies))
        per_beat[path] = api_cpu / count * 1000
        print(phase.summary(elapsed))
        print(f"  API server CPU: {api_cpu:.1f} s = {per_beat[path]:.2f} ms per heartbeat; "
              f"PostgreSQL {pg_cpu / count * 1000:.2f} ms; load generator "
              f"{client_cpu / count * 1000:.2f} ms; audit rows written: {audited}")  # fmt: skip
    if len(per_beat) == 2 and per_beat["route"] > 0:
        ratio = per_beat["graphql"] / per_beat["route"]
        rates = [len(beats[p].latencies) / beat_costs[p][0] for p in ("graphql", "route")]
        print(f"route vs graphql: {ratio:.1f}x less API CPU per heartbeat, "
              f"{rates[1] / max(rates[0], 1e-9):.1f}x the heartbeats/s")  # fmt: skip
    if not args.no_metrics:
        per_report = args.host_samples * (1 + args.gpus)
        print(reports.summary(report_time) + f" ({per_report} samples per report)")
        per_report_cpu = report_cpu / max(1, len(reports.latencies)) * 1000
        print(f"  API server CPU: {report_cpu:.1f} s = {per_report_cpu:.2f} ms per report")
    print("invariants:", violations or "no violations")
    if not args.keep:
        admin_conn = await asyncpg.connect(asyncpg_dsn(admin_url))
        try:
            await admin_conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin_conn.close()


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its children (uvicorn's workers), from /proc."""
    total = 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total + sum(cpu_seconds(int(child)) for child in children)


async def _postmaster_pid(url: str) -> int | None:
    """The PostgreSQL server's pid when it runs on this machine (the embedded one): the parent
    of a backend. Its CPU then covers every backend (and the WAL writer) under it."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:  # read while the backend lives: it exits with the connection
        return _parent_pid(await conn.fetchval("SELECT pg_backend_pid()"))
    finally:
        await conn.close()


def _parent_pid(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None  # another machine: PostgreSQL's CPU is not counted


async def _count(url: str, table: str) -> int:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        count: int = await conn.fetchval(f"SELECT count(*) FROM {table}")
        return count
    finally:
        await conn.close()


if __name__ == "__main__":
    asyncio.run(main())
