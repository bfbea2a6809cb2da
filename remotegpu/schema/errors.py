"""The error shape of every mutation payload: `errors { field code message }`."""

from __future__ import annotations

import strawberry

from remotegpu.domain.errors import DomainError
from remotegpu.domain.errors import ErrorCode as DomainErrorCode

ErrorCode = strawberry.enum(
    DomainErrorCode,
    name="ErrorCode",
    description="Why a mutation did not do what was asked; one enum for the whole API.",
)


@strawberry.type(description="An expected failure of a mutation: typed data, not an exception.")
class UserError:
    field: list[str] | None = strawberry.field(
        description="Path of the input field at fault, e.g. [input, gpuCount]; null if none."
    )
    code: DomainErrorCode = strawberry.field(description="Machine-readable reason.")
    message: str = strawberry.field(description="Human-readable explanation.")

    @classmethod
    def from_domain(cls, error: DomainError) -> UserError:
        return cls(field=error.field, code=error.code, message=error.message)
