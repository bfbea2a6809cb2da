"""Load benchmark of the environment lifecycle mutations: uvicorn + a big fleet + HTTP clients.

    .venv/bin/python bench/mutations.py --concurrency 32 --seconds 20

Each run creates a new database on the embedded server in .remotegpu/bench-pgdata (dropped at
the end unless --keep), migrates it and inserts a fleet with SQL: 64 online hosts x 8 GPUs, an
admin and one customer per client with quotas far above what a client can hold. Then
`remotegpu serve` starts in its own process and every client loops, for --seconds:

    environmentCreate (1 GPU, as the customer) -> environmentStatusReport RUNNING (as the
    admin, standing in for the host agent) -> environmentDelete (as the customer)

The report gives cycles/s, creates/s and mutations/s, p50/p99 latency per mutation, the error
counts (typed `errors` codes and top-level GraphQL errors) and the invariant checker's verdict
on the database afterwards. The load generator shares the machine with the server: compare
figures from one run rather than absolute numbers across machines.

    .venv/bin/python bench/mutations.py --burst 100 --hosts 4 --workers 2

instead sends one environmentCreate (1 CPU, 1 GiB, no GPU, no host: placement picks) per
customer, all at once, and reports creates/s over the burst, p50/p99 and errors.
`--server-path DIR` runs the server from another checkout (e.g. `git archive` of an older
commit) against the same database and load, to compare code before and after a change.

Where the time goes, printed after the timed run: the CPU seconds the server's processes,
PostgreSQL's and this load generator spent in it (from /proc, so per create), and what the
server's database connections were doing, sampled from pg_stat_activity every 20 ms (running a
statement, waiting for a lock, idle inside a transaction = waiting for the API process, idle
in the pool). `--customers N` spreads the clients over N customers (default: one each; with
1, all clients create for one customer and queue on its quota row lock by design).
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
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from remotegpu.auth.tokens import create_access_token  # noqa: E402
from remotegpu.db.embedded import ensure_database, start_embedded_server  # noqa: E402
from remotegpu.db.migrate import migrate  # noqa: E402
from remotegpu.db.urls import asyncpg_dsn, with_database  # noqa: E402
from remotegpu.domain.invariants import find_violations  # noqa: E402
from remotegpu.settings import Settings  # noqa: E402

IMAGE = "pytorch/pytorch:2.3.0-cuda12.1"
GIB = 1024**3
TIB = 1024**4

CREATE = """
mutation Create($input: EnvironmentCreateInput!) {
  environmentCreate(input: $input) { environment { rowId status } errors { code message } }
}"""
REPORT = """
mutation Report($input: EnvironmentStatusReportInput!) {
  environmentStatusReport(input: $input) { environment { rowId status } errors { code message } }
}"""
DELETE = """
mutation Delete($input: EnvironmentDeleteInput!) {
  environmentDelete(input: $input) { environment { rowId status } errors { code message } }
}"""
OPERATIONS = ("environmentCreate", "environmentStatusReport", "environmentDelete")


@dataclass
class Stats:
    mutation: str
    calls: int
    errors: dict[str, int]
    p50_ms: float
    p99_ms: float
    mean_ms: float


async def prepare(database: str | None) -> tuple[str, str, str]:
    """A fresh migrated database: (its URL, the server's admin URL, its name)."""
    admin = os.environ.get("DATABASE_URL")
    admin = (
        with_database(admin, "postgres")
        if admin
        else start_embedded_server(ROOT / ".remotegpu" / "bench-pgdata")
    )
    name = database or f"remotegpu_bench_mutations_{int(time.time())}"
    url = await ensure_database(admin, name)
    await migrate(url)
    return url, admin, name


async def build_fleet(url: str, hosts: int, gpus: int, clients: int) -> tuple[int, list[int]]:
    """Hosts, GPUs, the image, an admin and one customer per client; returns their ids."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        async with conn.transaction():
            await conn.execute(
                "INSERT INTO images (name, display_name, status, is_official)"
                " VALUES ($1, $1, 'active', true)",
                IMAGE,
            )
            await conn.execute(
                "INSERT INTO hosts (id, name, hostname, ip_address, os_type, deployment_mode,"
                " status, health_status, total_cpu, total_memory, total_disk, total_gpu,"
                " used_cpu, used_memory, used_disk, used_gpu, last_heartbeat)"
                " SELECT 'bench-' || lpad(i::text, 5, '0'), 'bench-' || i, 'bench-' || i,"
                " '10.30.' || (i / 250) || '.' || (i % 250 + 1), 'linux', 'traditional',"
                " 'online', 'healthy', 128, $2, $3, $4, 0, 0, 0, 0, NOW()"
                " FROM generate_series(1, $1) AS i",
                hosts,
                1 * TIB,
                20 * TIB,
                gpus,
            )
            await conn.execute(
                "INSERT INTO gpus (host_id, gpu_index, uuid, name, brand, memory_total, status,"
                " health_status)"
                " SELECT h.id, g, 'GPU-' || h.id || '-' || g, 'NVIDIA H100 80GB HBM3', 'NVIDIA',"
                " 85899345920, 'available', 'healthy'"
                " FROM hosts h CROSS JOIN generate_series(0, $1 - 1) AS g",
                gpus,
            )
            rows = await conn.fetch(
                "WITH c AS (INSERT INTO customers (username, email, password_hash, user_type,"
                "  status)"
                "  SELECT CASE WHEN g = 0 THEN 'bench-admin' ELSE 'bench-' || g END,"
                "  'bench-' || g || '@example.com', 'not-a-login',"
                "  CASE WHEN g = 0 THEN 'admin' ELSE 'internal' END, 'active'"
                "  FROM generate_series(0, $1) AS g RETURNING id, user_type)"
                " INSERT INTO resource_quotas (user_id, quota_level, cpu_quota, memory_quota,"
                "  gpu_quota, storage_quota, environment_quota)"
                " SELECT id, 'enterprise', 1000, 100000000, 1000, $2, 1000 FROM c"
                " RETURNING user_id",
                clients,
                1000 * TIB,
            )
            admin_id = await conn.fetchval(
                "SELECT id FROM customers WHERE username = 'bench-admin'"
            )
    finally:
        await conn.close()
    customers = sorted(int(r["user_id"]) for r in rows if r["user_id"] != admin_id)
    return int(admin_id), customers


def tree_cpu_seconds(root: int) -> float:
    """User + system CPU seconds of a process and its living descendants (Linux /proc)."""
    parent: dict[int, int] = {}
    spent: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        parent[int(entry.name)] = int(fields[1])
        spent[int(entry.name)] = int(fields[11]) + int(fields[12])  # utime + stime, in ticks
    children: dict[int, list[int]] = defaultdict(list)
    for pid, ppid in parent.items():
        children[ppid].append(pid)
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += spent.get(pid, 0)
        todo += children.get(pid, [])
    return total / os.sysconf("SC_CLK_TCK")


class Cpu:
    """CPU seconds of the server, PostgreSQL and this process over the timed run."""

    def __init__(self, server: int, postmaster: int) -> None:
        self.server, self.postmaster = server, postmaster
        self.began = self._now()

    def _now(self) -> tuple[float, float, float]:
        mine = os.times()
        return (
            tree_cpu_seconds(self.server),
            tree_cpu_seconds(self.postmaster),
            mine.user + mine.system,
        )

    def spent(self) -> dict[str, float]:
        ended = self._now()
        names = ("server", "postgres", "load_generator")
        return {n: round(e - b, 2) for n, b, e in zip(names, self.began, ended, strict=True)}


# What every connection of the server was doing at one instant: its pool (application_name),
# its state and what it waits for.
_ACTIVITY = """
SELECT application_name AS app, state,
       CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'running')
            ELSE '' END AS wait
