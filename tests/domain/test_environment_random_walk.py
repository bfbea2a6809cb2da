"""A seeded random walk of 1,000 lifecycle mutations over a small fleet: the rules always hold.

The walk runs in-process (GraphQLRunner) on a fresh migrated database with four hosts (one
Windows, one without GPUs) and customers whose quotas range from the external default to
generous. Every step is a random mutation by a random viewer: creates of random sizes (some
pinned to a host, some over quota, some retried with an idempotency key), status reports by
the host's agent or an admin, start, stop, delete, rename, custom ports, tenants poking at
each other's environments, and fleet operations (maintenance, heartbeats, GPU status).

Any outcome is allowed except a top-level GraphQL error, but the walk keeps a model of what
must have happened and checks the responses against it as it goes:
- a transition the state machine forbids is INVALID_TRANSITION (or NOT_FOUND once deleted);
  an allowed stop, delete, rename or status report of a creating environment succeeds;
- a create that exceeds the owner's quota counted over live environments is QUOTA_EXCEEDED;
  a start never takes an environment over quota; no create lands on a host that is not online;
- another tenant's environment is NOT_FOUND and nothing changes;
- every 100 steps and at the end, the invariant checker finds nothing, and the non-deleted
  environments (with their statuses) and the active custom ports the API reports are exactly
  the ones the successful responses produced.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import pytest

from remotegpu.auth.viewer import Viewer
from remotegpu.db.urls import asyncpg_dsn
from tests.graphql import GraphQLRunner, admin_viewer, agent_viewer, customer_viewer, runner_for
from tests.support.db import assert_consistent
from tests.support.documents import mutation_document
from tests.support.fleet import (
    GIB,
    IMAGE,
    TIB,
    add_customer,
    add_host,
    add_image,
)

SEED = 20_261_130
STEPS = 1_000
CHECK_EVERY = 100
LIVE = {"CREATING", "RUNNING"}
KEPT = {"CREATING", "RUNNING", "STOPPED", "ERROR"}
MAX_PER_USER = 10  # system_configs.max_environments_per_user of the migrations

CREATE = mutation_document(
    "environmentCreate",
    "environment { rowId status cpu memory gpu storage host { rowId } portMappings(first: 10) {"
    " nodes { rowId serviceType externalPort } } }",
)
START = """
mutation Start($input: EnvironmentStartInput!) {
  environmentStart(input: $input) { environment { rowId status } errors { code message } }
}
"""
STOP = """
mutation Stop($input: EnvironmentStopInput!) {
  environmentStop(input: $input) { environment { rowId status } errors { code message } }
}
"""
DELETE = """
mutation Delete($input: EnvironmentDeleteInput!) {
  environmentDelete(input: $input) { environment { rowId status } errors { code message } }
}
"""
UPDATE = """
mutation Update($input: EnvironmentUpdateInput!) {
  environmentUpdate(input: $input) { environment { rowId name } errors { code message } }
}
"""
REPORT = """
mutation Report($input: EnvironmentStatusReportInput!) {
  environmentStatusReport(input: $input) {
    environment { rowId status } errors { code message }
  }
}
"""
PORT_ADD = """
mutation PortAdd($input: PortMappingAddInput!) {
  portMappingAdd(input: $input) { portMapping { rowId externalPort } errors { code message } }
}
"""
PORT_RELEASE = """
mutation PortRelease($input: PortMappingReleaseInput!) {
  portMappingRelease(input: $input) { errors { code message } }
}
"""
MAINTENANCE_ENTER = """
mutation Enter($input: HostMaintenanceEnterInput!) {
  hostMaintenanceEnter(input: $input) { errors { code message } }
}
"""
MAINTENANCE_EXIT = """
mutation Exit($input: HostMaintenanceExitInput!) {
  hostMaintenanceExit(input: $input) { errors { code message } }
}
"""
HEARTBEAT = """
mutation Heartbeat($input: HostHeartbeatInput!) {
  hostHeartbeat(input: $input) { errors { code message } }
}
"""
GPU_UPDATE = """
mutation GpuUpdate($input: GpuUpdateInput!) {
  gpuUpdate(input: $input) { errors { code message } }
}
"""
ENVIRONMENTS = """
query Envs($after: String) {
  environments(first: 100, after: $after,
               where: {status: {in: [CREATING, RUNNING, STOPPED, ERROR, DELETING]}}) {
    pageInfo { hasNextPage endCursor }
    nodes { rowId status }
  }
}
"""
CUSTOM_PORTS = """
query Ports($after: String) {
  portMappings(first: 100, after: $after,
               where: {status: {eq: ACTIVE}, serviceType: {eq: CUSTOM}}) {
    pageInfo { hasNextPage endCursor }
    nodes { rowId }
  }
}
"""

# (user_type, cpu cores, memory MB, GPUs, storage bytes, environments): from the external
# default (4 / 8 GiB / 0 GPU / 10 GiB / 1) to generous.
QUOTAS = (
    ("external", 4, 8192, 0, 10 * GIB, 1),
    ("external", 8, 16384, 1, 50 * GIB, 2),
    ("internal", 16, 32768, 2, 200 * GIB, 4),
    ("internal", 32, 131072, 4, 500 * GIB, 5),
    ("internal", 64, 262144, 8, 2 * TIB, 8),
    ("internal", 48, 196608, 6, 1 * TIB, 6),
    ("external", 2, 4096, 0, 10 * GIB, 3),
)


@dataclass(frozen=True)
class Quota:
    user_type: str
    cpu: int
    memory_mb: int
    gpu: int
    storage: int
    environments: int


@dataclass
class Env:
    id: str
    owner: int
    host: str
    status: str
    cpu: int
    memory: int
    gpu: int
    storage: int
    custom_ports: set[int] = field(default_factory=set)
    system_ports: set[int] = field(default_factory=set)


@dataclass
class Walk:
    gql: GraphQLRunner
    conn: asyncpg.Connection
    rng: random.Random
    admin_id: int
    quotas: dict[int, Quota]
    hosts: dict[str, str]  # id -> status, refreshed from SQL after every fleet mutation
    gpu_ids: list[int]
    envs: dict[str, Env] = field(default_factory=dict)
    keys: dict[str, tuple[int, dict[str, Any], str]] = field(default_factory=dict)
    outcomes: Counter[str] = field(default_factory=Counter)
    stricter_quota: int = 0  # QUOTA_EXCEEDED although live usage fits (see over_quota)

    # --- plumbing ---------------------------------------------------------------------------

    async def call(
        self, document: str, root: str, variables: dict[str, Any], viewer: Viewer
    ) -> dict[str, Any]:
        result = await self.gql(document, {"input": variables}, viewer)
        assert "errors" not in result, (root, variables, result["errors"])
        payload: dict[str, Any] = result["data"][root]
        code = payload["errors"][0]["code"] if payload["errors"] else "ok"
        self.outcomes[f"{root}:{code}"] += 1
        return payload

    def customer(self, customer_id: int) -> Viewer:
        return customer_viewer(customer_id, self.quotas[customer_id].user_type)

    @property
    def admin(self) -> Viewer:
        return admin_viewer(self.admin_id)

    def pick(self, valid: set[str], strict: bool = False) -> Env | None:
        """Mostly an environment in a `valid` status for the action, else any (even deleted)."""
        statuses = valid if strict or self.rng.random() < 0.7 else None
        pool = [e for e in self.envs.values() if statuses is None or e.status in statuses]
        if not pool and not strict:
            pool = list(self.envs.values())
        return self.rng.choice(pool) if pool else None

    def live_of(self, owner: int) -> list[Env]:
        return [e for e in self.envs.values() if e.owner == owner and e.status in LIVE]

    def over_quota(self, owner: int, cpu: int, memory: int, gpu: int, storage: int) -> bool:
        """The rule: the owner's live environments plus this one exceed a quota."""
        q, live = self.quotas[owner], self.live_of(owner)
        return (
            len(live) + 1 > min(q.environments, MAX_PER_USER)
            or sum(e.cpu for e in live) + cpu > q.cpu
            or sum(e.memory for e in live) + memory > q.memory_mb * 1024 * 1024
            or sum(e.gpu for e in live) + gpu > q.gpu
            or sum(e.storage for e in live) + storage > q.storage
        )

    def over_quota_kept(self, owner: int, storage: int) -> bool:
        """Counting stopped and failed environments too (count and storage), as a create may."""
        q = self.quotas[owner]
        kept = [e for e in self.envs.values() if e.owner == owner and e.status != "DELETED"]
        return (
            len(kept) + 1 > min(q.environments, MAX_PER_USER)
            or sum(e.storage for e in kept) + storage > q.storage
        )

    async def refresh_hosts(self) -> None:
        rows = await self.conn.fetch("SELECT id, status FROM hosts")
        self.hosts = {r["id"]: r["status"] for r in rows}

    # --- environment lifecycle --------------------------------------------------------------

    async def create(self) -> None:
        rng = self.rng
        owner = rng.choice(list(self.quotas))
        cpu = rng.choice((1, 1, 2, 4, 8))
        memory = rng.choice((1, 2, 4, 8, 16)) * GIB
        gpu = rng.choice((0, 0, 0, 1, 1, 2, 4))
        storage = rng.choice((5, 10, 20, 100)) * GIB
        variables: dict[str, Any] = {
            "name": f"walk-{len(self.envs)}",
            "image": IMAGE,
            "cpu": cpu,
            "memory": str(memory),
            "gpuCount": gpu,
            "storage": str(storage),
        }
        pinned = rng.random() < 0.4
        if pinned:
            variables["hostId"] = rng.choice(sorted(self.hosts))
        viewer = self.customer(owner)
        if rng.random() < 0.15:
            variables["ownerId"] = owner
            viewer = self.admin
        key = None
        if rng.random() < 0.15:
            if self.keys and rng.random() < 0.5:
                await self.retry_with_key(rng.choice(sorted(self.keys)))
                return
            key = f"key-{len(self.keys)}"
            variables["idempotencyKey"] = key
        over = self.over_quota(owner, cpu, memory, gpu, storage)

        payload = await self.call(CREATE, "environmentCreate", variables, viewer)

        if over:
            assert [e["code"] for e in payload["errors"]] == ["QUOTA_EXCEEDED"], payload
            return
        if payload["errors"]:
            code = payload["errors"][0]["code"]
            assert code in {"NO_CAPACITY", "QUOTA_EXCEEDED"}, payload
            if code == "QUOTA_EXCEEDED":
                # Only acceptable when counting stopped/failed environments explains it.
                assert self.over_quota_kept(owner, storage), payload
                self.stricter_quota += 1
            return
        env = payload["environment"]
        host = env["host"]["rowId"]
        assert self.hosts[host] == "online", (host, self.hosts)
        if pinned:
            assert host == variables["hostId"]
        assert env["status"] == "CREATING"
        assert (env["cpu"], int(env["memory"]), env["gpu"], int(env["storage"])) == (
            cpu,
            memory,
            gpu,
            storage,
        )
        services = Counter(n["serviceType"] for n in env["portMappings"]["nodes"])
        windows = await self.conn.fetchval(
            "SELECT os_type = 'windows' FROM hosts WHERE id = $1", host
        )
        assert services == (
            {"SSH": 1, "JUPYTER": 1, "RDP": 1} if windows else {"SSH": 1, "JUPYTER": 1}
        )
        self.envs[env["rowId"]] = Env(
            env["rowId"],
            owner,
            host,
            "CREATING",
            cpu,
            memory,
            gpu,
            storage,
            system_ports={n["rowId"] for n in env["portMappings"]["nodes"]},
        )
        if key is not None:
            self.keys[key] = (owner, variables, env["rowId"])

    async def retry_with_key(self, key: str) -> None:
        owner, variables, env_id = self.keys[key]
        viewer = self.admin if "ownerId" in variables else self.customer(owner)
        same = self.rng.random() < 0.6
        sent = variables if same else {**variables, "name": f"{variables['name']}-other"}
        before = len(self.envs)

        payload = await self.call(CREATE, "environmentCreate", sent, viewer)

        if same:
            assert payload["errors"] == [], payload
            assert payload["environment"]["rowId"] == env_id
        else:
            assert [e["code"] for e in payload["errors"]] == ["IDEMPOTENCY_CONFLICT"], payload
        assert len(self.envs) == before

    async def report(self) -> None:
        env = self.pick({"CREATING", "RUNNING"})
        if env is None:
            return
        status = self.rng.choice(("RUNNING", "RUNNING", "ERROR"))
        who = self.rng.random()
        if who < 0.45:
            viewer, allowed = agent_viewer(self.admin_id, env.host), True
        elif who < 0.9:
            viewer, allowed = self.admin, True
        elif who < 0.95:
            other = next(h for h in sorted(self.hosts) if h != env.host)
            viewer, allowed = agent_viewer(self.admin_id, other), False
        else:
            viewer, allowed = self.customer(env.owner), False

        payload = await self.call(
            REPORT, "environmentStatusReport", {"id": env.id, "status": status}, viewer
        )

        if not allowed:
            assert payload["errors"], payload
            return
        if env.status == "CREATING":
            assert payload["errors"] == [], payload
        elif env.status in {"STOPPED", "ERROR", "DELETED"}:
            assert payload["errors"], payload
        if not payload["errors"]:
            assert payload["environment"]["status"] == status
            env.status = status

    async def start(self) -> None:
        env = self.pick({"STOPPED"})
        if env is None:
            return
        over = env.status == "STOPPED" and self.over_quota(
            env.owner, env.cpu, env.memory, env.gpu, env.storage
        )
        payload = await self.call(
            START, "environmentStart", {"id": env.id}, self.customer(env.owner)
        )
        if env.status != "STOPPED":
            self.expect_invalid(env, payload)
            return
        if over or self.hosts[env.host] != "online":
            assert payload["errors"], payload
            return
        if payload["errors"]:
            assert payload["errors"][0]["code"] in {"NO_CAPACITY", "NO_PORTS"}, payload
            return
        assert payload["environment"]["status"] == "RUNNING"
        env.status = "RUNNING"

    async def stop(self) -> None:
        env = self.pick({"RUNNING"})
        if env is None:
            return
        payload = await self.call(STOP, "environmentStop", {"id": env.id}, self.customer(env.owner))
        if env.status != "RUNNING":
            self.expect_invalid(env, payload)
            return
        assert payload["errors"] == [], payload
        assert payload["environment"]["status"] == "STOPPED"
        env.status = "STOPPED"

    async def delete(self) -> None:
        env = self.pick({"RUNNING", "STOPPED", "ERROR"})
        if env is None:
            return
        viewer = self.admin if self.rng.random() < 0.2 else self.customer(env.owner)
        payload = await self.call(DELETE, "environmentDelete", {"id": env.id}, viewer)
        if env.status not in {"RUNNING", "STOPPED", "ERROR"}:
            self.expect_invalid(env, payload)
            return
        assert payload["errors"] == [], payload
        if payload["environment"] is not None:
            assert payload["environment"]["status"] == "DELETED"
        env.status = "DELETED"
        env.custom_ports.clear()
        env.system_ports.clear()

    def expect_invalid(self, env: Env, payload: dict[str, Any]) -> None:
        codes = [e["code"] for e in payload["errors"]]
        allowed = (
            {"INVALID_TRANSITION", "NOT_FOUND"}
            if env.status == "DELETED"
            else {"INVALID_TRANSITION"}
        )
        assert len(codes) == 1, payload
        assert codes[0] in allowed, (env, payload)

    async def rename(self) -> None:
        env = self.pick(KEPT)
        if env is None:
            return
        name = f"renamed-{self.rng.randrange(10**6)}"
        payload = await self.call(
            UPDATE,
            "environmentUpdate",
            {"id": env.id, "name": name, "description": "moved by the random walk"},
            self.customer(env.owner),
        )
        if env.status != "DELETED":
            assert payload["errors"] == [], payload
            assert payload["environment"]["name"] == name
        else:
            assert payload["errors"], payload

    async def port_add(self) -> None:
        env = self.pick(KEPT)
        if env is None:
            return
        internal = self.rng.randrange(1024, 10_000)
        payload = await self.call(
            PORT_ADD,
            "portMappingAdd",
            {"environmentId": env.id, "internalPort": internal},
            self.customer(env.owner),
        )
        if env.status == "DELETED":
            assert payload["errors"], payload
        if not payload["errors"]:
            env.custom_ports.add(payload["portMapping"]["rowId"])

    async def port_release(self) -> None:
        env = self.pick(KEPT, strict=True)
        if env is None:
            return
        system = not env.custom_ports or self.rng.random() < 0.15
        mapping = self.rng.choice(sorted(env.system_ports if system else env.custom_ports))
        payload = await self.call(
            PORT_RELEASE, "portMappingRelease", {"id": mapping}, self.customer(env.owner)
        )
        if system:
            # The ssh/jupyter/rdp ports belong to the environment until it is deleted.
            assert payload["errors"], payload
            return
        assert payload["errors"] == [], payload
        env.custom_ports.discard(mapping)

    async def trespass(self) -> None:
        """Another tenant acts on an environment: NOT_FOUND, and nothing changes."""
        env = self.pick(KEPT, strict=True)
        if env is None:
            return
        intruder = self.rng.choice([c for c in self.quotas if c != env.owner])
        document, root, variables = self.rng.choice(
            (
                (STOP, "environmentStop", {"id": env.id}),
                (START, "environmentStart", {"id": env.id}),
                (DELETE, "environmentDelete", {"id": env.id}),
                (UPDATE, "environmentUpdate", {"id": env.id, "name": "stolen"}),
                (PORT_ADD, "portMappingAdd", {"environmentId": env.id, "internalPort": 8080}),
            )
        )
        before = await self.conn.fetchrow(
            "SELECT status, name FROM environments WHERE id = $1", env.id
        )
        payload = await self.call(document, root, variables, self.customer(intruder))
        assert [e["code"] for e in payload["errors"]] == ["NOT_FOUND"], payload
        after = await self.conn.fetchrow(
            "SELECT status, name FROM environments WHERE id = $1", env.id
        )
        assert after == before

    # --- fleet ------------------------------------------------------------------------------

    async def fleet(self) -> None:
        rng = self.rng
        host = rng.choice(sorted(self.hosts))
        kind = rng.random()
        if kind < 0.15:
            await self.call(MAINTENANCE_ENTER, "hostMaintenanceEnter", {"hostId": host}, self.admin)
        elif kind < 0.35:
            await self.call(MAINTENANCE_EXIT, "hostMaintenanceExit", {"hostId": host}, self.admin)
        elif kind < 0.75:
            viewer = agent_viewer(self.admin_id, host) if rng.random() < 0.5 else self.admin
            await self.call(
                HEARTBEAT, "hostHeartbeat", {"hostId": host, "healthStatus": "HEALTHY"}, viewer
            )
        else:
            gpu = rng.choice(self.gpu_ids)
            allocated = await self.conn.fetchval(
                "SELECT status = 'allocated' FROM gpus WHERE id = $1", gpu
            )
            status = rng.choice(("AVAILABLE", "AVAILABLE", "MAINTENANCE", "ERROR"))
            payload = await self.call(
                GPU_UPDATE, "gpuUpdate", {"id": gpu, "status": status}, self.admin
            )
            if allocated and status == "AVAILABLE":
                # Only releasing the environment frees an allocated GPU.
                assert payload["errors"] or await self.conn.fetchval(
                    "SELECT status = 'allocated' FROM gpus WHERE id = $1", gpu
                ), payload
        await self.refresh_hosts()

    # --- checks -----------------------------------------------------------------------------

    async def pages(self, document: str, root: str) -> list[dict[str, Any]]:
        nodes: list[dict[str, Any]] = []
        after = None
        while True:
            data = await self.gql.ok(document, {"after": after}, self.admin)
            nodes += data[root]["nodes"]
            info = data[root]["pageInfo"]
            if not info["hasNextPage"]:
                return nodes
            after = info["endCursor"]

    async def check(self) -> None:
        await assert_consistent(self.conn)
        reported = {n["rowId"]: n["status"] for n in await self.pages(ENVIRONMENTS, "environments")}
        expected = {e.id: e.status for e in self.envs.values() if e.status != "DELETED"}
        assert reported == expected
        ports = {n["rowId"] for n in await self.pages(CUSTOM_PORTS, "portMappings")}
        assert ports == {p for e in self.envs.values() for p in e.custom_ports}

    async def step(self) -> None:
        action = self.rng.choices(
            (
                self.create,
                self.report,
                self.start,
                self.stop,
                self.delete,
                self.rename,
                self.port_add,
                self.port_release,
                self.trespass,
                self.fleet,
            ),
            weights=(26, 16, 8, 10, 12, 4, 6, 5, 4, 9),
        )[0]
        await action()


