"""What an admin says about a host or a GPU: the input dataclasses and their validation.

Plain values in, trimmed and normalised values out; a bad value is INVALID_INPUT at its field
(`["input", ...]`). The operations that take these inputs are in hosts.py.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field, replace
from typing import Any

from remotegpu.domain.errors import DomainError, ErrorCode

_ID = re.compile(r"[a-z0-9-]{3,64}")
INT_MAX = 2**31 - 1
BIGINT_MAX = 2**63 - 1


@dataclass(frozen=True)
class GpuSpec:
    index: int
    uuid: str | None
    name: str | None = None
    brand: str | None = None
    architecture: str | None = None
    memory_total: int | None = None  # bytes
    cuda_cores: int | None = None
    compute_capability: str | None = None
    power_limit: int | None = None
    temperature_limit: int | None = None


@dataclass(frozen=True)
class HostSpec:
    id: str
    name: str
    ip_address: str
    os_type: str  # linux, windows
    deployment_mode: str  # traditional, kubernetes
    total_cpu: int
    total_memory: int  # bytes
    hostname: str | None = None
    public_ip: str | None = None
    os_version: str | None = None
    arch: str = "x86_64"
    k8s_node_name: str | None = None
    total_disk: int | None = None  # bytes
    ssh_port: int = 22
    winrm_port: int | None = None
    agent_port: int = 8080
    labels: object = None  # a JSON object once validated
    tags: list[str] | None = None
    gpus: tuple[GpuSpec, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class HostChanges:
    """An admin's edit of a host; None leaves a value as it is."""

    name: str | None = None
    hostname: str | None = None
    ip_address: str | None = None
    public_ip: str | None = None
    os_version: str | None = None
    labels: object = None  # a JSON object once validated
    tags: list[str] | None = None
    ssh_port: int | None = None
    winrm_port: int | None = None
    agent_port: int | None = None
    total_cpu: int | None = None
    total_memory: int | None = None
    total_disk: int | None = None


@dataclass(frozen=True)
class GpuChanges:
    """An admin's change of one GPU; None leaves a value as it is."""

    status: str | None = None  # available, maintenance, error; never allocated by hand
    health_status: str | None = None  # healthy, degraded, error
    power_limit: int | None = None
    temperature_limit: int | None = None


# --- validation of plain values ---------------------------------------------------------------


def bad_input(message: str, *path: str) -> DomainError:
    return DomainError(ErrorCode.INVALID_INPUT, message, ["input", *path])