FROM pg_stat_activity
WHERE datname = current_database() AND pid <> pg_backend_pid()
  AND application_name LIKE 'remotegpu%'
"""


class Activity:
    """pg_stat_activity sampled every `every` seconds until stopped: mean connections per
    (pool, state, wait event)."""

    def __init__(self, url: str, every: float = 0.02) -> None:
        self.url, self.every = url, every
        self.samples = 0
        self.seen: Counter[tuple[str, str, str]] = Counter()
        self.stopping = asyncio.Event()

    async def run(self) -> None:
        conn = await asyncpg.connect(asyncpg_dsn(self.url))
        try:
            while not self.stopping.is_set():
                for row in await conn.fetch(_ACTIVITY):
                    self.seen[(row["app"], row["state"] or "", row["wait"])] += 1
                self.samples += 1
                await asyncio.sleep(self.every)
        finally:
            await conn.close()

    def mean(self) -> list[tuple[str, str, str, float]]:
        n = max(self.samples, 1)
        return [(*key, round(count / n, 2)) for key, count in self.seen.most_common()]


async def postmaster_pid(url: str) -> int:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:  # while the backend lives
        return parent_pid(int(await conn.fetchval("SELECT pg_backend_pid()")))
    finally:
        await conn.close()


def parent_pid(pid: int) -> int:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat[stat.rfind(")") + 2 :].split()[1])


async def wait_workers(url: str, workers: int) -> None:
    """Until every worker has started (each opens its event listener's connection as it starts
    up): /readyz answers from the first one, and the clients' keep-alive connections, opened
    in the warm-up, must not all go to it for want of another."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        for _ in range(1200):
            started = await conn.fetchval(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND application_name = 'remotegpu-event-listener'"
            )
            if started >= workers:
                await asyncio.sleep(0.5)  # its socket listens right after its start-up
                return
            await asyncio.sleep(0.1)
    finally:
        await conn.close()
    raise RuntimeError(f"fewer than {workers} workers started")


