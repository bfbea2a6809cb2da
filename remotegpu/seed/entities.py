"""What the generators hand to each other: the seeded world, kept in memory between tables.

Only what later tables need to stay consistent is kept here (ids, owners, statuses, times,
resources); the full rows are built and streamed by each generator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from remotegpu.seed.catalog import GpuModel

Row = tuple[Any, ...]

LIVE_STATUSES = frozenset({"creating", "running"})


@dataclass(slots=True)
class Host:
    id: str
    model: GpuModel
    os_type: str
    status: str
    health_status: str
    total_cpu: int
    total_memory: int
    total_disk: int
    total_gpu: int
    created_at: datetime
    # Metrics stop when the agent went quiet (offline, maintenance).
    reporting_until: datetime
    deployment_mode: str = "traditional"
    used_cpu: int = 0
    used_memory: int = 0
    used_disk: int = 0
    used_gpu: int = 0
    gpu_ids: list[int] = field(default_factory=list)

    @property
    def accepts_new_environments(self) -> bool:
        return self.status == "online" and self.health_status == "healthy"


@dataclass(slots=True)
class Gpu:
    id: int
    host_id: str
    index: int
    model: GpuModel
    status: str
    health_status: str
    allocated_to: str | None = None
    allocated_at: datetime | None = None


@dataclass(slots=True)
class Customer:
    id: int
    username: str
    user_type: str
    account_type: str
    status: str
    created_at: datetime
    deleted_at: datetime | None = None
    personal_workspace_id: int = 0

    @property
    def is_staff(self) -> bool:
        return self.user_type in ("admin", "internal")


@dataclass(slots=True)
class Workspace:
    id: int
    owner_id: int
    type: str
    status: str
    created_at: datetime
    active_member_ids: set[int] = field(default_factory=set)


@dataclass(slots=True)
class Environment:
    id: str
    user_id: int
    host_id: str
    status: str
    image: str
    windows: bool
    cpu: int
    memory: int
    gpu: int
    storage: int
    created_at: datetime
    started_at: datetime | None
    stopped_at: datetime | None
    ssh_port: int | None = None
    jupyter_port: int | None = None
    rdp_port: int | None = None
    gpu_ids: list[int] = field(default_factory=list)

    @property
    def holds_resources(self) -> bool:
        return self.status in LIVE_STATUSES


@dataclass(slots=True)
class Dataset:
    id: int
    customer_id: int
    workspace_id: int | None
    visibility: str
    status: str
    name: str
    created_at: datetime


@dataclass(slots=True)
class Model:
    id: int
    customer_id: int
    workspace_id: int | None
    visibility: str
    framework: str
    name: str
    created_at: datetime
    versions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PlatformConfig:
    """What the seed reads from system_configs (ports and prices), with the file-02 defaults."""

    port_ranges: dict[str, tuple[int, int]]
    max_environments_per_user: int
    prices: dict[str, Decimal]


@dataclass
class World:
    seed: int
    config: PlatformConfig
    hosts: list[Host] = field(default_factory=list)
    hosts_by_id: dict[str, Host] = field(default_factory=dict)
    gpus: list[Gpu] = field(default_factory=list)
    customers: list[Customer] = field(default_factory=list)
    workspaces: list[Workspace] = field(default_factory=list)
    environments: list[Environment] = field(default_factory=list)
    image_rows: list[Row] = field(default_factory=list)
    member_rows: list[Row] = field(default_factory=list)
    image_names: list[str] = field(default_factory=list)
    active_images: list[str] = field(default_factory=list)
    windows_image: str = ""
    datasets: list[Dataset] = field(default_factory=list)
    models: list[Model] = field(default_factory=list)
    training_job_ids: dict[int, list[str]] = field(default_factory=dict)
    inference_service_ids: dict[int, list[str]] = field(default_factory=dict)

    def customer(self, customer_id: int) -> Customer:
        return self.customers[customer_id - 1]

    def workspace(self, workspace_id: int) -> Workspace:
        return self.workspaces[workspace_id - 1]

    def can_read(
        self, customer_id: int, workspace_id: int | None, owner_id: int, visibility: str
    ) -> bool:
        if owner_id == customer_id or visibility == "public":
            return True
        if visibility == "workspace" and workspace_id is not None:
            return customer_id in self.workspace(workspace_id).active_member_ids
        return False
