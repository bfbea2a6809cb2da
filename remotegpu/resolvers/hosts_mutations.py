"""Mutations of the fleet: hosts and GPUs (admins) and heartbeats (the host's agent)."""

from __future__ import annotations

from typing import Any

import strawberry

from remotegpu.context import Context
from remotegpu.domain import heartbeats, hosts
from remotegpu.domain.audit import RequestMeta
from remotegpu.domain.host_inputs import GpuChanges, GpuSpec, HostChanges, HostSpec
from remotegpu.resolvers.mutate import Reload, answer, mutation, returned
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


def _host_spec(input: HostRegisterInput) -> HostSpec:
    return to_draft(HostSpec, input, gpus=tuple(to_draft(GpuSpec, gpu) for gpu in input.gpus))


@strawberry.type
class HostsMutation:
    host_register = mutation(
        "Register a host and its GPUs (admins). The host is offline with health unknown until "
        "its agent's first heartbeat; its GPUs start available and healthy.",
        "host.register",
        HostRegisterInput,
        HostRegisterPayload,
        lambda session, viewer, input: hosts.register_host(session, viewer, _host_spec(input)),
        resource_id=lambda input: input.id,
        host=_host,
    )
    host_update = mutation(
        "Change a host's names, addresses, ports, labels, tags or totals (admins). Totals "
        "cannot go below what its environments use now.",
        "host.update",
        HostUpdateInput,
        HostUpdatePayload,
        lambda session, viewer, input: hosts.update_host(
            session, viewer, input.host_id, to_draft(HostChanges, input)
        ),
        resource_id=lambda input: input.host_id,
        host=_host,
    )
    host_maintenance_enter = mutation(
        "Put an online or offline host into maintenance (admins): its environments keep "
        "running, no new environment is placed on it.",
        "host.maintenance_enter",
        HostMaintenanceEnterInput,
        HostMaintenanceEnterPayload,
        lambda session, viewer, input: hosts.enter_maintenance(session, viewer, input.host_id),
        resource_id=lambda input: input.host_id,
        host=_host,
    )
    host_maintenance_exit = mutation(
        "Take a host out of maintenance (admins): it is offline until its next heartbeat.",
        "host.maintenance_exit",
        HostMaintenanceExitInput,
        HostMaintenanceExitPayload,
        lambda session, viewer, input: hosts.exit_maintenance(session, viewer, input.host_id),
        resource_id=lambda input: input.host_id,
        host=_host,
    )
    host_delete = mutation(
        "Delete a host with its GPUs and their samples, and revoke its agent tokens (admins). "
        "Refused (IN_USE) while any environment on it is not deleted.",
        "host.delete",
        HostDeleteInput,
        HostDeletePayload,
        lambda session, viewer, input: hosts.delete_host(session, viewer, input.host_id),
        resource_id=lambda input: input.host_id,
        deleted_host_id=returned,
    )
    gpu_update = mutation(
        "Change a GPU's status (available, maintenance, error), health or limits (admins). "
        "Refused (IN_USE) while the GPU is allocated to an environment.",
        "gpu.update",
        GpuUpdateInput,
        GpuUpdatePayload,
        lambda session, viewer, input: hosts.update_gpu(
            session, viewer, input.id, to_draft(GpuChanges, input)
        ),
        resource_id=lambda input: input.id,
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
