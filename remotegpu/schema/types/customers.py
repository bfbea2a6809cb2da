"""Types of the `customers` area: Customer, ResourceQuota and ResourceUsage.

A Customer never exposes its password hash. Its edges to other areas go through those areas'
loaders, which apply their own visibility rules.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.loaders.customers import sees_usage
from remotegpu.schema.enums import AccountType, CustomerStatus, QuotaLevel, UserType
from remotegpu.schema.inputs import activity as activity_in
from remotegpu.schema.inputs import alerts as alerts_in
from remotegpu.schema.inputs import billing as billing_in
from remotegpu.schema.inputs import environments as environments_in
from remotegpu.schema.inputs import storage as storage_in
from remotegpu.schema.inputs import tickets as tickets_in
from remotegpu.schema.inputs import webhooks as webhooks_in
from remotegpu.schema.inputs import workloads as workloads_in
from remotegpu.schema.inputs import workspaces as workspaces_in
from remotegpu.schema.node import Node
from remotegpu.schema.relations import children, lazy_type, reference
from remotegpu.schema.scalars import BigInt
from remotegpu.schema.types.base import col, from_row, table_doc

Info = strawberry.Info[Context, None]


def owned_edge(description: str, loader: str, node: str, orderings: Any, where: Any) -> Any:
    """A connection to another area's rows that reference this customer's `row_id`
    (`node` is "<module>.<Type>" in remotegpu.schema.types). The planner does not compile
    these edges: an operation selecting one runs on the DataLoader path."""
    module, name = node.split(".")
    return children(
        lazy_type(f"remotegpu.schema.types.{module}", name),
        loader,
        orderings,
        where,
        nullable=True,
        description=description,
        compiled=False,
    )


@strawberry.type(description="What a customer's live environments (creating, running) hold now.")
class ResourceUsage:
    environments: int = strawberry.field(description="Live environments.")
    cpu: int = strawberry.field(description="CPU cores held.")
    memory: BigInt = strawberry.field(description="Memory held, bytes.")
    gpu: int = strawberry.field(description="GPUs held.")
    storage: BigInt = strawberry.field(description="Storage held, bytes.")


Q = "resource_quotas"


@strawberry.type(description=table_doc("resource_quotas"))
class ResourceQuota(Node):
    row_id: int = col(Q, "id")
    user_id: int = col(Q, "user_id")
    quota_level: QuotaLevel | None = col(Q, "quota_level")
    cpu_quota: int | None = col(Q, "cpu_quota")
    memory_quota: int | None = col(Q, "memory_quota")
    gpu_quota: int | None = col(Q, "gpu_quota")
    storage_quota: BigInt | None = col(Q, "storage_quota")
    environment_quota: int | None = col(Q, "environment_quota")
    created_at: datetime | None = col(Q, "created_at")
    updated_at: datetime | None = col(Q, "updated_at")

    customer = reference(
        lazy_type("remotegpu.schema.types.customers", "Customer"),  # declared below
        "customers.customer_by_id",
        "user_id",
        description="The customer these limits apply to.",
    )

    @classmethod
    def from_row(cls, row: m.ResourceQuota) -> ResourceQuota:
        return from_row(cls, row)


C = "customers"


@strawberry.type(description=table_doc("customers"))
class Customer(Node):
    row_id: int = col(C, "id")
    uuid: UUID = col(C, "uuid")
    username: str = col(C, "username")
    email: str = col(C, "email")
    display_name: str | None = col(C, "display_name")
    avatar_url: str | None = col(C, "avatar_url")
    phone: str | None = col(C, "phone")
    full_name: str | None = col(C, "full_name")
    company: str | None = col(C, "company")
    user_type: UserType | None = col(C, "user_type")
    account_type: AccountType | None = col(C, "account_type")
    status: CustomerStatus | None = col(C, "status")
    email_verified: bool | None = col(C, "email_verified")
    phone_verified: bool | None = col(C, "phone_verified")
    last_login_at: datetime | None = col(C, "last_login_at")
    created_at: datetime | None = col(C, "created_at")
    updated_at: datetime | None = col(C, "updated_at")
    deleted_at: datetime | None = col(C, "deleted_at")

    quota = reference(
        ResourceQuota,
        "customers.resource_quota_by_user_id",
        "id",
        description="This customer's resource limits (itself and admins only).",
    )

    @strawberry.field(
        description="Sums over this customer's live environments (creating, running); "
        "null unless the viewer is this customer or an admin."
    )
    async def usage(self, info: Info) -> ResourceUsage | None:
        if not sees_usage(info.context.viewer, self.row_id):
            return None
        u = await info.context.loaders.customers.usage_by_user_id.load(self.row_id)
        return ResourceUsage(
            environments=u.environments, cpu=u.cpu, memory=u.memory, gpu=u.gpu, storage=u.storage
        )

    @strawberry.field(
        description="How many of this customer's notifications are unread; null unless the "
        "viewer is this customer or an admin."
    )
    async def unread_notification_count(self, info: Info) -> int | None:
        # Imported here to keep the inbox count beside the field it serves (one statement on
        # the partial index idx_notifications_customer_unread: `is_read = false` verbatim).
        from sqlalchemy import false, func, select

        if not sees_usage(info.context.viewer, self.row_id):
            return None
        n = m.Notification
        stmt = select(func.count()).where(n.customer_id == self.row_id, n.is_read == false())
        async with info.context.sessions() as session:
            count: int = (await session.execute(stmt)).scalar_one()
        return count

    workspaces = children(
        lazy_type("remotegpu.schema.types.workspaces", "Workspace"),
        "workspaces.workspaces_page_by_owner_id",
        workspaces_in.WORKSPACE_ORDERINGS,
        workspaces_in.WorkspaceWhere,
        nullable=True,
        description="Workspaces this customer owns.",
    )
    memberships = children(
        lazy_type("remotegpu.schema.types.workspaces", "WorkspaceMember"),
        "workspaces.workspace_members_page_by_customer_id",
        workspaces_in.WORKSPACE_MEMBER_ORDERINGS,
        workspaces_in.WorkspaceMemberWhere,
        nullable=True,
        description="This customer's workspace memberships (any status).",
    )
    environments = owned_edge(
        "Environments this customer owns (environments.user_id).",
        "environments.environments_page_by_user_id",
        "environments.Environment",
        environments_in.ENVIRONMENT_ORDERINGS,
        environments_in.EnvironmentWhere,
    )
    datasets = owned_edge(
        "Datasets this customer owns, visible to the viewer.",
        "storage.datasets_page_by_customer_id",
        "storage.Dataset",
        storage_in.DATASET_ORDERINGS,
        storage_in.DatasetWhere,
    )
    models = owned_edge(
        "ML models this customer owns, visible to the viewer.",
        "storage.models_page_by_customer_id",
        "storage.Model",
        storage_in.MODEL_ORDERINGS,
        storage_in.ModelWhere,
    )
    artifacts = owned_edge(
        "Artifacts this customer owns, visible to the viewer.",
        "storage.artifacts_page_by_customer_id",
        "storage.Artifact",
        storage_in.ARTIFACT_ORDERINGS,
        storage_in.ArtifactWhere,
    )
    billing_records = owned_edge(
        "Billing records of this customer.",
        "billing.billing_records_page_by_customer_id",
        "billing.BillingRecord",
        billing_in.BILLING_RECORD_ORDERINGS,
        billing_in.BillingRecordWhere,
    )
    invoices = owned_edge(
        "Invoices of this customer.",
        "billing.invoices_page_by_customer_id",
        "billing.Invoice",
        billing_in.INVOICE_ORDERINGS,
        billing_in.InvoiceWhere,
    )
    training_jobs = owned_edge(
        "Training jobs of this customer, visible to the viewer.",
        "workloads.training_jobs_page_by_customer_id",
        "workloads.TrainingJob",
        workloads_in.TRAINING_JOB_ORDERINGS,
        workloads_in.TrainingJobWhere,
    )
    inference_services = owned_edge(
        "Inference services of this customer, visible to the viewer.",
        "workloads.inference_services_page_by_customer_id",
        "workloads.InferenceService",
        workloads_in.INFERENCE_SERVICE_ORDERINGS,
        workloads_in.InferenceServiceWhere,
    )
    notifications = owned_edge(
        "Notifications addressed to this customer.",
        "activity.notifications_page_by_customer_id",
        "activity.Notification",
        activity_in.NOTIFICATION_ORDERINGS,
        activity_in.NotificationWhere,
    )
    audit_logs = owned_edge(
        "Audit log entries of this customer's actions.",
        "activity.audit_logs_page_by_customer_id",
        "activity.AuditLog",
        activity_in.AUDIT_LOG_ORDERINGS,
        activity_in.AuditLogWhere,
    )
    alert_rules = owned_edge(
        "Alert rules of this customer.",
        "alerts.alert_rules_page_by_customer_id",
        "alerts.AlertRule",
        alerts_in.ALERT_RULE_ORDERINGS,
        alerts_in.AlertRuleWhere,
    )
    webhooks = owned_edge(
        "Webhooks of this customer.",
        "webhooks.webhooks_page_by_customer_id",
        "webhooks.Webhook",
        webhooks_in.WEBHOOK_ORDERINGS,
        webhooks_in.WebhookWhere,
    )
    issues = owned_edge(
        "Issues this customer reported.",
        "tickets.issues_page_by_customer_id",
        "tickets.Issue",
        tickets_in.ISSUE_ORDERINGS,
        tickets_in.IssueWhere,
    )
    requirements = owned_edge(
        "Requirements this customer submitted.",
        "tickets.requirements_page_by_customer_id",
        "tickets.Requirement",
        tickets_in.REQUIREMENT_ORDERINGS,
        tickets_in.RequirementWhere,
    )

    @classmethod
    def from_row(cls, row: m.Customer) -> Customer:
        return from_row(cls, row)
