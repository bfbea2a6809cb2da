"""What the PostgreSQL rate-limit counters add to a request: the same app with and without them.

    .venv/bin/python bench/rate_limit_overhead.py --requests 400 --concurrency 1 50

Uses DATABASE_URL, or the embedded server in .remotegpu/bench-pgdata (database
remotegpu_bench_ratelimit, created afresh and migrated, one customer). Sends
`{ __typename }` (no SQL of its own) in-process through the whole middleware stack,
anonymously (one bucket: the address) and as
a logged-in customer (two buckets: viewer and address, still one statement), sequentially
and with N requests in flight from one address (every request then updates the same rows).
Reports p50/p99 per request, limits on and off, interleaved in rounds so both see the same
machine load.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

import asyncpg
import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from remotegpu.app import create_app  # noqa: E402
from remotegpu.auth.tokens import create_access_token  # noqa: E402
from remotegpu.db.embedded import ensure_database, start_embedded_server  # noqa: E402
from remotegpu.db.migrate import migrate  # noqa: E402
from remotegpu.db.urls import asyncpg_dsn  # noqa: E402
from remotegpu.settings import Settings  # noqa: E402

QUERY = {"query": "{ __typename }"}


async def prepare() -> tuple[str, int]:
    url = os.environ.get("DATABASE_URL")
    if not url:
        admin = start_embedded_server(ROOT / ".remotegpu" / "bench-pgdata")
        conn = await asyncpg.connect(asyncpg_dsn(admin))
        try:  # a fresh database each run: nothing to keep, and no stale migration
            await conn.execute('DROP DATABASE IF EXISTS "remotegpu_bench_ratelimit" WITH (FORCE)')
        finally:
            await conn.close()
        url = await ensure_database(admin, "remotegpu_bench_ratelimit")
    await migrate(url)
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        customer = await conn.fetchval(
            "INSERT INTO customers (username, email, password_hash, user_type, status)"
            " VALUES ('bench', 'bench@example.com', 'x', 'external', 'active')"
            " ON CONFLICT DO NOTHING RETURNING id"
        ) or await conn.fetchval("SELECT id FROM customers WHERE username = 'bench'")
        await conn.execute("TRUNCATE rate_limit_windows")
    finally:
        await conn.close()
    return url, int(customer)


async def run(
    client: httpx.AsyncClient, headers: dict[str, str], requests: int, concurrency: int
) -> list[float]:
    timings: list[float] = []
    pending = iter(range(requests))

    async def worker() -> None:
        for _ in pending:
            started = time.perf_counter()
            response = await client.post("/graphql", json=QUERY, headers=headers)
            timings.append(time.perf_counter() - started)
            assert response.status_code == 200, response.text

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return timings


def summary(timings: list[float]) -> str:
    ms = sorted(t * 1000 for t in timings)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    return f"p50 {statistics.median(ms):6.2f} ms  p99 {p99:6.2f} ms"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 50])
    args = parser.parse_args()
    url, customer = await prepare()
    settings = {"rate_limit_viewer": 10**9, "rate_limit_address": 10**9}
    apps = {
        "on": create_app(Settings(**settings), url),  # type: ignore[arg-type]
        "off": create_app(Settings(rate_limit_enabled=False), url),  # type: ignore[call-arg]
    }
    viewers = {
        "anonymous": {},
        "customer": {"Authorization": f"Bearer {create_access_token(Settings(), customer).token}"},
    }
    results: dict[tuple[str, int, str], list[float]] = {}
    for _ in range(args.rounds):
        for concurrency in args.concurrency:
            for viewer, headers in viewers.items():
                for mode, app in apps.items():
                    transport = httpx.ASGITransport(app=app)
                    async with httpx.AsyncClient(transport=transport, base_url="http://b") as c:
                        await run(c, headers, 20, 1)  # warm the pool and the caches
                        timings = await run(c, headers, args.requests, concurrency)
                    results.setdefault((viewer, concurrency, mode), []).extend(timings)
    for (viewer, concurrency, mode), timings in sorted(results.items()):
        print(f"{viewer:9} concurrency {concurrency:3}  limits {mode:3}  {summary(timings)}")
    for app in apps.values():
        await app.state.engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
