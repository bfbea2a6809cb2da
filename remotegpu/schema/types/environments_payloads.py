"""Payloads of the environment mutations: the object after commit, and typed errors."""

from __future__ import annotations

from typing import Any

import strawberry

from remotegpu.schema.errors import UserError
from remotegpu.schema.types.environments import Environment, PortMapping


def _environment() -> Any:
    return strawberry.field(
        default=None, description="The environment after the change; null on failure."
    )


def _errors() -> Any:
    return strawberry.field(
        default_factory=list, description="Why nothing changed; empty on success."
    )


@strawberry.type(description="Result of environmentCreate.")
class EnvironmentCreatePayload:
    environment: Environment | None = _environment()
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of environmentStart.")
class EnvironmentStartPayload:
    environment: Environment | None = _environment()
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of environmentStop.")
class EnvironmentStopPayload:
    environment: Environment | None = _environment()
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of environmentDelete (the environment, now deleted).")
class EnvironmentDeletePayload:
    environment: Environment | None = _environment()
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of environmentUpdate.")
class EnvironmentUpdatePayload:
    environment: Environment | None = _environment()
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of environmentStatusReport.")
class EnvironmentStatusReportPayload:
    environment: Environment | None = _environment()
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of portMappingAdd.")
class PortMappingAddPayload:
    port_mapping: PortMapping | None = strawberry.field(
        default=None, description="The new mapping; null on failure."
    )
    errors: list[UserError] = _errors()


@strawberry.type(description="Result of portMappingRelease.")
class PortMappingReleasePayload:
    port_mapping: PortMapping | None = strawberry.field(
        default=None, description="The mapping, now released; null on failure."
    )
    errors: list[UserError] = _errors()