async def build_fleet(conn: asyncpg.Connection) -> tuple[int, dict[int, Quota], list[int]]:
    await add_image(conn)
    await add_host(conn, host_id="walk-a100", gpus=8, cpu=64, memory=512 * GIB, disk=4 * TIB)
    await add_host(conn, host_id="walk-l40", gpus=4, cpu=32, memory=128 * GIB, disk=2 * TIB)
    await add_host(
        conn, host_id="walk-win", gpus=2, cpu=16, memory=64 * GIB, disk=1 * TIB, os_type="windows"
    )
    await add_host(conn, host_id="walk-cpu", gpus=0, cpu=16, memory=64 * GIB, disk=1 * TIB)
    admin_id = await add_customer(
        conn, user_type="admin", cpu=10_000, memory_mb=10**8, gpu=1_000, storage=10**15
    )
    quotas: dict[int, Quota] = {}
    for user_type, cpu, memory_mb, gpu, storage, environments in QUOTAS:
        customer = await add_customer(
            conn,
            user_type=user_type,
            cpu=cpu,
            memory_mb=memory_mb,
            gpu=gpu,
            storage=storage,
            environments=environments,
        )
        quotas[customer] = Quota(user_type, cpu, memory_mb, gpu, storage, environments)
    gpu_ids = [r["id"] for r in await conn.fetch("SELECT id FROM gpus ORDER BY id")]
    return admin_id, quotas, gpu_ids


