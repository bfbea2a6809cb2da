"""Issue 9's target: any keyset page of a 10,000-host fleet in <= 100 ms on one worker.

    .venv/bin/python bench/keyset_10k.py --page-size 10 --samples 500

Creates (or reuses) a database with 10,000 hosts of 8 GPUs each on the embedded server in
.remotegpu/bench-pgdata (with DATABASE_URL set: on that server instead), starts `remotegpu
serve --workers 1` (no job worker, rate limits out of reach) and, as an admin, walks the whole
`hosts(first: --page-size, after: $after)` connection from the first page to the last, timing
each page; then asks --samples random pages again (deep cursors included), one at a time, and
prints p50 / p99 / max of both. REMOTEGPU_* variables in the environment reach the server
(e.g. REMOTEGPU_FAST_PATH=false for the normal path).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
from pathlib import Path

import asyncpg
import httpx
from mutations import build_fleet, prepare, wait_ready  # bench/ is on sys.path when run
from vs_postgraphile import api_environment, free_port, start
from vs_postgraphile_load import cpu_seconds, machine_line, postmaster_of

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from remotegpu.auth.tokens import create_access_token  # noqa: E402
from remotegpu.db.urls import asyncpg_dsn  # noqa: E402
from remotegpu.settings import Settings  # noqa: E402

HOSTS = 10_000
PAGE = """query HostsPage($first: Int, $after: String) { hosts(first: $first, after: $after) {
  pageInfo { hasNextPage endCursor } nodes { rowId name status totalGpu usedGpu }
} }"""


async def fleet(url: str) -> tuple[int, int | None]:
    """The 10,000 hosts (built once), the admin's id and PostgreSQL's server process."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        hosts = await conn.fetchval("SELECT count(*) FROM hosts")
        admin = await conn.fetchval("SELECT id FROM customers WHERE username = 'bench-admin'")
        postmaster = postmaster_of(await conn.fetchval("SELECT pg_backend_pid()"))
    finally:
        await conn.close()
    if hosts == 0:
        admin, _ = await build_fleet(url, HOSTS, 8, 0)
        conn = await asyncpg.connect(asyncpg_dsn(url))
        await conn.execute("VACUUM (ANALYZE)")
        await conn.close()
    elif hosts != HOSTS:
        raise SystemExit(f"the bench database holds {hosts} hosts, not {HOSTS}: drop it")
    return int(admin), postmaster


async def page(client: httpx.AsyncClient, size: int, after: str | None) -> tuple[float, dict]:
    body = {"query": PAGE, "variables": {"first": size, "after": after}}
    began = time.perf_counter()
    response = await client.post("/graphql", json=body)
    elapsed = (time.perf_counter() - began) * 1000
    payload = response.json()
    if response.status_code != 200 or "errors" in payload:
        raise SystemExit(f"page after {after!r} failed: {response.text[:300]}")
    return elapsed, payload["data"]["hosts"]


def summary(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (
        f"| {name} | {len(times)} | {statistics.median(ordered):.1f} | {p99:.1f} "
        f"| {ordered[-1]:.1f} | {'yes' if ordered[-1] <= 100 else 'no'} |"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page-size", type=int, default=10)
    parser.add_argument("--samples", type=int, default=500)
    args = parser.parse_args()
    url, _, _ = await prepare("remotegpu_bench_keyset_10k")
    admin, postmaster = await fleet(url)
    settings = Settings(access_token_ttl_seconds=86_400)
    token = create_access_token(settings, admin).token
    port = free_port()
    env = api_environment(url)
    command = [sys.executable, "-m", "remotegpu", "serve", "--host", "127.0.0.1",
               "--port", str(port), "--workers", "1"]  # fmt: skip
    server = start("keyset_10k", command, ROOT, env)
    headers = {"Authorization": f"Bearer {token}"}
    try:
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}", headers=headers, timeout=30
        ) as client:
            await wait_ready(client, server)
            walk: list[float] = []
            cursors: list[str | None] = [None]
            while True:
                elapsed, hosts = await page(client, args.page_size, cursors[-1])
                walk.append(elapsed)
                if not hosts["pageInfo"]["hasNextPage"]:
                    break
                cursors.append(hosts["pageInfo"]["endCursor"])
            rng = random.Random(42)
            picked = [rng.choice(cursors) for _ in range(args.samples)]
            # The CPU a page costs (server + PostgreSQL): on a machine shared with other work
            # the latency above includes waiting for a core; this does not.
            before = cpu_seconds(server.pid), cpu_seconds(postmaster)
            again = [(await page(client, args.page_size, after))[0] for after in picked]
            own = (cpu_seconds(server.pid) - before[0]) * 1000 / len(picked)
            database = (cpu_seconds(postmaster) - before[1]) * 1000 / len(picked)
            deepest = [(await page(client, args.page_size, cursors[-1]))[0] for _ in range(50)]
    finally:
        server.terminate()
        server.wait(timeout=30)
    switches = {k: v for k, v in os.environ.items() if k.startswith("REMOTEGPU_")}
    print(f"{HOSTS} hosts, first: {args.page_size}, {len(cursors)} pages; one worker; "
          f"REMOTEGPU_* set: {switches or 'none'}")  # fmt: skip
    print("\n| pages | requests | p50 ms | p99 ms | max ms | every page <= 100 ms |")
    print("|---|---|---|---|---|---|")
    print(summary("the whole walk, first page to last", walk))
    print(summary("random pages again (cursors of the walk)", again))
    print(summary("the last page, repeated", deepest))
    print(f"\nCPU per random page: {own + database:.2f} ms ({own:.2f} server + {database:.2f} "
          f"PostgreSQL); {machine_line()}")  # fmt: skip


if __name__ == "__main__":
    asyncio.run(main())
