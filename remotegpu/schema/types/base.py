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


def row_id_field(table: str) -> Any:
    return strawberry.field(
        description=f"The table key ({table}.id). " + (column_comment(table, "id") or "")
    )


def from_row(cls: type[T], row: Any, **extra: Any) -> T:
    """Build a type from an ORM row: every field named like a column takes its value.

    `id` is the global ID (type name + row key) and `row_id` the row key itself; any other
    field (private keys, computed values) comes from `extra`.
    """
    values: dict[str, Any] = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        if getattr(field, "base_resolver", None) is not None or not field.init:
            continue  # a resolver (e.g. a relation named like its key column), not a value
        if field.name in extra:
            values[field.name] = extra[field.name]
        elif field.name == "id":
            values["id"] = to_global_id(cls.__strawberry_definition__.name, row.id)  # type: ignore[attr-defined]
        elif field.name == "row_id":
            values["row_id"] = row.id
        elif hasattr(row, field.name):
            values[field.name] = getattr(row, field.name)
    return cls(**values)
