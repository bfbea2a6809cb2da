"""Mutations of the fleet: hosts and GPUs (admins) and heartbeats (the host's agent)."""

from __future__ import annotations

from typing import Any

import strawberry

from remotegpu.context import Context
from remotegpu.domain import heartbeats, hosts
from remotegpu.domain.audit import RequestMeta
from remotegpu.domain.host_inputs import GpuChanges, GpuSpec, HostChanges, HostSpec
from remotegpu.resolvers.mutate import Reload, answer, mutate, returned
from remotegpu.schema.inputs.drafts import to_draft
from remotegpu.schema.inputs.hosts_mutations import (
    GpuUpdateInput,
    HostDeleteInput,
    HostHeartbeatInput,
    HostMaintenanceEnterInput,
    HostMaintenanceExitInput,
    HostRegisterInput,
    HostUpdateInput,
)
from remotegpu.schema.types.hosts import Gpu, Host
from remotegpu.schema.types.hosts_payloads import (
    GpuUpdatePayload,
    HostDeletePayload,
    HostHeartbeatPayload,
    HostMaintenanceEnterPayload,
    HostMaintenanceExitPayload,
    HostRegisterPayload,
    HostUpdatePayload,
)

Info = strawberry.Info[Context, Any]

GPU = Reload(lambda loaders: loaders.hosts.gpu_by_id, Gpu.from_row)


async def _host(ctx: Context, host_id: str | None) -> Host | None:
    """The host after commit, with the fields this viewer may read."""
    if host_id is None:
        return None
    row = await ctx.loaders.hosts.host_by_id.load(host_id)
    return None if row is None else Host.for_viewer(row, ctx)


@strawberry.type
class HostsMutation:
    @strawberry.mutation(
        description=(
            "Register a host and its GPUs (admins). The host is offline with health unknown "
            "until its agent's first heartbeat; its GPUs start available and healthy."
        )
    )
    async def host_register(self, info: Info, input: HostRegisterInput) -> HostRegisterPayload:
        gpus = tuple(to_draft(GpuSpec, gpu) for gpu in input.gpus)
        spec = to_draft(HostSpec, input, gpus=gpus)
        return await mutate(
            info,
            "host.register",
            lambda session, viewer: hosts.register_host(session, viewer, spec),
            HostRegisterPayload,
            resource_id=input.id,
            host=_host,
        )

    @strawberry.mutation(
        description=(
            "Change a host's names, addresses, ports, labels, tags or totals (admins). Totals "
            "cannot go below what its environments use now."
        )
    )
    async def host_update(self, info: Info, input: HostUpdateInput) -> HostUpdatePayload:
        changes = to_draft(HostChanges, input)
        return await mutate(
            info,
            "host.update",
            lambda session, viewer: hosts.update_host(session, viewer, input.host_id, changes),
            HostUpdatePayload,
            resource_id=input.host_id,
            host=_host,
        )

    @strawberry.mutation(
        description=(
            "Put an online or offline host into maintenance (admins): its environments keep "
            "running, no new environment is placed on it."
        )
    )
    async def host_maintenance_enter(
        self, info: Info, input: HostMaintenanceEnterInput
    ) -> HostMaintenanceEnterPayload:
        return await mutate(
            info,
            "host.maintenance_enter",
            lambda session, viewer: hosts.enter_maintenance(session, viewer, input.host_id),
            HostMaintenanceEnterPayload,
            resource_id=input.host_id,
            host=_host,
        )

    @strawberry.mutation(
        description=(
            "Take a host out of maintenance (admins): it is offline until its next heartbeat."
        )
    )
    async def host_maintenance_exit(
        self, info: Info, input: HostMaintenanceExitInput
    ) -> HostMaintenanceExitPayload:
        return await mutate(
            info,
            "host.maintenance_exit",
            lambda session, viewer: hosts.exit_maintenance(session, viewer, input.host_id),
            HostMaintenanceExitPayload,
            resource_id=input.host_id,
            host=_host,
        )

    @strawberry.mutation(
        description=(
            "Delete a host with its GPUs and their samples, and revoke its agent tokens "
            "(admins). Refused (IN_USE) while any environment on it is not deleted."
        )
    )
    async def host_delete(self, info: Info, input: HostDeleteInput) -> HostDeletePayload:
        return await mutate(
            info,
            "host.delete",
            lambda session, viewer: hosts.delete_host(session, viewer, input.host_id),
            HostDeletePayload,
            resource_id=input.host_id,
            deleted_host_id=returned,
        )

    @strawberry.mutation(
        description=(
            "Change a GPU's status (available, maintenance, error), health or limits (admins). "
            "Refused (IN_USE) while the GPU is allocated to an environment."
        )
    )
    async def gpu_update(self, info: Info, input: GpuUpdateInput) -> GpuUpdatePayload:
        changes = to_draft(GpuChanges, input)
        return await mutate(
            info,
            "gpu.update",
            lambda session, viewer: hosts.update_gpu(session, viewer, input.id, changes),
            GpuUpdatePayload,
            resource_id=input.id,
            gpu=GPU,
        )

    @strawberry.mutation(
        description=(
            "A heartbeat of a host, from its own agent (or an admin): records the time and "
            "health; an offline host comes online, a host in maintenance stays there. Only the "
            "changes it causes (offline -> online, a new health) and refused reports are audited."
        )
    )
    async def host_heartbeat(self, info: Info, input: HostHeartbeatInput) -> HostHeartbeatPayload:
        # Not mutate: agents send these every few seconds, and an audit row each would double
        # the writes for nothing; report_heartbeat audits the state changes (and refusals) in
        # its own transactions. Agent tokens carry the agent scope, not write: the domain
        # checks who may report.
        ctx = info.context
        beat = heartbeats.report_heartbeat(
            ctx.sessions,
            ctx.viewer,
            input.host_id,
            input.health_status.value,
            RequestMeta.from_request(ctx.request),
        )
        return await answer(
            info, HostHeartbeatPayload, beat, host=lambda ctx, beat: Host.for_viewer(beat.host, ctx)
        )