async def wait_ready(client: httpx.AsyncClient, server: subprocess.Popen[bytes]) -> None:
    for _ in range(1200):  # 2 minutes: a loaded machine starts workers slowly
        if server.poll() is not None:
            raise RuntimeError("the server exited before it was ready")
        try:
            if (await client.get("/readyz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.1)
    raise RuntimeError("the server did not become ready")


class Load:
    """The clients' shared record: latencies and error codes per mutation."""

    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = {op: [] for op in OPERATIONS}
        self.errors: dict[str, Counter[str]] = {op: Counter() for op in OPERATIONS}
        self.messages: dict[str, str] = {}  # the first message of each mutation and code
        self.cycles = 0

    async def call(
        self,
        client: httpx.AsyncClient,
        root: str,
        document: str,
        variables: dict[str, Any],
        headers: dict[str, str],
    ) -> dict[str, Any] | None:
        """The payload's object on success; None (and an error counted) otherwise."""
        started = time.perf_counter()
        response = await client.post(
            "/graphql", json={"query": document, "variables": {"input": variables}}, headers=headers
        )
        self.latencies[root].append(time.perf_counter() - started)
        if response.status_code != 200:
            self.errors[root][f"HTTP {response.status_code}"] += 1
            return None
        body = response.json()
        if body.get("errors"):
            self.errors[root]["top-level GraphQL error"] += 1
            self.messages.setdefault(f"{root} top-level", body["errors"][0]["message"])
            return None
        payload = body["data"][root]
        if payload["errors"]:
            error = payload["errors"][0]
            self.errors[root][error["code"]] += 1
            self.messages.setdefault(f"{root} {error['code']}", error["message"])
            return None
        environment: dict[str, Any] = payload["environment"]
        return environment

    async def client(
        self,
        http: httpx.AsyncClient,
        number: int,
        customer: dict[str, str],
        admin: dict[str, str],
        deadline: float,
    ) -> None:
        sequence = 0
        while time.perf_counter() < deadline:
            sequence += 1
            created = await self.call(
                http,
                "environmentCreate",
                CREATE,
                {
                    "name": f"bench-{number}-{sequence}",
                    "image": IMAGE,
                    "cpu": 2,
                    "memory": str(8 * GIB),
                    "gpuCount": 1,
                    "storage": str(20 * GIB),
                },
                customer,
            )
            if created is None:
                continue
            env_id = {"id": created["rowId"]}
            await self.call(
                http,
                "environmentStatusReport",
                REPORT,
                {**env_id, "status": "RUNNING"},
                admin,
            )
            if await self.call(http, "environmentDelete", DELETE, env_id, customer) is not None:
                self.cycles += 1

    async def burst_one(
        self, http: httpx.AsyncClient, number: int, customer: dict[str, str]
    ) -> None:
        """One create of the burst: 1 CPU, 1 GiB, no GPU, placed by the server."""
        await self.call(
            http,
            "environmentCreate",
            CREATE,
            {"name": f"burst-{number}", "image": IMAGE, "cpu": 1, "memory": str(GIB)},
            customer,
        )

    def stats(self) -> list[Stats]:
        out = []
        for op in OPERATIONS:
            lat = sorted(self.latencies[op])
            out.append(
                Stats(
                    mutation=op,
                    calls=len(lat),
                    errors=dict(self.errors[op]),
                    p50_ms=round(statistics.median(lat) * 1000, 1) if lat else 0.0,
                    p99_ms=round(lat[max(0, int(len(lat) * 0.99) - 1)] * 1000, 1) if lat else 0.0,
                    mean_ms=round(statistics.fmean(lat) * 1000, 1) if lat else 0.0,
                )
            )
        return out


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--hosts", type=int, default=64)
    parser.add_argument("--gpus", type=int, default=8, help="GPUs per host")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--burst", type=int, default=0, help="instead of the timed loop: N creates at once"
    )
    parser.add_argument("--server-path", type=Path, default=ROOT, help="checkout to serve from")
    parser.add_argument(
        "--customers", type=int, default=0, help="customers the clients share (0: one each)"
    )
    args = parser.parse_args()
    if args.burst:
        args.concurrency = args.burst
    customer_count = args.customers or args.concurrency

    settings = Settings(access_token_ttl_seconds=86_400)
    url, admin_url, name = await prepare(None)
    admin_id, customers = await build_fleet(url, args.hosts, args.gpus, customer_count)
    postmaster = await postmaster_pid(url)
    # No in-process job worker: the bench measures the request path (older trees ignore it).
    env = {**os.environ, "DATABASE_URL": url, "REMOTEGPU_ACCESS_TOKEN_TTL_SECONDS": "86400",
           "REMOTEGPU_LOG_LEVEL": "warning", "PYTHONPATH": str(args.server_path),
           "REMOTEGPU_RUN_WORKER": "false",
           # Every client shares the loopback address, which real clients do not: the address
           # bucket (6,000 a minute) would refuse the load above 100 requests/s. Still counted.
           "REMOTEGPU_RATE_LIMIT_ADDRESS": "10000000"}  # fmt: skip
    server = subprocess.Popen(  # noqa: ASYNC220  # started once, before any load
        [sys.executable, "-m", "remotegpu", "serve", "--port", str(args.port),
         "--workers", str(args.workers)],
        env=env, cwd=args.server_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip

    def auth(customer_id: int) -> dict[str, str]:
        return {"Authorization": f"Bearer {create_access_token(settings, customer_id).token}"}

    try:
        limits = httpx.Limits(max_connections=args.concurrency * 2)
        base = f"http://127.0.0.1:{args.port}"
        async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as http:
            await wait_ready(http, server)
            await wait_workers(url, args.workers)
            admin = auth(admin_id)
            tokens = [auth(c) for c in customers]
            heads = [tokens[i % len(tokens)] for i in range(args.concurrency)]
            if args.burst:
                args.warmup = 0
            if args.warmup > 0:
                warm = Load()
                deadline = time.perf_counter() + args.warmup
                await asyncio.gather(
                    *(warm.client(http, -i, h, admin, deadline) for i, h in enumerate(heads))
                )
            load = Load()
            activity = Activity(url)
            sampling = asyncio.create_task(activity.run())
            cpu = Cpu(server.pid, postmaster)
            began = time.perf_counter()
            deadline = began + args.seconds
            if args.burst:
                await asyncio.gather(*(load.burst_one(http, i, h) for i, h in enumerate(heads)))
            else:
                await asyncio.gather(
                    *(load.client(http, i, h, admin, deadline) for i, h in enumerate(heads))
                )
            elapsed = time.perf_counter() - began
            spent = cpu.spent()
            activity.stopping.set()
            await sampling
    finally:
        server.terminate()
        server.wait(timeout=30)

    violations = await find_violations(url)
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        leftover = await conn.fetchrow(
            "SELECT (SELECT count(*) FROM environments WHERE status IN ('creating', 'running'))"
            " AS live, (SELECT count(*) FROM gpus WHERE status = 'allocated') AS gpus,"
            " (SELECT count(*) FROM port_mappings WHERE status = 'active') AS ports,"
            " (SELECT count(*) FROM environments) AS environments,"
            " (SELECT count(*) FROM audit_logs) AS audit_rows"
        )
    finally:
        await conn.close()
    if not args.keep:
        admin_conn = await asyncpg.connect(asyncpg_dsn(admin_url))
        try:
            await admin_conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin_conn.close()

    stats = load.stats()
    mutations = sum(s.calls for s in stats)
    print(f"\nhosts={args.hosts}x{args.gpus} GPUs concurrency={args.concurrency} "
          f"seconds={args.seconds} workers={args.workers} burst={args.burst} "
          f"customers={customer_count} "
          f"server={args.server_path} machine={platform.machine()} "
          f"cpus={os.cpu_count()}")  # fmt: skip
    creates = load.latencies["environmentCreate"]
    created = len(creates) - sum(load.errors["environmentCreate"].values())
    if not args.burst:
        rates = f"{load.cycles / elapsed:.1f} cycles/s; {mutations / elapsed:.1f} mutations/s"
        cycles = f"{load.cycles} in {elapsed:.1f} s = {rates}"
        print(f"cycles (create -> report RUNNING -> delete): {cycles}")
    print(f"creates: {len(creates)} in {elapsed:.2f} s = {len(creates) / elapsed:.1f} creates/s"
          f" ({created} created = {created / elapsed:.1f}/s)")  # fmt: skip
    print("| mutation | calls | p50 ms | p99 ms | mean ms | errors |")
    print("|---|---|---|---|---|---|")
    for s in stats:
        errors = ", ".join(f"{k} {v}" for k, v in sorted(s.errors.items())) or "0"
        print(f"| {s.mutation} | {s.calls} | {s.p50_ms} | {s.p99_ms} | {s.mean_ms} | {errors} |")
    for key, message in sorted(load.messages.items()):
        print(f"first {key}: {message}")
    per_create = {k: round(v * 1000 / max(len(creates), 1), 1) for k, v in spent.items()}
    print(f"CPU seconds in the timed run ({elapsed:.1f} s x {os.cpu_count()} cores):"
          f" {spent}; ms per create (cycle): {per_create}")  # fmt: skip
    print(f"server connections, mean over {activity.samples} samples of pg_stat_activity:")
    print("| pool | state | wait | connections |")
    print("|---|---|---|---|")
    for app, state, wait, mean in activity.mean():
        print(f"| {app} | {state} | {wait} | {mean} |")
    print(f"after the run: {dict(leftover)}")
    print("invariants:", violations or "no violations")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "mutations.json").write_text(
        json.dumps(
            {
                "concurrency": args.concurrency,
                "seconds": round(elapsed, 2),
                "cycles": load.cycles,
                "cycles_per_second": round(load.cycles / elapsed, 2),
                "burst": args.burst,
                "creates_per_second": round(len(creates) / elapsed, 2),
                "mutations_per_second": round(mutations / elapsed, 2),
                "mutations": [asdict(s) for s in stats],
                "error_messages": load.messages,
                "after": dict(leftover),
                "violations": violations,
                "customers": customer_count,
                "cpu_seconds": spent,
                "connections": activity.mean(),
            },
            indent=2,
        )
    )
    if violations:
        sys.exit(1)


if __name__ == "__main__":
    asyncio.run(main())
