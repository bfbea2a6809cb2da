"""Mutations of the environments area: thin wrappers of remotegpu.domain.environments."""

from __future__ import annotations

import strawberry

from remotegpu.domain import environment_create, ports
from remotegpu.domain import environments as domain
from remotegpu.domain.environment_inputs import CreateSpec, ReportedStatus
from remotegpu.resolvers.mutate import Reload, mutation
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

# The objects as the viewer sees them after commit (mutate cleared the loaders).
ENVIRONMENT = Reload(lambda loaders: loaders.environments.environment_by_id, Environment.from_row)
PORT_MAPPING = Reload(lambda loaders: loaders.environments.port_mapping_by_id, PortMapping.from_row)


@strawberry.type
class EnvironmentsMutation:
    environment_create = mutation(
        "Create an environment in one transaction: quota, placement (best fit or `hostId`), "
        "GPUs, SSH/Jupyter (and RDP on Windows) ports, host counters. It starts `creating`; "
        "the host agent reports it running.",
        "environment.create",
        EnvironmentCreateInput,
        EnvironmentCreatePayload,
        lambda session, viewer, input: environment_create.create_environment(
            session, viewer, to_draft(CreateSpec, input)
        ),
        environment=ENVIRONMENT,
    )
    environment_start = mutation(
        "Start a stopped environment on its host: CPU, memory, disk and GPUs are taken again "
        "(NO_CAPACITY if the host lacks them) and the quota is checked again.",
        "environment.start",
        EnvironmentStartInput,
        EnvironmentStartPayload,
        lambda session, viewer, input: domain.start_environment(session, viewer, input.id),
        resource_id=lambda input: input.id,
        environment=ENVIRONMENT,
    )
    environment_stop = mutation(
        "Stop a running environment: CPU, memory, disk and GPUs go back to the host; its "
        "ports are kept.",
        "environment.stop",
        EnvironmentStopInput,
        EnvironmentStopPayload,
        lambda session, viewer, input: domain.stop_environment(session, viewer, input.id),
        resource_id=lambda input: input.id,
        environment=ENVIRONMENT,
    )
    environment_delete = mutation(
        "Delete a running, stopped or failed environment: ports, GPUs, host capacity and "
        "dataset mounts are released; the row stays with status deleted.",
        "environment.delete",
        EnvironmentDeleteInput,
        EnvironmentDeletePayload,
        lambda session, viewer, input: domain.delete_environment(session, viewer, input.id),
        resource_id=lambda input: input.id,
        environment=ENVIRONMENT,
    )
    environment_update = mutation(
        "Rename an environment or change its description.",
        "environment.update",
        EnvironmentUpdateInput,
        EnvironmentUpdatePayload,
        lambda session, viewer, input: domain.update_environment(
            session, viewer, input.id, name=input.name, description=input.description
        ),
        resource_id=lambda input: input.id,
        environment=ENVIRONMENT,
    )
    environment_status_report = mutation(
        "The host agent (an AGENT token of the environment's host) or a platform admin reports "
        "that a creating environment runs, or that an environment failed (its compute is "
        "released).",
        "environment.status_report",
        EnvironmentStatusReportInput,
        EnvironmentStatusReportPayload,
        lambda session, viewer, input: domain.report_status(
            session,
            viewer,
            input.id,
            ReportedStatus(input.status.value),
            container_id=input.container_id,
            pod_name=input.pod_name,
            message=input.message,
        ),
        resource_id=lambda input: input.id,
        # Agents carry no write scope: report_status checks the agent or admin itself.
        require_write=False,
        environment=ENVIRONMENT,
    )
    port_mapping_add = mutation(
        "Map a custom service port of an environment to the lowest free gateway port of the "
        "custom range.",
        "port_mapping.add",
        PortMappingAddInput,
        PortMappingAddPayload,
        lambda session, viewer, input: ports.add_port_mapping(
            session, viewer, input.environment_id, input.internal_port
        ),
        resource_id=lambda input: input.environment_id,
        port_mapping=PORT_MAPPING,
    )
    port_mapping_release = mutation(
        "Release a custom port mapping; SSH, Jupyter and RDP mappings go with their "
        "environment (FORBIDDEN).",
        "port_mapping.release",
        PortMappingReleaseInput,
        PortMappingReleasePayload,
        lambda session, viewer, input: ports.release_port_mapping(session, viewer, input.id),
        resource_id=lambda input: input.id,
        port_mapping=PORT_MAPPING,
    )
