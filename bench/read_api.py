"""Load benchmark of the read API: uvicorn + a seeded fleet + a loopback HTTP load generator.

    .venv/bin/python bench/read_api.py --scale medium --concurrency 16 --seconds 15

Three operations: a customer's console page (20 environments with host, ports, owner), the
admin fleet view (100 hosts with GPUs and environments) and deep keyset pagination of hosts.
For each it reports requests/s, p50/p99 latency and the SQL statements one request issues
(counted in-process on the same database). By default both read paths are measured side by
side in one run, each on a server of its own (`REMOTEGPU_COMPILED_READS` true and false),
interleaved per operation, with the ratio compiled/reference; `--paths compiled` or
`--paths reference` measures one. The server runs with the project's settings in a
separate process; the load generator (httpx, asyncio) shares the machine, so compare ratios
from one run rather than absolute numbers across machines.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from sqlalchemy import event
from starlette.requests import Request

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from remotegpu.api import build_schema  # noqa: E402
from remotegpu.auth.tokens import create_access_token  # noqa: E402
from remotegpu.auth.viewer import Scope, Viewer  # noqa: E402
from remotegpu.context import Context  # noqa: E402
from remotegpu.db.embedded import ensure_database, start_embedded_server  # noqa: E402
from remotegpu.db.engine import create_engine, create_session_factory  # noqa: E402
from remotegpu.db.migrate import migrate  # noqa: E402
from remotegpu.db.urls import asyncpg_dsn  # noqa: E402
from remotegpu.seed import SCALES, seed_database  # noqa: E402
from remotegpu.settings import Settings  # noqa: E402

CONSOLE_PAGE = """
query Console { environments(first: 20) { nodes {
  rowId name status cpu memory gpu createdAt
  host { name status osType arch }
  portMappings(first: 5) { nodes { serviceType externalPort status } }
  owner { username displayName }
} } }"""

FLEET_VIEW = """
query Fleet { hosts(first: 100) { nodes {
  rowId name status healthStatus totalGpu usedGpu
  gpus(first: 8) { nodes { gpuIndex name status } }
  environments(first: 10) { nodes { rowId name status } }
} } }"""

HOSTS_PAGE = """
query HostsPage($after: String) { hosts(first: 10, after: $after) {
  pageInfo { hasNextPage endCursor } nodes { rowId name status }
} }"""


@dataclass
class Result:
    operation: str
    path: str
    requests: int
    errors: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    sql_statements_per_request: int


async def prepare(scale: str, seed: int) -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        admin = start_embedded_server(ROOT / ".remotegpu" / "bench-pgdata")
        url = await ensure_database(admin, f"remotegpu_bench_{scale}")
    await migrate(url)
    report = await seed_database(url, SCALES[scale], seed=seed, if_empty=True)
    print(report, file=sys.stderr)
    return url


async def pick_viewers(url: str) -> tuple[int, int]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        admin_id = await conn.fetchval(
            "SELECT id FROM customers WHERE user_type = 'admin' AND status = 'active' "
            "AND deleted_at IS NULL ORDER BY id LIMIT 1"
        )
        customer_id = await conn.fetchval(
            "SELECT e.user_id FROM environments e JOIN customers c ON c.id = e.user_id "
            "WHERE c.status = 'active' AND c.deleted_at IS NULL AND c.user_type <> 'admin' "
            "GROUP BY e.user_id ORDER BY count(*) DESC, e.user_id LIMIT 1"
        )
    finally:
        await conn.close()
    return int(admin_id), int(customer_id)


async def count_statements(
    url: str, settings: Settings, query: str, viewer: Viewer, variables: dict[str, Any]
) -> int:
    """Statements one request sends, in-process, on the path `settings` selects."""
    engine = create_engine(url, settings)
    seen: list[str] = []
    event.listen(engine.sync_engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    sessions = create_session_factory(engine)
    request = Request({"type": "http", "method": "POST", "path": "/graphql", "headers": []})
    ctx = Context(settings=settings, sessions=sessions, request=request, viewer=viewer)
    result = await build_schema(settings).execute(
        query, variable_values=variables, context_value=ctx
    )
    await engine.dispose()
    if result.errors:
        raise RuntimeError(f"benchmark query failed: {result.errors}")
    return len(seen)


async def walk_cursors(client: httpx.AsyncClient, headers: dict[str, str]) -> list[str | None]:
    cursors: list[str | None] = [None]
    while True:
        body = {"query": HOSTS_PAGE, "variables": {"after": cursors[-1]}}
        data = (await client.post("/graphql", json=body, headers=headers)).json()["data"]
        info = data["hosts"]["pageInfo"]
        if not info["hasNextPage"]:
            return cursors
        cursors.append(info["endCursor"])


async def load(
    client: httpx.AsyncClient,
    name: str,
    path: str,
    make_body: Any,
    headers: dict[str, str],
    concurrency: int,
    seconds: float,
    statements: int,
) -> Result:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            response = await client.post("/graphql", json=make_body(), headers=headers)
            latencies.append(time.perf_counter() - started)
            if response.status_code != 200 or "errors" in response.json():
                errors += 1

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - began
    latencies.sort()
    return Result(
        operation=name,
        path=path,
        requests=len(latencies),
        errors=errors,
        seconds=round(elapsed, 2),
        rps=round(len(latencies) / elapsed, 1),
        p50_ms=round(statistics.median(latencies) * 1000, 1),
        p99_ms=round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 1),
        sql_statements_per_request=statements,
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", default="medium", choices=sorted(SCALES))
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--paths", default="both", choices=("both", "compiled", "reference"))
    args = parser.parse_args()
    paths = ["compiled", "reference"] if args.paths == "both" else [args.paths]

    settings = Settings(access_token_ttl_seconds=86_400)
    url = await prepare(args.scale, args.seed)
    admin_id, customer_id = await pick_viewers(url)
    scopes = frozenset({Scope.READ, Scope.WRITE})
    admin = Viewer(customer_id=admin_id, username="admin", user_type="admin", scopes=scopes)
    customer = Viewer(customer_id=customer_id, username="c", user_type="external", scopes=scopes)

    env = {**os.environ, "DATABASE_URL": url, "REMOTEGPU_ACCESS_TOKEN_TTL_SECONDS": "86400"}
    ports = {path: args.port + i for i, path in enumerate(paths)}
    serve = [sys.executable, "-m", "remotegpu", "serve", "--workers", str(args.workers)]
    servers = [
        subprocess.Popen(  # noqa: ASYNC220  # started once, before any load
            [*serve, "--port", str(ports[path])],
            env={**env, "REMOTEGPU_COMPILED_READS": str(path == "compiled").lower()},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for path in paths
    ]
    clients: dict[str, httpx.AsyncClient] = {}
    try:
        limits = httpx.Limits(max_connections=args.concurrency * 2)
        for path in paths:
            clients[path] = httpx.AsyncClient(
                base_url=f"http://127.0.0.1:{ports[path]}", timeout=60, limits=limits
            )
            for _ in range(600):  # a busy machine takes a while to start a server
                try:
                    if (await clients[path].get("/readyz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
        as_admin = {"Authorization": f"Bearer {create_access_token(settings, admin_id).token}"}
        as_customer = {
            "Authorization": f"Bearer {create_access_token(settings, customer_id).token}"
        }
        cursors = await walk_cursors(clients[paths[0]], as_admin)
        deep = cursors[len(cursors) // 2 :] or cursors
        plans = [
            ("console page (customer)", lambda: {"query": CONSOLE_PAGE}, as_customer,
             CONSOLE_PAGE, customer, {}),
            ("fleet view (admin)", lambda: {"query": FLEET_VIEW}, as_admin,
             FLEET_VIEW, admin, {}),
            ("deep hosts pagination (admin)",
             lambda: {"query": HOSTS_PAGE, "variables": {"after": random.choice(deep)}},
             as_admin, HOSTS_PAGE, admin, {"after": deep[-1]}),
        ]  # fmt: skip
        results = []
        for name, body, headers, query, viewer, variables in plans:
            for path in paths:
                path_settings = Settings(
                    access_token_ttl_seconds=86_400, compiled_reads=path == "compiled"
                )
                statements = await count_statements(url, path_settings, query, viewer, variables)
                client = clients[path]
                await load(client, name, path, body, headers, args.concurrency, 2.0, statements)
                results.append(
                    await load(
                        client, name, path, body, headers, args.concurrency, args.seconds,
                        statements,
                    )
                )  # fmt: skip
    finally:
        for client in clients.values():
            await client.aclose()
        for server in servers:
            server.terminate()
            server.wait(timeout=30)

    print(f"\nscale={args.scale} concurrency={args.concurrency} seconds={args.seconds} "
          f"workers={args.workers}")  # fmt: skip
    print("| operation | path | requests/s | p50 ms | p99 ms | SQL statements/request | errors |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r.operation} | {r.path} | {r.rps} | {r.p50_ms} | {r.p99_ms} | "
              f"{r.sql_statements_per_request} | {r.errors} |")  # fmt: skip
    if len(paths) == 2:
        print("\n| operation | compiled / reference (requests/s) |\n|---|---|")
        by_key = {(r.operation, r.path): r for r in results}
        for operation in dict.fromkeys(r.operation for r in results):
            ratio = by_key[operation, "compiled"].rps / max(by_key[operation, "reference"].rps, 0.1)
            print(f"| {operation} | {ratio:.1f}x |")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "read_api.json").write_text(json.dumps([asdict(r) for r in results], indent=2))


if __name__ == "__main__":
    asyncio.run(main())
