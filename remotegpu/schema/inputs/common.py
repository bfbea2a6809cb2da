"""Filter inputs shared by every `where`, and their translation to SQL conditions."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from enum import Enum
from typing import Any, Generic, TypeVar

import strawberry
from sqlalchemy import ColumnElement, Integer

from remotegpu.loaders.paging import BadUserInputError
from remotegpu.loaders.values import value_problem

E = TypeVar("E", bound=Enum)


@strawberry.input(description="Match a text column.")
class StringFilter:
    eq: str | None = strawberry.field(default=None, description="Equal to.")
    in_: list[str] | None = strawberry.field(default=None, name="in", description="One of.")
    starts_with: str | None = strawberry.field(default=None, description="Prefix (indexed).")
    contains: str | None = strawberry.field(default=None, description="Substring, any case.")


@strawberry.input(description="Match an ID-like column (numeric or text keys).")
class KeyFilter:
    eq: strawberry.ID | None = strawberry.field(default=None, description="Equal to.")
    in_: list[strawberry.ID] | None = strawberry.field(
        default=None, name="in", description="One of."
    )


@strawberry.input(description="Match a time column (half-open ranges: gte + lt).")
class DateTimeFilter:
    gt: datetime | None = strawberry.field(default=None, description="After.")
    gte: datetime | None = strawberry.field(default=None, description="At or after.")
    lt: datetime | None = strawberry.field(default=None, description="Before.")
    lte: datetime | None = strawberry.field(default=None, description="At or before.")


@strawberry.input(description="Match a status/enum column.")
class EnumFilter(Generic[E]):
    eq: E | None = strawberry.field(default=None, description="Equal to.")
    in_: list[E] | None = strawberry.field(default=None, name="in", description="One of.")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _checked(column: Any, values: list[Any]) -> list[Any]:
    """`values` for a comparison with `column`, refused before SQL when they cannot fit it."""
    for value in values:
        problem = value_problem(column.type, value)
        if problem is not None:
            raise BadUserInputError(f"`where`: a value for {column.key} {problem}")
    return values


def string_conditions(column: Any, f: StringFilter | None) -> list[ColumnElement[bool]]:
    if f is None:
        return []
    conds: list[ColumnElement[bool]] = []
    if f.eq is not None:
        conds.append(column == _checked(column, [f.eq])[0])
    if f.in_ is not None:
        conds.append(column.in_(_checked(column, list(f.in_))))
    if f.starts_with is not None:
        prefix = _escape_like(_checked(column, [f.starts_with])[0])
        conds.append(column.like(prefix + "%", escape="\\"))
    if f.contains is not None:
        part = _escape_like(_checked(column, [f.contains])[0])
        conds.append(column.ilike("%" + part + "%", escape="\\"))
    return conds


def key_conditions(
    column: Any, f: KeyFilter | None, cast: type | None = None
) -> list[ColumnElement[bool]]:
    """`cast` turns the ID strings into the column's key type (by default: int for integer
    columns, text otherwise); keys that cannot fit the column are refused before SQL."""
    if f is None:
        return []
    convert = cast or (int if isinstance(column.type, Integer) else str)

    def keys(raw: list[strawberry.ID]) -> list[Any]:
        try:
            return _checked(column, [convert(v) for v in raw])
        except ValueError:
            raise BadUserInputError(f"`where`: invalid key in filter on {column.key}") from None

    conds: list[ColumnElement[bool]] = []
    if f.eq is not None:
        conds.append(column == keys([f.eq])[0])
    if f.in_ is not None:
        conds.append(column.in_(keys(list(f.in_))))
    return conds


def datetime_conditions(column: Any, f: DateTimeFilter | None) -> list[ColumnElement[bool]]:
    if f is None:
        return []
    conds: list[ColumnElement[bool]] = []
    if f.gt is not None:
        conds.append(column > f.gt)
    if f.gte is not None:
        conds.append(column >= f.gte)
    if f.lt is not None:
        conds.append(column < f.lt)
    if f.lte is not None:
        conds.append(column <= f.lte)
    return conds


def enum_conditions(column: Any, f: EnumFilter[Any] | None) -> list[ColumnElement[bool]]:
    if f is None:
        return []
    conds: list[ColumnElement[bool]] = []
    if f.eq is not None:
        conds.append(column == f.eq.value)
    if f.in_ is not None:
        conds.append(column.in_([v.value for v in f.in_]))
    return conds


def fingerprint(value: object) -> str:
    """A stable text key for a filter input, so loaders batch equal filters together."""
    if value is None:
        return ""

    def default(o: object) -> object:
        if dataclasses.is_dataclass(o) and not isinstance(o, type):
            return dataclasses.asdict(o)
        if isinstance(o, Enum):
            return o.value
        return str(o)

    return json.dumps(value, default=default, sort_keys=True)
