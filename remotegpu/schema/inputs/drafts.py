"""Inputs into the domain's draft objects, field by matching field.

    draft = to_draft(datasets.DatasetDraft, input)
    changes = to_draft(TicketChanges, input, description=KEEP if ... else input.description)

Every field of the draft dataclass takes the input's field of the same name; an enum member
becomes the string the database stores (`str(member)`, also inside lists); an absent optional
input (UNSET) becomes None. A draft field the input does not have keeps the draft's default;
`overrides` set fields by hand where the two differ (a default, a renamed field, a value the
domain wants in another shape).
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any, TypeVar

import strawberry

D = TypeVar("D")


def stored(value: Any) -> Any:
    """An input value as the domain takes it: enum members as their stored strings."""
    if value is strawberry.UNSET:
        return None
    if isinstance(value, Enum):
        return str(value)
    if isinstance(value, list):
        return [stored(item) for item in value]
    return value


def to_draft(draft: type[D], input: object, **overrides: Any) -> D:
    """A `draft` dataclass filled from the input's fields of the same names (see above)."""
    values: dict[str, Any] = {}
    for field in dataclasses.fields(draft):  # type: ignore[arg-type]
        if field.name in overrides:
            values[field.name] = overrides[field.name]
        elif hasattr(input, field.name):
            values[field.name] = stored(getattr(input, field.name))
    unknown = overrides.keys() - values.keys()
    if unknown:
        raise TypeError(f"{draft.__name__} has no field {', '.join(sorted(unknown))}")
    return draft(**values)
