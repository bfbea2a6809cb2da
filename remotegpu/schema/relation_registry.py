"""What the relation factories (`schema.relations`) declare: one record per field.

Every child connection, reference, root connection and root look-up built by a factory is
registered here with the planner's description of it (the records below). The compiled
planner's tables (`compiled.metadata.RELATIONS`, `ROOTS`, `LOOKUPS`) are derived from this
registry, so a relation is written once: the Strawberry field and what the planner knows of
it come from the same call.

A field learns its name and owning type only when `@strawberry.type` processes its class, so
the tables are derived on first use and again whenever more fields were declared since.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, ForwardRef, get_args, get_origin

from strawberry.types.field import StrawberryField
from strawberry.types.lazy_type import StrawberryLazyReference

from remotegpu.loaders.base import Visibility
from remotegpu.loaders.paging import Ordering


@dataclass(frozen=True)
class Reference:
    """child -> parent: one row through a `RowByKeyLoader`, keyed by a column of the child."""

    target: str
    loader: tuple[str, str]
    via: str


@dataclass(frozen=True)
class Children:
    """parent -> children: a connection through a `PageByParentLoader` keyed by `via`."""

    target: str
    loader: tuple[str, str]
    via: str
    orderings: Mapping[Any, Ordering]
    # The ordering used when `orderBy` is null or absent.
    default_order: Enum | None = None


@dataclass(frozen=True)
class RootConnection:
    """A root connection: every visible row of the target's table."""

    target: str
    visible: Visibility
    orderings: Mapping[Any, Ordering]
    default_order: Enum | None = None


@dataclass(frozen=True)
class RootLookup:
    """A root field answering one row by a key argument, through a `RowByKeyLoader`."""

    target: str
    loader: tuple[str, str]
    argument: str  # the Python name of the key argument


Record = Reference | Children | RootConnection | RootLookup


class Target:
    """The object type a relation leads to: a Strawberry class, or a lazy annotation
    `Annotated["Name", strawberry.lazy("module")]` for a type not importable yet."""

    def __init__(self, node: Any) -> None:
        self.annotation = node
        self._class: type[Any] | None = None if get_origin(node) is Annotated else node

    @property
    def cls(self) -> type[Any]:
        if self._class is None:
            ref, lazy = get_args(self.annotation)[:2]
            assert isinstance(ref, ForwardRef)
            assert isinstance(lazy, StrawberryLazyReference)
            self._class = getattr(importlib.import_module(lazy.module), ref.__forward_arg__)
        return self._class

    @property
    def name(self) -> str:
        """The GraphQL name of the type."""
        name: str = self.cls.__strawberry_definition__.name
        return name

    def converter(self, ctx: Any) -> Callable[[Any], Any]:
        """Row -> object, as the type shapes it: `for_viewer` (columns hidden from some
        viewers) when the type has one, else `from_row`."""
        for_viewer = getattr(self.cls, "for_viewer", None)
        if for_viewer is not None:
            return lambda row: for_viewer(row, ctx)
        convert: Callable[[Any], Any] = self.cls.from_row
        return convert


@dataclass(frozen=True)
class Declaration:
    field: StrawberryField
    target: Target
    # The planner's record, given the target's GraphQL name (known once it is importable).
    record: Callable[[str], Record]
    # False: a relation the planner does not compile (an operation selecting it runs whole on
    # the DataLoader path); it is still declared, for the schema walk's completeness check.
    compiled: bool


_DECLARED: list[Declaration] = []


def declare(
    field: StrawberryField, target: Target, record: Callable[[str], Record], compiled: bool
) -> None:
    _DECLARED.append(Declaration(field, target, record, compiled))


@dataclass(frozen=True)
class Declared:
    """One declared field, compiled or not: where it is and what it reads."""

    owner: str  # the GraphQL type (for roots: the class declaring them, e.g. `HostsQuery`)
    name: str  # the Python field name
    record: Record
    compiled: bool


def declared() -> list[Declared]:
    """Every declared field whose class is processed, in declaration order."""
    out = []
    for d in _DECLARED:
        owner = d.field.origin
        if isinstance(owner, type) and hasattr(owner, "__strawberry_definition__"):
            owner_name = owner.__strawberry_definition__.name
            out.append(
                Declared(owner_name, d.field.python_name, d.record(d.target.name), d.compiled)
            )
    return out


@dataclass(frozen=True)
class Tables:
    """The planner's tables: the compiled relations, root connections and root look-ups."""

    relations: dict[tuple[str, str], Reference | Children]
    roots: dict[str, RootConnection]
    lookups: dict[str, RootLookup]


_cache: tuple[int, Tables] | None = None


def tables() -> Tables:
    """The tables derived from every field declared so far whose class is processed."""
    global _cache
    if _cache is not None and _cache[0] == len(_DECLARED):
        return _cache[1]
    found = declared()
    derived = Tables({}, {}, {})
    for d in found:
        if not d.compiled:
            continue
        if isinstance(d.record, RootConnection):
            derived.roots[d.name] = d.record
        elif isinstance(d.record, RootLookup):
            derived.lookups[d.name] = d.record
        else:
            derived.relations[(d.owner, d.name)] = d.record
    if len(found) == len(_DECLARED):  # none still being defined: final until more declared
        _cache = (len(_DECLARED), derived)
    return derived
