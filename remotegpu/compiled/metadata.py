"""What the planner knows: GraphQL object types -> tables, relation fields -> loaders.

A relation names the loader the reference resolver calls (`ctx.loaders.<area>.<name>`); the
planner reads that loader's model, key column and visibility predicate, so the compiled SQL
scopes rows exactly as the DataLoader path does. The relation tables (`RELATIONS`, `ROOTS`,
`LOOKUPS`) are not written here: they are derived from the fields the relation factories
declared (`schema.relations`), so each relation is written once, where its field is.
Column fields are not listed: they are the fields of the Strawberry type without a resolver,
read from the row attribute of the same name, as `schema.types.base.from_row` does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TypeVar

from remotegpu.schema.entities import NODE_TYPES, Hiding, NodeType
from remotegpu.schema.relation_registry import (
    Children,
    Reference,
    RootConnection,
    RootLookup,
    Tables,
    tables,
)

__all__ = [
    "ENTITIES",
    "LOOKUPS",
    "RELATIONS",
    "ROOTS",
    "Children",
    "Entity",
    "Hiding",
    "Reference",
    "RootConnection",
    "RootLookup",
]

# A GraphQL object type backed by one table: its model, renamed fields and hiding rule, as
# `schema.entities` declares it for `node(id:)`.
Entity = NodeType

# The planner's types are the node types: the tables are described once.
ENTITIES: Mapping[str, Entity] = NODE_TYPES

K = TypeVar("K")
V = TypeVar("V")


class _Derived(Mapping[K, V]):
    """One table of the relation registry, read on use: every module declaring relations is
    imported by the time the schema (and so the planner) exists."""

    def __init__(self, part: Callable[[Tables], Mapping[K, V]]) -> None:
        self._part = part

    def __getitem__(self, key: K) -> V:
        return self._part(tables())[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._part(tables()))

    def __len__(self) -> int:
        return len(self._part(tables()))


# (GraphQL type, Python field name) -> relation.
RELATIONS: Mapping[tuple[str, str], Reference | Children] = _Derived(lambda t: t.relations)
# Root field (Python name) -> connection.
ROOTS: Mapping[str, RootConnection] = _Derived(lambda t: t.roots)
# Root look-ups by table key whose resolver is exactly `loader.load(argument)` (then the
# type's own shaping, e.g. `Host.for_viewer`, applied by the entity's hiding rule).
LOOKUPS: Mapping[str, RootLookup] = _Derived(lambda t: t.lookups)
