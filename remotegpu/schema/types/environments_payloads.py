"""Payloads of the environment mutations: the object after commit, and typed errors."""

from __future__ import annotations

from typing import Any

import strawberry

from remotegpu.schema.types.environments import Environment, PortMapping
from remotegpu.schema.types.payload import Payload, payload


def _environment() -> Any:
    return strawberry.field(
        default=None, description="The environment after the change; null on failure."
    )


@payload("Result of environmentCreate.")
class EnvironmentCreatePayload(Payload):
    environment: Environment | None = _environment()


@payload("Result of environmentStart.")
class EnvironmentStartPayload(Payload):
    environment: Environment | None = _environment()


@payload("Result of environmentStop.")
class EnvironmentStopPayload(Payload):
    environment: Environment | None = _environment()


@payload("Result of environmentDelete (the environment, now deleted).")
class EnvironmentDeletePayload(Payload):
    environment: Environment | None = _environment()


@payload("Result of environmentUpdate.")
class EnvironmentUpdatePayload(Payload):
    environment: Environment | None = _environment()


@payload("Result of environmentStatusReport.")
class EnvironmentStatusReportPayload(Payload):
    environment: Environment | None = _environment()


@payload("Result of portMappingAdd.")
class PortMappingAddPayload(Payload):
    port_mapping: PortMapping | None = strawberry.field(
        default=None, description="The new mapping; null on failure."
    )


@payload("Result of portMappingRelease.")
class PortMappingReleasePayload(Payload):
    port_mapping: PortMapping | None = strawberry.field(
        default=None, description="The mapping, now released; null on failure."
    )
