"""Side-by-side read benchmark: this API against PostGraphile 4.14.1, same database, same client.

    .venv/bin/python bench/vs_postgraphile.py --seconds 20 --rounds 4 --concurrency 8

Creates (or, after --keep, reuses) a database on the embedded server in
.remotegpu/bench-pgdata, migrates it and seeds it as `remotegpu seed --scale medium --seed 42`
does, and vacuums it (with DATABASE_URL set: on that server instead). Then starts, one
process each:

- this API: `remotegpu serve --workers 1` without the job worker (REMOTEGPU_RUN_WORKER=false),
  queried with an admin's bearer token, its rate limiter on but with limits out of reach;
- PostGraphile 4.14.1 (bench/postgraphile/, `npm ci` there when node_modules is missing or
  stale; node and npm must be on PATH) with production flags (no GraphiQL, no query log, no
  watch, no CORS), connected as the database owner, so it sees what an admin sees, and with
  bench/postgraphile/postgraphile.tags.json5 declaring the references as `@foreignKey`s.

Both get the same queries (bench/vs_postgraphile_load.py) from the same aiohttp load generator
at --concurrency, interleaved: for each read, --rounds rounds of --seconds/--rounds seconds
alternate between the servers (A, B, A, B, ...), so the machine's noise hits both alike; a
short warm-up round per server comes first. Before any load, each read is answered once by
each server and the two answers must hold the same items (non-empty, same counts per level,
same keys in the same order). The mixed set sends the three reads round-robin.

Printed: a markdown table of requests/s, p50/p99 per server, the ratio (this API / PostGraphile)
and each server's peak RSS (process tree, /proc, sampled every 0.5 s during the read); then
the CPU each request cost (the server's process + PostgreSQL's, from /proc, while that server
alone was under load: less at the mercy of the machine's other work than requests/s; the CPU
ratio is PostGraphile's over this API's, so >= 1.0x means this API costs no more) and
whether this API reaches 1.0x on each of the three reads. REMOTEGPU_* variables in the
environment reach this API's server (e.g. a settings switch) and are printed with the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import asyncpg
from mutations import prepare  # bench/ is on sys.path when this file runs
from vs_postgraphile_load import (
    READS,
    Read,
    Server,
    Stats,
    count_objects,
    cpu_seconds,
    drive,
    first_difference,
    machine_line,
    post,
    postmaster_of,
    root_items,
    sample_rss,
    skeleton,
    walk_cursors,
)

ROOT = Path(__file__).resolve().parent.parent
POSTGRAPHILE_DIR = ROOT / "bench" / "postgraphile"
LOGS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))

from remotegpu.auth.tokens import create_access_token  # noqa: E402
from remotegpu.db.urls import asyncpg_dsn  # noqa: E402
from remotegpu.seed import SCALES, seed_database  # noqa: E402
from remotegpu.settings import Settings  # noqa: E402

OURS, THEIRS = "this API", "PostGraphile"
IDLE_SECONDS = 3.0
MIXED = Read("mixed", "the three reads round-robin", "", "")


def install_postgraphile() -> Path:
    """`npm ci` in bench/postgraphile/ unless node_modules matches package-lock.json."""
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not on PATH: install Node.js 18+ to run PostGraphile")
    lock = hashlib.sha256((POSTGRAPHILE_DIR / "package-lock.json").read_bytes()).hexdigest()
    stamp = POSTGRAPHILE_DIR / "node_modules" / f".installed-{lock[:16]}"
    if not stamp.exists():
        print("installing PostGraphile (npm ci in bench/postgraphile/)", file=sys.stderr)
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=POSTGRAPHILE_DIR, check=True,
        )  # fmt: skip
        stamp.touch()
    return POSTGRAPHILE_DIR / "node_modules" / ".bin" / "postgraphile"


def free_port() -> int:
    """A free loopback port: other benchmarks may run on this machine at the same time."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start(name: str, command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start one server, its output into bench/results/<name>.log (shown if it fails)."""
    LOGS.mkdir(exist_ok=True)
    with (LOGS / f"vs_postgraphile_{name}.log").open("wb") as log:
        return subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)


