"""The reads of bench/vs_postgraphile.py in both servers' dialects, and the one load generator.

Each read is written twice with the same selection, in the same order: this API's
(`hosts(first: 100) { nodes { rowId ... gpus(first: 8) ... } }`) and PostGraphile's
(`allHosts(first: 100) { nodes { id ... gpusByHostId(first: 8) ... } }`), with PostGraphile's
`orderBy` spelled out to the orderings this API applies by default, so both servers read the
same rows in the same order. Responses keep the selection's order, which lets `skeleton`
compare two responses object by object without knowing either dialect's names.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import orjson


@dataclass(frozen=True)
class Read:
    name: str
    description: str
    ours: str
    theirs: str
    paged: bool = False  # takes `$after`: random deep cursors of each server's own


FLEET = Read(
    "fleet",
    "100 hosts, each with gpus(first: 8) and environments(first: 10)",
    """query Fleet { hosts(first: 100) { nodes {
  rowId name status healthStatus totalGpu usedGpu
  gpus(first: 8) { nodes { gpuIndex name status } }
  environments(first: 10) { nodes { rowId name status } }
} } }""",
    """query Fleet { allHosts(first: 100, orderBy: ID_ASC) { nodes {
  id name status healthStatus totalGpu usedGpu
  gpusByHostId(first: 8, orderBy: [GPU_INDEX_ASC, ID_ASC]) { nodes { gpuIndex name status } }
  environmentsByHostId(first: 10, orderBy: [CREATED_AT_DESC, ID_DESC]) {
    nodes { id name status }
  }
} } }""",
)
CONSOLE = Read(
    "console",
    "20 environments with host, port mappings, owner",
    """query Console { environments(first: 20) { nodes {
  rowId name status cpu memory gpu createdAt
  host { name status osType arch }
  portMappings(first: 5) { nodes { serviceType externalPort status } }
  owner { username displayName }
} } }""",
    """query Console { allEnvironments(first: 20, orderBy: [CREATED_AT_DESC, ID_DESC]) { nodes {
  id name status cpu memory gpu createdAt
  hostByHostId { name status osType arch }
  portMappingsByEnvId(first: 5, orderBy: [EXTERNAL_PORT_ASC, ID_ASC]) {
    nodes { serviceType externalPort status }
  }
  customerByUserId { username displayName }
} } }""",
)
LIST = Read(
    "list",
    "a keyset page of 10 hosts with pageInfo, after a random deep cursor",
    """query HostsPage($after: String) { hosts(first: 10, after: $after) {
  pageInfo { hasNextPage endCursor } nodes { rowId name status }
} }""",
    """query HostsPage($after: Cursor) { allHosts(first: 10, after: $after, orderBy: ID_ASC) {
  pageInfo { hasNextPage endCursor } nodes { id name status }
} }""",
    paged=True,
)
READS = (FLEET, CONSOLE, LIST)


@dataclass
class Server:
    """One server under test: where it listens, how to talk to it, its own deep cursors."""

    name: str
    pid: int
    url: str
    headers: dict[str, str]
    ours: bool
    deep_cursors: list[str | None] = field(default_factory=list)

    def body(self, read: Read, rng: random.Random) -> bytes:
        document = read.ours if self.ours else read.theirs
        variables = {"after": rng.choice(self.deep_cursors)} if read.paged else {}
        return orjson.dumps({"query": document, "variables": variables})


async def post(http: aiohttp.ClientSession, server: Server, body: bytes) -> dict[str, Any]:
    """One request's decoded payload (`data`), or RuntimeError with what the server said."""
    async with http.post(server.url, data=body, headers=server.headers) as response:
        raw = await response.read()
        status = response.status
    decoded = orjson.loads(raw) if raw[:1] == b"{" else {}
    if status != 200 or decoded.get("errors") or not decoded.get("data"):
        raise RuntimeError(f"{server.name} answered HTTP {status}: {raw[:500]!r}")
    data: dict[str, Any] = decoded["data"]
    return data


async def walk_cursors(http: aiohttp.ClientSession, server: Server) -> list[str | None]:
    """Every page's `after` cursor of the list read, from the first page to the last."""
    cursors: list[str | None] = [None]
    while True:
        body = orjson.dumps(
            {
                "query": LIST.ours if server.ours else LIST.theirs,
                "variables": {"after": cursors[-1]},
            }
        )
        ((_, page),) = (await post(http, server, body)).items()
        if not page["pageInfo"]["hasNextPage"]:
            return cursors
        cursors.append(page["pageInfo"]["endCursor"])


