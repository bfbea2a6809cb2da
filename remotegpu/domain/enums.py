"""The status and kind values of the tables, once: each enum's values are the strings stored in
its column(s), named in the docstring. The domain compares and stores members as plain
strings; `remotegpu.schema.enums` exposes the same classes as GraphQL enums.
"""

from __future__ import annotations

from enum import StrEnum


class HostStatus(StrEnum):
    """hosts.status"""

    ONLINE = "online"
    OFFLINE = "offline"
    MAINTENANCE = "maintenance"


class HostHealthStatus(StrEnum):
    """hosts.health_status / gpus.health_status"""

    HEALTHY = "healthy"
    DEGRADED = "degraded"
    UNHEALTHY = "unhealthy"
    ERROR = "error"
    UNKNOWN = "unknown"


class OsType(StrEnum):
    """hosts.os_type"""

    LINUX = "linux"
    WINDOWS = "windows"


class DeploymentMode(StrEnum):
    """hosts.deployment_mode"""

    TRADITIONAL = "traditional"
    KUBERNETES = "kubernetes"


class GpuStatus(StrEnum):
    """gpus.status"""

    AVAILABLE = "available"
    ALLOCATED = "allocated"
    MAINTENANCE = "maintenance"
    ERROR = "error"


class EnvironmentStatus(StrEnum):
    """environments.status ('deleted': kept after delete, terminal)"""

    CREATING = "creating"
    RUNNING = "running"
    STOPPED = "stopped"
    ERROR = "error"
    DELETING = "deleting"
    DELETED = "deleted"


class PortServiceType(StrEnum):
    """port_mappings.service_type"""

    SSH = "ssh"
    RDP = "rdp"
    JUPYTER = "jupyter"
    CUSTOM = "custom"


class PortMappingStatus(StrEnum):
    """port_mappings.status"""

    ACTIVE = "active"
    RELEASED = "released"


# --- storage area ---------------------------------------------------------------------------


class StorageStatus(StrEnum):
    """datasets.status / models.status"""

    UPLOADING = "uploading"
    READY = "ready"
    ERROR = "error"


class StorageVisibility(StrEnum):
    """datasets.visibility / models.visibility"""

    PRIVATE = "private"
    WORKSPACE = "workspace"
    PUBLIC = "public"


class StorageType(StrEnum):
    """datasets.storage_type"""

    MINIO = "minio"
    S3 = "s3"
    NFS = "nfs"


class ImageStatus(StrEnum):
    """images.status"""

    ACTIVE = "active"
    DEPRECATED = "deprecated"


class ArtifactType(StrEnum):
    """artifacts.type"""

    MODEL = "model"
    CHECKPOINT = "checkpoint"
    LOG = "log"
    REPORT = "report"


class ArtifactSourceType(StrEnum):
    """artifacts.source_type"""

    TRAINING_JOB = "training_job"
    INFERENCE_SERVICE = "inference_service"
    ENVIRONMENT = "environment"


class UserType(StrEnum):
    """customers.user_type"""

    ADMIN = "admin"
    INTERNAL = "internal"
    EXTERNAL = "external"


class AccountType(StrEnum):
    """customers.account_type"""

    INDIVIDUAL = "individual"
    ENTERPRISE = "enterprise"


class CustomerStatus(StrEnum):
    """customers.status"""

    ACTIVE = "active"
    SUSPENDED = "suspended"
    DELETED = "deleted"


class QuotaLevel(StrEnum):
    """resource_quotas.quota_level"""

    FREE = "free"
    BASIC = "basic"
    PRO = "pro"
    ENTERPRISE = "enterprise"


class WorkspaceType(StrEnum):
    """workspaces.type"""

    PERSONAL = "personal"
    TEAM = "team"
    ENTERPRISE = "enterprise"


class WorkspaceStatus(StrEnum):
    """workspaces.status"""

    ACTIVE = "active"
    ARCHIVED = "archived"


class WorkspaceRole(StrEnum):
    """workspace_members.role"""

    OWNER = "owner"
    ADMIN = "admin"
    MEMBER = "member"
    VIEWER = "viewer"


class WorkspaceMemberStatus(StrEnum):
    """workspace_members.status"""

    ACTIVE = "active"
    INVITED = "invited"
    SUSPENDED = "suspended"


# --- billing and config areas ---------------------------------------------------------------


class BillingResourceType(StrEnum):
    """billing_records.resource_type"""

    CPU = "cpu"
    MEMORY = "memory"
    GPU = "gpu"
    STORAGE = "storage"
    NETWORK = "network"


class InvoiceStatus(StrEnum):
    """invoices.status"""

    PENDING = "pending"
    PAID = "paid"
    OVERDUE = "overdue"
    CANCELLED = "cancelled"


class ConfigType(StrEnum):
    """system_configs.config_type"""

    STRING = "string"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    JSON = "json"


# --- workloads + activity areas -------------------------------------------------------------


class TrainingJobStatus(StrEnum):
    """training_jobs.status"""

    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class InferenceServiceStatus(StrEnum):
    """inference_services.status"""

    CREATING = "creating"
    RUNNING = "running"
    STOPPED = "stopped"
    ERROR = "error"


class NotificationType(StrEnum):
    """notifications.type"""

    SYSTEM = "system"
    ENVIRONMENT = "environment"
    BILLING = "billing"
    ALERT = "alert"


class NotificationLevel(StrEnum):
    """notifications.level"""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


# --- alerts, webhooks and tickets areas -----------------------------------------------------


class AlertComparison(StrEnum):
    """alert_rules.comparison: how the metric is compared to the threshold"""

    GT = ">"
    LT = "<"
    GTE = ">="
    LTE = "<="
    EQ = "=="


class AlertSeverity(StrEnum):
    """alert_rules.severity / alert_records.severity"""

    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"


class AlertStatus(StrEnum):
    """alert_records.status"""

    FIRING = "firing"
    RESOLVED = "resolved"


class IssueType(StrEnum):
    """issues.type"""

    BUG = "bug"
    QUESTION = "question"
    FEATURE = "feature"


class TicketPriority(StrEnum):
    """issues.priority / requirements.priority"""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class IssueStatus(StrEnum):
    """issues.status"""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"


class RequirementStatus(StrEnum):
    """requirements.status"""

    SUBMITTED = "submitted"
    REVIEWING = "reviewing"
    APPROVED = "approved"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    REJECTED = "rejected"


class CommentResourceType(StrEnum):
    """comments.resource_type: what kind of ticket a comment is on"""

    ISSUE = "issue"
    REQUIREMENT = "requirement"


class WebhookDeliveryStatus(StrEnum):
    """webhook_logs.status: how one delivery attempt ended"""

    SUCCEEDED = "succeeded"
    FAILED = "failed"
