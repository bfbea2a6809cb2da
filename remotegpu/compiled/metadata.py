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
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import ColumnElement

from remotegpu.auth.viewer import Viewer
from remotegpu.db import models as m
from remotegpu.db.models.jobs import JobRun
from remotegpu.loaders.hosts import sees_host_inventory
from remotegpu.schema.relation_registry import (
    Children,
    Reference,
    RootConnection,
    RootLookup,
    Tables,
    tables,
)
from remotegpu.schema.types.hosts import _INVENTORY as HOST_INVENTORY

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


ENTITIES: dict[str, Entity] = {
    "Host": Entity(m.Host, hiding=Hiding(frozenset(HOST_INVENTORY), sees_host_inventory)),
    "Gpu": Entity(m.Gpu),
    "Environment": Entity(m.Environment, renamed={"image_name": "image"}),
    "PortMapping": Entity(m.PortMapping),
    "Customer": Entity(m.Customer),
    "Notification": Entity(m.Notification),
    "AuditLog": Entity(m.AuditLog),
    "AlertRule": Entity(m.AlertRule),
    "AlertRecord": Entity(m.AlertRecord),
    "BillingRecord": Entity(m.BillingRecord),
    "Invoice": Entity(m.Invoice),
    "SystemConfig": Entity(m.SystemConfig),
    "ResourceQuota": Entity(m.ResourceQuota),
    "JobRun": Entity(JobRun),
    "Dataset": Entity(m.Dataset),
    "DatasetVersion": Entity(m.DatasetVersion),
    "Model": Entity(m.MlModel),
    "ModelVersion": Entity(m.MlModelVersion),
    "Image": Entity(m.Image),
    "Artifact": Entity(m.Artifact),
    "DatasetMount": Entity(m.DatasetUsage),
    "Issue": Entity(m.Issue),
    "Requirement": Entity(m.Requirement),
    "Comment": Entity(m.Comment),
    "Webhook": Entity(m.Webhook),
    "WebhookLog": Entity(m.WebhookLog),
    "TrainingJob": Entity(m.TrainingJob),
    "InferenceService": Entity(m.InferenceService, renamed={"model_version_name": "model_version"}),
    "Workspace": Entity(m.Workspace),
    "WorkspaceMember": Entity(m.WorkspaceMember),
}

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
