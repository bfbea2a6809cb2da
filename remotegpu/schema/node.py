"""Relay object identification: the `Node` interface, global IDs and table-key parsing.

A global ID is base64("TypeName:rowId"). Which types answer `node(id:)`, and how, is declared
once in `schema.entities`; this module knows no type, so every type module can import it.
"""

from __future__ import annotations

import base64
import binascii

import strawberry


@strawberry.interface(description="An object with a globally unique, opaque ID.")
class Node:
    id: strawberry.ID = strawberry.field(
        description="Global ID: opaque, stable, accepted by `node(id:)`."
    )


def to_global_id(type_name: str, row_id: object) -> strawberry.ID:
    return strawberry.ID(base64.urlsafe_b64encode(f"{type_name}:{row_id}".encode()).decode())


_INT64_MAX = 2**63 - 1


def int_key(text: str) -> int | None:
    """The BIGINT table key `text` names: ASCII digits within range; None for anything else.

    `str.isdigit()` alone accepts "²" and "١٢", which `int()` then refuses or reads as 12;
    "-1", " 1" and "" name no BIGSERIAL row either.
    """
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    key = int(text)
    return key if key <= _INT64_MAX else None


def parse_key(key_type: type[int] | type[str], text: str) -> int | str | None:
    """The table key of a `key_type` column that `text` names (text keys are taken as is)."""
    return int_key(text) if key_type is int else text


class InvalidGlobalIdError(ValueError):
    pass


def from_global_id(global_id: str) -> tuple[str, str]:
    try:
        decoded = base64.urlsafe_b64decode(global_id.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidGlobalIdError(f"not a valid ID: {global_id!r}") from None
    type_name, sep, row_id = decoded.partition(":")
    if not sep or not type_name or not row_id:
        raise InvalidGlobalIdError(f"not a valid ID: {global_id!r}")
    if row_id.isdigit() and int_key(row_id) is None:
        # Numeric keys are BIGINTs written in ASCII; a larger number or other Unicode digits
        # ("²", "١٢") name no row, and must not reach int() or the database.
        raise InvalidGlobalIdError(f"not a valid ID: {global_id!r}")
    return type_name, row_id


# The one rule for `id` arguments of single-object look-ups: a global ID. Fields that took the
# table key before keep accepting it (deprecated, said in the argument's description: a
# required argument cannot carry @deprecated); `<type>ByRowId(rowId:)` is the look-up by key.
def id_argument_description(by_row_id_field: str) -> str:
    return (
        "Global ID of the object (its `id`). Its table key (`rowId`) is still accepted "
        f"here but deprecated: use `{by_row_id_field}(rowId:)`."
    )
