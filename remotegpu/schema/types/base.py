"""What every table type shares: descriptions from the SQL comments, rows into objects."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

import strawberry

from remotegpu.db.comments import column_comment, table_comment
from remotegpu.schema.node import to_global_id

T = TypeVar("T")


def col(table: str, column: str, **kwargs: Any) -> Any:
    """A field whose description is the column's SQL comment."""
    return strawberry.field(description=column_comment(table, column) or None, **kwargs)


def table_doc(table: str) -> str:
    return table_comment(table)


@dataclasses.dataclass(frozen=True)
class _Plan:
    """Which fields of a type come from which row attribute (computed once per type)."""

    type_name: str
    columns: tuple[str, ...]  # fields named like a column
    others: tuple[str, ...]  # fields that must come from `extra` (or default)
    has_id: bool
    has_row_id: bool


_PLANS: dict[type, _Plan] = {}


def _plan(cls: type, row: Any) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        columns, others = [], []
        has_id = has_row_id = False
        for field in dataclasses.fields(cls):
            if getattr(field, "base_resolver", None) is not None or not field.init:
                continue  # a resolver (e.g. a relation named like its key column), not a value
            if field.name == "id":
                has_id = True
            elif field.name == "row_id":
                has_row_id = True
            elif hasattr(type(row), field.name):
                columns.append(field.name)
            else:
                others.append(field.name)
        name = cls.__strawberry_definition__.name  # type: ignore[attr-defined]
        plan = _Plan(name, tuple(columns), tuple(others), has_id, has_row_id)
        _PLANS[cls] = plan
    return plan


def from_row(cls: type[T], row: Any, **extra: Any) -> T:
    """Build a type from an ORM row: every field named like a column takes its value.

    `id` is the global ID (type name + row key) and `row_id` the row key itself; any other
    field (private keys, computed values) comes from `extra`. This runs for every object of
    every page, so the field plan is cached per type and the dataclass __init__ is bypassed
    (the values are exactly the declared fields, already typed by the ORM).
    """
    plan = _plan(cls, row)
    loaded = row.__dict__  # the ORM keeps loaded column values in the instance dict
    values = {name: loaded[name] if name in loaded else getattr(row, name) for name in plan.columns}
    for name in plan.others:
        if name in extra:
            values[name] = extra[name]
    for name, value in extra.items():
        values[name] = value
    if plan.has_id:
        values["id"] = to_global_id(plan.type_name, row.id)
    if plan.has_row_id:
        values["row_id"] = row.id
    obj = cls.__new__(cls)
    # Defaults of fields not supplied (Private fields with defaults) still apply.
    for field in _defaults(cls):
        if field.name not in values:
            factory: Any = field.default_factory
            missing = field.default is dataclasses.MISSING
            values[field.name] = factory() if missing else field.default
    obj.__dict__.update(values)
    return obj


_DEFAULTS: dict[type, tuple[dataclasses.Field[Any], ...]] = {}


def _defaults(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    found = _DEFAULTS.get(cls)
    if found is None:
        found = tuple(
            f
            for f in dataclasses.fields(cls)
            if f.init
            and getattr(f, "base_resolver", None) is None
            and (
                f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
            )
        )
        _DEFAULTS[cls] = found
    return found
