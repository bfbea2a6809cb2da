"""Types of the `customers` area: Customer, ResourceQuota and ResourceUsage.

A Customer never exposes its password hash. Its edges to other areas go through those areas'
loaders, which apply their own visibility rules.
"""

from __future__ import annotations

import importlib
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar
from uuid import UUID

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.loaders.customers import sees_usage
from remotegpu.schema.connections import child_connection
from remotegpu.schema.enums import AccountType, CustomerStatus, QuotaLevel, UserType
from remotegpu.schema.node import Node
from remotegpu.schema.pagination import Connection
from remotegpu.schema.scalars import BigInt
from remotegpu.schema.types.base import col, from_row, table_doc

if TYPE_CHECKING:
    from remotegpu.schema.inputs.workspaces import (
        WorkspaceMemberOrder,
        WorkspaceMemberWhere,
        WorkspaceOrder,
        WorkspaceWhere,
    )
    from remotegpu.schema.types.workspaces import Workspace, WorkspaceMember

Info = strawberry.Info[Context, None]
E = TypeVar("E", bound=Enum)

_WS, _WSI = "remotegpu.schema.types.workspaces", "remotegpu.schema.inputs.workspaces"
WorkspaceT = Annotated["Workspace", strawberry.lazy(_WS)]
WorkspaceWhereT = Annotated["WorkspaceWhere", strawberry.lazy(_WSI)]
WorkspaceOrderT = Annotated["WorkspaceOrder", strawberry.lazy(_WSI)]
MemberT = Annotated["WorkspaceMember", strawberry.lazy(_WS)]
MemberWhereT = Annotated["WorkspaceMemberWhere", strawberry.lazy(_WSI)]
MemberOrderT = Annotated["WorkspaceMemberOrder", strawberry.lazy(_WSI)]


def pick(orderings: dict[E, Any], order_by: E | None, enum: type[E]) -> Any:
    """The chosen ordering, or the Order enum's first member (the default by convention)."""
    return orderings[order_by if order_by is not None else next(iter(enum))]


def paging(
    first: int | None, after: str | None, last: int | None, before: str | None
) -> dict[str, Any]:
    return {"first": first, "after": after, "last": last, "before": before}


