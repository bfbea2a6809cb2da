"""What an admin says about a host or a GPU: the input dataclasses and their validation.

Plain values in, trimmed and normalised values out; a bad value is INVALID_INPUT at its field
(`DomainError.field`). The operations that take these inputs are in hosts.py.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field, replace
from typing import Any

from remotegpu.domain.validators import check_range, invalid, spelled

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


def _text(value: str | None, limit: int, field: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        raise invalid(field, f"{spelled(field)} must not be empty")
    if len(value) > limit:
        raise invalid(field, f"{spelled(field)} is longer than {limit} characters")
    return value


def _ip(value: str | None, field: str) -> str | None:
    if value is None:
        return None
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        raise invalid(field, f"{spelled(field)} is not an IPv4 or IPv6 address") from None


def _port(value: int | None, field: str) -> int | None:
    return check_range(value, field, minimum=1, maximum=65535)


def _labels(value: object) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise invalid("labels", "labels must be a JSON object")
    region = value.get("region")
    if region is not None and (not isinstance(region, str) or not region.strip()):
        raise invalid("labels", "labels.region must be a non-empty string")
    return value


def _tags(value: list[str] | None) -> list[str] | None:
    if value is None:
        return None
    tags = [_text(tag, 64, f"tags.{i}") or "" for i, tag in enumerate(value)]
    return list(dict.fromkeys(tags))  # duplicates say nothing more


def _gpu(gpu: GpuSpec, i: int) -> GpuSpec:
    at = f"gpus.{i}"
    return replace(
        gpu,
        index=check_range(gpu.index, f"{at}.index", minimum=0, maximum=INT_MAX) or 0,
        uuid=_text(gpu.uuid, 128, f"{at}.uuid"),
        name=_text(gpu.name, 128, f"{at}.name"),
        brand=_text(gpu.brand, 64, f"{at}.brand"),
        architecture=_text(gpu.architecture, 64, f"{at}.architecture"),
        memory_total=check_range(
            gpu.memory_total, f"{at}.memory_total", minimum=0, maximum=BIGINT_MAX
        ),
        cuda_cores=check_range(gpu.cuda_cores, f"{at}.cuda_cores", minimum=0, maximum=INT_MAX),
        compute_capability=_text(gpu.compute_capability, 32, f"{at}.compute_capability"),
        power_limit=check_range(gpu.power_limit, f"{at}.power_limit", minimum=1, maximum=INT_MAX),
        temperature_limit=check_range(
            gpu.temperature_limit, f"{at}.temperature_limit", minimum=1, maximum=INT_MAX
        ),
    )


def validate_spec(s: HostSpec) -> HostSpec:
    """The spec with text trimmed and addresses normalised, or INVALID_INPUT at the field."""
    if not _ID.fullmatch(s.id):
        raise invalid("id", "id must be 3 to 64 characters of a-z, 0-9 and '-'")
    if s.os_type not in ("linux", "windows"):
        raise invalid("os_type", "osType must be linux or windows")
    if s.deployment_mode not in ("traditional", "kubernetes"):
        raise invalid("deployment_mode", "deploymentMode must be traditional or kubernetes")
    k8s_node_name = _text(s.k8s_node_name, 128, "k8s_node_name")
    if s.deployment_mode == "kubernetes" and k8s_node_name is None:
        raise invalid("k8s_node_name", "k8sNodeName is required for kubernetes hosts")
    gpus = tuple(_gpu(g, i) for i, g in enumerate(s.gpus))
    for kind in ("index", "uuid"):
        seen: set[object] = set()
        for i, gpu in enumerate(gpus):
            value = getattr(gpu, kind)
            if value is not None and value in seen:
                raise invalid(f"gpus.{i}.{kind}", f"two GPUs of this host have {kind} {value}")
            seen.add(value)
    return replace(
        s,
        name=_text(s.name, 128, "name") or "",
        hostname=_text(s.hostname, 256, "hostname"),
        ip_address=_ip(s.ip_address, "ip_address") or "",
        public_ip=_ip(s.public_ip, "public_ip"),
        os_version=_text(s.os_version, 64, "os_version"),
        arch=_text(s.arch, 20, "arch") or "",
        k8s_node_name=k8s_node_name,
        total_cpu=check_range(s.total_cpu, "total_cpu", minimum=1, maximum=INT_MAX) or 0,
        total_memory=check_range(s.total_memory, "total_memory", minimum=1, maximum=BIGINT_MAX)
        or 0,
        total_disk=check_range(s.total_disk, "total_disk", minimum=0, maximum=BIGINT_MAX),
        ssh_port=_port(s.ssh_port, "ssh_port") or 0,
        winrm_port=_port(s.winrm_port, "winrm_port"),
        agent_port=_port(s.agent_port, "agent_port") or 0,
        labels=_labels(s.labels),
        tags=_tags(s.tags),
        gpus=gpus,
    )


def validate_changes(c: HostChanges) -> HostChanges:
    return replace(
        c,
        name=_text(c.name, 128, "name"),
        hostname=_text(c.hostname, 256, "hostname"),
        ip_address=_ip(c.ip_address, "ip_address"),
        public_ip=_ip(c.public_ip, "public_ip"),
        os_version=_text(c.os_version, 64, "os_version"),
        labels=_labels(c.labels),
        tags=_tags(c.tags),
        ssh_port=_port(c.ssh_port, "ssh_port"),
        winrm_port=_port(c.winrm_port, "winrm_port"),
        agent_port=_port(c.agent_port, "agent_port"),
        total_cpu=check_range(c.total_cpu, "total_cpu", minimum=1, maximum=INT_MAX),
        total_memory=check_range(c.total_memory, "total_memory", minimum=1, maximum=BIGINT_MAX),
        total_disk=check_range(c.total_disk, "total_disk", minimum=0, maximum=BIGINT_MAX),
    )
