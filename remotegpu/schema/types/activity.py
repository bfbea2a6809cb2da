"""Types of the `activity` area: Notification and AuditLog."""

from __future__ import annotations

from datetime import datetime

import strawberry

from remotegpu.context import Context
from remotegpu.db import models as m
from remotegpu.schema.enums import NotificationLevel, NotificationType
from remotegpu.schema.node import Node
from remotegpu.schema.relations import customer_reference
from remotegpu.schema.types.base import col, from_row, table_doc

Info = strawberry.Info[Context, None]


N = "notifications"


@strawberry.type(description=table_doc("notifications"))
class Notification(Node):
    row_id: int = col(N, "id")
    customer_id: int = col(N, "customer_id")
    title: str = col(N, "title")
    content: str | None = col(N, "content")
    type: NotificationType = col(N, "type")
    level: NotificationLevel | None = col(N, "level")
    is_read: bool | None = col(N, "is_read")
    read_at: datetime | None = col(N, "read_at")
    created_at: datetime | None = col(N, "created_at")

    customer = customer_reference(
        "customer_id",
        description="The customer this notification is addressed to.",
        compiled=False,
    )

    @classmethod
    def from_row(cls, row: m.Notification) -> Notification:
        return from_row(cls, row)


A = "audit_logs"


@strawberry.type(description=table_doc("audit_logs"))
class AuditLog(Node):
    row_id: int = col(A, "id")
    customer_id: int | None = col(A, "customer_id")
    username: str | None = col(A, "username")
    action: str = col(A, "action")
    resource_type: str | None = col(A, "resource_type")
    resource_id: str | None = col(A, "resource_id")
    ip_address: str | None = col(A, "ip_address")
    user_agent: str | None = col(A, "user_agent")
    request_method: str | None = col(A, "request_method")
    request_path: str | None = col(A, "request_path")
    status_code: int | None = col(A, "status_code")
    error_message: str | None = col(A, "error_message")
    created_at: datetime | None = col(A, "created_at")

    actor = customer_reference(
        "customer_id",
        description="The customer who acted (null for anonymous/system entries).",
        compiled=False,
    )

    @classmethod
    def from_row(cls, row: m.AuditLog) -> AuditLog:
        return from_row(cls, row)
