"""Inputs of the environment mutations: create, start, stop, delete, update, status reports
and custom port mappings."""

from __future__ import annotations

from enum import Enum

import strawberry

from remotegpu.schema.inputs.fields import optional
from remotegpu.schema.scalars import BigInt

# Descriptions that more than one field shares.
_ENVIRONMENT = "The environment (environments.id)."


@strawberry.input(
    description="A new environment. Placed on `hostId` if given, else on the best-fit online, "
    "healthy host; GPUs, ports and host capacity are taken in the same transaction."
)
class EnvironmentCreateInput:
    name: str = strawberry.field(description="Name, 1 to 128 characters.")
    description: str | None = optional("Free text, at most 4000 characters.")
    image: str = strawberry.field(description="Image to run (images.name); must be active.")
    cpu: int = strawberry.field(description="CPU cores, at least 1.")
    memory: BigInt = strawberry.field(description="Memory in bytes, at least 256 MiB.")
    gpu_count: int = strawberry.field(default=0, description="Number of GPUs (0 or more).")
    storage: BigInt | None = optional("Disk in bytes; 10 GiB if omitted.")
    host_id: str | None = optional("Host to place it on (hosts.id); best fit if omitted.")
    workspace_id: int | None = optional(
        "Workspace it belongs to (workspaces.id); the viewer must be an active "
        "owner, admin or member there. Personal if omitted.",
    )
    owner_id: int | None = optional(
        "Customer to create it for (customers.id); platform admins only. The viewer if omitted."
    )
    idempotency_key: str | None = optional(
        "Up to 128 characters: a retry with the same key and input returns the "
        "same environment; the same key with another input is IDEMPOTENCY_CONFLICT.",
    )


@strawberry.input(description="Start a stopped environment again on its host.")
class EnvironmentStartInput:
    id: str = strawberry.field(description=_ENVIRONMENT)


@strawberry.input(description="Stop a running environment: its compute is released.")
class EnvironmentStopInput:
    id: str = strawberry.field(description=_ENVIRONMENT)


@strawberry.input(description="Delete an environment that is running, stopped or failed.")
class EnvironmentDeleteInput:
    id: str = strawberry.field(description=_ENVIRONMENT)


@strawberry.input(description="Rename or re-describe an environment; absent fields stay.")
class EnvironmentUpdateInput:
    id: str = strawberry.field(description=_ENVIRONMENT)
    name: str | None = optional("New name, 1 to 128 characters.")
    description: str | None = optional(
        "New description (at most 4000 characters); empty clears it."
    )


@strawberry.enum(description="What a host agent reports about a creating or running environment.")
class EnvironmentReportedStatus(Enum):
    RUNNING = "running"
    ERROR = "error"


@strawberry.input(
    description="A host agent's report that an environment is running (it was creating) or "
    "has failed (it was creating or running)."
)
class EnvironmentStatusReportInput:
    id: str = strawberry.field(description=_ENVIRONMENT)
    status: EnvironmentReportedStatus = strawberry.field(description="The new status.")
    container_id: str | None = optional("Container id on the host (at most 128 characters).")
    pod_name: str | None = optional("Kubernetes pod name (at most 128 characters).")
    message: str | None = optional("Detail for the owner, e.g. why it failed.")


@strawberry.input(description="Map a custom service port of an environment to a gateway port.")
class PortMappingAddInput:
    environment_id: str = strawberry.field(description=_ENVIRONMENT)
    internal_port: int = strawberry.field(description="Port inside the environment, 1..65535.")


@strawberry.input(description="Release a custom port mapping (ssh/jupyter/rdp go with the env).")
class PortMappingReleaseInput:
    id: int = strawberry.field(description="The port mapping (port_mappings.id).")