async def wait_ready(http: aiohttp.ClientSession, process: subprocess.Popen[bytes], server: Server,
                     log: str) -> None:  # fmt: skip
    """Until the server answers a trivial query (PostGraphile introspects first)."""
    for _ in range(600):
        if process.poll() is not None:
            tail = (LOGS / log).read_text(errors="replace")[-2000:]
            raise SystemExit(f"{server.name} exited before it was ready:\n{tail}")
        with contextlib.suppress(aiohttp.ClientError, RuntimeError):
            await post(http, server, b'{"query": "{ __typename }"}')
            return
        await asyncio.sleep(0.2)
    raise SystemExit(f"{server.name} did not become ready in 120 s")


def api_environment(url: str) -> dict[str, str]:
    """This API's server environment: one worker on `url`, no job worker, a day-long token."""
    return {
        **os.environ,
        "DATABASE_URL": url,
        "REMOTEGPU_RUN_WORKER": "false",
        "REMOTEGPU_LOG_LEVEL": "warning",
        "REMOTEGPU_ACCESS_TOKEN_TTL_SECONDS": "86400",
        # PostGraphile has no rate limiter: ours stays on (its cost is part of each request)
        # with limits the load generator cannot reach, so no answer is a quick 429.
        "REMOTEGPU_RATE_LIMIT_VIEWER": "1000000000",
        "REMOTEGPU_RATE_LIMIT_ADDRESS": "1000000000",
    }


async def settle(url: str) -> tuple[str, int | None]:
    """The database vacuumed; an admin's bearer token, and PostgreSQL's server process if it
    runs on this machine."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        # Autovacuum's first pass over a million freshly seeded rows would otherwise run, and
        # cost PostgreSQL CPU, in the middle of the measurement.
        await conn.execute("VACUUM (ANALYZE)")
        admin = await conn.fetchrow(
            "SELECT id, token_epoch FROM customers WHERE user_type = 'admin'"
            " AND status = 'active' AND deleted_at IS NULL ORDER BY id LIMIT 1"
        )
        postmaster = postmaster_of(await conn.fetchval("SELECT pg_backend_pid()"))
    finally:
        await conn.close()
    if admin is None:
        raise SystemExit("the seeded database has no active admin")
    settings = Settings(access_token_ttl_seconds=86_400)
    token = create_access_token(settings, admin["id"], token_epoch=admin["token_epoch"]).token
    return token, postmaster


async def check_same_items(http: aiohttp.ClientSession, ours: Server, theirs: Server) -> None:
    """Each read once per server: non-empty, and the same items at every level."""
    for read in READS:
        # The same seed on both: the list read asks each for the same page of its own cursors.
        answers = [await post(http, s, s.body(read, random.Random(0))) for s in (ours, theirs)]
        for server, data in zip((ours, theirs), answers, strict=True):
            if root_items(data) == 0:
                raise SystemExit(f"{read.name}: {server.name} returned no items")
        difference = first_difference(skeleton(answers[0]), skeleton(answers[1]))
        if difference:
            raise SystemExit(
                f"{read.name}: the servers return different items ({OURS} vs {THEIRS}, by"
                f" position, with each object's first field): {difference}"
            )
        print(f"checked {read.name}: both servers return the same"
              f" {count_objects(answers[0])} objects", file=sys.stderr)  # fmt: skip


async def measure(
    http: aiohttp.ClientSession,
    servers: list[Server],
    postmaster: int | None,
    args: argparse.Namespace,
) -> dict[str, dict[str, Stats]]:
    """Per read (and the mixed set), per server: the interleaved rounds' Stats."""
    results: dict[str, dict[str, Stats]] = {}
    current: dict[str, Stats] = {}
    sampler = asyncio.create_task(sample_rss(servers, current, 0.5))
    round_seconds = args.seconds / args.rounds
    try:
        for read in (*READS, MIXED):
            reads = READS if read is MIXED else (read,)
            results[read.name] = {s.name: Stats() for s in servers}
            for server in servers:
                await drive(http, server, reads, args.concurrency, min(2.0, round_seconds),
                            Stats(), random.Random(1))  # fmt: skip  # warm-up
            current.update(results[read.name])
            for number in range(args.rounds):
                for server in servers:
                    # Same page sequence on both: the same seed per round.
                    rng = random.Random(number)
                    stats = results[read.name][server.name]
                    own, database = cpu_seconds(server.pid), cpu_seconds(postmaster)
                    await drive(http, server, reads, args.concurrency, round_seconds, stats, rng)
                    stats.server_cpu += cpu_seconds(server.pid) - own
                    stats.database_cpu += cpu_seconds(postmaster) - database
            print(f"measured {read.name}", file=sys.stderr)
    finally:
        sampler.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await sampler
    return results


