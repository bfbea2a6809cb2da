"""Mutations of the environments area: thin wrappers of remotegpu.domain.environments."""

from __future__ import annotations

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.context import Context
from remotegpu.domain import environment_create, ports
from remotegpu.domain import environments as domain
from remotegpu.domain.environment_inputs import CreateSpec, ReportedStatus
from remotegpu.resolvers.support import run_mutation
from remotegpu.schema.inputs.environments_mutations import (
    EnvironmentCreateInput,
    EnvironmentDeleteInput,
    EnvironmentStartInput,
    EnvironmentStatusReportInput,
    EnvironmentStopInput,
    EnvironmentUpdateInput,
    PortMappingAddInput,
    PortMappingReleaseInput,
)
from remotegpu.schema.types.environments import Environment, PortMapping
from remotegpu.schema.types.environments_payloads import (
    EnvironmentCreatePayload,
    EnvironmentDeletePayload,
    EnvironmentStartPayload,
    EnvironmentStatusReportPayload,
    EnvironmentStopPayload,
    EnvironmentUpdatePayload,
    PortMappingAddPayload,
    PortMappingReleasePayload,
)

Info = strawberry.Info[Context, None]


async def _environment(info: Info, env_id: str | None) -> Environment | None:
    """The environment as the viewer sees it after commit (run_mutation cleared the loaders)."""
    if env_id is None:
        return None
    row = await info.context.loaders.environments.environment_by_id.load(env_id)
    return None if row is None else Environment.from_row(row)


async def _port_mapping(info: Info, mapping_id: int | None) -> PortMapping | None:
    if mapping_id is None:
        return None
    row = await info.context.loaders.environments.port_mapping_by_id.load(mapping_id)
    return None if row is None else PortMapping.from_row(row)


@strawberry.type
class EnvironmentsMutation:
    @strawberry.mutation(
        description="Create an environment in one transaction: quota, placement (best fit or "
        "`hostId`), GPUs, SSH/Jupyter (and RDP on Windows) ports, host counters. It starts "
        "`creating`; the host agent reports it running."
    )
    async def environment_create(
        self, info: Info, input: EnvironmentCreateInput
    ) -> EnvironmentCreatePayload:
        spec = CreateSpec(
            name=input.name,
            description=input.description,
            image=input.image,
            cpu=input.cpu,
            memory=input.memory,
            gpu_count=input.gpu_count,
            storage=input.storage,
            host_id=input.host_id,
            workspace_id=input.workspace_id,
            owner_id=input.owner_id,
            idempotency_key=input.idempotency_key,
        )
        viewer = info.context.viewer

        async def work(session: AsyncSession) -> tuple[str, str]:
            env_id = await environment_create.create_environment(session, viewer, spec)
            return env_id, env_id

        outcome = await run_mutation(info, "environment.create", "environment", work)
        return EnvironmentCreatePayload(
            environment=await _environment(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Start a stopped environment on its host: CPU, memory, disk and GPUs are "
        "taken again (NO_CAPACITY if the host lacks them) and the quota is checked again."
    )
    async def environment_start(
        self, info: Info, input: EnvironmentStartInput
    ) -> EnvironmentStartPayload:
        viewer = info.context.viewer

        async def work(session: AsyncSession) -> tuple[str, str]:
            env_id = await domain.start_environment(session, viewer, input.id)
            return env_id, env_id

        outcome = await run_mutation(
            info, "environment.start", "environment", work, resource_id=input.id
        )
        return EnvironmentStartPayload(
            environment=await _environment(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Stop a running environment: CPU, memory, disk and GPUs go back to the "
        "host; its ports are kept."
    )
    async def environment_stop(
        self, info: Info, input: EnvironmentStopInput
    ) -> EnvironmentStopPayload:
        viewer = info.context.viewer

        async def work(session: AsyncSession) -> tuple[str, str]:
            env_id = await domain.stop_environment(session, viewer, input.id)
            return env_id, env_id

        outcome = await run_mutation(
            info, "environment.stop", "environment", work, resource_id=input.id
        )
        return EnvironmentStopPayload(
            environment=await _environment(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Delete a running, stopped or failed environment: ports, GPUs, host "
        "capacity and dataset mounts are released; the row stays with status deleted."
    )
    async def environment_delete(
        self, info: Info, input: EnvironmentDeleteInput
    ) -> EnvironmentDeletePayload:
        viewer = info.context.viewer

        async def work(session: AsyncSession) -> tuple[str, str]:
            env_id = await domain.delete_environment(session, viewer, input.id)
            return env_id, env_id

        outcome = await run_mutation(
            info, "environment.delete", "environment", work, resource_id=input.id
        )
        return EnvironmentDeletePayload(
            environment=await _environment(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(description="Rename an environment or change its description.")
    async def environment_update(
        self, info: Info, input: EnvironmentUpdateInput
    ) -> EnvironmentUpdatePayload:
        viewer = info.context.viewer

        async def work(session: AsyncSession) -> tuple[str, str]:
            env_id = await domain.update_environment(
                session, viewer, input.id, name=input.name, description=input.description
            )
            return env_id, env_id

        outcome = await run_mutation(
            info, "environment.update", "environment", work, resource_id=input.id
        )
        return EnvironmentUpdatePayload(
            environment=await _environment(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="The host agent (an AGENT token of the environment's host) or a platform "
        "admin reports that a creating environment runs, or that an environment failed "
        "(its compute is released)."
    )
    async def environment_status_report(
        self, info: Info, input: EnvironmentStatusReportInput
    ) -> EnvironmentStatusReportPayload:
        viewer = info.context.viewer
        status = ReportedStatus(input.status.value)

        async def work(session: AsyncSession) -> tuple[str, str]:
            env_id = await domain.report_status(
                session,
                viewer,
                input.id,
                status,
                container_id=input.container_id,
                pod_name=input.pod_name,
                message=input.message,
            )
            return env_id, env_id

        # Agents carry no write scope: report_status checks the agent or admin itself.
        outcome = await run_mutation(
            info,
            "environment.status_report",
            "environment",
            work,
            resource_id=input.id,
            require_write=False,
        )
        return EnvironmentStatusReportPayload(
            environment=await _environment(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Map a custom service port of an environment to the lowest free gateway "
        "port of the custom range."
    )
    async def port_mapping_add(
        self, info: Info, input: PortMappingAddInput
    ) -> PortMappingAddPayload:
        viewer = info.context.viewer

        async def work(session: AsyncSession) -> tuple[int, str]:
            mapping_id = await ports.add_port_mapping(
                session, viewer, input.environment_id, input.internal_port
            )
            return mapping_id, str(mapping_id)

        outcome = await run_mutation(
            info, "port_mapping.add", "port_mapping", work, resource_id=input.environment_id
        )
        return PortMappingAddPayload(
            port_mapping=await _port_mapping(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Release a custom port mapping; SSH, Jupyter and RDP mappings go with "
        "their environment (FORBIDDEN)."
    )
    async def port_mapping_release(
        self, info: Info, input: PortMappingReleaseInput
    ) -> PortMappingReleasePayload:
        viewer = info.context.viewer

        async def work(session: AsyncSession) -> tuple[int, str]:
            mapping_id = await ports.release_port_mapping(session, viewer, input.id)
            return mapping_id, str(mapping_id)

        outcome = await run_mutation(
            info, "port_mapping.release", "port_mapping", work, resource_id=str(input.id)
        )
        return PortMappingReleasePayload(
            port_mapping=await _port_mapping(info, outcome.value), errors=outcome.errors
        )
