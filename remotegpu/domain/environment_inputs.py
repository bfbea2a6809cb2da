"""What environmentCreate and the agent's status report say, as plain values, and the
validation of a create request (INVALID_INPUT at the field). The operations are in
environments.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from remotegpu.domain.environment_access import clean_description, clean_name
from remotegpu.domain.idempotency import KEY_MAX
from remotegpu.domain.validators import invalid

MIB = 1024 * 1024
GIB = 1024 * MIB
MIN_MEMORY = 256 * MIB
DEFAULT_STORAGE = 10 * GIB
BIGINT_MAX = 2**63 - 1


@dataclass(frozen=True)
class CreateSpec:
    """The input of environmentCreate, as plain values."""

    name: str
    image: str
    cpu: int
    memory: int
    gpu_count: int = 0
    storage: int | None = None
    description: str | None = None
    host_id: str | None = None
    workspace_id: int | None = None
    owner_id: int | None = None
    idempotency_key: str | None = None


class ReportedStatus(StrEnum):
    RUNNING = "running"
    ERROR = "error"


def validated_spec(spec: CreateSpec) -> CreateSpec:
    if not spec.image or len(spec.image) > 256:
        raise invalid("image", "image must be 1 to 256 characters")
    if spec.cpu < 1:
        raise invalid("cpu", "cpu must be at least 1 core")
    if not MIN_MEMORY <= spec.memory <= BIGINT_MAX:
        raise invalid("memory", f"memory must be at least {MIN_MEMORY} bytes (256 MiB)")
    if spec.gpu_count < 0:
        raise invalid("gpu_count", "gpuCount must not be negative")
    storage = DEFAULT_STORAGE if spec.storage is None else spec.storage
    if not 0 < storage <= BIGINT_MAX:
        raise invalid("storage", "storage must be a positive number of bytes")
    if spec.host_id is not None and not 0 < len(spec.host_id) <= 64:
        raise invalid("host_id", "hostId must be 1 to 64 characters")
    key = spec.idempotency_key
    if key is not None and not 0 < len(key) <= KEY_MAX:
        raise invalid("idempotency_key", f"idempotencyKey must be 1 to {KEY_MAX} characters")
    return replace(
        spec,
        name=clean_name(spec.name),
        description=clean_description(spec.description),
        storage=storage,
    )
