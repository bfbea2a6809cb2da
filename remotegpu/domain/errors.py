"""The one exception the rules raise: a typed, expected failure, never a crash."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    NOT_FOUND = "NOT_FOUND"
    FORBIDDEN = "FORBIDDEN"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    INVALID_INPUT = "INVALID_INPUT"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    INVALID_TOKEN = "INVALID_TOKEN"  # noqa: S105  # an error code, not a secret
    INVALID_TRANSITION = "INVALID_TRANSITION"
    NO_CAPACITY = "NO_CAPACITY"
    NO_PORTS = "NO_PORTS"
    QUOTA_EXCEEDED = "QUOTA_EXCEEDED"
    CONFLICT = "CONFLICT"
    IDEMPOTENCY_CONFLICT = "IDEMPOTENCY_CONFLICT"
    LAST_OWNER = "LAST_OWNER"
    IN_USE = "IN_USE"
    # The transaction kept colliding with concurrent ones (deadlock or serialization failure)
    # and was rolled back after its retries: nothing changed, sending it again is safe.
    RETRY_LATER = "RETRY_LATER"


# The field of an error, in the domain's terms (see DomainError), or a client path given whole.
FieldRef = str | list[str]

# `field=WHOLE_INPUT`: the operation's input as a whole is at fault (e.g. "give exactly one of
# a and b"), not one of its fields.
WHOLE_INPUT = ""


class DomainError(Exception):
    """An expected failure: becomes an entry of the payload's `errors`, never a GraphQL error.

    `field` names what is at fault in the domain's own terms, as the operation's argument or
    draft field is named in Python: snake_case (`"storage_path"`); a nested one dotted, list
    positions as numbers (`"gpus.0.uuid"`); `WHOLE_INPUT` for the input as a whole; None for no
    field. The API layer turns it into the client's path: every operation's arguments arrive in
    one `input` object, so `"storage_path"` becomes `["input", "storagePath"]`.
    `outside_input=True` says the name is not looked up inside that object (a handful of errors
    have always been reported that way: `["paidAt"]`). A list is taken as a client path already
    and passed through unchanged.
    """

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        field: FieldRef | None = None,
        *,
        outside_input: bool = False,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.outside_input = outside_input
