"""Payloads of the fleet mutations: the object after commit, as the viewer may see it."""

from __future__ import annotations

import strawberry

from remotegpu.schema.types.hosts import Gpu, Host
from remotegpu.schema.types.payload import Payload, payload

_ERRORS = "Why the mutation changed nothing; empty on success."


@payload("Result of hostRegister.", errors=_ERRORS)
class HostRegisterPayload(Payload):
    host: Host | None = strawberry.field(default=None, description="The registered host.")


@payload("Result of hostUpdate.", errors=_ERRORS)
class HostUpdatePayload(Payload):
    host: Host | None = strawberry.field(default=None, description="The host after the change.")


@payload("Result of hostMaintenanceEnter.", errors=_ERRORS)
class HostMaintenanceEnterPayload(Payload):
    host: Host | None = strawberry.field(default=None, description="The host, in maintenance.")


@payload("Result of hostMaintenanceExit.", errors=_ERRORS)
class HostMaintenanceExitPayload(Payload):
    host: Host | None = strawberry.field(default=None, description="The host, now offline.")


@payload("Result of hostDelete.", errors=_ERRORS)
class HostDeletePayload(Payload):
    deleted_host_id: str | None = strawberry.field(
        default=None, description="Key of the deleted host."
    )


@payload("Result of gpuUpdate.", errors=_ERRORS)
class GpuUpdatePayload(Payload):
    gpu: Gpu | None = strawberry.field(default=None, description="The GPU after the change.")


@payload("Result of hostHeartbeat.", errors=_ERRORS)
class HostHeartbeatPayload(Payload):
    host: Host | None = strawberry.field(default=None, description="The host after the report.")
