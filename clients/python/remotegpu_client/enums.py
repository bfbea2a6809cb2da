from enum import Enum


class AccountType(str, Enum):
    INDIVIDUAL = "INDIVIDUAL"
    ENTERPRISE = "ENTERPRISE"


class AlertComparison(str, Enum):
    GT = "GT"
    LT = "LT"
    GTE = "GTE"
    LTE = "LTE"
    EQ = "EQ"


class AlertMetricType(str, Enum):
    CPU_USAGE = "CPU_USAGE"
    MEMORY_USAGE = "MEMORY_USAGE"
    GPU_USAGE = "GPU_USAGE"
    GPU_MEMORY_USAGE = "GPU_MEMORY_USAGE"
    GPU_TEMPERATURE = "GPU_TEMPERATURE"
    DISK_USAGE = "DISK_USAGE"
    NETWORK_RX = "NETWORK_RX"
    NETWORK_TX = "NETWORK_TX"


class AlertRecordOrder(str, Enum):
    TRIGGERED_AT_DESC = "TRIGGERED_AT_DESC"
    ID_ASC = "ID_ASC"


class AlertRuleOrder(str, Enum):
    ID_ASC = "ID_ASC"
    NAME_ASC = "NAME_ASC"
    CREATED_AT_DESC = "CREATED_AT_DESC"


class AlertSeverity(str, Enum):
    INFO = "INFO"
    WARNING = "WARNING"
    CRITICAL = "CRITICAL"


class AlertStatus(str, Enum):
    FIRING = "FIRING"
    RESOLVED = "RESOLVED"


class ApiTokenScope(str, Enum):
    READ = "READ"
    WRITE = "WRITE"
    AGENT = "AGENT"


class ArtifactOrder(str, Enum):
    CREATED_AT_DESC = "CREATED_AT_DESC"
    ID_ASC = "ID_ASC"
    NAME_ASC = "NAME_ASC"


class ArtifactSourceType(str, Enum):
    TRAINING_JOB = "TRAINING_JOB"
    INFERENCE_SERVICE = "INFERENCE_SERVICE"
    ENVIRONMENT = "ENVIRONMENT"


class ArtifactType(str, Enum):
    MODEL = "MODEL"
    CHECKPOINT = "CHECKPOINT"
    LOG = "LOG"
    REPORT = "REPORT"


class AuditLogOrder(str, Enum):
    CREATED_AT_DESC = "CREATED_AT_DESC"
    ID_ASC = "ID_ASC"


class BillingRecordOrder(str, Enum):
    START_TIME_DESC = "START_TIME_DESC"
    CREATED_AT_DESC = "CREATED_AT_DESC"


class BillingResourceType(str, Enum):
    CPU = "CPU"
    MEMORY = "MEMORY"
    GPU = "GPU"
    STORAGE = "STORAGE"
    NETWORK = "NETWORK"


class CommentOrder(str, Enum):
    CREATED_AT_ASC = "CREATED_AT_ASC"
    CREATED_AT_DESC = "CREATED_AT_DESC"
    ID_ASC = "ID_ASC"


class CommentResourceType(str, Enum):
    ISSUE = "ISSUE"
    REQUIREMENT = "REQUIREMENT"


class ConfigType(str, Enum):
    STRING = "STRING"
    INTEGER = "INTEGER"
    BOOLEAN = "BOOLEAN"
    JSON = "JSON"


class CustomerOrder(str, Enum):
    ID_ASC = "ID_ASC"
    USERNAME_ASC = "USERNAME_ASC"
    CREATED_AT_DESC = "CREATED_AT_DESC"


class CustomerStatus(str, Enum):
    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"
    DELETED = "DELETED"


class DatasetMountOrder(str, Enum):
    MOUNTED_AT_DESC = "MOUNTED_AT_DESC"
    ID_ASC = "ID_ASC"


class DatasetOrder(str, Enum):
    CREATED_AT_DESC = "CREATED_AT_DESC"
    ID_ASC = "ID_ASC"
    NAME_ASC = "NAME_ASC"


