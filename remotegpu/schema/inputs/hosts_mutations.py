"""Inputs of the fleet mutations: registering, editing and deleting hosts and GPUs, heartbeats."""

from __future__ import annotations

from enum import Enum

import strawberry

from remotegpu.schema.enums import DeploymentMode, OsType
from remotegpu.schema.inputs.fields import optional
from remotegpu.schema.scalars import JSON, BigInt

# Descriptions that more than one field shares.
_HOSTNAME = "DNS name."
_HOST = "Key of the host (rowId)."


@strawberry.enum(description="The GPU states an admin may set (allocated comes with placement).")
class GpuAdminStatus(Enum):
    AVAILABLE = "available"
    MAINTENANCE = "maintenance"
    ERROR = "error"


@strawberry.enum(description="The health an admin may record for a GPU.")
class GpuHealthStatus(Enum):
    HEALTHY = "healthy"
    DEGRADED = "degraded"
    ERROR = "error"


@strawberry.enum(description="The health a host agent reports with its heartbeat.")
class HeartbeatHealthStatus(Enum):
    HEALTHY = "healthy"
    DEGRADED = "degraded"
    UNHEALTHY = "unhealthy"


@strawberry.input(description="One GPU installed in a host being registered.")
class GpuInventoryInput:
    index: int = strawberry.field(description="Device index on the host, unique within it.")
    uuid: str = strawberry.field(description="Device UUID (e.g. GPU-...), unique on the platform.")
    name: str | None = optional("Model name, e.g. A100-80G.")
    brand: str | None = optional("Vendor, e.g. NVIDIA.")
    architecture: str | None = optional("e.g. Ampere.")
    memory_total: BigInt | None = optional("Memory in bytes.")
    cuda_cores: int | None = optional("Number of CUDA cores.")
    compute_capability: str | None = optional("e.g. 8.0.")
    power_limit: int | None = optional("Power limit in watts.")
    temperature_limit: int | None = optional("Temperature limit in degrees Celsius.")


@strawberry.input(description="A new host and its GPUs; it stays offline until it reports.")
class HostRegisterInput:
    id: str = strawberry.field(description="Key of the host: 3 to 64 of a-z, 0-9 and '-'.")
    name: str = strawberry.field(description="Display name (up to 128 characters).")
    ip_address: str = strawberry.field(description="Private IPv4 or IPv6 address.")
    os_type: OsType = strawberry.field(description="Operating system family.")
    deployment_mode: DeploymentMode = strawberry.field(description="How environments run.")
    total_cpu: int = strawberry.field(description="CPU cores (at least 1).")
    total_memory: BigInt = strawberry.field(description="Memory in bytes (at least 1).")
    hostname: str | None = optional(_HOSTNAME)
    public_ip: str | None = optional("Public IPv4 or IPv6.")
    os_version: str | None = optional("e.g. Ubuntu 22.04.")
    arch: str = strawberry.field(default="x86_64", description="CPU architecture.")
    k8s_node_name: str | None = optional("Kubernetes node name; required for KUBERNETES hosts.")
    total_disk: BigInt | None = optional("Disk in bytes.")
    ssh_port: int = strawberry.field(default=22, description="SSH port of the host.")
    winrm_port: int | None = optional("WinRM port (Windows).")
    agent_port: int = strawberry.field(default=8080, description="Port of the host agent.")
    labels: JSON | None = optional("JSON object of labels; `region` names the host's region.")
    tags: list[str] | None = optional("Free-form tags.")
    gpus: list[GpuInventoryInput] = strawberry.field(
        default_factory=list, description="The host's GPUs (available and healthy at first)."
    )


@strawberry.input(description="Changes to a host; an omitted or null field stays as it is.")
class HostUpdateInput:
    host_id: str = strawberry.field(description=_HOST)
    name: str | None = optional("Display name.")
    hostname: str | None = optional(_HOSTNAME)
    ip_address: str | None = optional("Private IP address.")
    public_ip: str | None = optional("Public IP address.")
    os_version: str | None = optional("Operating system.")
    labels: JSON | None = optional("Replaces the labels.")
    tags: list[str] | None = optional("Replaces the tags.")
    ssh_port: int | None = optional("SSH port.")
    winrm_port: int | None = optional("WinRM port.")
    agent_port: int | None = optional("Agent port.")
    total_cpu: int | None = optional("CPU cores; not below what environments use now.")
    total_memory: BigInt | None = optional("Memory in bytes; not below what environments use now.")
    total_disk: BigInt | None = optional("Disk in bytes; not below what environments use now.")


@strawberry.input(description="The host to put into maintenance.")
class HostMaintenanceEnterInput:
    host_id: str = strawberry.field(description=_HOST)


@strawberry.input(description="The host to take out of maintenance.")
class HostMaintenanceExitInput:
    host_id: str = strawberry.field(description=_HOST)


@strawberry.input(description="The host to delete.")
class HostDeleteInput:
    host_id: str = strawberry.field(description=_HOST)


@strawberry.input(description="Changes to a GPU; an omitted or null field stays as it is.")
class GpuUpdateInput:
    id: int = strawberry.field(description="Key of the GPU (rowId).")
    status: GpuAdminStatus | None = optional("New status.")
    health_status: GpuHealthStatus | None = optional("New health status.")
    power_limit: int | None = optional("Power limit, watts.")
    temperature_limit: int | None = optional("Temperature limit, degrees Celsius.")


@strawberry.input(description="A heartbeat of a host agent.")
class HostHeartbeatInput:
    host_id: str = strawberry.field(description="Key of the reporting host (rowId).")
    health_status: HeartbeatHealthStatus = strawberry.field(
        description="The host's health as the agent sees it."
    )