def owned_edge(description: str, loader: str, node: str, orderings: str) -> Any:
    """A connection field to another area's rows that reference this object's `row_id`.

    Written as data so that each of the many edges is one declaration; all follow the naming
    conventions: `loader` is "<area>.<table>_page_by_<column>" (its count loader is
    "<table>_count_by_<column>"), `node` is "<module>.<Type>" in remotegpu.schema.types, and
    `orderings` is "<module>.<TYPE>_ORDERINGS" in remotegpu.schema.inputs, next to
    `<Type>Where` and `<Type>Order` (whose first member is the default ordering).
    """
    area, page_name = loader.split(".")
    count_name = page_name.replace("_page_by_", "_count_by_")
    types_module, type_name = f"remotegpu.schema.types.{node}".rsplit(".", 1)
    inputs_module, orderings_name = f"remotegpu.schema.inputs.{orderings}".rsplit(".", 1)

    async def resolve(
        self: Any,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: Any = None,
        order_by: Any = None,
    ) -> Any:
        node_type = getattr(importlib.import_module(types_module), type_name)
        inputs = importlib.import_module(inputs_module)
        order_enum = getattr(inputs, f"{type_name}Order")
        loaders = getattr(info.context.loaders, area)
        return await child_connection(
            info.context,
            getattr(loaders, page_name),
            getattr(loaders, count_name),
            self.row_id,
            node_type.from_row,
            pick(getattr(inputs, orderings_name), order_by, order_enum),
            where,
            **paging(first, after, last, before),
        )

    lazy_types, lazy_inputs = strawberry.lazy(types_module), strawberry.lazy(inputs_module)
    resolve.__annotations__ = {
        "self": Any,
        "info": Info,
        "first": int | None,
        "after": str | None,
        "last": int | None,
        "before": str | None,
        "where": Optional[Annotated[f"{type_name}Where", lazy_inputs]],  # noqa: UP045
        "order_by": Optional[Annotated[f"{type_name}Order", lazy_inputs]],  # noqa: UP045
        "return": Connection[Annotated[type_name, lazy_types]],  # type: ignore[valid-type]
    }
    return strawberry.field(resolver=resolve, description=description)


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

    @strawberry.field(description="The customer these limits apply to.")
    async def customer(self, info: Info) -> Customer | None:
        row = await info.context.loaders.customers.customer_by_id.load(self.user_id)
        return None if row is None else Customer.from_row(row)

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

    @strawberry.field(description="This customer's resource limits (itself and admins only).")
    async def quota(self, info: Info) -> ResourceQuota | None:
        row = await info.context.loaders.customers.resource_quota_by_user_id.load(self.row_id)
        return None if row is None else ResourceQuota.from_row(row)

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

    @strawberry.field(description="Workspaces this customer owns.")
    async def workspaces(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: WorkspaceWhereT | None = None,
        order_by: WorkspaceOrderT | None = None,
    ) -> Connection[WorkspaceT]:
        from remotegpu.schema.inputs.workspaces import WORKSPACE_ORDERINGS, WorkspaceOrder
        from remotegpu.schema.types.workspaces import Workspace

        ld = info.context.loaders.workspaces
        return await child_connection(
            info.context,
            ld.workspaces_page_by_owner_id,
            ld.workspaces_count_by_owner_id,
            self.row_id,
            Workspace.from_row,
            pick(WORKSPACE_ORDERINGS, order_by, WorkspaceOrder),
            where,
            **paging(first, after, last, before),
        )

    @strawberry.field(description="This customer's workspace memberships (any status).")
    async def memberships(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: MemberWhereT | None = None,
        order_by: MemberOrderT | None = None,
    ) -> Connection[MemberT]:
        from remotegpu.schema.inputs.workspaces import (
            WORKSPACE_MEMBER_ORDERINGS,
            WorkspaceMemberOrder,
        )
        from remotegpu.schema.types.workspaces import WorkspaceMember

        ld = info.context.loaders.workspaces
        return await child_connection(
            info.context,
            ld.workspace_members_page_by_customer_id,
            ld.workspace_members_count_by_customer_id,
            self.row_id,
            WorkspaceMember.from_row,
            pick(WORKSPACE_MEMBER_ORDERINGS, order_by, WorkspaceMemberOrder),
            where,
            **paging(first, after, last, before),
        )

    environments = owned_edge(
        "Environments this customer owns (environments.user_id).",
        "environments.environments_page_by_user_id",
        "environments.Environment",
        "environments.ENVIRONMENT_ORDERINGS",
    )
    datasets = owned_edge(
        "Datasets this customer owns, visible to the viewer.",
        "storage.datasets_page_by_customer_id",
        "storage.Dataset",
        "storage.DATASET_ORDERINGS",
    )
    models = owned_edge(
        "ML models this customer owns, visible to the viewer.",
        "storage.models_page_by_customer_id",
        "storage.Model",
        "storage.MODEL_ORDERINGS",
    )
    artifacts = owned_edge(
        "Artifacts this customer owns, visible to the viewer.",
        "storage.artifacts_page_by_customer_id",
        "storage.Artifact",
        "storage.ARTIFACT_ORDERINGS",
    )
    billing_records = owned_edge(
        "Billing records of this customer.",
        "billing.billing_records_page_by_customer_id",
        "billing.BillingRecord",
        "billing.BILLING_RECORD_ORDERINGS",
    )
    invoices = owned_edge(
        "Invoices of this customer.",
        "billing.invoices_page_by_customer_id",
        "billing.Invoice",
        "billing.INVOICE_ORDERINGS",
    )
    training_jobs = owned_edge(
        "Training jobs of this customer, visible to the viewer.",
        "workloads.training_jobs_page_by_customer_id",
        "workloads.TrainingJob",
        "workloads.TRAINING_JOB_ORDERINGS",
    )
    inference_services = owned_edge(
        "Inference services of this customer, visible to the viewer.",
        "workloads.inference_services_page_by_customer_id",
        "workloads.InferenceService",
        "workloads.INFERENCE_SERVICE_ORDERINGS",
    )
    notifications = owned_edge(
        "Notifications addressed to this customer.",
        "activity.notifications_page_by_customer_id",
        "activity.Notification",
        "activity.NOTIFICATION_ORDERINGS",
    )
    audit_logs = owned_edge(
        "Audit log entries of this customer's actions.",
        "activity.audit_logs_page_by_customer_id",
        "activity.AuditLog",
        "activity.AUDIT_LOG_ORDERINGS",
    )
    alert_rules = owned_edge(
        "Alert rules of this customer.",
        "alerts.alert_rules_page_by_customer_id",
        "alerts.AlertRule",
        "alerts.ALERT_RULE_ORDERINGS",
    )
    webhooks = owned_edge(
        "Webhooks of this customer.",
        "webhooks.webhooks_page_by_customer_id",
        "webhooks.Webhook",
        "webhooks.WEBHOOK_ORDERINGS",
    )
    issues = owned_edge(
        "Issues this customer reported.",
        "tickets.issues_page_by_customer_id",
        "tickets.Issue",
        "tickets.ISSUE_ORDERINGS",
    )
    requirements = owned_edge(
        "Requirements this customer submitted.",
        "tickets.requirements_page_by_customer_id",
        "tickets.Requirement",
        "tickets.REQUIREMENT_ORDERINGS",
    )

    @classmethod
    def from_row(cls, row: m.Customer) -> Customer:
        return from_row(cls, row)
