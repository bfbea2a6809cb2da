"""Inputs into the domain's draft objects, field by matching field.

    draft = to_draft(datasets.DatasetDraft, input)
    changes = to_draft(TicketChanges, input, description=KEEP if ... else input.description)

Every field of the draft dataclass takes the input's field of the same name; an enum member
becomes its value, the string the database stores (also inside lists); an absent optional
input (UNSET) becomes None, or `absent` (a draft's "keep as it is" marker). A draft field
the input does not have keeps the draft's default; `overrides` set fields by hand where the
two differ (a default, a renamed field, a value the domain wants in another shape).
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any, TypeVar

import strawberry

D = TypeVar("D")


def stored(value: Any, absent: Any = None) -> Any:
    """An input value as the domain takes it: enum members as their stored strings, an
    absent (UNSET) value as `absent`."""
    if value is strawberry.UNSET:
        return absent
    if isinstance(value, Enum):
        return value.value  # a StrEnum's value is its str(); a plain Enum's str() is its name
    if isinstance(value, list):
        return [stored(item) for item in value]
    return value


def to_draft(draft: type[D], input: object, *, absent: Any = None, **overrides: Any) -> D:
    """A `draft` dataclass filled from the input's fields of the same names (see above)."""
    values: dict[str, Any] = {}
    for field in dataclasses.fields(draft):  # type: ignore[arg-type]
        if field.name in overrides:
            values[field.name] = overrides[field.name]
        elif hasattr(input, field.name):
            values[field.name] = stored(getattr(input, field.name), absent)
    unknown = overrides.keys() - values.keys()
    if unknown:
        raise TypeError(f"{draft.__name__} has no field {', '.join(sorted(unknown))}")
    return draft(**values)
