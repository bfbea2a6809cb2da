"""Checks of plain input values that several operations share.

Each raises INVALID_INPUT naming the offending field in the domain's terms (see `DomainError`:
snake_case, dotted when nested). The message names the field as the client spells it
(camelCase, `spelled`), since that is the name the person reading it typed.
"""

from __future__ import annotations

from collections.abc import Collection

from remotegpu.domain.errors import DomainError, ErrorCode, FieldRef

BIGINT_MAX = 2**63 - 1  # a PostgreSQL bigint


def spelled(field: str) -> str:
    """How a client spells the field in a message: `"gpus.0.gpu_uuid"` -> `"gpuUuid"`."""
    head, *rest = field.rsplit(".", 1)[-1].split("_")
    return head + "".join(part.title() for part in rest)


def invalid(field: FieldRef | None, message: str) -> DomainError:
    return DomainError(ErrorCode.INVALID_INPUT, message, field)


def clean_name(value: str, limit: int, field: str = "name") -> str:
    """A required name: stripped, 1 to `limit` characters."""
    cleaned = value.strip()
    if not 1 <= len(cleaned) <= limit:
        raise invalid(field, f"{spelled(field)} must be 1 to {limit} characters")
    return cleaned


def check_choice(value: str, allowed: Collection[str], field: str) -> str:
    """One of `allowed` (listed in the message in their given order)."""
    if value not in allowed:
        raise invalid(field, f"{spelled(field)} must be one of {', '.join(allowed)}")
    return value


def clean_text(value: str | None, field: str, limit: int, *, required: bool = False) -> str | None:
    """Stripped text of at most `limit` characters; blank is missing (refused when `required`)."""
    cleaned = None if value is None else value.strip()
    if not cleaned:
        if required:
            raise invalid(field, f"{spelled(field)} must not be blank")
        return None
    if len(cleaned) > limit:
        raise invalid(field, f"{spelled(field)} is longer than {limit} characters")
    return cleaned


def check_range(
    value: int | None, field: str, *, minimum: int, maximum: int = BIGINT_MAX
) -> int | None:
    """An optional number between `minimum` and `maximum`, both included."""
    if value is not None and not minimum <= value <= maximum:
        raise invalid(field, f"{spelled(field)} must be between {minimum} and {maximum}")
    return value
