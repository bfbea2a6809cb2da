"""Custom scalars. Money and 64-bit counters travel as decimal strings, never floats.

Every parser checks the value against what the database can store (BIGINT, NUMERIC(14,4),
TIMESTAMPTZ, jsonb, text), so an out-of-range input is refused as BAD_USER_INPUT while the
document is validated, before any SQL, instead of failing inside PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, NewType
from uuid import UUID

import strawberry
from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.scalars import JSON
from strawberry.types.scalar import ScalarDefinition

from remotegpu.loaders.values import INT64, datetime_problem, decimal_problem, json_problem

__all__ = ["JSON", "SCALAR_MAP", "BigInt", "Money", "ScalarInputError"]

# Money columns are NUMERIC(14,4): ten digits before the point, four after.
MONEY_PRECISION, MONEY_SCALE = 14, 4
# Nesting deeper than this is no label or metadata document: refuse it before recursing.
JSON_MAX_DEPTH = 32


class ScalarInputError(StrawberryInputCoercionError):
    """A scalar input the database could not store; the client's fault."""

    def __init__(self, message: str) -> None:
        super().__init__(message, extensions={"code": "BAD_USER_INPUT"})


def _parse_bigint(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ScalarInputError("BigInt must be an integer or a decimal string")
    try:
        number = int(value)
    except ValueError:
        raise ScalarInputError("BigInt must be an integer or a decimal string") from None
    if not INT64[0] <= number <= INT64[1]:
        raise ScalarInputError("BigInt is out of range for a 64-bit integer")
    return number


def _parse_decimal(value: Any) -> Decimal:
    if isinstance(value, float | bool) or not isinstance(value, int | str):
        raise ScalarInputError("Decimal must be a decimal string, not a float")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ScalarInputError("Decimal must be a decimal string") from None
    problem = decimal_problem(number, MONEY_PRECISION, MONEY_SCALE)
    if problem is not None:
        raise ScalarInputError(f"Decimal {problem}")
    return number


def _parse_datetime(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ScalarInputError("DateTime must be an ISO 8601 string")
    try:
        parsed = datetime.fromisoformat(value)
    except (ValueError, OverflowError):
        raise ScalarInputError("DateTime must be an ISO 8601 string") from None
    # A time without an offset is taken as UTC, as it always was (the driver sends UTC).
    problem = datetime_problem(parsed, aware=False)
    if problem is not None:
        raise ScalarInputError(f"DateTime {problem}")
    return parsed


def _parse_uuid(value: Any) -> UUID:
    if not isinstance(value, str):
        raise ScalarInputError("UUID must be a string")
    try:
        return UUID(value)
    except ValueError:
        raise ScalarInputError("UUID must be a canonical UUID string") from None


def _parse_json(value: Any) -> Any:
    problem = json_problem(value, JSON_MAX_DEPTH)
    if problem is not None:
        raise ScalarInputError(f"JSON {problem}")
    return value


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
        parse_value=_parse_uuid,
        specified_by_url=RFC_4122,
    ),
    Money: strawberry.scalar(
        name="Decimal",
        description='An exact decimal amount (money), serialised as a string such as "12.3400".',
        serialize=str,
        parse_value=_parse_decimal,
        specified_by_url=f"{SCALARS_SPEC}#decimal",
    ),
    datetime: strawberry.scalar(
        name="DateTime",
        description="An instant as an RFC 3339 date-time with its UTC offset, e.g. "
        '"2026-12-07T21:15:00+00:00"; every instant the API returns is in UTC.',
        serialize=datetime.isoformat,
        parse_value=_parse_datetime,
        specified_by_url=RFC_3339,
    ),
    JSON: strawberry.scalar(
        name="JSON",
        description="The `JSON` scalar type represents JSON values as specified by "
        "[ECMA-404](https://ecma-international.org/wp-content/uploads/"
        "ECMA-404_2nd_edition_december_2017.pdf).",
        specified_by_url="https://ecma-international.org/wp-content/uploads/"
        "ECMA-404_2nd_edition_december_2017.pdf",
        serialize=lambda value: value,
        parse_value=_parse_json,
    ),
}
