"""The GPU fleet: hosts in several regions and the GPUs installed in them."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import timedelta

from remotegpu.seed.catalog import (
    GIB,
    GPU_MODELS,
    LINUX_VERSIONS,
    REGIONS,
    TIB,
    WINDOWS_GPU_KEYS,
    WINDOWS_VERSIONS,
    GpuModel,
)
from remotegpu.seed.entities import Gpu, Host, Row, World
from remotegpu.seed.ids import make_uuid
from remotegpu.seed.scales import Scale
from remotegpu.seed.timeline import DAY, HOUR, PLATFORM_START, T0, between

HOST_COLUMNS = (
    "id",
    "name",
    "hostname",
    "ip_address",
    "public_ip",
    "os_type",
    "os_version",
    "arch",
    "deployment_mode",
    "k8s_node_name",
    "status",
    "health_status",
    "total_cpu",
    "total_memory",
    "total_disk",
    "total_gpu",
    "used_cpu",
    "used_memory",
    "used_disk",
    "used_gpu",
    "ssh_port",
    "winrm_port",
    "agent_port",
    "labels",
    "tags",
    "last_heartbeat",
    "registered_at",
    "created_at",
    "updated_at",
)
GPU_COLUMNS = (
    "id",
    "host_id",
    "gpu_index",
    "uuid",
    "name",
    "brand",
    "architecture",
    "memory_total",
    "cuda_cores",
    "compute_capability",
    "status",
    "health_status",
    "allocated_to",
    "allocated_at",
    "power_limit",
    "temperature_limit",
    "created_at",
    "updated_at",
)


def _statuses(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """(status, health) per host: mostly online/healthy, at least one of each unusual state."""
    unusual = [
        *[("offline", "unknown")] * max(1, round(count * 0.05)),
        *[("maintenance", "healthy")] * max(1, round(count * 0.05)),
        *[("online", "degraded")] * max(1, round(count * 0.05)),
        *[("online", "unhealthy")] * max(1, round(count * 0.01)),
    ]
    # The first host stays online and healthy so the demo always has capacity.
    rest = unusual + [("online", "healthy")] * (count - 1 - len(unusual))
    rng.shuffle(rest)
    return [("online", "healthy"), *rest]


def build_fleet(world: World, scale: Scale, rng: random.Random) -> None:
    weights = [m.weight for m in GPU_MODELS]
    plan: list[tuple[GpuModel, int]] = []
    total = 0
    while len(plan) < scale.hosts or total < scale.gpus:
        model = rng.choices(GPU_MODELS, weights)[0]
        count = rng.choice(model.gpus_per_host) if len(plan) < scale.hosts else 8
        plan.append((model, count))
        total += count
    statuses = _statuses(rng, len(plan))
    per_model: dict[str, int] = {}
    for (model, count), (status, health) in zip(plan, statuses, strict=True):
        number = per_model[model.key] = per_model.get(model.key, 0) + 1
        windows = model.key in WINDOWS_GPU_KEYS and rng.random() < 0.25
        created = between(rng, PLATFORM_START - 30 * DAY, PLATFORM_START + 60 * DAY)
        if status == "online":
            until = T0
        elif status == "offline":
            until = between(rng, T0 - 3 * DAY, T0 - HOUR)
        else:
            until = between(rng, T0 - 5 * DAY, T0 - 6 * HOUR)
        scale_down = count / max(model.gpus_per_host)
        host = Host(
            id=f"host-{model.key}-{number:04d}",
            model=model,
            os_type="windows" if windows else "linux",
            status=status,
            health_status=health,
            total_cpu=max(16, int(model.host_cpu * scale_down)),
            total_memory=max(128, int(model.host_memory_gib * scale_down)) * GIB,
            total_disk=max(2, int(model.host_disk_tib * scale_down)) * TIB,
            total_gpu=count,
            created_at=created,
            reporting_until=until,
        )
        world.hosts.append(host)
        world.hosts_by_id[host.id] = host
        for index in range(count):
            gpu_status, gpu_health = "available", "healthy"
            if status == "maintenance":
                gpu_status = "maintenance"
            elif rng.random() < 0.01:
                gpu_status, gpu_health = "error", "error"
            elif health == "degraded" and rng.random() < 0.3:
                gpu_health = "degraded"
            gpu = Gpu(len(world.gpus) + 1, host.id, index, model, gpu_status, gpu_health)
            world.gpus.append(gpu)
            host.gpu_ids.append(gpu.id)
    for host in world.hosts:
        if host.os_type == "linux" and rng.random() < 0.4:
            host.deployment_mode = "kubernetes"
    # Demo RDP mappings need at least one Windows host that takes new environments.
    if not any(h.os_type == "windows" and h.accepts_new_environments for h in world.hosts):
        candidates = [h for h in world.hosts if h.accepts_new_environments]
        candidates[-1].os_type = "windows"
        candidates[-1].deployment_mode = "traditional"


def host_rows(world: World, rng: random.Random) -> Iterator[Row]:
    for position, host in enumerate(world.hosts):
        region_index = position % len(REGIONS)
        region, zones = REGIONS[region_index]
        zone = zones[position // len(REGIONS) % len(zones)]
        rack = f"{zone}-r{(position // 16) % 40 + 1:02d}"
        kubernetes = host.deployment_mode == "kubernetes"
        windows = host.os_type == "windows"
        labels = {"region": region, "zone": zone, "gpu_model": host.model.key, "rack": rack}
        heartbeat = host.reporting_until - timedelta(seconds=rng.randrange(5, 60))
        yield (
            host.id,
            f"{host.model.key.upper()} node {host.id[-4:]} ({zone})",
            f"{host.id}.{zone}.gpu.remotegpu.internal",
            f"10.{region_index * 8 + zones.index(zone)}.{position // 250}.{position % 250 + 1}",
            f"203.0.{113 + position // 250}.{position % 250 + 1}" if rng.random() < 0.3 else None,
            host.os_type,
            rng.choice(WINDOWS_VERSIONS if windows else LINUX_VERSIONS),
            "x86_64",
            "kubernetes" if kubernetes else "traditional",
            f"gpu-node-{host.id.removeprefix('host-')}" if kubernetes else None,
            host.status,
            host.health_status,
            host.total_cpu,
            host.total_memory,
            host.total_disk,
            host.total_gpu,
            host.used_cpu,
            host.used_memory,
            host.used_disk,
            host.used_gpu,
            22,
            5986 if windows else None,
            8080,
            json.dumps(labels, sort_keys=True),
            ["gpu", host.model.key, region] + (["nvlink"] if host.total_gpu == 8 else []),
            heartbeat,
            host.created_at,
            host.created_at,
            heartbeat,
        )


def gpu_rows(world: World, rng: random.Random) -> Iterator[Row]:
    for gpu in world.gpus:
        model = gpu.model
        created = world.hosts_by_id[gpu.host_id].created_at
        yield (
            gpu.id,
            gpu.host_id,
            gpu.index,
            f"GPU-{make_uuid(rng)}",
            model.name,
            model.brand,
            model.architecture,
            model.memory_bytes,
            model.cuda_cores,
            model.compute_capability,
            gpu.status,
            gpu.health_status,
            gpu.allocated_to,
            gpu.allocated_at,
            model.power_watts,
            model.temperature_limit,
            created,
            gpu.allocated_at or created,
        )
