"""What every mutation payload shares: the typed `errors`, declared once, printed last.

    @payload("Result of datasetCreate.")
    class DatasetCreatePayload(Payload):
        dataset: Dataset | None = strawberry.field(default=None, description="The new dataset.")

Declare only the payload's own fields (each defaults to None: a failed mutation leaves them
null); `payload` appends `errors`. It is a decorator rather than a field of the base class
because strawberry prints inherited fields first, and every payload of the schema prints
`errors` after its own fields.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, Self, TypeVar, dataclass_transform

import strawberry

from remotegpu.schema.errors import UserError

NOTHING_CHANGED = "Why nothing changed; empty on success."

P = TypeVar("P", bound="Payload")


class Payload:
    """Base of every mutation payload; `payload` makes a subclass a GraphQL type."""

    errors: list[UserError]

    @classmethod
    def failed(cls, errors: list[UserError]) -> Self:
        """The payload of a mutation that changed nothing: its fields null, its errors set."""
        answer = cls()
        answer.errors = errors
        return answer


@dataclass_transform(kw_only_default=True, field_specifiers=(strawberry.field,))
def payload(description: str, *, errors: str = NOTHING_CHANGED) -> Callable[[type[P]], type[P]]:
    """A strawberry type of the class with `errors` appended; `errors` is its description
    (older payloads word it their own way, and the published schema keeps their words)."""

    def make(cls: type[P]) -> type[P]:
        if not issubclass(cls, Payload):
            raise TypeError(f"{cls.__name__} must subclass Payload")
        annotations = inspect.get_annotations(cls)
        # Own annotations in declaration order; `errors` goes after them.
        cls.__annotations__ = {**annotations, "errors": list[UserError]}
        cls.errors = strawberry.field(default_factory=list, description=errors)
        return strawberry.type(cls, description=description)

    return make


def deleted_id_field(what: str) -> Any:
    """`deletedId`: the global ID of the object a delete mutation removed."""
    return strawberry.field(default=None, description=f"Global ID of the deleted {what}.")


def deleted_row_id_field(what: str) -> Any:
    """`deletedRowId`: the table key of the object a delete mutation removed."""
    return strawberry.field(default=None, description=f"rowId of the deleted {what}.")