class DatasetVersionOrder(str, Enum):
    CREATED_AT_DESC = "CREATED_AT_DESC"
    ID_ASC = "ID_ASC"
    VERSION_ASC = "VERSION_ASC"


class DeploymentMode(str, Enum):
    TRADITIONAL = "TRADITIONAL"
    KUBERNETES = "KUBERNETES"


class EnvironmentOrder(str, Enum):
    CREATED_AT_DESC = "CREATED_AT_DESC"
    CREATED_AT_ASC = "CREATED_AT_ASC"
    NAME_ASC = "NAME_ASC"
    ID_ASC = "ID_ASC"


class EnvironmentReportedStatus(str, Enum):
    RUNNING = "RUNNING"
    ERROR = "ERROR"


class EnvironmentStatus(str, Enum):
    CREATING = "CREATING"
    RUNNING = "RUNNING"
    STOPPED = "STOPPED"
    ERROR = "ERROR"
    DELETING = "DELETING"
    DELETED = "DELETED"


class ErrorCode(str, Enum):
    NOT_FOUND = "NOT_FOUND"
    FORBIDDEN = "FORBIDDEN"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    INVALID_INPUT = "INVALID_INPUT"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    INVALID_TOKEN = "INVALID_TOKEN"
    INVALID_TRANSITION = "INVALID_TRANSITION"
    NO_CAPACITY = "NO_CAPACITY"
    NO_PORTS = "NO_PORTS"
    QUOTA_EXCEEDED = "QUOTA_EXCEEDED"
    CONFLICT = "CONFLICT"
    IDEMPOTENCY_CONFLICT = "IDEMPOTENCY_CONFLICT"
    LAST_OWNER = "LAST_OWNER"
    IN_USE = "IN_USE"
    RETRY_LATER = "RETRY_LATER"


class GpuAdminStatus(str, Enum):
    AVAILABLE = "AVAILABLE"
    MAINTENANCE = "MAINTENANCE"
    ERROR = "ERROR"


class GpuHealthStatus(str, Enum):
    HEALTHY = "HEALTHY"
    DEGRADED = "DEGRADED"
    ERROR = "ERROR"


class GpuOrder(str, Enum):
    ID_ASC = "ID_ASC"
    HOST_AND_INDEX = "HOST_AND_INDEX"


class GpuStatus(str, Enum):
    AVAILABLE = "AVAILABLE"
    ALLOCATED = "ALLOCATED"
    MAINTENANCE = "MAINTENANCE"
    ERROR = "ERROR"


class HeartbeatHealthStatus(str, Enum):
    HEALTHY = "HEALTHY"
    DEGRADED = "DEGRADED"
    UNHEALTHY = "UNHEALTHY"


class HostHealthStatus(str, Enum):
    HEALTHY = "HEALTHY"
    DEGRADED = "DEGRADED"
    UNHEALTHY = "UNHEALTHY"
    ERROR = "ERROR"
    UNKNOWN = "UNKNOWN"


class HostOrder(str, Enum):
    ID_ASC = "ID_ASC"
    NAME_ASC = "NAME_ASC"
    CREATED_AT_DESC = "CREATED_AT_DESC"


class HostStatus(str, Enum):
    ONLINE = "ONLINE"
    OFFLINE = "OFFLINE"
    MAINTENANCE = "MAINTENANCE"


class ImageOrder(str, Enum):
    NAME_ASC = "NAME_ASC"
    ID_ASC = "ID_ASC"
    CREATED_AT_DESC = "CREATED_AT_DESC"


class ImageStatus(str, Enum):
    ACTIVE = "ACTIVE"
    DEPRECATED = "DEPRECATED"


class InferenceServiceOrder(str, Enum):
    CREATED_AT_DESC = "CREATED_AT_DESC"
    NAME_ASC = "NAME_ASC"
    ID_ASC = "ID_ASC"


class InferenceServiceReportedStatus(str, Enum):
    RUNNING = "RUNNING"
    ERROR = "ERROR"


class InferenceServiceStatus(str, Enum):
    CREATING = "CREATING"
    RUNNING = "RUNNING"
    STOPPED = "STOPPED"
    ERROR = "ERROR"


