"""Environments placed on hosts the way environmentCreate would, with GPUs and gateway ports.

Live environments (creating, running) only land on online, healthy hosts with room; they take
GPUs and raise the host's used_* counters. Every non-deleted environment holds the lowest free
SSH and Jupyter ports (and RDP on Windows) as the API hands them out; deleted environments are
history whose mappings were released, so their ports may repeat.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta

from remotegpu.seed.catalog import GIB
from remotegpu.seed.entities import Customer, Environment, Host, Row, World
from remotegpu.seed.ids import ShortIds, hex_token
from remotegpu.seed.scales import Scale
from remotegpu.seed.timeline import DAY, HOUR, MINUTE, T0, between

ENVIRONMENT_COLUMNS = (
    "id",
    "user_id",
    "host_id",
    "name",
    "description",
    "image",
    "status",
    "cpu",
    "memory",
    "gpu",
    "storage",
    "ssh_port",
    "rdp_port",
    "jupyter_port",
    "container_id",
    "pod_name",
    "created_at",
    "updated_at",
    "started_at",
    "stopped_at",
)
PORT_MAPPING_COLUMNS = (
    "id",
    "env_id",
    "service_type",
    "external_port",
    "internal_port",
    "status",
    "allocated_at",
    "released_at",
)
INTERNAL_PORTS = {"ssh": 22, "jupyter": 8888, "rdp": 3389}
# Ports kept free in each range so the API can still create environments on a seeded platform.
PORT_HEADROOM = 100
GPU_COUNTS = (0, 1, 2, 4, 8)
GPU_WEIGHTS = (0.12, 0.5, 0.2, 0.12, 0.06)
PLACEMENT_ATTEMPTS = 12


def _request(rng: random.Random, host: Host, gpus: int) -> tuple[int, int, int]:
    """(cpu, memory bytes, storage bytes) sized to the host's per-GPU share."""
    if gpus:
        per_gpu_cpu = max(2, host.total_cpu // max(1, host.total_gpu))
        per_gpu_mem = host.total_memory // max(1, host.total_gpu) // GIB
        cpu = gpus * rng.choice((per_gpu_cpu // 2, per_gpu_cpu))
        memory = gpus * rng.choice((per_gpu_mem // 4, per_gpu_mem // 2)) * GIB
    else:
        cpu = rng.choice((2, 4, 8))
        memory = rng.choice((4, 8, 16, 32)) * GIB
    return max(1, cpu), memory, rng.choice((50, 100, 200, 500)) * GIB


class _Placer:
    def __init__(self, world: World, rng: random.Random) -> None:
        self.rng = rng
        self.world = world
        self.eligible = [h for h in world.hosts if h.accepts_new_environments]
        self.free_gpus = {
            h.id: [
                g
                for g in h.gpu_ids
                if world.gpus[g - 1].status == "available"
                and world.gpus[g - 1].health_status == "healthy"
            ]
            for h in self.eligible
        }

    def place(self, env: Environment) -> bool:
        """Try a few random hosts (then CPU-only), like best effort placement; allocate on fit."""
        for gpus_wanted in (env.gpu, 0) if env.gpu else (0,):
            for _ in range(PLACEMENT_ATTEMPTS):
                host = self.rng.choice(self.eligible)
                if gpus_wanted > len(self.free_gpus[host.id]):
                    continue
                cpu, memory, storage = _request(self.rng, host, gpus_wanted)
                if (
                    host.used_cpu + cpu > host.total_cpu
                    or host.used_memory + memory > host.total_memory
                    or host.used_disk + storage > host.total_disk
                ):
                    continue
                env.host_id, env.cpu, env.memory, env.storage, env.gpu = (
                    host.id,
                    cpu,
                    memory,
                    storage,
                    gpus_wanted,
                )
                env.windows = host.os_type == "windows"
                host.used_cpu += cpu
                host.used_memory += memory
                host.used_disk += storage
                host.used_gpu += gpus_wanted
                taken, self.free_gpus[host.id] = (
                    self.free_gpus[host.id][:gpus_wanted],
                    self.free_gpus[host.id][gpus_wanted:],
                )
                for gpu_id in taken:
                    gpu = self.world.gpus[gpu_id - 1]
                    gpu.status, gpu.allocated_to = "allocated", env.id
                    gpu.allocated_at = env.started_at or env.created_at
                env.gpu_ids = taken
                return True
        return False


def _owner_pool(world: World, rng: random.Random, count: int, cap: int) -> list[Customer]:
    active = [c for c in world.customers if c.status == "active"]
    weights = [
        (3.0 if c.is_staff else 1.0) * (2.0 if c.account_type == "enterprise" else 1.0)
        for c in active
    ]
    held: dict[int, int] = {}
    owners: list[Customer] = [world.customer(2), world.customer(3), world.customer(3)]
    for owner in owners:
        held[owner.id] = held.get(owner.id, 0) + 1
    capacity = cap * len(active)
    while len(owners) < min(count, capacity):
        owner = rng.choices(active, weights)[0]
        if held.get(owner.id, 0) < cap:
            held[owner.id] = held.get(owner.id, 0) + 1
            owners.append(owner)
    return owners[:count]


def _live_times(
    rng: random.Random, status: str, earliest: datetime
) -> tuple[datetime, datetime | None, datetime | None]:
    if status == "creating":
        created = between(rng, T0 - 10 * MINUTE, T0 - 10 * timedelta(seconds=1))
        return created, None, None
    if status == "running":
        created = between(rng, max(earliest, T0 - 60 * DAY), T0 - HOUR)
        return created, created + rng.randrange(60, 300) * timedelta(seconds=1), None
    created = between(rng, max(earliest, T0 - 120 * DAY), T0 - 2 * DAY)
    started = created + rng.randrange(60, 300) * timedelta(seconds=1)
    if status == "error" and rng.random() < 0.5:
        return created, None, None
    return created, started, between(rng, started + HOUR, T0 - 10 * MINUTE)


def build_environments(world: World, scale: Scale, rng: random.Random) -> None:
    ranges = world.config.port_ranges
    room = min(end - start + 1 for start, end in (ranges["ssh"], ranges["jupyter"]))
    live_count = min(round(scale.environments * 0.8), room - PORT_HEADROOM)
    ids = ShortIds(rng, "env")
    placer = _Placer(world, rng)
    images = world.active_images
    owners = _owner_pool(world, rng, live_count, world.config.max_environments_per_user)
    for owner in owners:
        status = rng.choices(("running", "creating", "stopped", "error"), (60, 5, 25, 10))[0]
        earliest = owner.created_at
        created, started, stopped = _live_times(rng, status, earliest)
        host = rng.choice(world.hosts)
        env = Environment(
            ids.next(),
            owner.id,
            host.id,
            status,
            rng.choice(images),
            host.os_type == "windows",
            0,
            0,
            rng.choices(GPU_COUNTS, GPU_WEIGHTS)[0],
            0,
            created,
            started,
            stopped,
        )
        if status in ("running", "creating") and not placer.place(env):
            # No room anywhere: the environment waits, stopped, like a failed restart.
            env.status = "stopped"
            env.started_at = created + 2 * MINUTE
            env.stopped_at = between(rng, env.started_at + MINUTE, T0)
        if not env.cpu:
            env.gpu = min(env.gpu, host.total_gpu)
            env.cpu, env.memory, env.storage = _request(rng, host, env.gpu)
        if env.windows:
            env.image = world.windows_image
        world.environments.append(env)

    # History needs customers old enough to have had (and deleted) environments before the week.
    veterans = [
        c
        for c in world.customers
        if c.created_at < T0 - 30 * DAY
        and (c.deleted_at is None or c.deleted_at > c.created_at + 10 * DAY)
    ]
    for _ in range(scale.environments - len(owners)):
        owner = rng.choice(veterans)
        host = rng.choice(world.hosts)
        start = max(owner.created_at, host.created_at)
        end = min(owner.deleted_at or T0, T0 - 8 * DAY)
        created = between(rng, start, end - DAY)
        started = created + rng.randrange(60, 300) * timedelta(seconds=1)
        deleted = started + rng.randrange(2 * 3600, 10 * 86400) * timedelta(seconds=1)
        gpus = min(host.total_gpu, rng.choices(GPU_COUNTS, GPU_WEIGHTS)[0])
        cpu, memory, storage = _request(rng, host, gpus)
        image = world.windows_image if host.os_type == "windows" else rng.choice(world.image_names)
        world.environments.append(
            Environment(
                ids.next(),
                owner.id,
                host.id,
                "deleted",
                image,
                host.os_type == "windows",
                cpu,
                memory,
                gpus,
                storage,
                created,
                started,
                min(deleted, end),
            )
        )
    world.environments.sort(key=lambda e: (e.created_at, e.id))
    _assign_ports(world)


def _assign_ports(world: World) -> None:
    """Lowest free port per range in creation order, as the API allocates them."""
    next_free = {service: start for service, (start, _end) in world.config.port_ranges.items()}
    for env in world.environments:
        if env.status == "deleted":
            continue
        env.ssh_port = next_free["ssh"]
        env.jupyter_port = next_free["jupyter"]
        next_free["ssh"] += 1
        next_free["jupyter"] += 1
        if env.windows:
            env.rdp_port = next_free["rdp"]
            next_free["rdp"] += 1


def environment_rows(world: World, rng: random.Random) -> Iterator[Row]:
    for env in world.environments:
        host = world.hosts_by_id[env.host_id]
        kubernetes = host.deployment_mode == "kubernetes"
        updated = env.stopped_at or env.started_at or env.created_at
        yield (
            env.id,
            env.user_id,
            env.host_id,
            f"{env.image.split('/')[-1].split(':')[0]}-{env.id[4:9]}",
            None if rng.random() < 0.6 else "Experiment workspace",
            env.image,
            env.status,
            env.cpu,
            env.memory,
            env.gpu,
            env.storage,
            env.ssh_port,
            env.rdp_port,
            env.jupyter_port,
            hex_token(rng, 32) if env.status != "deleted" and not kubernetes else None,
            f"{env.id}-0" if kubernetes and env.status != "deleted" else None,
            env.created_at,
            updated,
            env.started_at,
            env.stopped_at,
        )


def port_mapping_rows(world: World, rng: random.Random) -> Iterator[Row]:
    ranges = world.config.port_ranges
    mapping_id = 0
    for env in world.environments:
        ports = {"ssh": env.ssh_port, "jupyter": env.jupyter_port, "rdp": env.rdp_port}
        for service in ("ssh", "jupyter", "rdp") if env.windows else ("ssh", "jupyter"):
            mapping_id += 1
            port = ports[service]
            if port is None:
                # Released history: any port of the range, possibly one active elsewhere now.
                start, end = ranges[service]
                yield (
                    mapping_id,
                    env.id,
                    service,
                    rng.randint(start, end),
                    INTERNAL_PORTS[service],
                    "released",
                    env.created_at,
                    env.stopped_at,
                )
            else:
                yield (
                    mapping_id,
                    env.id,
                    service,
                    port,
                    INTERNAL_PORTS[service],
                    "active",
                    env.created_at,
                    None,
                )
