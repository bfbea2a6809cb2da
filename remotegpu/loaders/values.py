"""Python values checked against the SQL type of the column they are compared with.

PostgreSQL refuses a parameter that does not fit its column (a text where a timestamp belongs,
an integer past BIGINT, a NUL character in a text) only after the statement was sent, and the
driver's error would surface as an internal error. Checking the value against the column's
declared type first turns it into the client's fault (BAD_USER_INPUT) without a round trip.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation, localcontext
from typing import Any
from uuid import UUID

from sqlalchemy import BigInteger, Boolean, DateTime, Integer, Numeric, SmallInteger, String, Uuid
from sqlalchemy.types import TypeEngine

INT64 = (-(2**63), 2**63 - 1)
_INT_RANGES: tuple[tuple[type[TypeEngine[Any]], tuple[int, int], str], ...] = (
    # Subclasses first: BigInteger and SmallInteger are Integers too.
    (BigInteger, INT64, "a 64-bit integer"),
    (SmallInteger, (-(2**15), 2**15 - 1), "a 16-bit integer"),
    (Integer, (-(2**31), 2**31 - 1), "a 32-bit integer"),
)


def text_problem(value: str) -> str | None:
    # PostgreSQL text cannot hold U+0000; lone surrogates cannot even be encoded as UTF-8.
    if "\x00" in value:
        return "must not contain a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid Unicode"
    return None


def json_problem(value: Any, max_depth: int, depth: int = 0) -> str | None:
    """What jsonb (and text) refuse anywhere in a JSON value: NUL characters, lone surrogates,
    NaN and infinities; and nesting deeper than `max_depth`, refused before recursing."""
    if depth > max_depth:
        return f"is nested deeper than {max_depth} levels"
    if isinstance(value, str):
        return text_problem(value)
    if isinstance(value, float):
        return None if math.isfinite(value) else "must not contain NaN or infinite numbers"
    if isinstance(value, dict):
        for key, item in value.items():
            problem = text_problem(str(key)) or json_problem(item, max_depth, depth + 1)
            if problem is not None:
                return problem
    if isinstance(value, list):
        for item in value:
            problem = json_problem(item, max_depth, depth + 1)
            if problem is not None:
                return problem
    return None


def integer_problem(value: Any, type_: TypeEngine[Any]) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return "must be an integer"
    for kind, (low, high), label in _INT_RANGES:
        if isinstance(type_, kind):
            return None if low <= value <= high else f"is out of range for {label}"
    return None


def datetime_problem(value: Any, *, aware: bool = True) -> str | None:
    if not isinstance(value, datetime):
        return "must be a timestamp"
    if aware and value.tzinfo is None:
        return "must carry a time zone"
    try:
        # The driver sends UTC; near year 1 or 9999 an offset pushes the instant out of range.
        value.astimezone(UTC) if value.tzinfo is not None else value.replace(tzinfo=UTC)
    except (OverflowError, ValueError):
        return "is out of the supported time range"
    return None


def decimal_problem(value: Any, precision: int | None, scale: int | None) -> str | None:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        return "must be a decimal number"
    number = Decimal(value)
    if not number.is_finite():
        return "must be a finite number"
    if precision is None:
        return None
    digits = precision - (scale or 0)
    with localcontext() as ctx:
        ctx.prec = max(precision, 28) + 10
        try:
            rounded = number.quantize(Decimal(1).scaleb(-(scale or 0)))
        except InvalidOperation:
            return f"must be less than 10^{digits} in absolute value"
    if abs(rounded) >= Decimal(10) ** digits:
        return f"must be less than 10^{digits} in absolute value"
    return None


def value_problem(type_: TypeEngine[Any], value: Any) -> str | None:
    """Why `value` cannot be bound for a column of `type_`; None when it can."""
    if isinstance(type_, Integer):
        return integer_problem(value, type_)
    if isinstance(type_, DateTime):
        return datetime_problem(value, aware=bool(type_.timezone))
    if isinstance(type_, Numeric):
        return decimal_problem(value, type_.precision, type_.scale)
    if isinstance(type_, Boolean):
        return None if isinstance(value, bool) else "must be a boolean"
    if isinstance(type_, Uuid):
        if isinstance(value, UUID):
            return None
        try:
            UUID(str(value))
        except ValueError:
            return "must be a UUID"
        return None
    if isinstance(type_, String):
        return text_problem(value) if isinstance(value, str) else "must be a string"
    return None


def fits(type_: TypeEngine[Any], value: Any) -> bool:
    """Whether `value` can be bound for a column of `type_` (for look-ups that skip misfits)."""
    return value_problem(type_, value) is None
