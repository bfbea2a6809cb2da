"""Keyset paging in SQL: orderings, opaque cursors (sort key + primary key; never OFFSET).

A cursor is base64 of JSON `[ordering name, [values...]]`: it only works with the ordering
that produced it, so a cursor from `orderBy: NAME` handed to `orderBy: CREATED_AT` is refused
instead of silently skipping rows.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, tuple_

from remotegpu.loaders.values import value_problem
from remotegpu.settings import Settings

RowT = TypeVar("RowT")


class BadUserInputError(Exception):
    """The client's fault in a query (bad cursor, page over the cap, malformed ID).

    Surfaces as a top-level GraphQL error with `extensions.code = BAD_USER_INPUT`; it is
    never masked, unlike unexpected exceptions.
    """

    code = "BAD_USER_INPUT"


@dataclass(frozen=True)
class Ordering:
    """A total order: the sort columns, always ending with the primary key."""

    name: str
    columns: tuple[Any, ...]
    descending: bool = False

    def sort_clause(self, *, reverse: bool = False, on: Any = None) -> list[ColumnElement[Any]]:
        """The ORDER BY terms; `on`: a subquery whose same-named columns to sort instead."""
        down = self.descending != reverse
        columns = self.columns if on is None else [on.c[c.key] for c in self.columns]
        return [c.desc() if down else c.asc() for c in columns]

    def values_of(self, row: Any) -> list[Any]:
        return [getattr(row, c.key) for c in self.columns]

    def after(self, values: Sequence[Any]) -> ColumnElement[bool]:
        key = tuple_(*self.columns)
        bound = tuple_(*values)
        return key < bound if self.descending else key > bound

    def before(self, values: Sequence[Any]) -> ColumnElement[bool]:
        key = tuple_(*self.columns)
        bound = tuple_(*values)
        return key > bound if self.descending else key < bound


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    if isinstance(value, Decimal):
        return {"d": str(value)}
    return value


def _decode_value(value: Any) -> Any:
    # Only the exact shapes `_encode_value` writes; anything else stays as it is and is then
    # refused by the column check (a dict or list is no column's value).
    if isinstance(value, dict) and len(value) == 1:
        ((tag, text),) = value.items()
        if tag == "t" and isinstance(text, str):
            try:
                return datetime.fromisoformat(text)
            except ValueError:
                return value
        if tag == "d" and isinstance(text, str):
            try:
                return Decimal(text)
            except InvalidOperation:
                return value
    return value


def encode_cursor(ordering: Ordering, row: Any) -> str:
    payload = [ordering.name, [_encode_value(v) for v in ordering.values_of(row)]]
    return base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode()


def decode_cursor(ordering: Ordering, cursor: str, argument: str = "after") -> list[Any]:
    """The ordering key in `cursor`, each value checked against its column's SQL type.

    A cursor is opaque to clients but forgeable: a value of the wrong type or range would
    otherwise reach PostgreSQL and come back as an internal error.
    """
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (binascii.Error, ValueError, TypeError, RecursionError):
        raise BadUserInputError(f"`{argument}`: invalid cursor") from None
    if not (isinstance(payload, list) and len(payload) == 2 and isinstance(payload[1], list)):
        raise BadUserInputError(f"`{argument}`: invalid cursor")
    name, values = payload
    if name != ordering.name:
        raise BadUserInputError(f"`{argument}`: cursor does not belong to this ordering")
    if len(values) != len(ordering.columns):
        raise BadUserInputError(
            f"`{argument}`: cursor has {len(values)} values, the ordering needs "
            f"{len(ordering.columns)}"
        )
    decoded = [_decode_value(v) for v in values]
    for position, (column, value) in enumerate(zip(ordering.columns, decoded, strict=True)):
        problem = value_problem(column.type, value)
        if problem is not None:
            raise BadUserInputError(
                f"`{argument}`: cursor value {position + 1} ({column.key}) {problem}"
            )
    return decoded


@dataclass(frozen=True)
class PageRequest:
    """Validated `first/after/last/before`, hashable so loaders can batch equal requests."""

    limit: int
    backward: bool
    after: str | None = None
    before: str | None = None

    @classmethod
    def build(
        cls,
        settings: Settings,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        *,
        ordering: Ordering | None = None,
    ) -> PageRequest:
        """Checks everything before any SQL, the cursors too when `ordering` is given."""
        if first is not None and last is not None:
            raise BadUserInputError("pass either `first` or `last`, not both")
        for name, value in (("first", first), ("last", last)):
            if value is not None and value < 0:
                raise BadUserInputError(f"`{name}` must not be negative")
            if value is not None and value > settings.page_size_max:
                raise BadUserInputError(
                    f"`{name}` is {value}, over the page cap of {settings.page_size_max}"
                )
        backward = last is not None
        limit = (last if backward else first) or 0
        if first is None and last is None:
            limit = settings.page_size_default
        if ordering is not None:
            for argument, cursor in (("after", after), ("before", before)):
                if cursor is not None:
                    decode_cursor(ordering, cursor, argument)
        return cls(limit=limit, backward=backward, after=after, before=before)

    def conditions(self, ordering: Ordering) -> list[ColumnElement[bool]]:
        conds = []
        if self.after is not None:
            conds.append(ordering.after(decode_cursor(ordering, self.after, "after")))
        if self.before is not None:
            conds.append(ordering.before(decode_cursor(ordering, self.before, "before")))
        return conds


@dataclass
class Page(Generic[RowT]):
    """One page of rows, in presentation order, with what lies beyond it."""

    rows: list[RowT]
    has_next: bool
    has_previous: bool

    @classmethod
    def from_fetched(cls, rows: list[RowT], request: PageRequest) -> Page[RowT]:
        """`rows` were fetched with limit + 1 in query order (reversed for `last`)."""
        extra = len(rows) > request.limit
        rows = rows[: request.limit]
        if request.backward:
            rows.reverse()
            return cls(rows, has_next=request.before is not None, has_previous=extra)
        return cls(rows, has_next=extra, has_previous=request.after is not None)
