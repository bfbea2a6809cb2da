"""Mutations of the fleet: hosts and GPUs (admins) and heartbeats (the host's agent)."""

from __future__ import annotations

from typing import Any

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.context import Context
from remotegpu.domain import heartbeats, hosts
from remotegpu.domain.audit import RequestMeta
from remotegpu.domain.errors import DomainError
from remotegpu.domain.host_inputs import GpuChanges, GpuSpec, HostChanges, HostSpec
from remotegpu.resolvers.support import run_mutation
from remotegpu.schema.errors import UserError
from remotegpu.schema.inputs.hosts_mutations import (
    GpuInventoryInput,
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


async def _host(info: Info, host_id: str | None) -> Host | None:
    if host_id is None:
        return None
    row = await info.context.loaders.hosts.host_by_id.load(host_id)
    return None if row is None else Host.for_viewer(row, info.context)


def _gpu_spec(g: GpuInventoryInput) -> GpuSpec:
    return GpuSpec(
        index=g.index,
        uuid=g.uuid,
        name=g.name,
        brand=g.brand,
        architecture=g.architecture,
        memory_total=g.memory_total,
        cuda_cores=g.cuda_cores,
        compute_capability=g.compute_capability,
        power_limit=g.power_limit,
        temperature_limit=g.temperature_limit,
    )


def _host_spec(i: HostRegisterInput) -> HostSpec:
    return HostSpec(
        id=i.id,
        name=i.name,
        ip_address=i.ip_address,
        os_type=i.os_type.value,
        deployment_mode=i.deployment_mode.value,
        total_cpu=i.total_cpu,
        total_memory=i.total_memory,
        hostname=i.hostname,
        public_ip=i.public_ip,
        os_version=i.os_version,
        arch=i.arch,
        k8s_node_name=i.k8s_node_name,
        total_disk=i.total_disk,
        ssh_port=i.ssh_port,
        winrm_port=i.winrm_port,
        agent_port=i.agent_port,
        labels=i.labels,
        tags=i.tags,
        gpus=tuple(_gpu_spec(g) for g in i.gpus),
    )


def _host_changes(i: HostUpdateInput) -> HostChanges:
    return HostChanges(
        name=i.name,
        hostname=i.hostname,
        ip_address=i.ip_address,
        public_ip=i.public_ip,
        os_version=i.os_version,
        labels=i.labels,
        tags=i.tags,
        ssh_port=i.ssh_port,
        winrm_port=i.winrm_port,
        agent_port=i.agent_port,
        total_cpu=i.total_cpu,
        total_memory=i.total_memory,
        total_disk=i.total_disk,
    )


@strawberry.type
class HostsMutation:
    @strawberry.mutation(
        description=(
            "Register a host and its GPUs (admins). The host is offline with health unknown "
            "until its agent's first heartbeat; its GPUs start available and healthy."
        )
    )
    async def host_register(self, info: Info, input: HostRegisterInput) -> HostRegisterPayload:
        spec = _host_spec(input)
        viewer = info.context.viewer

        async def work(session: AsyncSession) -> tuple[str, str]:
            host_id = await hosts.register_host(session, viewer, spec)
            return host_id, host_id

        outcome = await run_mutation(info, "host.register", "host", work, resource_id=input.id)
        return HostRegisterPayload(host=await _host(info, outcome.value), errors=outcome.errors)

    @strawberry.mutation(
        description=(
            "Change a host's names, addresses, ports, labels, tags or totals (admins). Totals "
            "cannot go below what its environments use now."
        )
    )
    async def host_update(self, info: Info, input: HostUpdateInput) -> HostUpdatePayload:
        changes = _host_changes(input)
        viewer = info.context.viewer

        async def work(session: AsyncSession) -> tuple[str, str]:
            host_id = await hosts.update_host(session, viewer, input.host_id, changes)
            return host_id, host_id

        outcome = await run_mutation(info, "host.update", "host", work, resource_id=input.host_id)
        return HostUpdatePayload(host=await _host(info, outcome.value), errors=outcome.errors)

    @strawberry.mutation(
        description=(
            "Put an online or offline host into maintenance (admins): its environments keep "
            "running, no new environment is placed on it."
        )
    )
    async def host_maintenance_enter(
        self, info: Info, input: HostMaintenanceEnterInput
    ) -> HostMaintenanceEnterPayload:
        viewer = info.context.viewer

        async def work(session: AsyncSession) -> tuple[str, str]:
            host_id = await hosts.enter_maintenance(session, viewer, input.host_id)
            return host_id, host_id

        outcome = await run_mutation(
            info, "host.maintenance_enter", "host", work, resource_id=input.host_id
        )
        return HostMaintenanceEnterPayload(
            host=await _host(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description=(
            "Take a host out of maintenance (admins): it is offline until its next heartbeat."
        )
    )
    async def host_maintenance_exit(
        self, info: Info, input: HostMaintenanceExitInput
    ) -> HostMaintenanceExitPayload:
        viewer = info.context.viewer

        async def work(session: AsyncSession) -> tuple[str, str]:
            host_id = await hosts.exit_maintenance(session, viewer, input.host_id)
            return host_id, host_id

        outcome = await run_mutation(
            info, "host.maintenance_exit", "host", work, resource_id=input.host_id
        )
        return HostMaintenanceExitPayload(
            host=await _host(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description=(
            "Delete a host with its GPUs and their samples, and revoke its agent tokens "
            "(admins). Refused (IN_USE) while any environment on it is not deleted."
        )
    )
    async def host_delete(self, info: Info, input: HostDeleteInput) -> HostDeletePayload:
        viewer = info.context.viewer

        async def work(session: AsyncSession) -> tuple[str, str]:
            host_id = await hosts.delete_host(session, viewer, input.host_id)
            return host_id, host_id

        outcome = await run_mutation(info, "host.delete", "host", work, resource_id=input.host_id)
        return HostDeletePayload(deleted_host_id=outcome.value, errors=outcome.errors)

    @strawberry.mutation(
        description=(
            "Change a GPU's status (available, maintenance, error), health or limits (admins). "
            "Refused (IN_USE) while the GPU is allocated to an environment."
        )
    )
    async def gpu_update(self, info: Info, input: GpuUpdateInput) -> GpuUpdatePayload:
        viewer = info.context.viewer
        changes = GpuChanges(
            status=None if input.status is None else input.status.value,
            health_status=None if input.health_status is None else input.health_status.value,
            power_limit=input.power_limit,
            temperature_limit=input.temperature_limit,
        )

        async def work(session: AsyncSession) -> tuple[int, str]:
            gpu_id = await hosts.update_gpu(session, viewer, input.id, changes)
            return gpu_id, str(gpu_id)

        outcome = await run_mutation(info, "gpu.update", "gpu", work, resource_id=str(input.id))
        gpu = None
        if outcome.value is not None:
            row = await info.context.loaders.hosts.gpu_by_id.load(outcome.value)
            gpu = None if row is None else Gpu.from_row(row)
        return GpuUpdatePayload(gpu=gpu, errors=outcome.errors)

    @strawberry.mutation(
        description=(
            "A heartbeat of a host, from its own agent (or an admin): records the time and "
            "health; an offline host comes online, a host in maintenance stays there. Only the "
            "changes it causes (offline -> online, a new health) and refused reports are audited."
        )
    )
    async def host_heartbeat(self, info: Info, input: HostHeartbeatInput) -> HostHeartbeatPayload:
        # Not run_mutation: agents send these every few seconds, and an audit row each would
        # double the writes for nothing; the state changes they cause are audited instead.
        # Agent tokens carry the agent scope, not write: the domain checks who may report.
        ctx = info.context
        meta = RequestMeta.from_request(ctx.request)
        try:
            beat = await heartbeats.report_heartbeat(
                ctx.sessions, ctx.viewer, input.host_id, input.health_status.value, meta
            )
        except DomainError as error:  # already audited
            return HostHeartbeatPayload(host=None, errors=[UserError.from_domain(error)])
        return HostHeartbeatPayload(host=Host.for_viewer(beat.host, ctx), errors=[])
