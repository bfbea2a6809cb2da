"""What the planner knows: GraphQL object types -> tables, relation fields -> loaders.

A relation names the loader the reference resolver calls (`ctx.loaders.<area>.<name>`); the
planner reads that loader's model, key column and visibility predicate, so the compiled SQL
scopes rows exactly as the DataLoader path does. Column fields are not listed: they are the
fields of the Strawberry type without a resolver, read from the row attribute of the same
name, as `schema.types.base.from_row` does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from sqlalchemy import ColumnElement

from remotegpu.auth.viewer import Viewer
from remotegpu.db import models as m
from remotegpu.loaders.base import Visibility
from remotegpu.loaders.environments import visible_environments, visible_port_mappings
from remotegpu.loaders.hosts import sees_host_inventory, visible_gpus, visible_hosts
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.inputs.environments import (
    ENVIRONMENT_ORDERINGS,
    PORT_MAPPING_ORDERINGS,
    EnvironmentOrder,
)
from remotegpu.schema.inputs.hosts import GPU_ORDERINGS, HOST_ORDERINGS
from remotegpu.schema.types.hosts import _INVENTORY as HOST_INVENTORY

# A rule that hides some columns of a row from some viewers (e.g. `Host.for_viewer`): given
# the viewer and the SQL expression of the row's key, a bool or an SQL condition.
SeesRule = Callable[[Viewer, Any], "bool | ColumnElement[bool]"]


@dataclass(frozen=True)
class Hiding:
    """Columns nulled unless `rule(viewer, row key)` holds, as the type's `for_viewer` does."""

    fields: frozenset[str]
    rule: SeesRule


@dataclass(frozen=True)
class Entity:
    """A GraphQL object type backed by one table."""

    model: type[Any]
    # Fields whose row attribute has another name (`from_row(..., image_name=row.image)`).
    renamed: Mapping[str, str] = field(default_factory=dict)
    hiding: Hiding | None = None


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
    # The ordering the resolver falls back to when `orderBy` is null (`order_by or X`).
    default_order: Enum | None = None


@dataclass(frozen=True)
class RootConnection:
    """A root connection: every visible row of the target's table."""

    target: str
    visible: Visibility
    orderings: Mapping[Any, Ordering]
    default_order: Enum | None = None


ENTITIES: dict[str, Entity] = {
    "Host": Entity(m.Host, hiding=Hiding(frozenset(HOST_INVENTORY), sees_host_inventory)),
    "Gpu": Entity(m.Gpu),
    "Environment": Entity(m.Environment, renamed={"image_name": "image"}),
    "PortMapping": Entity(m.PortMapping),
    "Customer": Entity(m.Customer),
}

# (GraphQL type, Python field name) -> relation.
RELATIONS: dict[tuple[str, str], Reference | Children] = {
    ("Host", "gpus"): Children("Gpu", ("hosts", "gpus_page_by_host_id"), "id", GPU_ORDERINGS),
    ("Host", "environments"): Children(
        "Environment",
        ("environments", "environments_page_by_host_id"),
        "id",
        ENVIRONMENT_ORDERINGS,
        EnvironmentOrder.CREATED_AT_DESC,
    ),
    ("Gpu", "host"): Reference("Host", ("hosts", "host_by_id"), "host_id"),
    ("Gpu", "allocated_to"): Reference(
        "Environment", ("environments", "environment_by_id"), "allocated_to"
    ),
    ("Environment", "owner"): Reference("Customer", ("customers", "customer_by_id"), "user_id"),
    ("Environment", "host"): Reference("Host", ("hosts", "host_by_id"), "host_id"),
    ("Environment", "port_mappings"): Children(
        "PortMapping",
        ("environments", "port_mappings_page_by_env_id"),
        "id",
        PORT_MAPPING_ORDERINGS,
    ),
    ("Environment", "gpus"): Children(
        "Gpu", ("hosts", "gpus_page_by_allocated_to"), "id", GPU_ORDERINGS
    ),
    ("PortMapping", "environment"): Reference(
        "Environment", ("environments", "environment_by_id"), "env_id"
    ),
}

# Root field (Python name) -> connection.
ROOTS: dict[str, RootConnection] = {
    "hosts": RootConnection("Host", visible_hosts, HOST_ORDERINGS),
    "gpus": RootConnection("Gpu", visible_gpus, GPU_ORDERINGS),
    "environments": RootConnection("Environment", visible_environments, ENVIRONMENT_ORDERINGS),
    "port_mappings": RootConnection("PortMapping", visible_port_mappings, PORT_MAPPING_ORDERINGS),
}