@pytest.fixture
async def walk_db(migrated_url: str) -> AsyncIterator[tuple[GraphQLRunner, asyncpg.Connection]]:
    conn = await asyncpg.connect(asyncpg_dsn(migrated_url))
    async for runner in runner_for(migrated_url):
        yield runner, conn
    await conn.close()


async def test_environment_lifecycle_random_walk_of_1000_mutations_keeps_every_rule(
    walk_db: tuple[GraphQLRunner, asyncpg.Connection],
) -> None:
    gql, conn = walk_db
    admin_id, quotas, gpu_ids = await build_fleet(conn)
    rng = random.Random(SEED)  # noqa: S311  # a reproducible walk, not a secret
    walk = Walk(gql, conn, rng, admin_id, quotas, {}, gpu_ids)
    await walk.refresh_hosts()

    for number in range(1, STEPS + 1):
        await walk.step()
        if number % CHECK_EVERY == 0:
            await walk.check()

    print("\nrandom walk outcomes:", dict(sorted(walk.outcomes.items())))
    print("QUOTA_EXCEEDED only by counting stopped/failed environments:", walk.stricter_quota)
    # The walk must have exercised the lifecycle, not only bounced off errors.
    assert len(walk.envs) >= 50
    for outcome, least in (
        ("environmentStatusReport:ok", 30),
        ("environmentStop:ok", 15),
        ("environmentStart:ok", 5),
        ("environmentDelete:ok", 30),
        ("environmentCreate:QUOTA_EXCEEDED", 20),
        ("environmentCreate:NO_CAPACITY", 10),
        ("portMappingAdd:ok", 10),
        ("portMappingRelease:ok", 5),
    ):
        assert walk.outcomes[outcome] >= least, (outcome, walk.outcomes)