class InvoiceOrder(str, Enum):
    CREATED_AT_DESC = "CREATED_AT_DESC"
    PERIOD_DESC = "PERIOD_DESC"


class InvoiceStatus(str, Enum):
    PENDING = "PENDING"
    PAID = "PAID"
    OVERDUE = "OVERDUE"
    CANCELLED = "CANCELLED"


class IssueOrder(str, Enum):
    CREATED_AT_DESC = "CREATED_AT_DESC"
    CREATED_AT_ASC = "CREATED_AT_ASC"
    ID_ASC = "ID_ASC"


class IssueStatus(str, Enum):
    OPEN = "OPEN"
    IN_PROGRESS = "IN_PROGRESS"
    RESOLVED = "RESOLVED"
    CLOSED = "CLOSED"


class IssueType(str, Enum):
    BUG = "BUG"
    QUESTION = "QUESTION"
    FEATURE = "FEATURE"


class JobRunOrder(str, Enum):
    STARTED_AT_DESC = "STARTED_AT_DESC"
    ID_ASC = "ID_ASC"


class JobRunOutcome(str, Enum):
    RUNNING = "RUNNING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    ABANDONED = "ABANDONED"


class MetricBucket(str, Enum):
    MINUTE = "MINUTE"
    HOUR = "HOUR"
    DAY = "DAY"


class ModelOrder(str, Enum):
    CREATED_AT_DESC = "CREATED_AT_DESC"
    ID_ASC = "ID_ASC"
    NAME_ASC = "NAME_ASC"


class ModelVersionOrder(str, Enum):
    CREATED_AT_DESC = "CREATED_AT_DESC"
    ID_ASC = "ID_ASC"
    VERSION_ASC = "VERSION_ASC"


class NotificationLevel(str, Enum):
    INFO = "INFO"
    WARNING = "WARNING"
    ERROR = "ERROR"


class NotificationOrder(str, Enum):
    CREATED_AT_DESC = "CREATED_AT_DESC"
    ID_ASC = "ID_ASC"


class NotificationType(str, Enum):
    SYSTEM = "SYSTEM"
    ENVIRONMENT = "ENVIRONMENT"
    BILLING = "BILLING"
    ALERT = "ALERT"


class OsType(str, Enum):
    LINUX = "LINUX"
    WINDOWS = "WINDOWS"


class PortMappingOrder(str, Enum):
    EXTERNAL_PORT_ASC = "EXTERNAL_PORT_ASC"
    ALLOCATED_AT_DESC = "ALLOCATED_AT_DESC"
    ID_ASC = "ID_ASC"


class PortMappingStatus(str, Enum):
    ACTIVE = "ACTIVE"
    RELEASED = "RELEASED"


class PortServiceType(str, Enum):
    SSH = "SSH"
    RDP = "RDP"
    JUPYTER = "JUPYTER"
    CUSTOM = "CUSTOM"


class QuotaLevel(str, Enum):
    FREE = "FREE"
    BASIC = "BASIC"
    PRO = "PRO"
    ENTERPRISE = "ENTERPRISE"


class RequirementOrder(str, Enum):
    CREATED_AT_DESC = "CREATED_AT_DESC"
    CREATED_AT_ASC = "CREATED_AT_ASC"
    ID_ASC = "ID_ASC"


class RequirementStatus(str, Enum):
    SUBMITTED = "SUBMITTED"
    REVIEWING = "REVIEWING"
    APPROVED = "APPROVED"
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETED = "COMPLETED"
    REJECTED = "REJECTED"


class ResourceQuotaOrder(str, Enum):
    ID_ASC = "ID_ASC"
    USER_ID_ASC = "USER_ID_ASC"
    CREATED_AT_DESC = "CREATED_AT_DESC"


class StorageStatus(str, Enum):
    UPLOADING = "UPLOADING"
    READY = "READY"
    ERROR = "ERROR"


class StorageType(str, Enum):
    MINIO = "MINIO"
    S3 = "S3"
    NFS = "NFS"


