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


class DomainError(Exception):
    """An expected failure: becomes an entry of the payload's `errors`, never a GraphQL error."""

    def __init__(self, code: ErrorCode, message: str, field: list[str] | str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        if isinstance(field, str):
            field = [field]
        self.field = field
