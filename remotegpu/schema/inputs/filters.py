"""`where` inputs declared field by field: each field names its column once, `conditions()` is
generated.

A field made with `filter_on(column, description)` matches `column`; how it matches follows
from the field's input type: `EnumFilter`, `StringFilter`, `KeyFilter` and `DateTimeFilter`
through their `*_conditions` builders, a plain scalar (`bool`, `int`, `str`) as "equal to".
A field whose SQL is not a match on one column (`HostWhere.labelsContain`) names its own
rule with `filter_by(rule, description)`. Subclass `Where` and decorate with
`@strawberry.input` as before: the GraphQL input type is exactly the declared fields.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import cache
from typing import Any

import strawberry
from sqlalchemy import ColumnElement

from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    KeyFilter,
    StringFilter,
    datetime_conditions,
    enum_conditions,
    key_conditions,
    string_conditions,
)

# The field metadata keys under which a declaration keeps its column or its rule.
_COLUMN = "remotegpu.where.column"
_RULE = "remotegpu.where.rule"

Rule = Callable[[Any], ColumnElement[bool]]


def filter_on(column: Any, description: str) -> Any:
    """A `where` field (default null) matching `column` the way its input type says."""
    return strawberry.field(default=None, description=description, metadata={_COLUMN: column})


def filter_by(rule: Rule, description: str) -> Any:
    """A `where` field (default null) whose condition is `rule(value)`."""
    return strawberry.field(default=None, description=description, metadata={_RULE: rule})


def match(column: Any, value: Any) -> list[ColumnElement[bool]]:
    """The conditions a filter input `value` puts on `column`."""
    if isinstance(value, EnumFilter):
        return enum_conditions(column, value)
    if isinstance(value, StringFilter):
        return string_conditions(column, value)
    if isinstance(value, KeyFilter):
        return key_conditions(column, value)
    if isinstance(value, DateTimeFilter):
        return datetime_conditions(column, value)
    condition: ColumnElement[bool] = column == value
    return [condition]


@cache
def _declarations(cls: type) -> tuple[tuple[str, Any, Rule | None], ...]:
    """(field name, column, rule) of each field of a `Where` class, in declaration order."""
    declared = []
    for field in dataclasses.fields(cls):
        if _COLUMN not in field.metadata and _RULE not in field.metadata:
            raise TypeError(f"{cls.__name__}.{field.name}: declare it with filter_on/filter_by")
        declared.append((field.name, field.metadata.get(_COLUMN), field.metadata.get(_RULE)))
    return tuple(declared)


class Where:
    """Base of the `XWhere` inputs: every non-null field adds its conditions (ANDed)."""

    def conditions(self) -> list[ColumnElement[bool]]:
        conds: list[ColumnElement[bool]] = []
        cls: type = type(self)
        for name, column, rule in _declarations(cls):
            value = getattr(self, name)
            if value is None:
                continue
            if rule is not None:
                conds.append(rule(value))
            else:
                conds.extend(match(column, value))
        return conds
