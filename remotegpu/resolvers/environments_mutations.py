"""Mutations of the environments area: thin wrappers of remotegpu.domain.environments."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.domain import environment_create, ports
from remotegpu.domain import environments as domain
from remotegpu.domain.environment_inputs import CreateSpec, ReportedStatus
from remotegpu.resolvers.mutate import Reload, mutate
from remotegpu.schema.inputs.drafts import to_draft
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

# The objects as the viewer sees them after commit (mutate cleared the loaders).
ENVIRONMENT = Reload(lambda loaders: loaders.environments.environment_by_id, Environment.from_row)
PORT_MAPPING = Reload(lambda loaders: loaders.environments.port_mapping_by_id, PortMapping.from_row)


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
        spec = to_draft(CreateSpec, input)
        return await mutate(
            info,
            "environment.create",
            lambda session, viewer: environment_create.create_environment(session, viewer, spec),
            EnvironmentCreatePayload,
            environment=ENVIRONMENT,
        )

    @strawberry.mutation(
        description="Start a stopped environment on its host: CPU, memory, disk and GPUs are "
        "taken again (NO_CAPACITY if the host lacks them) and the quota is checked again."
    )
    async def environment_start(
        self, info: Info, input: EnvironmentStartInput
    ) -> EnvironmentStartPayload:
        return await mutate(
            info,
            "environment.start",
            lambda session, viewer: domain.start_environment(session, viewer, input.id),
            EnvironmentStartPayload,
            resource_id=input.id,
            environment=ENVIRONMENT,
        )

    @strawberry.mutation(
        description="Stop a running environment: CPU, memory, disk and GPUs go back to the "
        "host; its ports are kept."
    )
    async def environment_stop(
        self, info: Info, input: EnvironmentStopInput
    ) -> EnvironmentStopPayload:
        return await mutate(
            info,
            "environment.stop",
            lambda session, viewer: domain.stop_environment(session, viewer, input.id),
            EnvironmentStopPayload,
            resource_id=input.id,
            environment=ENVIRONMENT,
        )

    @strawberry.mutation(
        description="Delete a running, stopped or failed environment: ports, GPUs, host "
        "capacity and dataset mounts are released; the row stays with status deleted."
    )
    async def environment_delete(
        self, info: Info, input: EnvironmentDeleteInput
    ) -> EnvironmentDeletePayload:
        return await mutate(
            info,
            "environment.delete",
            lambda session, viewer: domain.delete_environment(session, viewer, input.id),
            EnvironmentDeletePayload,
            resource_id=input.id,
            environment=ENVIRONMENT,
        )

    @strawberry.mutation(description="Rename an environment or change its description.")
    async def environment_update(
        self, info: Info, input: EnvironmentUpdateInput
    ) -> EnvironmentUpdatePayload:
        return await mutate(
            info,
            "environment.update",
            lambda session, viewer: domain.update_environment(
                session, viewer, input.id, name=input.name, description=input.description
            ),
            EnvironmentUpdatePayload,
            resource_id=input.id,
            environment=ENVIRONMENT,
        )

    @strawberry.mutation(
        description="The host agent (an AGENT token of the environment's host) or a platform "
        "admin reports that a creating environment runs, or that an environment failed "
        "(its compute is released)."
    )
    async def environment_status_report(
        self, info: Info, input: EnvironmentStatusReportInput
    ) -> EnvironmentStatusReportPayload:
        status = ReportedStatus(input.status.value)
        # Agents carry no write scope: report_status checks the agent or admin itself.
        return await mutate(
            info,
            "environment.status_report",
            lambda session, viewer: domain.report_status(
                session,
                viewer,
                input.id,
                status,
                container_id=input.container_id,
                pod_name=input.pod_name,
                message=input.message,
            ),
            EnvironmentStatusReportPayload,
            resource_id=input.id,
            require_write=False,
            environment=ENVIRONMENT,
        )

    @strawberry.mutation(
        description="Map a custom service port of an environment to the lowest free gateway "
        "port of the custom range."
    )
    async def port_mapping_add(
        self, info: Info, input: PortMappingAddInput
    ) -> PortMappingAddPayload:
        return await mutate(
            info,
            "port_mapping.add",
            lambda session, viewer: ports.add_port_mapping(
                session, viewer, input.environment_id, input.internal_port
            ),
            PortMappingAddPayload,
            resource_id=input.environment_id,
            port_mapping=PORT_MAPPING,
        )

    @strawberry.mutation(
        description="Release a custom port mapping; SSH, Jupyter and RDP mappings go with "
        "their environment (FORBIDDEN)."
    )
    async def port_mapping_release(
        self, info: Info, input: PortMappingReleaseInput
    ) -> PortMappingReleasePayload:
        return await mutate(
            info,
            "port_mapping.release",
            lambda session, viewer: ports.release_port_mapping(session, viewer, input.id),
            PortMappingReleasePayload,
            resource_id=input.id,
            port_mapping=PORT_MAPPING,
        )