def skeleton(value: Any) -> Any:
    """The response's objects as nested lists by position (field names differ between the
    dialects), each object led by its first field when that is a scalar: a key, lower-cased
    (this API's enums are upper case). Scalars further in (dates, formats) are left out."""
    if isinstance(value, list):
        return [skeleton(item) for item in value]
    if not isinstance(value, dict):
        return None
    first = next(iter(value.values()), None)
    key = None if isinstance(first, dict | list) else str(first).lower()
    return [key, *(skeleton(v) for v in value.values() if isinstance(v, dict | list | None))]


def first_difference(mine: Any, anchor: Any, path: str = "data") -> str | None:
    """Where two skeletons first differ (positions joined by dots), or None."""
    if isinstance(mine, list) and isinstance(anchor, list):
        if len(mine) != len(anchor):
            return f"{path}: {len(mine)} entries vs {len(anchor)}"
        for index, (a, b) in enumerate(zip(mine, anchor, strict=True)):
            found = first_difference(a, b, f"{path}.{index}")
            if found:
                return found
        return None
    return None if mine == anchor else f"{path}: {mine!r} vs {anchor!r}"


def count_objects(value: Any) -> int:
    if isinstance(value, list):
        return sum(count_objects(item) for item in value)
    if isinstance(value, dict):
        return 1 + sum(count_objects(v) for v in value.values())
    return 0


def root_items(data: dict[str, Any]) -> int:
    ((_, connection),) = data.items()
    return len(connection["nodes"])


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    peak_rss: int = 0
    # CPU seconds the server process and PostgreSQL spent while this server was under load
    # (the other one idles meanwhile): a cost per request the machine's noise hardly moves.
    server_cpu: float = 0.0
    database_cpu: float = 0.0

    def cpu_ms_per_request(self) -> tuple[float, float]:
        """(server, PostgreSQL) CPU milliseconds per request."""
        count = max(1, len(self.latencies))
        return self.server_cpu * 1000 / count, self.database_cpu * 1000 / count

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return 0.0
        if fraction == 0.5:
            return statistics.median(ordered) * 1000
        return ordered[max(0, int(len(ordered) * fraction) - 1)] * 1000


async def drive(
    http: aiohttp.ClientSession,
    server: Server,
    reads: tuple[Read, ...],
    concurrency: int,
    seconds: float,
    stats: Stats,
    rng: random.Random,
) -> None:
    """`concurrency` clients, each looping over `reads` (round-robin, shifted per client)."""
    deadline = time.perf_counter() + seconds

    async def client(number: int) -> None:
        turn = number
        while time.perf_counter() < deadline:
            read = reads[turn % len(reads)]
            turn += 1
            started = time.perf_counter()
            try:
                async with http.post(
                    server.url, data=server.body(read, rng), headers=server.headers
                ) as response:
                    raw = await response.read()
                    status = response.status
            except aiohttp.ClientError as exc:
                stats.errors[type(exc).__name__] += 1
                continue
            stats.latencies.append(time.perf_counter() - started)
            if status != 200:
                stats.errors[f"HTTP {status}"] += 1
            elif b'"errors"' in raw and orjson.loads(raw).get("errors"):
                stats.errors["GraphQL errors"] += 1

    began = time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(concurrency)))
    stats.seconds += time.perf_counter() - began


def cpu_seconds(pid: int | None) -> float:
    """CPU time of a process and its descendants, from /proc, with the children that exited
    and were reaped (PostgreSQL's backends come and go with the pools)."""
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    # utime, stime, cutime, cstime: fields 14-17 of proc(5), counted after the command name.
    own = sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    return own + sum(cpu_seconds(int(child)) for child in children)


def postmaster_of(backend_pid: int) -> int | None:
    """The PostgreSQL server process whose backend this is, when it runs on this machine."""
    try:
        parent = int(Path(f"/proc/{backend_pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        name = Path(f"/proc/{parent}/comm").read_text().strip()
    except (OSError, ValueError, IndexError):
        return None
    return parent if name.startswith(("postgres", "postmaster")) else None


def rss_bytes(pid: int) -> int:
    """Resident memory of a process and its descendants, from /proc (0 once it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0
    own = next((int(line.split()[1]) * 1024 for line in status.splitlines()
                if line.startswith("VmRSS:")), 0)  # fmt: skip
    return own + sum(rss_bytes(int(child)) for child in children)


async def sample_rss(servers: list[Server], current: dict[str, Stats], every: float) -> None:
    """Until cancelled: each server's peak RSS into the Stats it is being measured into."""
    while True:
        for server in servers:
            stats = current.get(server.name)
            if stats is not None:
                stats.peak_rss = max(stats.peak_rss, rss_bytes(server.pid))
        await asyncio.sleep(every)


def machine_line() -> str:
    return f"cpus={os.cpu_count()} load={os.getloadavg()[0]:.1f}"
