"""Relay object identification: global IDs and the registry behind `node` / `nodes`.

A global ID is base64("TypeName:rowId"). Each type registers a resolver that fetches rows by
their table key through the viewer-scoped by-id loader, so `node(id)` obeys exactly the same
visibility as every other path: another tenant's object is indistinguishable from a missing one.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import strawberry

from remotegpu.context import Context

NodeFetcher = Callable[[Context, Sequence[str]], Awaitable[Sequence[Any | None]]]
_FETCHERS: dict[str, NodeFetcher] = {}


@strawberry.interface(description="An object with a globally unique, opaque ID.")
class Node:
    id: strawberry.ID = strawberry.field(
        description="Global ID: opaque, stable, accepted by `node(id:)`."
    )


def to_global_id(type_name: str, row_id: object) -> strawberry.ID:
    return strawberry.ID(base64.urlsafe_b64encode(f"{type_name}:{row_id}".encode()).decode())


_INT64_MAX = 2**63 - 1


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
    if row_id.isdigit() and not (
        row_id.isascii() and len(row_id) <= 19 and int(row_id) <= _INT64_MAX
    ):
        # Numeric keys are BIGINTs written in ASCII; a larger number or other Unicode digits
        # ("²", "١٢") name no row, and must not reach int() or the database.
        raise InvalidGlobalIdError(f"not a valid ID: {global_id!r}")
    return type_name, row_id


def register_node(type_name: str, fetch: NodeFetcher) -> None:
    """Make `type_name` resolvable through `node(id:)`; fetch returns objects in key order."""
    _FETCHERS[type_name] = fetch


async def resolve_nodes(context: Context, global_ids: Sequence[str]) -> list[Any | None]:
    """Objects for global IDs, in order; None for unknown, malformed or invisible ones."""
    by_type: dict[str, list[tuple[int, str]]] = {}
    for position, global_id in enumerate(global_ids):
        try:
            type_name, row_id = from_global_id(global_id)
        except InvalidGlobalIdError:
            continue
        if type_name in _FETCHERS:
            by_type.setdefault(type_name, []).append((position, row_id))
    result: list[Any | None] = [None] * len(global_ids)
    for type_name, wanted in by_type.items():
        objects = await _FETCHERS[type_name](context, [row_id for _, row_id in wanted])
        for (position, _), obj in zip(wanted, objects, strict=True):
            result[position] = obj
    return result


# The one rule for `id` arguments of single-object look-ups: a global ID. Fields that took the
# table key before keep accepting it (deprecated, said in the argument's description: a
# required argument cannot carry @deprecated); `<type>ByRowId(rowId:)` is the look-up by key.
def id_argument_description(by_row_id_field: str) -> str:
    return (
        "Global ID of the object (its `id`). Its table key (`rowId`) is still accepted "
        f"here but deprecated: use `{by_row_id_field}(rowId:)`."
    )


def row_key_from_id(value: str, type_name: str) -> str | None:
    """The table key an `id` argument names: the key inside a global ID of `type_name`, or
    the value itself when it is not a global ID (the table key, as these fields always took).
    None for a global ID of another type."""
    try:
        kind, key = from_global_id(value)
    except InvalidGlobalIdError:
        return value
    if kind == type_name:
        return key
    return None if kind in _FETCHERS else value
