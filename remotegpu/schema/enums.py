"""Status and kind columns as GraphQL enums: the domain's own classes (remotegpu.domain.enums),
each registered with Strawberry here, described by its docstring (the column it holds). The
values are the strings stored in the database, so a member passes between layers unchanged.
"""

from __future__ import annotations

from enum import StrEnum

import strawberry

from remotegpu.domain import enums as domain_enums
from remotegpu.domain.enums import (
    AccountType,
    AlertComparison,
    AlertSeverity,
    AlertStatus,
    ArtifactSourceType,
    ArtifactType,
    BillingResourceType,
    CommentResourceType,
    ConfigType,
    CustomerStatus,
    DeploymentMode,
    EnvironmentStatus,
    GpuStatus,
    HostHealthStatus,
    HostStatus,
    ImageStatus,
    InferenceServiceStatus,
    InvoiceStatus,
    IssueStatus,
    IssueType,
    NotificationLevel,
    NotificationType,
    OsType,
    PortMappingStatus,
    PortServiceType,
    QuotaLevel,
    RequirementStatus,
    StorageStatus,
    StorageType,
    StorageVisibility,
    TicketPriority,
    TrainingJobStatus,
    UserType,
    WebhookDeliveryStatus,
    WorkspaceMemberStatus,
    WorkspaceRole,
    WorkspaceStatus,
    WorkspaceType,
)

__all__ = [
    "AccountType",
    "AlertComparison",
    "AlertSeverity",
    "AlertStatus",
    "ArtifactSourceType",
    "ArtifactType",
    "BillingResourceType",
    "CommentResourceType",
    "ConfigType",
    "CustomerStatus",
    "DeploymentMode",
    "EnvironmentStatus",
    "GpuStatus",
    "HostHealthStatus",
    "HostStatus",
    "ImageStatus",
    "InferenceServiceStatus",
    "InvoiceStatus",
    "IssueStatus",
    "IssueType",
    "NotificationLevel",
    "NotificationType",
    "OsType",
    "PortMappingStatus",
    "PortServiceType",
    "QuotaLevel",
    "RequirementStatus",
    "StorageStatus",
    "StorageType",
    "StorageVisibility",
    "TicketPriority",
    "TrainingJobStatus",
    "UserType",
    "WebhookDeliveryStatus",
    "WorkspaceMemberStatus",
    "WorkspaceRole",
    "WorkspaceStatus",
    "WorkspaceType",
]

# Every enum of the domain's vocabulary, so a new one there is a GraphQL enum without a line here.
for _enum in vars(domain_enums).values():
    if isinstance(_enum, type) and issubclass(_enum, StrEnum) and _enum is not StrEnum:
        strawberry.enum(_enum, description=_enum.__doc__)
