"""A week of host, GPU and environment samples on a fixed grid, sized to the scale's total.

One sampling interval per table is chosen so the three tables together reach the scale's
sample count; rows are generated lazily (millions at the large scale) and streamed to COPY.
GPU utilisation follows allocation: busy after the GPU was handed to an environment, idle
before and when free.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from remotegpu.seed.catalog import GIB
from remotegpu.seed.entities import Row, World
from remotegpu.seed.timeline import METRICS_START, T0

HOST_METRIC_COLUMNS = (
    "id",
    "host_id",
    "cpu_usage_percent",
    "cpu_load_1m",
    "cpu_load_5m",
    "cpu_load_15m",
    "memory_used",
    "memory_available",
    "memory_usage_percent",
    "disk_used",
    "disk_available",
    "disk_usage_percent",
    "disk_io_read_bytes",
    "disk_io_write_bytes",
    "network_rx_bytes",
    "network_tx_bytes",
    "network_rx_packets",
    "network_tx_packets",
    "gpu_avg_utilization",
    "gpu_avg_memory_used",
    "gpu_avg_temperature",
    "gpu_avg_power",
    "collected_at",
)
GPU_METRIC_COLUMNS = (
    "id",
    "gpu_id",
    "host_id",
    "utilization_percent",
    "memory_used",
    "memory_usage_percent",
    "temperature",
    "power_draw",
    "fan_speed_percent",
    "sm_clock",
    "memory_clock",
    "process_count",
    "collected_at",
)
ENVIRONMENT_METRIC_COLUMNS = (
    "id",
    "env_id",
    "cpu_usage_percent",
    "memory_usage_percent",
    "gpu_usage_percent",
    "disk_usage_percent",
    "network_rx_bytes",
    "network_tx_bytes",
    "collected_at",
)
SHARES = {"environment": 0.30, "host": 0.20}  # the GPU table takes the rest
WEEK_SECONDS = int((T0 - METRICS_START).total_seconds())

Window = tuple[datetime, datetime]


def _grid_index(moment: datetime, interval: int) -> int:
    """Index of the first grid point at or after `moment`."""
    return math.ceil((moment - METRICS_START).total_seconds() / interval)


def _count(windows: list[Window], interval: int) -> int:
    return sum(
        max(0, _grid_index(end, interval) - _grid_index(start, interval)) for start, end in windows
    )


def _interval_for(windows: list[Window], target: int) -> int:
    """The longest whole-minute interval whose samples over the windows reach `target`."""
    low, high = 1, WEEK_SECONDS // 60
    while low < high:
        middle = (low + high + 1) // 2
        if _count(windows, middle * 60) >= target:
            low = middle
        else:
            high = middle - 1
    return low * 60


@dataclass
class MetricPlan:
    interval: int
    windows: list[Window]
    total: int
    times: list[datetime]
    diurnal: list[float]

    @classmethod
    def make(cls, windows: list[Window], target: int) -> MetricPlan:
        interval = _interval_for(windows, max(1, target))
        steps = WEEK_SECONDS // interval + 1
        times = [METRICS_START + timedelta(seconds=k * interval) for k in range(steps)]
        # Busier in the (Asia/Europe) working day, quiet at night.
        diurnal = [0.75 + 0.25 * math.sin((t.hour - 6) / 24 * 2 * math.pi) for t in times]
        return cls(interval, windows, _count(windows, interval), times, diurnal)

    def indices(self, window: Window) -> range:
        return range(_grid_index(window[0], self.interval), _grid_index(window[1], self.interval))


@dataclass
class MetricPlans:
    host: MetricPlan
    gpu: MetricPlan
    environment: MetricPlan


def _host_window(world: World, host_id: str) -> Window:
    host = world.hosts_by_id[host_id]
    return max(METRICS_START, host.created_at), host.reporting_until


def plan_metrics(world: World, total: int) -> MetricPlans:
    env_windows: list[Window] = []
    for env in world.environments:
        if env.status == "deleted" or env.started_at is None:
            continue
        end = env.stopped_at or T0
        env_windows.append((max(METRICS_START, env.started_at), end))
    environment = MetricPlan.make(env_windows, int(total * SHARES["environment"]))
    host = MetricPlan.make(
        [_host_window(world, h.id) for h in world.hosts], int(total * SHARES["host"])
    )
    gpu = MetricPlan.make(
        [_host_window(world, g.host_id) for g in world.gpus],
        total - environment.total - host.total,
    )
    return MetricPlans(host, gpu, environment)


def host_metric_rows(world: World, plan: MetricPlan, rng: random.Random) -> Iterator[Row]:
    row_id = 0
    rand = rng.random
    for host in world.hosts:
        cpu_share = host.used_cpu / host.total_cpu
        gpu_share = host.used_gpu / max(1, host.total_gpu)
        mem_base = host.used_memory * 0.7 + 16 * GIB
        disk_base = host.used_disk * 0.4 + 200 * GIB
        gpu_mem = host.model.memory_bytes
        power = host.model.power_watts
        for k in plan.indices(_host_window(world, host.id)):
            day = plan.diurnal[k]
            cpu = min(100.0, (5 + 80 * cpu_share * day) * (0.85 + 0.3 * rand()))
            load = cpu / 100 * host.total_cpu
            mem = min(host.total_memory, int(mem_base * (0.9 + 0.2 * rand())))
            disk = min(host.total_disk, int(disk_base * (0.98 + 0.04 * rand())))
            util = min(100.0, 90 * gpu_share * day * (0.8 + 0.4 * rand()) + 2 * rand())
            row_id += 1
            yield (
                row_id,
                host.id,
                round(cpu, 2),
                round(load, 2),
                round(load * 0.95, 2),
                round(load * 0.9, 2),
                mem,
                host.total_memory - mem,
                round(mem / host.total_memory * 100, 2),
                disk,
                host.total_disk - disk,
                round(disk / host.total_disk * 100, 2),
                int(5e8 * cpu * rand()),
                int(2e8 * cpu * rand()),
                int(1e9 * day * rand()),
                int(4e8 * day * rand()),
                int(7e5 * day * rand()),
                int(3e5 * day * rand()),
                round(util, 2),
                int(gpu_mem * util / 100 * 0.9),
                round(34 + util * 0.45 + 3 * rand(), 1),
                round(power * (0.12 + 0.78 * util / 100), 1),
                plan.times[k],
            )


def gpu_metric_rows(world: World, plan: MetricPlan, rng: random.Random) -> Iterator[Row]:
    row_id = 0
    rand = rng.random
    for gpu in world.gpus:
        model = gpu.model
        busy_from = (
            _grid_index(gpu.allocated_at, plan.interval)
            if gpu.allocated_at is not None
            else 1 << 30
        )
        broken = gpu.status in ("error", "maintenance")
        max_clock = 1980 if model.architecture in ("Hopper", "Ada Lovelace") else 1410
        mem_clock = 2619 if model.architecture == "Hopper" else 1593
        memory = model.memory_bytes
        power = model.power_watts
        for k in plan.indices(_host_window(world, gpu.host_id)):
            if k >= busy_from:
                util = min(100.0, (55 + 45 * rand()) * plan.diurnal[k] + 10 * rand())
                used = memory * (0.5 + 0.45 * rand())
                processes = 1 + int(3 * rand())
            else:
                util = 0.0 if broken else 3 * rand()
                used = 0.0 if broken else memory * 0.01 * rand()
                processes = 0
            row_id += 1
            yield (
                row_id,
                gpu.id,
                gpu.host_id,
                round(util, 2),
                int(used),
                round(used / memory * 100, 2),
                round(33 + util * 0.47 + 4 * rand(), 1),
                round(power * (0.1 + 0.85 * util / 100), 1),
                round(min(100.0, 30 + util * 0.6), 1),
                int(210 + (max_clock - 210) * min(1.0, util / 40)),
                mem_clock,
                processes,
                plan.times[k],
            )


def environment_metric_rows(world: World, plan: MetricPlan, rng: random.Random) -> Iterator[Row]:
    row_id = 0
    rand = rng.random
    for env in world.environments:
        if env.status == "deleted" or env.started_at is None:
            continue
        window = (max(METRICS_START, env.started_at), env.stopped_at or T0)
        cpu_base = 20 + 60 * rand()
        disk_base = 10 + 70 * rand()
        has_gpu = env.gpu > 0
        for k in plan.indices(window):
            day = plan.diurnal[k]
            row_id += 1
            yield (
                row_id,
                env.id,
                round(min(100.0, cpu_base * day * (0.7 + 0.6 * rand())), 2),
                round(30 + 50 * rand(), 2),
                round(min(100.0, (50 + 50 * rand()) * day), 2) if has_gpu else 0.0,
                round(disk_base + 2 * rand(), 2),
                int(5e7 * day * rand()),
                int(1e7 * day * rand()),
                plan.times[k],
            )
