"""Where one environmentCreate goes: its SQL statements, their timing, and the API's CPU.

    .venv/bin/python bench/create_profile.py [--creates 300] [--profile-top 30]

Builds the fleet of bench/mutations.py (8 hosts x 8 GPUs, an admin, one customer) in a new
database on the embedded server (dropped at the end), runs the app in this process behind
httpx's ASGI transport (the whole request path: auth middleware, rate limit, GraphQL parse,
validation, execution, the mutation's transaction) and prints:

1. the statements of one warm create with each one's offset from the request's start and its
   duration, and the round trips (statements + BEGIN + COMMIT);
2. the wall and CPU time per create -> report RUNNING -> delete cycle in this process (the API's
   CPU plus the in-process client's) over --creates cycles, then (--profile-top N) the N
   functions with the most own time under cProfile over as many more.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import sys
import time
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from sqlalchemy import event

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.mutations import CREATE, DELETE, GIB, IMAGE, REPORT, build_fleet, prepare  # noqa: E402
from remotegpu.app import create_app  # noqa: E402
from remotegpu.auth.tokens import create_access_token  # noqa: E402
from remotegpu.db.urls import asyncpg_dsn  # noqa: E402
from remotegpu.settings import Settings  # noqa: E402

CREATE_INPUT = {
    "image": IMAGE,
    "cpu": 2,
    "memory": str(8 * GIB),
    "gpuCount": 1,
    "storage": str(20 * GIB),
}


class StatementLog:
    """Every statement the app's engine sends, with its start offset and duration."""

    def __init__(self) -> None:
        self.rows: list[tuple[float, float, str]] = []
        self.origin = time.perf_counter()
        self._started: dict[int, float] = {}

    def attach(self, engine: Any) -> None:
        @event.listens_for(engine.sync_engine, "before_cursor_execute")
        def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            self._started[id(cursor)] = time.perf_counter()

        @event.listens_for(engine.sync_engine, "after_cursor_execute")
        def after(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            began = self._started.pop(id(cursor), time.perf_counter())
            self.rows.append((began - self.origin, time.perf_counter() - began, statement))

    def reset(self) -> None:
        self.rows.clear()
        self.origin = time.perf_counter()


async def cycle(
    http: httpx.AsyncClient, headers: dict[str, str], admin: dict[str, str], n: int
) -> float:
    """One create, the admin's RUNNING report and the delete; the create's seconds."""
    began = time.perf_counter()
    response = await http.post(
        "/graphql",
        json={"query": CREATE, "variables": {"input": {"name": f"p-{n}", **CREATE_INPUT}}},
        headers=headers,
    )
    took = time.perf_counter() - began
    payload = response.json()["data"]["environmentCreate"]
    assert not payload["errors"], payload["errors"]
    env_id = payload["environment"]["rowId"]
    report = {"input": {"id": env_id, "status": "RUNNING"}}
    response = await http.post(
        "/graphql", json={"query": REPORT, "variables": report}, headers=admin
    )
    assert not response.json()["data"]["environmentStatusReport"]["errors"]
    response = await http.post(
        "/graphql", json={"query": DELETE, "variables": {"input": {"id": env_id}}}, headers=headers
    )
    assert not response.json()["data"]["environmentDelete"]["errors"]
    return took


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--creates", type=int, default=300)
    parser.add_argument("--profile-top", type=int, default=0)
    args = parser.parse_args()

    url, admin_url, name = await prepare(None)
    try:
        admin_id, customers = await build_fleet(url, 8, 8, 1)
        settings = Settings(access_token_ttl_seconds=86_400, rate_limit_enabled=False)
        app = create_app(settings, url)
        log = StatementLog()
        log.attach(app.state.engine)
        headers, admin = (
            {"Authorization": f"Bearer {create_access_token(settings, who).token}"}
            for who in (customers[0], admin_id)
        )
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
            for n in range(30):  # warm: prepared statements, caches, the pool
                await cycle(http, headers, admin, -n)
            log.reset()
            took = await cycle(http, headers, admin, 0)
            create_rows = [r for r in log.rows if r[0] <= took]
            print(f"one warm create: {took * 1000:.1f} ms, {len(create_rows)} statements "
                  f"(+ BEGIN and COMMIT per transaction)")  # fmt: skip
            for offset, duration, statement in create_rows:
                text = " ".join(statement.split())[:150]
                print(f"  {offset * 1000:7.2f} ms  {duration * 1000:6.2f} ms  {text}")
            cpu, wall = time.process_time(), time.perf_counter()
            for n in range(1, args.creates + 1):
                await cycle(http, headers, admin, n)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            per = 1000 / args.creates
            print(f"\n{args.creates} create + report + delete cycles: {wall * per:.2f} ms wall,"
                  f" {cpu * per:.2f} ms CPU of this process (API + client) per cycle")  # fmt: skip
            if args.profile_top:
                profiler = cProfile.Profile()
                profiler.enable()
                for n in range(args.creates + 1, 2 * args.creates + 1):
                    await cycle(http, headers, admin, n)
                profiler.disable()
                stats = pstats.Stats(profiler).sort_stats("tottime")
                stats.print_stats(args.profile_top)
        await app.state.engine.dispose()
    finally:
        conn = await asyncpg.connect(asyncpg_dsn(admin_url))
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()


if __name__ == "__main__":
    asyncio.run(main())
