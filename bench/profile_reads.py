"""Where one read's fixed cost goes: cProfile over the in-process app, one read repeated.

    .venv/bin/python bench/profile_reads.py --read list --requests 2000

Uses the database bench/vs_postgraphile.py keeps (`--keep`; seeded here when missing), builds
the app in this process (`create_app`: every middleware, the GraphQL view, the compiled reads)
and sends it --requests requests of one read of bench/vs_postgraphile_load.py through httpx's
ASGI transport, --concurrency at a time, as the bench's admin, after a warm-up. uvicorn's HTTP
parsing is not in the profile (it is the same for every path). Prints the functions with the
most own time and the most cumulative time, and the process CPU per request. REMOTEGPU_*
variables set a setting as they do for the server (e.g. REMOTEGPU_FAST_PATH=false).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import pstats
import random
import sys
import time
from pathlib import Path

import httpx
import orjson
from mutations import prepare  # bench/ is on sys.path when this file runs
from vs_postgraphile import settle
from vs_postgraphile_load import READS, Read

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from remotegpu.app import create_app  # noqa: E402
from remotegpu.seed import SCALES, seed_database  # noqa: E402
from remotegpu.settings import Settings  # noqa: E402


async def cursors_of(client: httpx.AsyncClient, read: Read, headers: dict[str, str]) -> list:
    """Every page's `after` cursor of a paged read (the bench's random deep cursors)."""
    found: list[str | None] = [None]
    while True:
        body = {"query": read.ours, "variables": {"after": found[-1]}}
        response = await client.post("/graphql", json=body, headers=headers)
        ((_, page),) = response.json()["data"].items()
        if not page["pageInfo"]["hasNextPage"]:
            return found
        found.append(page["pageInfo"]["endCursor"])


async def drive(client: httpx.AsyncClient, bodies: list[bytes], headers: dict[str, str],
                concurrency: int) -> None:  # fmt: skip
    queue = list(bodies)

    async def worker() -> None:
        while queue:
            response = await client.post("/graphql", content=queue.pop(), headers=headers)
            if response.status_code != 200 or b'"errors"' in response.content:
                raise SystemExit(f"unexpected answer: {response.text[:300]}")

    await asyncio.gather(*(worker() for _ in range(concurrency)))


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--read", default="list", choices=[r.name for r in READS])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    read = next(r for r in READS if r.name == args.read)
    url, _, _ = await prepare("remotegpu_bench_vs_postgraphile_medium_42")
    print(await seed_database(url, SCALES["medium"], seed=42, if_empty=True), file=sys.stderr)
    token, _ = await settle(url)
    settings = Settings(
        access_token_ttl_seconds=86_400,
        rate_limit_viewer=1_000_000_000,
        rate_limit_address=1_000_000_000,
    )
    app = create_app(settings, url)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://profile") as client:
        cursors = await cursors_of(client, read, headers) if read.paged else [None]
        rng = random.Random(42)
        bodies = [
            orjson.dumps({"query": read.ours, "variables": {"after": rng.choice(cursors)}})
            if read.paged
            else orjson.dumps({"query": read.ours})
            for _ in range(args.requests)
        ]
        await drive(client, bodies[:200], headers, args.concurrency)  # warm-up
        profile = cProfile.Profile()
        cpu, wall = time.process_time(), time.perf_counter()
        profile.enable()
        await drive(client, bodies, headers, args.concurrency)
        profile.disable()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    await app.state.engine.dispose()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top * 2)
    print(out.getvalue())
    print(
        f"{args.read}: {args.requests} requests, {cpu / args.requests * 1000:.2f} ms process CPU"
        f" per request (client included, under cProfile), {args.requests / wall:.0f} req/s"
    )


if __name__ == "__main__":
    asyncio.run(main())
