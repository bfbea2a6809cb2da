"""Every table-backed GraphQL type, declared once: what `node(id:)` and the planner read.

A `NodeType` names the table's model, the Python type of its key, the viewer-scoped by-key
loader (`ctx.loaders.<area>.<name>`) and the converter from a row to the Strawberry object.
`node` / `nodes` answer through that loader, so they obey exactly the visibility of every other
path: another tenant's object is indistinguishable from a missing one. The compiled planner's
`ENTITIES` is this same table (`compiled.metadata`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import ColumnElement
from strawberry.types.base import get_object_definition

from remotegpu.auth.viewer import Viewer
from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.db.models.jobs import JobRun as JobRunRow
from remotegpu.loaders.base import RowByKeyLoader
from remotegpu.loaders.hosts import sees_host_inventory
from remotegpu.schema.node import InvalidGlobalIdError, from_global_id, parse_key
from remotegpu.schema.types.activity import AuditLog, Notification
from remotegpu.schema.types.alerts import AlertRecord, AlertRule
from remotegpu.schema.types.billing import BillingRecord, Invoice
from remotegpu.schema.types.config import SystemConfig
from remotegpu.schema.types.customers import Customer, ResourceQuota
from remotegpu.schema.types.environments import Environment, PortMapping
from remotegpu.schema.types.hosts import _INVENTORY as HOST_INVENTORY
from remotegpu.schema.types.hosts import Gpu, Host
from remotegpu.schema.types.jobs import JobRun
from remotegpu.schema.types.metrics import EnvironmentMetric, GpuMetric, HostMetric
from remotegpu.schema.types.storage_artifacts import Artifact
from remotegpu.schema.types.storage_datasets import Dataset, DatasetMount, DatasetVersion
from remotegpu.schema.types.storage_images import Image
from remotegpu.schema.types.storage_ml_models import Model, ModelVersion
from remotegpu.schema.types.tickets import Comment, Issue, Requirement
from remotegpu.schema.types.webhooks import Webhook, WebhookLog
from remotegpu.schema.types.workloads import InferenceService, TrainingJob
from remotegpu.schema.types.workspaces import Workspace, WorkspaceMember

ObjectT = TypeVar("ObjectT")

# A rule that hides some columns of a row from some viewers (e.g. `Host.for_viewer`): given
# the viewer and the SQL expression of the row's key, a bool or an SQL condition.
SeesRule = Callable[[Viewer, Any], "bool | ColumnElement[bool]"]


@dataclass(frozen=True)
class Hiding:
    """Columns nulled unless `rule(viewer, row key)` holds, as the type's `for_viewer` does."""

    fields: frozenset[str]
    rule: SeesRule


@dataclass(frozen=True)
class NodeType:
    """A GraphQL object type backed by one table, and how to fetch it by its key."""

    model: type[Any]
    key: type[int] | type[str]
    # The viewer-scoped `RowByKeyLoader` on the table key: (area, loader name).
    loader: tuple[str, str]
    # The converter: `from_row(row)`, or `for_viewer(row, ctx)` where the object depends on
    # who looks (`Host.for_viewer`). Exactly one is given.
    from_row: Callable[[Any], Any] | None = None
    for_viewer: Callable[[Any, Context], Any] | None = None
    # Fields whose row attribute has another name (`from_row(..., image_name=row.image)`).
    renamed: Mapping[str, str] = field(default_factory=dict)
    # The columns `for_viewer` nulls, for the planner to null them the same way.
    hiding: Hiding | None = None

    def __post_init__(self) -> None:
        if (self.from_row is None) == (self.for_viewer is None):
            raise TypeError("a NodeType needs exactly one of from_row and for_viewer")

    def row_loader(self, context: Context) -> RowByKeyLoader[Any]:
        area, name = self.loader
        loader: RowByKeyLoader[Any] = getattr(getattr(context.loaders, area), name)
        return loader

    def convert(self, row: Any, context: Context) -> Any:
        if self.for_viewer is not None:
            return self.for_viewer(row, context)
        assert self.from_row is not None  # __post_init__ holds one of the two
        return self.from_row(row)