def _text(value: str | None, limit: int, *path: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        raise bad_input(f"{path[-1]} must not be empty", *path)
    if len(value) > limit:
        raise bad_input(f"{path[-1]} is longer than {limit} characters", *path)
    return value


def _ip(value: str | None, *path: str) -> str | None:
    if value is None:
        return None
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        raise bad_input(f"{path[-1]} is not an IPv4 or IPv6 address", *path) from None


def in_range(value: int | None, low: int, high: int, *path: str) -> int | None:
    if value is not None and not low <= value <= high:
        raise bad_input(f"{path[-1]} must be between {low} and {high}", *path)
    return value


def _port(value: int | None, name: str) -> int | None:
    return in_range(value, 1, 65535, name)


def _labels(value: object) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise bad_input("labels must be a JSON object", "labels")
    region = value.get("region")
    if region is not None and (not isinstance(region, str) or not region.strip()):
        raise bad_input("labels.region must be a non-empty string", "labels")
    return value


def _tags(value: list[str] | None) -> list[str] | None:
    if value is None:
        return None
    tags = [_text(tag, 64, "tags", str(i)) or "" for i, tag in enumerate(value)]
    return list(dict.fromkeys(tags))  # duplicates say nothing more


def _gpu(gpu: GpuSpec, i: int) -> GpuSpec:
    at = ("gpus", str(i))
    return replace(
        gpu,
        index=in_range(gpu.index, 0, INT_MAX, *at, "index") or 0,
        uuid=_text(gpu.uuid, 128, *at, "uuid"),
        name=_text(gpu.name, 128, *at, "name"),
        brand=_text(gpu.brand, 64, *at, "brand"),
        architecture=_text(gpu.architecture, 64, *at, "architecture"),
        memory_total=in_range(gpu.memory_total, 0, BIGINT_MAX, *at, "memoryTotal"),
        cuda_cores=in_range(gpu.cuda_cores, 0, INT_MAX, *at, "cudaCores"),
        compute_capability=_text(gpu.compute_capability, 32, *at, "computeCapability"),
        power_limit=in_range(gpu.power_limit, 1, INT_MAX, *at, "powerLimit"),
        temperature_limit=in_range(gpu.temperature_limit, 1, INT_MAX, *at, "temperatureLimit"),
    )


def validate_spec(s: HostSpec) -> HostSpec:
    """The spec with text trimmed and addresses normalised, or INVALID_INPUT at the field."""
    if not _ID.fullmatch(s.id):
        raise bad_input("id must be 3 to 64 characters of a-z, 0-9 and '-'", "id")
    if s.os_type not in ("linux", "windows"):
        raise bad_input("osType must be linux or windows", "osType")
    if s.deployment_mode not in ("traditional", "kubernetes"):
        raise bad_input("deploymentMode must be traditional or kubernetes", "deploymentMode")
    k8s_node_name = _text(s.k8s_node_name, 128, "k8sNodeName")
    if s.deployment_mode == "kubernetes" and k8s_node_name is None:
        raise bad_input("k8sNodeName is required for kubernetes hosts", "k8sNodeName")
    gpus = tuple(_gpu(g, i) for i, g in enumerate(s.gpus))
    for kind in ("index", "uuid"):
        seen: set[object] = set()
        for i, gpu in enumerate(gpus):
            value = getattr(gpu, kind)
            if value is not None and value in seen:
                raise bad_input(f"two GPUs of this host have {kind} {value}", "gpus", str(i), kind)
            seen.add(value)
    return replace(
        s,
        name=_text(s.name, 128, "name") or "",
        hostname=_text(s.hostname, 256, "hostname"),
        ip_address=_ip(s.ip_address, "ipAddress") or "",
        public_ip=_ip(s.public_ip, "publicIp"),
        os_version=_text(s.os_version, 64, "osVersion"),
        arch=_text(s.arch, 20, "arch") or "",
        k8s_node_name=k8s_node_name,
        total_cpu=in_range(s.total_cpu, 1, INT_MAX, "totalCpu") or 0,
        total_memory=in_range(s.total_memory, 1, BIGINT_MAX, "totalMemory") or 0,
        total_disk=in_range(s.total_disk, 0, BIGINT_MAX, "totalDisk"),
        ssh_port=_port(s.ssh_port, "sshPort") or 0,
        winrm_port=_port(s.winrm_port, "winrmPort"),
        agent_port=_port(s.agent_port, "agentPort") or 0,
        labels=_labels(s.labels),
        tags=_tags(s.tags),
        gpus=gpus,
    )


def validate_changes(c: HostChanges) -> HostChanges:
    return replace(
        c,
        name=_text(c.name, 128, "name"),
        hostname=_text(c.hostname, 256, "hostname"),
        ip_address=_ip(c.ip_address, "ipAddress"),
        public_ip=_ip(c.public_ip, "publicIp"),
        os_version=_text(c.os_version, 64, "osVersion"),
        labels=_labels(c.labels),
        tags=_tags(c.tags),
        ssh_port=_port(c.ssh_port, "sshPort"),
        winrm_port=_port(c.winrm_port, "winrmPort"),
        agent_port=_port(c.agent_port, "agentPort"),
        total_cpu=in_range(c.total_cpu, 1, INT_MAX, "totalCpu"),
        total_memory=in_range(c.total_memory, 1, BIGINT_MAX, "totalMemory"),
        total_disk=in_range(c.total_disk, 0, BIGINT_MAX, "totalDisk"),
    )