def ratio(by_server: dict[str, Stats]) -> float:
    """This API's requests/s over PostGraphile's."""
    theirs = by_server[THEIRS].rate
    return by_server[OURS].rate / theirs if theirs else 0.0


def report(
    results: dict[str, dict[str, Stats]],
    postmaster: int | None,
    idle_database_cpu: float,
    args: argparse.Namespace,
    began: str,
) -> None:
    revision = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    overrides = " ".join(f"{k}={v}" for k, v in sorted(os.environ.items())
                         if k.startswith("REMOTEGPU_")) or "none"  # fmt: skip
    print(f"\n{began} revision={revision} scale={args.scale} seed={args.seed} "
          f"concurrency={args.concurrency} seconds={args.seconds} per read per server in "
          f"{args.rounds} interleaved rounds, one process each, {platform.machine()} "
          f"{machine_line()} (at the end); REMOTEGPU_* set: {overrides}")  # fmt: skip
    print(f"\n| read | {OURS} req/s | p50 ms | p99 ms | {THEIRS} req/s | p50 ms | p99 ms "
          f"| ratio | errors | peak RSS MB ({OURS} / {THEIRS}) |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|")
    descriptions = {r.name: r.description for r in (*READS, MIXED)}
    for name, by_server in results.items():
        ours, theirs = by_server[OURS], by_server[THEIRS]
        errors = sum(ours.errors.values()) + sum(theirs.errors.values())
        error_text = f"{dict(ours.errors)} / {dict(theirs.errors)}" if errors else "0"
        print(f"| {name}: {descriptions[name]} | {ours.rate:,.1f} | {ours.percentile(0.5):,.1f} "
              f"| {ours.percentile(0.99):,.1f} | {theirs.rate:,.1f} "
              f"| {theirs.percentile(0.5):,.1f} | {theirs.percentile(0.99):,.1f} "
              f"| {ratio(by_server):.2f}x | {error_text} "
              f"| {ours.peak_rss / 2**20:,.0f} / {theirs.peak_rss / 2**20:,.0f} |")  # fmt: skip
    database = "PostgreSQL" if postmaster is not None else "PostgreSQL n/a (not on this machine)"
    idle = f"{idle_database_cpu * 1000:.0f} ms/s"
    print(f"\nCPU per request while each server was under load: its process + {database}"
          f" (PostgreSQL with both servers idle: {idle})\n")  # fmt: skip
    print(f"| read | {OURS} CPU ms/request | {THEIRS} CPU ms/request | CPU ratio |")
    print("|---|---|---|---|")
    for name, by_server in results.items():
        (our_own, our_db), (their_own, their_db) = (
            by_server[s].cpu_ms_per_request() for s in (OURS, THEIRS)
        )
        cpu_ratio = (their_own + their_db) / (our_own + our_db) if our_own + our_db else 0.0
        print(f"| {name} | {our_own + our_db:,.1f} ({our_own:,.1f} + {our_db:,.1f}) "
              f"| {their_own + their_db:,.1f} ({their_own:,.1f} + {their_db:,.1f}) "
              f"| {cpu_ratio:.2f}x |")  # fmt: skip


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="per read and server")
    parser.add_argument("--rounds", type=int, default=4, help="interleaved rounds per read")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--scale", default="medium", choices=sorted(SCALES))
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--keep", action="store_true", help="keep the database: the next run reuses it"
    )
    args = parser.parse_args()
    began = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")

    postgraphile = install_postgraphile()
    url, admin_url, name = await prepare(
        f"remotegpu_bench_vs_postgraphile_{args.scale}_{args.seed}"
    )
    print(await seed_database(url, SCALES[args.scale], seed=args.seed, if_empty=True),
          file=sys.stderr)  # fmt: skip
    token, postmaster = await settle(url)
    ours_port, theirs_port = free_port(), free_port()
    env = api_environment(url)
    processes = [
        start("api", [sys.executable, "-m", "remotegpu", "serve", "--host", "127.0.0.1",
                      "--port", str(ours_port), "--workers", "1"], ROOT, env),
        # Its CLI reads postgraphile.tags.json5 from its working directory.
        start("postgraphile", [str(postgraphile), "-c", asyncpg_dsn(url), "--schema", "public",
                               "--host", "127.0.0.1", "--port", str(theirs_port),
                               "--disable-graphiql", "--disable-query-log", "--dynamic-json",
                               "--no-setof-functions-contain-nulls", "--legacy-relations", "omit"],
              POSTGRAPHILE_DIR, {**os.environ, "NODE_ENV": "production"}),
    ]  # fmt: skip
    servers = [
        Server(OURS, processes[0].pid, f"http://127.0.0.1:{ours_port}/graphql",
               {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}, True),
        Server(THEIRS, processes[1].pid, f"http://127.0.0.1:{theirs_port}/graphql",
               {"Content-Type": "application/json"}, False),
    ]  # fmt: skip
    try:
        # Idle connections are dropped after 1 s, before node's 5 s keep-alive timeout closes
        # them under the client between rounds (a reused closed socket is a client error).
        connector = aiohttp.TCPConnector(limit=args.concurrency * 2, keepalive_timeout=1.0)
        timeout = aiohttp.ClientTimeout(total=300)
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
            for process, server, log in zip(processes, servers, ("api", "postgraphile"),
                                            strict=True):  # fmt: skip
                await wait_ready(http, process, server, f"vs_postgraphile_{log}.log")
            for server in servers:
                cursors = await walk_cursors(http, server)
                server.deep_cursors = cursors[len(cursors) // 2 :]
            if len(servers[0].deep_cursors) != len(servers[1].deep_cursors):
                raise SystemExit("the servers page the hosts differently")
            await check_same_items(http, *servers)
            # PostgreSQL's own background work (checkpoints, statistics, the servers' idle
            # connections) is in the CPU figures too: measured alone, to judge them by.
            before = cpu_seconds(postmaster)
            await asyncio.sleep(IDLE_SECONDS)
            idle_database_cpu = (cpu_seconds(postmaster) - before) / IDLE_SECONDS
            results = await measure(http, servers, postmaster, args)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        if not args.keep:
            conn = await asyncpg.connect(asyncpg_dsn(admin_url))
            try:
                await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            finally:
                await conn.close()
    report(results, postmaster, idle_database_cpu, args, began)
    behind = [r.name for r in READS if ratio(results[r.name]) < 1.0]
    print(f"\n>= 1.0x PostGraphile on each of the three reads: {'no' if behind else 'yes'}"
          + (f" (behind on {', '.join(behind)})" if behind else ""))  # fmt: skip
    print(
        "\nRatio = this API's requests/s / PostGraphile's. Both servers and the load generator"
        " share the machine: compare ratios from one run, not absolute figures across runs."
    )


if __name__ == "__main__":
    asyncio.run(main())
