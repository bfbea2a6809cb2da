"""Payloads of the fleet mutations: the object after commit, as the viewer may see it."""

from __future__ import annotations

import strawberry

from remotegpu.schema.errors import UserError
from remotegpu.schema.types.hosts import Gpu, Host

_ERRORS = "Why the mutation changed nothing; empty on success."


@strawberry.type(description="Result of hostRegister.")
class HostRegisterPayload:
    host: Host | None = strawberry.field(default=None, description="The registered host.")
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of hostUpdate.")
class HostUpdatePayload:
    host: Host | None = strawberry.field(default=None, description="The host after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of hostMaintenanceEnter.")
class HostMaintenanceEnterPayload:
    host: Host | None = strawberry.field(default=None, description="The host, in maintenance.")
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of hostMaintenanceExit.")
class HostMaintenanceExitPayload:
    host: Host | None = strawberry.field(default=None, description="The host, now offline.")
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of hostDelete.")
class HostDeletePayload:
    deleted_host_id: str | None = strawberry.field(
        default=None, description="Key of the deleted host."
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of gpuUpdate.")
class GpuUpdatePayload:
    gpu: Gpu | None = strawberry.field(default=None, description="The GPU after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of hostHeartbeat.")
class HostHeartbeatPayload:
    host: Host | None = strawberry.field(default=None, description="The host after the report.")
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)
