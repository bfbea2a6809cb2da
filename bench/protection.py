"""What the request protection costs and saves, in-process on a seeded `small` fleet.

    .venv/bin/python bench/protection.py --requests 300

1. A simple list read (a keyset page of 10 hosts) run N times under cProfile: the share of
   CPU spent in graphql-core validation, which the per-Settings validation cache removes
   after the first request.
2. The reported attack (depth 12, 30 aliases, under every document limit; 100^4
   environments per alias) over in-process HTTP: status, seconds, response bytes.

To compare with an older commit, run a copy of this script from that commit's tree on the
same server: `git archive <rev> | tar -x -C /tmp/old && cp bench/protection.py /tmp/old/bench/
&& .venv/bin/python /tmp/old/bench/protection.py --pgdata .remotegpu/bench-pgdata`.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import sys
import time
from pathlib import Path

import httpx
from starlette.requests import Request

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from remotegpu.api import build_schema  # noqa: E402
from remotegpu.app import create_app  # noqa: E402
from remotegpu.auth.tokens import create_access_token  # noqa: E402
from remotegpu.auth.viewer import Scope, Viewer  # noqa: E402
from remotegpu.context import Context  # noqa: E402
from remotegpu.db.embedded import ensure_database, start_embedded_server  # noqa: E402
from remotegpu.db.engine import create_engine, create_session_factory  # noqa: E402
from remotegpu.db.migrate import migrate  # noqa: E402
from remotegpu.seed import SCALES, seed_database  # noqa: E402
from remotegpu.settings import Settings  # noqa: E402

HOSTS_PAGE = """query HostsPage { hosts(first: 10) {
  pageInfo { hasNextPage endCursor } nodes { rowId name status } } }"""
_NESTED = (
    "environments(first: 100) { nodes { owner { "
    "environments(first: 100) { nodes { owner { "
    "environments(first: 100) { nodes { owner { "
    "environments(first: 100) { nodes { name } } } } } } } } } } }"
)
ATTACK = "{ " + " ".join(f"a{i}: {_NESTED}" for i in range(30)) + " }"
ADMIN = Viewer(customer_id=1, username="admin", user_type="admin", scopes=frozenset(Scope))


async def prepare(pgdata: Path) -> str:
    admin = start_embedded_server(pgdata)
    url = await ensure_database(admin, "remotegpu_bench_small")
    await migrate(url)
    await seed_database(url, SCALES["small"], seed=42, if_empty=True)
    return url


async def validation_share(url: str, settings: Settings, requests: int) -> None:
    engine = create_engine(url, settings)
    sessions = create_session_factory(engine)
    schema = build_schema(settings)
    request = Request({"type": "http", "method": "POST", "path": "/graphql", "headers": []})

    async def once() -> None:
        context = Context(settings=settings, sessions=sessions, request=request, viewer=ADMIN)
        result = await schema.execute(HOSTS_PAGE, context_value=context)
        assert result.errors is None, result.errors

    await once()
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    for _ in range(requests):
        await once()
    profile.disable()
    elapsed = time.perf_counter() - started
    await engine.dispose()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(row[2] for row in stats.values())
    validating = sum(
        row[3]
        for (path, _, name), row in stats.items()
        if name == "validate" and path.endswith("graphql/validation/validate.py")
    )
    print(
        f"simple list read x{requests}: {elapsed / requests * 1000:.1f} ms each under the "
        f"profiler; graphql validation {validating / total * 100:.1f}% of CPU"
    )


async def attack(url: str, settings: Settings) -> None:
    app = create_app(settings, url)
    token = create_access_token(settings, ADMIN.customer_id).token
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench", timeout=600) as c:
        started = time.perf_counter()
        response = await c.post(
            "/graphql", json={"query": ATTACK}, headers={"Authorization": f"Bearer {token}"}
        )
        elapsed = time.perf_counter() - started
    await app.state.engine.dispose()
    print(
        f"attack: HTTP {response.status_code} in {elapsed:.2f} s, {len(response.content)} "
        f"bytes: {response.text[:100]}"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--pgdata", type=Path, default=ROOT / ".remotegpu" / "bench-pgdata")
    args = parser.parse_args()
    url = await prepare(args.pgdata)
    settings = Settings()
    await validation_share(url, settings, args.requests)
    await attack(url, settings)


if __name__ == "__main__":
    asyncio.run(main())