NODE_TYPES: dict[str, NodeType] = {
    "SystemConfig": NodeType(
        m.SystemConfig, int, ("config", "system_config_by_id"), SystemConfig.from_row
    ),
    "Customer": NodeType(m.Customer, int, ("customers", "customer_by_id"), Customer.from_row),
    "ResourceQuota": NodeType(
        m.ResourceQuota, int, ("customers", "resource_quota_by_id"), ResourceQuota.from_row
    ),
    "Workspace": NodeType(m.Workspace, int, ("workspaces", "workspace_by_id"), Workspace.from_row),
    "WorkspaceMember": NodeType(
        m.WorkspaceMember, int, ("workspaces", "workspace_member_by_id"), WorkspaceMember.from_row
    ),
    "Host": NodeType(
        m.Host,
        str,
        ("hosts", "host_by_id"),
        for_viewer=Host.for_viewer,
        hiding=Hiding(frozenset(HOST_INVENTORY), sees_host_inventory),
    ),
    "Gpu": NodeType(m.Gpu, int, ("hosts", "gpu_by_id"), Gpu.from_row),
    "Environment": NodeType(
        m.Environment,
        str,
        ("environments", "environment_by_id"),
        Environment.from_row,
        renamed={"image_name": "image"},
    ),
    "PortMapping": NodeType(
        m.PortMapping, int, ("environments", "port_mapping_by_id"), PortMapping.from_row
    ),
    "Dataset": NodeType(m.Dataset, int, ("storage", "dataset_by_id"), Dataset.from_row),
    "DatasetVersion": NodeType(
        m.DatasetVersion, int, ("storage", "dataset_version_by_id"), DatasetVersion.from_row
    ),
    "DatasetMount": NodeType(
        m.DatasetUsage, int, ("storage", "dataset_usage_by_id"), DatasetMount.from_row
    ),
    "Model": NodeType(m.MlModel, int, ("storage", "model_by_id"), Model.from_row),
    "ModelVersion": NodeType(
        m.MlModelVersion, int, ("storage", "model_version_by_id"), ModelVersion.from_row
    ),
    "Image": NodeType(m.Image, int, ("storage", "image_by_id"), Image.from_row),
    "Artifact": NodeType(m.Artifact, int, ("storage", "artifact_by_id"), Artifact.from_row),
    "HostMetric": NodeType(
        m.HostMetric, int, ("metrics", "host_metric_by_id"), HostMetric.from_row
    ),
    "GpuMetric": NodeType(m.GpuMetric, int, ("metrics", "gpu_metric_by_id"), GpuMetric.from_row),
    "EnvironmentMetric": NodeType(
        m.EnvironmentMetric,
        int,
        ("metrics", "environment_metric_by_id"),
        EnvironmentMetric.from_row,
    ),
    "BillingRecord": NodeType(
        m.BillingRecord, int, ("billing", "billing_record_by_id"), BillingRecord.from_row
    ),
    "Invoice": NodeType(m.Invoice, int, ("billing", "invoice_by_id"), Invoice.from_row),
    "TrainingJob": NodeType(
        m.TrainingJob, str, ("workloads", "training_job_by_id"), TrainingJob.from_row
    ),
    "InferenceService": NodeType(
        m.InferenceService,
        str,
        ("workloads", "inference_service_by_id"),
        InferenceService.from_row,
        renamed={"model_version_name": "model_version"},
    ),
    "Notification": NodeType(
        m.Notification, int, ("activity", "notification_by_id"), Notification.from_row
    ),
    "AuditLog": NodeType(m.AuditLog, int, ("activity", "audit_log_by_id"), AuditLog.from_row),
    "AlertRule": NodeType(m.AlertRule, int, ("alerts", "alert_rule_by_id"), AlertRule.from_row),
    "AlertRecord": NodeType(
        m.AlertRecord, int, ("alerts", "alert_record_by_id"), AlertRecord.from_row
    ),
    "Webhook": NodeType(m.Webhook, int, ("webhooks", "webhook_by_id"), Webhook.from_row),
    "WebhookLog": NodeType(
        m.WebhookLog, int, ("webhooks", "webhook_log_by_id"), WebhookLog.from_row
    ),
    "Issue": NodeType(m.Issue, int, ("tickets", "issue_by_id"), Issue.from_row),
    "Requirement": NodeType(
        m.Requirement, int, ("tickets", "requirement_by_id"), Requirement.from_row
    ),
    "Comment": NodeType(m.Comment, int, ("tickets", "comment_by_id"), Comment.from_row),
    "JobRun": NodeType(JobRunRow, int, ("jobs", "job_run_by_id"), JobRun.from_row),
}


async def resolve_nodes(context: Context, global_ids: Sequence[str]) -> list[Any | None]:
    """Objects for global IDs, in order; None for unknown, malformed or invisible ones."""
    wanted: dict[str, list[tuple[int, int | str]]] = {}
    for position, global_id in enumerate(global_ids):
        try:
            type_name, text = from_global_id(global_id)
        except InvalidGlobalIdError:
            continue
        node_type = NODE_TYPES.get(type_name)
        key = None if node_type is None else parse_key(node_type.key, text)
        if key is not None:
            wanted.setdefault(type_name, []).append((position, key))
    result: list[Any | None] = [None] * len(global_ids)
    for type_name, found in wanted.items():
        node_type = NODE_TYPES[type_name]
        rows = await node_type.row_loader(context).load_many([key for _, key in found])
        for (position, _), row in zip(found, rows, strict=True):
            result[position] = None if row is None else node_type.convert(row, context)
    return result


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
    return None if kind in NODE_TYPES else value


async def node_for_id_argument(context: Context, node: type[ObjectT], value: str) -> ObjectT | None:
    """The object of type `node` an `id` argument of a single-object look-up names
    (`host(id:)`, `dataset(id:)`): read as `row_key_from_id` reads it, keyed as `node(id:)`
    keys it, through the same viewer-scoped loader. None for a global ID of another type, a
    key the table cannot hold, or a row the viewer may not see."""
    type_name = get_object_definition(node, strict=True).name
    node_type = NODE_TYPES[type_name]
    text = row_key_from_id(value, type_name)
    key = None if text is None else parse_key(node_type.key, text)
    if key is None:
        return None
    row = await node_type.row_loader(context).load(key)
    found: ObjectT | None = None if row is None else node_type.convert(row, context)
    return found
