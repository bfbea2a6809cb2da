"""Custom scalars. Money and 64-bit counters travel as decimal strings, never floats."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, NewType
from uuid import UUID

import strawberry
from strawberry.scalars import JSON
from strawberry.schema.types.base_scalars import DateTimeDefinition
from strawberry.types.scalar import ScalarDefinition

__all__ = ["JSON", "SCALAR_MAP", "BigInt", "Money"]


def _parse_bigint(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError("BigInt must be an integer or a decimal string")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValueError("BigInt must be an integer or a decimal string") from None


def _parse_decimal(value: Any) -> Decimal:
    if isinstance(value, float | bool):
        raise ValueError("Decimal must be a decimal string, not a float")
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValueError("Decimal must be a decimal string") from None


# @specifiedBy targets. Ours is docs/scalars.md of this repository, named by a path that stays
# put; a deployment that publishes the docs can serve it under the same path.
SCALARS_SPEC = "docs/scalars.md"
RFC_3339 = "https://datatracker.ietf.org/doc/html/rfc3339"
RFC_4122 = "https://datatracker.ietf.org/doc/html/rfc4122"

BigInt = NewType("BigInt", int)
Money = NewType("Money", Decimal)

# Registered on the schema through StrawberryConfig.scalar_map (see api.py).
SCALAR_MAP: dict[object, ScalarDefinition] = {
    BigInt: strawberry.scalar(
        name="BigInt",
        description="A 64-bit integer (bytes, counters), serialised as a decimal string.",
        serialize=str,
        parse_value=_parse_bigint,
        specified_by_url=f"{SCALARS_SPEC}#bigint",
    ),
    UUID: strawberry.scalar(
        name="UUID",
        description="An RFC 4122 UUID in its canonical 36-character text form.",
        serialize=str,
        parse_value=UUID,
        specified_by_url=RFC_4122,
    ),
    Money: strawberry.scalar(
        name="Decimal",
        description='An exact decimal amount (money), serialised as a string such as "12.3400".',
        serialize=str,
        parse_value=_parse_decimal,
        specified_by_url=f"{SCALARS_SPEC}#decimal",
    ),
    # Strawberry's own DateTime (same parsing and output), described and pointed at RFC 3339.
    datetime: dataclasses.replace(
        DateTimeDefinition,
        description="An instant as an RFC 3339 date-time with its UTC offset, e.g. "
        '"2026-12-07T21:15:00+00:00"; every instant the API returns is in UTC.',
        specified_by_url=RFC_3339,
    ),
}
