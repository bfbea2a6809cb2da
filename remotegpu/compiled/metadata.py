"""What the planner knows: GraphQL object types -> tables, relation fields -> loaders.

A relation names the loader the reference resolver calls (`ctx.loaders.<area>.<name>`); the
planner reads that loader's model, key column and visibility predicate, so the compiled SQL
scopes rows exactly as the DataLoader path does. Column fields are not listed: they are the
fields of the Strawberry type without a resolver, read from the row attribute of the same
name, as `schema.types.base.from_row` does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from remotegpu.loaders import (
    activity,
    alerts,
    billing,
    config,
    customers,
    jobs,
    storage,
    tickets,
    webhooks,
    workloads,
    workspaces,
)
from remotegpu.loaders.base import Visibility
from remotegpu.loaders.environments import visible_environments, visible_port_mappings
from remotegpu.loaders.hosts import visible_gpus, visible_hosts
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.entities import NODE_TYPES, NodeType
from remotegpu.schema.inputs import activity as activity_in
from remotegpu.schema.inputs import alerts as alerts_in
from remotegpu.schema.inputs import billing as billing_in
from remotegpu.schema.inputs import config as config_in
from remotegpu.schema.inputs import customers as customers_in
from remotegpu.schema.inputs import jobs as jobs_in
from remotegpu.schema.inputs import storage as storage_in
from remotegpu.schema.inputs import tickets as tickets_in
from remotegpu.schema.inputs import webhooks as webhooks_in
from remotegpu.schema.inputs import workloads as workloads_in
from remotegpu.schema.inputs import workspaces as workspaces_in
from remotegpu.schema.inputs.environments import (
    ENVIRONMENT_ORDERINGS,
    PORT_MAPPING_ORDERINGS,
    EnvironmentOrder,
)
from remotegpu.schema.inputs.hosts import GPU_ORDERINGS, HOST_ORDERINGS

# A GraphQL object type backed by one table: its model, renamed fields and hiding rule, as
# `schema.entities` declares it for `node(id:)`.
Entity = NodeType


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


def _first(order: type[Enum]) -> Enum:
    """The resolvers' fallback when `orderBy` is null: the Order enum's first member."""
    return next(iter(order))


@dataclass(frozen=True)
class RootLookup:
    """A root field answering one row by a key argument, through a `RowByKeyLoader`."""

    target: str
    loader: tuple[str, str]
    argument: str  # the Python name of the key argument


# The planner's types are the node types: the 32 tables are described once.
ENTITIES: Mapping[str, Entity] = NODE_TYPES

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
    ("AlertRule", "records"): Children(
        "AlertRecord",
        ("alerts", "alert_records_page_by_rule_id"),
        "id",
        alerts_in.ALERT_RECORD_ORDERINGS,
    ),
    ("Customer", "workspaces"): Children(
        "Workspace",
        ("workspaces", "workspaces_page_by_owner_id"),
        "id",
        workspaces_in.WORKSPACE_ORDERINGS,
        _first(workspaces_in.WorkspaceOrder),
    ),
    ("Customer", "memberships"): Children(
        "WorkspaceMember",
        ("workspaces", "workspace_members_page_by_customer_id"),
        "id",
        workspaces_in.WORKSPACE_MEMBER_ORDERINGS,
        _first(workspaces_in.WorkspaceMemberOrder),
    ),
    ("Workspace", "members"): Children(
        "WorkspaceMember",
        ("workspaces", "workspace_members_page_by_workspace_id"),
        "id",
        workspaces_in.WORKSPACE_MEMBER_ORDERINGS,
    ),
    ("Dataset", "versions"): Children(
        "DatasetVersion",
        ("storage", "dataset_versions_page_by_dataset_id"),
        "id",
        storage_in.DATASET_VERSION_ORDERINGS,
    ),
    ("Dataset", "mounts"): Children(
        "DatasetMount",
        ("storage", "dataset_usage_page_by_dataset_id"),
        "id",
        storage_in.DATASET_MOUNT_ORDERINGS,
    ),
    ("Dataset", "training_jobs"): Children(
        "TrainingJob",
        ("workloads", "training_jobs_page_by_dataset_id"),
        "id",
        workloads_in.TRAINING_JOB_ORDERINGS,
        _first(workloads_in.TrainingJobOrder),
    ),
    ("Model", "versions"): Children(
        "ModelVersion",
        ("storage", "model_versions_page_by_model_id"),
        "id",
        storage_in.MODEL_VERSION_ORDERINGS,
    ),
    ("Model", "training_jobs"): Children(
        "TrainingJob",
        ("workloads", "training_jobs_page_by_model_id"),
        "id",
        workloads_in.TRAINING_JOB_ORDERINGS,
        _first(workloads_in.TrainingJobOrder),
    ),
    ("Model", "inference_services"): Children(
        "InferenceService",
        ("workloads", "inference_services_page_by_model_id"),
        "id",
        workloads_in.INFERENCE_SERVICE_ORDERINGS,
        _first(workloads_in.InferenceServiceOrder),
    ),
    ("Image", "environments"): Children(
        "Environment",
        ("environments", "environments_page_by_image"),
        "name",
        ENVIRONMENT_ORDERINGS,
        _first(EnvironmentOrder),
    ),
    ("Webhook", "logs"): Children(
        "WebhookLog",
        ("webhooks", "webhook_logs_page_by_webhook_id"),
        "id",
        webhooks_in.WEBHOOK_LOG_ORDERINGS,
    ),
    ("Environment", "dataset_mounts"): Children(
        "DatasetMount",
        ("storage", "dataset_usage_page_by_env_id"),
        "id",
        storage_in.DATASET_MOUNT_ORDERINGS,
        _first(storage_in.DatasetMountOrder),
    ),
    ("Environment", "billing_records"): Children(
        "BillingRecord",
        ("billing", "billing_records_page_by_env_id"),
        "id",
        billing_in.BILLING_RECORD_ORDERINGS,
        _first(billing_in.BillingRecordOrder),
    ),
    ("Environment", "training_jobs"): Children(
        "TrainingJob",
        ("workloads", "training_jobs_page_by_env_id"),
        "id",
        workloads_in.TRAINING_JOB_ORDERINGS,
        _first(workloads_in.TrainingJobOrder),
    ),
    ("Environment", "workspace"): Reference(
        "Workspace", ("workspaces", "workspace_by_id"), "workspace_id"
    ),
    ("Environment", "image"): Reference("Image", ("storage", "image_by_name"), "image"),
    ("AlertRecord", "rule"): Reference("AlertRule", ("alerts", "alert_rule_by_id"), "rule_id"),
    ("BillingRecord", "environment"): Reference(
        "Environment", ("environments", "environment_by_id"), "env_id"
    ),
    ("ResourceQuota", "customer"): Reference(
        "Customer", ("customers", "customer_by_id"), "user_id"
    ),
    ("Customer", "quota"): Reference(
        "ResourceQuota", ("customers", "resource_quota_by_user_id"), "id"
    ),
    ("DatasetVersion", "dataset"): Reference("Dataset", ("storage", "dataset_by_id"), "dataset_id"),
    ("DatasetMount", "environment"): Reference(
        "Environment", ("environments", "environment_by_id"), "env_id"
    ),
    ("DatasetMount", "dataset"): Reference("Dataset", ("storage", "dataset_by_id"), "dataset_id"),
    ("ModelVersion", "model"): Reference("Model", ("storage", "model_by_id"), "model_id"),
    ("Webhook", "owner"): Reference("Customer", ("customers", "customer_by_id"), "customer_id"),
    ("WebhookLog", "webhook"): Reference("Webhook", ("webhooks", "webhook_by_id"), "webhook_id"),
    ("TrainingJob", "environment"): Reference(
        "Environment", ("environments", "environment_by_id"), "env_id"
    ),
    ("TrainingJob", "dataset"): Reference("Dataset", ("storage", "dataset_by_id"), "dataset_id"),
    ("Workspace", "owner"): Reference("Customer", ("customers", "customer_by_id"), "owner_id"),
    ("WorkspaceMember", "workspace"): Reference(
        "Workspace", ("workspaces", "workspace_by_id"), "workspace_id"
    ),
    ("WorkspaceMember", "customer"): Reference(
        "Customer", ("customers", "customer_by_id"), "customer_id"
    ),
}

# Root field (Python name) -> connection.
ROOTS: dict[str, RootConnection] = {
    "hosts": RootConnection("Host", visible_hosts, HOST_ORDERINGS),
    "gpus": RootConnection("Gpu", visible_gpus, GPU_ORDERINGS),
    "environments": RootConnection("Environment", visible_environments, ENVIRONMENT_ORDERINGS),
    "port_mappings": RootConnection("PortMapping", visible_port_mappings, PORT_MAPPING_ORDERINGS),
    "notifications": RootConnection(
        "Notification", activity.visible_notifications, activity_in.NOTIFICATION_ORDERINGS
    ),
    "audit_logs": RootConnection(
        "AuditLog", activity.visible_audit_logs, activity_in.AUDIT_LOG_ORDERINGS
    ),
    "alert_rules": RootConnection(
        "AlertRule", alerts.visible_alert_rules, alerts_in.ALERT_RULE_ORDERINGS
    ),
    "alert_records": RootConnection(
        "AlertRecord", alerts.visible_alert_records, alerts_in.ALERT_RECORD_ORDERINGS
    ),
    "billing_records": RootConnection(
        "BillingRecord", billing.visible_billing_records, billing_in.BILLING_RECORD_ORDERINGS
    ),
    "invoices": RootConnection("Invoice", billing.visible_invoices, billing_in.INVOICE_ORDERINGS),
    "system_configs": RootConnection(
        "SystemConfig", config.visible_system_configs, config_in.SYSTEM_CONFIG_ORDERINGS
    ),
    "customers": RootConnection(
        "Customer", customers.visible_customers, customers_in.CUSTOMER_ORDERINGS
    ),
    "resource_quotas": RootConnection(
        "ResourceQuota", customers.visible_resource_quotas, customers_in.RESOURCE_QUOTA_ORDERINGS
    ),
    "job_runs": RootConnection("JobRun", jobs.visible_job_runs, jobs_in.JOB_RUN_ORDERINGS),
    "datasets": RootConnection("Dataset", storage.visible_datasets, storage_in.DATASET_ORDERINGS),
    "dataset_versions": RootConnection(
        "DatasetVersion", storage.visible_dataset_versions, storage_in.DATASET_VERSION_ORDERINGS
    ),
    "models": RootConnection("Model", storage.visible_models, storage_in.MODEL_ORDERINGS),
    "model_versions": RootConnection(
        "ModelVersion", storage.visible_model_versions, storage_in.MODEL_VERSION_ORDERINGS
    ),
    "images": RootConnection("Image", storage.visible_images, storage_in.IMAGE_ORDERINGS),
    "artifacts": RootConnection(
        "Artifact", storage.visible_artifacts, storage_in.ARTIFACT_ORDERINGS
    ),
    "dataset_mounts": RootConnection(
        "DatasetMount", storage.visible_dataset_usage, storage_in.DATASET_MOUNT_ORDERINGS
    ),
    "issues": RootConnection("Issue", tickets.visible_issues, tickets_in.ISSUE_ORDERINGS),
    "requirements": RootConnection(
        "Requirement", tickets.visible_requirements, tickets_in.REQUIREMENT_ORDERINGS
    ),
    "comments": RootConnection("Comment", tickets.visible_comments, tickets_in.COMMENT_ORDERINGS),
    "webhooks": RootConnection("Webhook", webhooks.visible_webhooks, webhooks_in.WEBHOOK_ORDERINGS),
    "webhook_logs": RootConnection(
        "WebhookLog", webhooks.visible_webhook_logs, webhooks_in.WEBHOOK_LOG_ORDERINGS
    ),
    "training_jobs": RootConnection(
        "TrainingJob", workloads.visible_training_jobs, workloads_in.TRAINING_JOB_ORDERINGS
    ),
    "inference_services": RootConnection(
        "InferenceService",
        workloads.visible_inference_services,
        workloads_in.INFERENCE_SERVICE_ORDERINGS,
    ),
    "workspaces": RootConnection(
        "Workspace", workspaces.visible_workspaces, workspaces_in.WORKSPACE_ORDERINGS
    ),
    "workspace_members": RootConnection(
        "WorkspaceMember",
        workspaces.visible_workspace_members,
        workspaces_in.WORKSPACE_MEMBER_ORDERINGS,
    ),
}

# Root look-ups by table key whose resolver is exactly `loader.load(argument)` (then the
# type's own shaping, e.g. `Host.for_viewer`, applied by the entity's hiding rule).
LOOKUPS: dict[str, RootLookup] = {
    "host_by_row_id": RootLookup("Host", ("hosts", "host_by_id"), "row_id"),
    "environment_by_row_id": RootLookup(
        "Environment", ("environments", "environment_by_id"), "row_id"
    ),
}