class StorageVisibility(str, Enum):
    PRIVATE = "PRIVATE"
    WORKSPACE = "WORKSPACE"
    PUBLIC = "PUBLIC"


class SystemConfigOrder(str, Enum):
    KEY_ASC = "KEY_ASC"
    CREATED_AT_DESC = "CREATED_AT_DESC"


class TicketPriority(str, Enum):
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    CRITICAL = "CRITICAL"


class TrainingJobOrder(str, Enum):
    CREATED_AT_DESC = "CREATED_AT_DESC"
    PRIORITY_DESC = "PRIORITY_DESC"
    ID_ASC = "ID_ASC"


class TrainingJobRunStatus(str, Enum):
    RUNNING = "RUNNING"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"


class TrainingJobStatus(str, Enum):
    PENDING = "PENDING"
    RUNNING = "RUNNING"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


class UserType(str, Enum):
    ADMIN = "ADMIN"
    INTERNAL = "INTERNAL"
    EXTERNAL = "EXTERNAL"


class WebhookDeliveryStatus(str, Enum):
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"


class WebhookEvent(str, Enum):
    ENVIRONMENT_CREATED = "ENVIRONMENT_CREATED"
    ENVIRONMENT_STARTED = "ENVIRONMENT_STARTED"
    ENVIRONMENT_STOPPED = "ENVIRONMENT_STOPPED"
    ENVIRONMENT_DELETED = "ENVIRONMENT_DELETED"
    ENVIRONMENT_FAILED = "ENVIRONMENT_FAILED"
    TRAINING_STARTED = "TRAINING_STARTED"
    TRAINING_COMPLETED = "TRAINING_COMPLETED"
    TRAINING_FAILED = "TRAINING_FAILED"
    ALERT_FIRED = "ALERT_FIRED"
    ALERT_RESOLVED = "ALERT_RESOLVED"
    INVOICE_CREATED = "INVOICE_CREATED"
    INVOICE_PAID = "INVOICE_PAID"
    QUOTA_EXCEEDED = "QUOTA_EXCEEDED"
    TRAINING_CANCELLED = "TRAINING_CANCELLED"
    INFERENCE_CREATED = "INFERENCE_CREATED"
    INFERENCE_STARTED = "INFERENCE_STARTED"
    INFERENCE_STOPPED = "INFERENCE_STOPPED"
    INFERENCE_FAILED = "INFERENCE_FAILED"
    INFERENCE_DELETED = "INFERENCE_DELETED"
    INVOICE_OVERDUE = "INVOICE_OVERDUE"
    TICKET_UPDATED = "TICKET_UPDATED"


class WebhookLogOrder(str, Enum):
    CREATED_AT_DESC = "CREATED_AT_DESC"
    ID_ASC = "ID_ASC"


class WebhookOrder(str, Enum):
    ID_ASC = "ID_ASC"
    NAME_ASC = "NAME_ASC"
    CREATED_AT_DESC = "CREATED_AT_DESC"


class WorkspaceMemberOrder(str, Enum):
    ID_ASC = "ID_ASC"
    JOINED_AT_DESC = "JOINED_AT_DESC"
    CREATED_AT_DESC = "CREATED_AT_DESC"


class WorkspaceMemberStatus(str, Enum):
    ACTIVE = "ACTIVE"
    INVITED = "INVITED"
    SUSPENDED = "SUSPENDED"


class WorkspaceOrder(str, Enum):
    ID_ASC = "ID_ASC"
    NAME_ASC = "NAME_ASC"
    CREATED_AT_DESC = "CREATED_AT_DESC"


class WorkspaceRole(str, Enum):
    OWNER = "OWNER"
    ADMIN = "ADMIN"
    MEMBER = "MEMBER"
    VIEWER = "VIEWER"


class WorkspaceStatus(str, Enum):
    ACTIVE = "ACTIVE"
    ARCHIVED = "ARCHIVED"


class WorkspaceType(str, Enum):
    PERSONAL = "PERSONAL"
    TEAM = "TEAM"
    ENTERPRISE = "ENTERPRISE"
