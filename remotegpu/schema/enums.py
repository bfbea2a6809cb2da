"""Status and kind columns as GraphQL enums (values are the strings stored in the database)."""

from __future__ import annotations

from enum import StrEnum

import strawberry


@strawberry.enum(description="hosts.status")
class HostStatus(StrEnum):
    ONLINE = "online"
    OFFLINE = "offline"
    MAINTENANCE = "maintenance"


@strawberry.enum(description="hosts.health_status / gpus.health_status")
class HostHealthStatus(StrEnum):
    HEALTHY = "healthy"
    DEGRADED = "degraded"
    UNHEALTHY = "unhealthy"
    ERROR = "error"
    UNKNOWN = "unknown"


@strawberry.enum(description="hosts.os_type")
class OsType(StrEnum):
    LINUX = "linux"
    WINDOWS = "windows"


@strawberry.enum(description="hosts.deployment_mode")
class DeploymentMode(StrEnum):
    TRADITIONAL = "traditional"
    KUBERNETES = "kubernetes"


@strawberry.enum(description="gpus.status")
class GpuStatus(StrEnum):
    AVAILABLE = "available"
    ALLOCATED = "allocated"
    MAINTENANCE = "maintenance"
    ERROR = "error"


@strawberry.enum(description="environments.status ('deleted': kept after delete, terminal)")
class EnvironmentStatus(StrEnum):
    CREATING = "creating"
    RUNNING = "running"
    STOPPED = "stopped"
    ERROR = "error"
    DELETING = "deleting"
    DELETED = "deleted"


@strawberry.enum(description="port_mappings.service_type")
class PortServiceType(StrEnum):
    SSH = "ssh"
    RDP = "rdp"
    JUPYTER = "jupyter"
    CUSTOM = "custom"


@strawberry.enum(description="port_mappings.status")
class PortMappingStatus(StrEnum):
    ACTIVE = "active"
    RELEASED = "released"


# --- storage area ---------------------------------------------------------------------------


@strawberry.enum(description="datasets.status / models.status")
class StorageStatus(StrEnum):
    UPLOADING = "uploading"
    READY = "ready"
    ERROR = "error"


@strawberry.enum(description="datasets.visibility / models.visibility")
class StorageVisibility(StrEnum):
    PRIVATE = "private"
    WORKSPACE = "workspace"
    PUBLIC = "public"


@strawberry.enum(description="datasets.storage_type")
class StorageType(StrEnum):
    MINIO = "minio"
    S3 = "s3"
    NFS = "nfs"


@strawberry.enum(description="images.status")
class ImageStatus(StrEnum):
    ACTIVE = "active"
    DEPRECATED = "deprecated"


@strawberry.enum(description="artifacts.type")
class ArtifactType(StrEnum):
    MODEL = "model"
    CHECKPOINT = "checkpoint"
    LOG = "log"
    REPORT = "report"


@strawberry.enum(description="artifacts.source_type")
class ArtifactSourceType(StrEnum):
    TRAINING_JOB = "training_job"
    INFERENCE_SERVICE = "inference_service"
    ENVIRONMENT = "environment"


@strawberry.enum(description="customers.user_type")
class UserType(StrEnum):
    ADMIN = "admin"
    INTERNAL = "internal"
    EXTERNAL = "external"


@strawberry.enum(description="customers.account_type")
class AccountType(StrEnum):
    INDIVIDUAL = "individual"
    ENTERPRISE = "enterprise"


@strawberry.enum(description="customers.status")
class CustomerStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    DELETED = "deleted"


@strawberry.enum(description="resource_quotas.quota_level")
class QuotaLevel(StrEnum):
    FREE = "free"
    BASIC = "basic"
    PRO = "pro"
    ENTERPRISE = "enterprise"


@strawberry.enum(description="workspaces.type")
class WorkspaceType(StrEnum):
    PERSONAL = "personal"
    TEAM = "team"
    ENTERPRISE = "enterprise"


@strawberry.enum(description="workspaces.status")
class WorkspaceStatus(StrEnum):
    ACTIVE = "active"
    ARCHIVED = "archived"


@strawberry.enum(description="workspace_members.role")
class WorkspaceRole(StrEnum):
    OWNER = "owner"
    ADMIN = "admin"
    MEMBER = "member"
    VIEWER = "viewer"


@strawberry.enum(description="workspace_members.status")
class WorkspaceMemberStatus(StrEnum):
    ACTIVE = "active"
    INVITED = "invited"
    SUSPENDED = "suspended"


# --- billing and config areas ---------------------------------------------------------------


@strawberry.enum(description="billing_records.resource_type")
class BillingResourceType(StrEnum):
    CPU = "cpu"
    MEMORY = "memory"
    GPU = "gpu"
    STORAGE = "storage"
    NETWORK = "network"


@strawberry.enum(description="invoices.status")
class InvoiceStatus(StrEnum):
    PENDING = "pending"
    PAID = "paid"
    OVERDUE = "overdue"
    CANCELLED = "cancelled"


@strawberry.enum(description="system_configs.config_type")
class ConfigType(StrEnum):
    STRING = "string"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    JSON = "json"


# --- workloads + activity areas -------------------------------------------------------------


@strawberry.enum(description="training_jobs.status")
class TrainingJobStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


@strawberry.enum(description="inference_services.status")
class InferenceServiceStatus(StrEnum):
    CREATING = "creating"
    RUNNING = "running"
    STOPPED = "stopped"
    ERROR = "error"


@strawberry.enum(description="notifications.type")
class NotificationType(StrEnum):
    SYSTEM = "system"
    ENVIRONMENT = "environment"
    BILLING = "billing"
    ALERT = "alert"


@strawberry.enum(description="notifications.level")
class NotificationLevel(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


# --- alerts, webhooks and tickets areas -----------------------------------------------------


@strawberry.enum(description="alert_rules.comparison: how the metric is compared to the threshold")
class AlertComparison(StrEnum):
    GT = ">"
    LT = "<"
    GTE = ">="
    LTE = "<="
    EQ = "=="


@strawberry.enum(description="alert_rules.severity / alert_records.severity")
class AlertSeverity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"


@strawberry.enum(description="alert_records.status")
class AlertStatus(StrEnum):
    FIRING = "firing"
    RESOLVED = "resolved"


@strawberry.enum(description="issues.type")
class IssueType(StrEnum):
    BUG = "bug"
    QUESTION = "question"
    FEATURE = "feature"


@strawberry.enum(description="issues.priority / requirements.priority")
class TicketPriority(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


@strawberry.enum(description="issues.status")
class IssueStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"


@strawberry.enum(description="requirements.status")
class RequirementStatus(StrEnum):
    SUBMITTED = "submitted"
    REVIEWING = "reviewing"
    APPROVED = "approved"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    REJECTED = "rejected"


@strawberry.enum(description="comments.resource_type: what kind of ticket a comment is on")
class CommentResourceType(StrEnum):
    ISSUE = "issue"
    REQUIREMENT = "requirement"


@strawberry.enum(description="webhook_logs.status: how one delivery attempt ended")
class WebhookDeliveryStatus(StrEnum):
    SUCCEEDED = "succeeded"
    FAILED = "failed"
