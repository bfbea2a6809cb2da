"""Status and kind columns as GraphQL enums: the domain's own classes (remotegpu.domain.enums),
each registered with Strawberry here, described by its docstring (the column it holds). The
values are the strings stored in the database, so a member passes between layers unchanged.
"""

from __future__ import annotations

from enum import StrEnum

import strawberry

from remotegpu.domain import enums as domain_enums
from remotegpu.domain.enums import (
    AccountType as AccountType,
)
from remotegpu.domain.enums import (
    AlertComparison as AlertComparison,
)
from remotegpu.domain.enums import (
    AlertSeverity as AlertSeverity,
)
from remotegpu.domain.enums import (
    AlertStatus as AlertStatus,
)
from remotegpu.domain.enums import (
    ArtifactSourceType as ArtifactSourceType,
)
from remotegpu.domain.enums import (
    ArtifactType as ArtifactType,
)
from remotegpu.domain.enums import (
    BillingResourceType as BillingResourceType,
)
from remotegpu.domain.enums import (
    CommentResourceType as CommentResourceType,
)
from remotegpu.domain.enums import (
    ConfigType as ConfigType,
)
from remotegpu.domain.enums import (
    CustomerStatus as CustomerStatus,
)
from remotegpu.domain.enums import (
    DeploymentMode as DeploymentMode,
)
from remotegpu.domain.enums import (
    EnvironmentStatus as EnvironmentStatus,
)
from remotegpu.domain.enums import (
    GpuStatus as GpuStatus,
)
from remotegpu.domain.enums import (
    HostHealthStatus as HostHealthStatus,
)
from remotegpu.domain.enums import (
    HostStatus as HostStatus,
)
from remotegpu.domain.enums import (
    ImageStatus as ImageStatus,
)
from remotegpu.domain.enums import (
    InferenceServiceStatus as InferenceServiceStatus,
)
from remotegpu.domain.enums import (
    InvoiceStatus as InvoiceStatus,
)
from remotegpu.domain.enums import (
    IssueStatus as IssueStatus,
)
from remotegpu.domain.enums import (
    IssueType as IssueType,
)
from remotegpu.domain.enums import (
    NotificationLevel as NotificationLevel,
)
from remotegpu.domain.enums import (
    NotificationType as NotificationType,
)
from remotegpu.domain.enums import (
    OsType as OsType,
)
from remotegpu.domain.enums import (
    PortMappingStatus as PortMappingStatus,
)
from remotegpu.domain.enums import (
    PortServiceType as PortServiceType,
)
from remotegpu.domain.enums import (
    QuotaLevel as QuotaLevel,
)
from remotegpu.domain.enums import (
    RequirementStatus as RequirementStatus,
)
from remotegpu.domain.enums import (
    StorageStatus as StorageStatus,
)
from remotegpu.domain.enums import (
    StorageType as StorageType,
)
from remotegpu.domain.enums import (
    StorageVisibility as StorageVisibility,
)
from remotegpu.domain.enums import (
    TicketPriority as TicketPriority,
)
from remotegpu.domain.enums import (
    TrainingJobStatus as TrainingJobStatus,
)
from remotegpu.domain.enums import (
    UserType as UserType,
)
from remotegpu.domain.enums import (
    WebhookDeliveryStatus as WebhookDeliveryStatus,
)
from remotegpu.domain.enums import (
    WorkspaceMemberStatus as WorkspaceMemberStatus,
)
from remotegpu.domain.enums import (
    WorkspaceRole as WorkspaceRole,
)
from remotegpu.domain.enums import (
    WorkspaceStatus as WorkspaceStatus,
)
from remotegpu.domain.enums import (
    WorkspaceType as WorkspaceType,
)

for _enum in vars(domain_enums).values():
    if isinstance(_enum, type) and issubclass(_enum, StrEnum) and _enum is not StrEnum:
        strawberry.enum(_enum, description=_enum.__doc__)
