"""The error shape of every mutation payload: `errors { field code message }`."""

from __future__ import annotations

import strawberry
from strawberry.utils.str_converters import to_camel_case

from remotegpu.domain.errors import DomainError
from remotegpu.domain.errors import ErrorCode as DomainErrorCode

ErrorCode = strawberry.enum(
    DomainErrorCode,
    name="ErrorCode",
    description="Why a mutation did not do what was asked; one enum for the whole API.",
)

INPUT_ARGUMENT = "input"  # every mutation takes its arguments in one object of this name


def client_path(error: DomainError) -> list[str] | None:
    """The path a client sees for the error's field: `"gpus.0.uuid"` -> `["input", "gpus",
    "0", "uuid"]`, converted to camelCase the way Strawberry names the input's fields."""
    field = error.field
    if field is None or isinstance(field, list):
        return field
    names = [to_camel_case(name) for name in field.split(".") if name]
    return names if error.outside_input else [INPUT_ARGUMENT, *names]


@strawberry.type(description="An expected failure of a mutation: typed data, not an exception.")
class UserError:
    field: list[str] | None = strawberry.field(
        description="Path of the input field at fault, e.g. [input, gpuCount]; null if none."
    )
    code: DomainErrorCode = strawberry.field(description="Machine-readable reason.")
    message: str = strawberry.field(description="Human-readable explanation.")

    @classmethod
    def from_domain(cls, error: DomainError) -> UserError:
        return cls(field=client_path(error), code=error.code, message=error.message)
