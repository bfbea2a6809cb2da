from datetime import datetime
from typing import Any, Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import (
    AccountType,
    AlertComparison,
    AlertMetricType,
    AlertSeverity,
    AlertStatus,
    ApiTokenScope,
    ArtifactSourceType,
    ArtifactType,
    BillingResourceType,
    CommentResourceType,
    ConfigType,
    CustomerStatus,
    DeploymentMode,
    EnvironmentReportedStatus,
    EnvironmentStatus,
    GpuAdminStatus,
    GpuHealthStatus,
    GpuStatus,
    HeartbeatHealthStatus,
    HostHealthStatus,
    HostStatus,
    ImageStatus,
    InferenceServiceReportedStatus,
    InferenceServiceStatus,
    InvoiceStatus,
    IssueStatus,
    IssueType,
    JobRunOutcome,
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
    TrainingJobRunStatus,
    TrainingJobStatus,
    UserType,
    WebhookEvent,
    WorkspaceRole,
    WorkspaceStatus,
    WorkspaceType,
)


class AccountTypeEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[AccountType] = None
    "Equal to."
    in_: Optional[list[AccountType]] = Field(alias="in", default=None)
    "One of."


class AlertRecordResolveInput(BaseModel):
    """The firing alert to mark resolved."""

    row_id: int = Field(alias="rowId")
    "rowId of the alert record."


class AlertRecordWhere(BaseModel):
    """Filter fired alerts (every field is an indexed column)."""

    status: Optional["AlertStatusEnumFilter"] = None
    "Firing or resolved."
    rule_id: Optional["KeyFilter"] = Field(alias="ruleId", default=None)
    "The rule that fired (alert_records.rule_id)."
    customer_id: Optional["KeyFilter"] = Field(alias="customerId", default=None)
    "The customer alerted (alert_records.customer_id)."
    triggered_at: Optional["DateTimeFilter"] = Field(alias="triggeredAt", default=None)
    "When the alert fired."


class AlertRuleCreateInput(BaseModel):
    """A new alert rule."""

    name: str
    "Name of the rule (1 to 256 characters)."
    metric_type: AlertMetricType = Field(alias="metricType")
    "Metric the rule watches."
    threshold: float
    "Value the metric is compared with: a percentage 0..100 for *_USAGE, degrees Celsius 0..150 for GPU_TEMPERATURE, bytes per second (0 or more) for NETWORK_*."
    comparison: AlertComparison
    "How the metric is compared with the threshold."
    description: Optional[str] = None
    "What the rule is for (at most 2000 characters)."
    duration: int = 60
    "Seconds the condition must hold before the rule fires (0 to 86400)."
    severity: AlertSeverity = AlertSeverity.WARNING
    "Severity of the alerts it fires."
    enabled: bool = True
    "Whether the rule is evaluated."
    platform_wide: bool = Field(alias="platformWide", default=False)
    "Platform admins only: a rule of no customer, watching the whole fleet. Otherwise the rule belongs to the viewer."


class AlertRuleDeleteInput(BaseModel):
    """The alert rule to delete."""

    row_id: int = Field(alias="rowId")
    "rowId of the rule. A rule that has fired alerts cannot be deleted (its alerts are history): disable it instead."


class AlertRuleToggleInput(BaseModel):
    """Enable or disable an alert rule."""

    row_id: int = Field(alias="rowId")
    "rowId of the rule."
    enabled: bool
    "True to evaluate the rule, false to pause it."


class AlertRuleUpdateInput(BaseModel):
    """Changes to an alert rule; omitted fields stay as they are."""

    row_id: int = Field(alias="rowId")
    "rowId of the rule."
    name: Optional[str] = None
    "New name (1 to 256)."
    description: Optional[str] = None
    "New description; an empty string clears it."
    metric_type: Optional[AlertMetricType] = Field(alias="metricType", default=None)
    "New metric (the threshold must fit it)."
    threshold: Optional[float] = None
    "Value the metric is compared with: a percentage 0..100 for *_USAGE, degrees Celsius 0..150 for GPU_TEMPERATURE, bytes per second (0 or more) for NETWORK_*."
    comparison: Optional[AlertComparison] = None
    "New comparison."
    duration: Optional[int] = None
    "New duration in seconds (0 to 86400)."
    severity: Optional[AlertSeverity] = None
    "New severity."
    enabled: Optional[bool] = None
    "Enable or disable."


class AlertRuleWhere(BaseModel):
    """Filter alert rules."""

    enabled: Optional[bool] = None
    "Enabled or disabled."
    customer_id: Optional["KeyFilter"] = Field(alias="customerId", default=None)
    "Owning customer (alert_rules.customer_id)."
    severity: Optional["AlertSeverityEnumFilter"] = None
    "Rule severity."
    metric_type: Optional["StringFilter"] = Field(alias="metricType", default=None)
    "Metric the rule watches, e.g. gpu_usage."


class AlertSeverityEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[AlertSeverity] = None
    "Equal to."
    in_: Optional[list[AlertSeverity]] = Field(alias="in", default=None)
    "One of."


class AlertStatusEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[AlertStatus] = None
    "Equal to."
    in_: Optional[list[AlertStatus]] = Field(alias="in", default=None)
    "One of."


class ApiTokenCreateInput(BaseModel):
    """A new API token of the viewer."""

    name: str
    "Name to tell the token apart (1 to 128 characters)."
    scopes: list[ApiTokenScope]
    "What the token may do: READ and/or WRITE, or AGENT alone."
    host_id: Optional[str] = Field(alias="hostId", default=None)
    "Host an AGENT token speaks for; required for AGENT only."
    expires_at: Optional[datetime] = Field(alias="expiresAt", default=None)
    "When the token stops working (UTC); omitted = never."


class ApiTokenRevokeInput(BaseModel):
    """The API token to revoke."""

    row_id: int = Field(alias="rowId")
    "rowId of the token."


class ArtifactCreateInput(BaseModel):
    """Record a file produced by a job, service or environment."""

    name: str
    "Display name, 1-256 characters."
    type_: ArtifactType = Field(alias="type")
    "What the file is."
    storage_path: str = Field(alias="storagePath")
    "Where the files live, e.g. s3://bucket/prefix (1-512 characters)."
    source_type: ArtifactSourceType = Field(alias="sourceType")
    "What produced it."
    source_id: str = Field(alias="sourceId")
    "rowId of the producing job, service or environment; it must belong to the artifact's owner."
    size: Optional[int] = None
    "Bytes (>= 0; absent means 0)."
    workspace_id: Optional[int] = Field(alias="workspaceId", default=None)
    "Workspace (rowId) it belongs to; the viewer must be an active owner, admin or member."
    owner_id: Optional[int] = Field(alias="ownerId", default=None)
    "Owner (customer rowId); platform admins only. Default: the viewer."


class ArtifactDeleteInput(BaseModel):
    """The artifact record to delete."""

    artifact_id: int = Field(alias="artifactId")
    "The artifact (rowId)."


class ArtifactSourceTypeEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[ArtifactSourceType] = None
    "Equal to."
    in_: Optional[list[ArtifactSourceType]] = Field(alias="in", default=None)
    "One of."


class ArtifactTypeEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[ArtifactType] = None
    "Equal to."
    in_: Optional[list[ArtifactType]] = Field(alias="in", default=None)
    "One of."


class ArtifactWhere(BaseModel):
    """Filter artifacts (every field is an indexed column)."""

    type_: Optional["ArtifactTypeEnumFilter"] = Field(alias="type", default=None)
    "Match the type (one value or a list)."
    owner_id: Optional["KeyFilter"] = Field(alias="ownerId", default=None)
    "Owner (artifacts.customer_id)."
    workspace_id: Optional["KeyFilter"] = Field(alias="workspaceId", default=None)
    "Match the workspace id (one key or a list)."
    source_type: Optional["ArtifactSourceTypeEnumFilter"] = Field(
        alias="sourceType", default=None
    )
    "Match the source type (one value or a list)."
    source_id: Optional["KeyFilter"] = Field(alias="sourceId", default=None)
    "Key of the producing job, service or environment."


class AuditLogWhere(BaseModel):
    """Filter audit log entries (every field is an indexed column)."""

    action: Optional["StringFilter"] = None
    "create, update, delete, login, ..."
    resource_type: Optional[str] = Field(alias="resourceType", default=None)
    "Entries about this kind of resource (environment, ...)."
    resource_id: Optional[str] = Field(alias="resourceId", default=None)
    "Entries about this resource (use with resourceType)."
    customer_id: Optional["KeyFilter"] = Field(alias="customerId", default=None)
    "The actor (audit_logs.customer_id)."
    created_at: Optional["DateTimeFilter"] = Field(alias="createdAt", default=None)
    "Time range on created at."


class BillingRecordWhere(BaseModel):
    """Filter billing records."""

    resource_type: Optional["BillingResourceTypeEnumFilter"] = Field(
        alias="resourceType", default=None
    )
    "Match the resource type (one value or a list)."
    customer_id: Optional["KeyFilter"] = Field(alias="customerId", default=None)
    "customers.id"
    env_id: Optional["KeyFilter"] = Field(alias="envId", default=None)
    "environments.id"
    start_time: Optional["DateTimeFilter"] = Field(alias="startTime", default=None)
    "Start of the metered interval."


class BillingResourceTypeEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[BillingResourceType] = None
    "Equal to."
    in_: Optional[list[BillingResourceType]] = Field(alias="in", default=None)
    "One of."


class CommentCreateInput(BaseModel):
    """A comment on an issue or requirement the viewer may see (as its reporter, its assignee or staff)."""

    subject_type: CommentResourceType = Field(alias="subjectType")
    "Issue or requirement."
    subject_id: int = Field(alias="subjectId")
    "The ticket's rowId."
    content: str
    "1 to 10000 characters, not only spaces."


class CommentDeleteInput(BaseModel):
    """The comment to delete (its author or staff)."""

    id: int
    "The comment (comments.id)."


class CommentResourceTypeEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[CommentResourceType] = None
    "Equal to."
    in_: Optional[list[CommentResourceType]] = Field(alias="in", default=None)
    "One of."


class CommentUpdateInput(BaseModel):
    """New text of a comment (its author or staff)."""

    id: int
    "The comment (comments.id)."
    content: str
    "1 to 10000 characters, not only spaces."


class CommentWhere(BaseModel):
    """Filter comments."""

    resource_type: Optional["CommentResourceTypeEnumFilter"] = Field(
        alias="resourceType", default=None
    )
    "Kind of ticket commented on."
    resource_id: Optional["KeyFilter"] = Field(alias="resourceId", default=None)
    "Key of the ticket commented on (issues.id or requirements.id)."
    customer_id: Optional["KeyFilter"] = Field(alias="customerId", default=None)
    "Author (comments.customer_id)."
    created_at: Optional["DateTimeFilter"] = Field(alias="createdAt", default=None)
    "When the ticket or comment was created."


class CustomerActivateInput(BaseModel):
    """The suspended customer to reactivate (platform admins only)."""

    customer_id: int = Field(alias="customerId")
    "The customer (customers.id)."


class CustomerCreateInput(BaseModel):
    """A new customer account (platform admins only)."""

    username: str
    "3 to 64 characters of a-z, 0-9, '.', '_', '-' (stored in lower case); unique among non-deleted customers."
    email: str
    "E-mail address (at most 128 characters); unique case-insensitively."
    password: str
    "Initial password: at least 10 characters."
    user_type: UserType = Field(alias="userType", default=UserType.EXTERNAL)
    "admin (platform staff), internal or external; decides the default quota."
    account_type: AccountType = Field(
        alias="accountType", default=AccountType.INDIVIDUAL
    )
    "individual or enterprise."
    display_name: Optional[str] = Field(alias="displayName", default=None)
    "Name shown in the UI."
    full_name: Optional[str] = Field(alias="fullName", default=None)
    "Legal name."
    phone: Optional[str] = None
    "Phone number."
    company: Optional[str] = None
    "Company."


class CustomerDeleteInput(BaseModel):
    """The customer to soft-delete (itself, or any for admins)."""

    customer_id: Optional[int] = Field(alias="customerId", default=None)
    "The customer (customers.id); the viewer itself if omitted."


class CustomerStatusEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[CustomerStatus] = None
    "Equal to."
    in_: Optional[list[CustomerStatus]] = Field(alias="in", default=None)
    "One of."


class CustomerSuspendInput(BaseModel):
    """The customer to suspend (platform admins only)."""

    customer_id: int = Field(alias="customerId")
    "The customer (customers.id)."


class CustomerUpdateInput(BaseModel):
    """Changes to a customer (itself, or any customer for platform admins). An absent field is left alone; null clears a profile field."""

    customer_id: Optional[int] = Field(alias="customerId", default=None)
    "The customer (customers.id); the viewer itself if omitted."
    display_name: Optional[str] = Field(alias="displayName", default=None)
    "Name shown in the UI (at most 128 characters)."
    full_name: Optional[str] = Field(alias="fullName", default=None)
    "Legal name (at most 256 characters)."
    phone: Optional[str] = None
    "Phone number (at most 32 characters)."
    company: Optional[str] = None
    "Company (at most 256 characters)."
    avatar_url: Optional[str] = Field(alias="avatarUrl", default=None)
    "http(s) URL of a picture (at most 512 characters)."
    email: Optional[str] = None
    "New e-mail address, unique case-insensitively; marks it unverified."
    user_type: Optional[UserType] = Field(alias="userType", default=None)
    "Platform admins only."
    account_type: Optional[AccountType] = Field(alias="accountType", default=None)
    "Platform admins only."


class CustomerWhere(BaseModel):
    """Filter customers (every field is an indexed column)."""

    status: Optional["CustomerStatusEnumFilter"] = None
    "Account status."
    user_type: Optional["UserTypeEnumFilter"] = Field(alias="userType", default=None)
    "Admin (platform staff), internal or external."
    account_type: Optional["AccountTypeEnumFilter"] = Field(
        alias="accountType", default=None
    )
    "Individual or enterprise account."
    username: Optional["StringFilter"] = None
    "Login name (use `startsWith` for a prefix)."
    email: Optional["StringFilter"] = None
    "Email address."
    created_at: Optional["DateTimeFilter"] = Field(alias="createdAt", default=None)
    "When the account was created."


class DatasetCreateInput(BaseModel):
    """A new dataset; it starts in status UPLOADING."""

    name: str
    "Display name, 1-256 characters."
    storage_path: str = Field(alias="storagePath")
    "Where the files live, e.g. s3://bucket/prefix (1-512 characters)."
    storage_type: StorageType = Field(alias="storageType", default=StorageType.MINIO)
    "Storage backend of storagePath."
    description: Optional[str] = None
    "Free text, at most 10,000 characters; blank means none."
    visibility: StorageVisibility = StorageVisibility.PRIVATE
    "Who may read it: PRIVATE (the owner), WORKSPACE (members of its workspace; needs a workspace), PUBLIC (every customer)."
    workspace_id: Optional[int] = Field(alias="workspaceId", default=None)
    "Workspace (rowId) it belongs to; the viewer must be an active owner, admin or member."
    owner_id: Optional[int] = Field(alias="ownerId", default=None)
    "Owner (customer rowId); platform admins only. Default: the viewer."


class DatasetDeleteInput(BaseModel):
    """The dataset to delete, with its versions."""

    dataset_id: int = Field(alias="datasetId")
    "The dataset (rowId)."


class DatasetMountInput(BaseModel):
    """Mount a ready dataset into an environment."""

    environment_id: str = Field(alias="environmentId")
    "The environment (rowId); its owner must be able to read the dataset."
    dataset_id: int = Field(alias="datasetId")
    "The dataset (rowId); status READY."
    mount_path: str = Field(alias="mountPath")
    "Absolute path inside the environment, without '..', outside the system directories (/, /bin, /boot, /dev, /etc, /proc, /root, /sbin, /sys, /usr); stored normalised (no '.', '//' or trailing '/')."
    readonly: bool = True
    "Mount read-only."


class DatasetMountWhere(BaseModel):
    """Filter dataset mounts (dataset_usage)."""

    env_id: Optional["KeyFilter"] = Field(alias="envId", default=None)
    "Environment key."
    dataset_id: Optional["KeyFilter"] = Field(alias="datasetId", default=None)
    "Match the dataset id (one key or a list)."
    open: Optional[bool] = None
    "true: still mounted (unmounted_at is null); false: ended."


class DatasetUnmountInput(BaseModel):
    """End an open dataset mount."""

    mount_id: int = Field(alias="mountId")
    "The mount (DatasetMount rowId)."


class DatasetUpdateInput(BaseModel):
    """Changes to a dataset (owner, or owner/admin of its workspace); omitted fields stay as they are."""

    dataset_id: int = Field(alias="datasetId")
    "The dataset (rowId)."
    name: Optional[str] = None
    "New name, 1-256 characters."
    description: Optional[str] = None
    "Free text, at most 10,000 characters; blank means none."
    status: Optional[StorageStatus] = None
    "New status (UPLOADING, READY, ERROR)."
    visibility: Optional[StorageVisibility] = None
    "Who may read it: PRIVATE (the owner), WORKSPACE (members of its workspace; needs a workspace), PUBLIC (every customer)."


class DatasetVersionCreateInput(BaseModel):
    """A new, immutable version of a dataset."""

    dataset_id: int = Field(alias="datasetId")
    "The dataset (rowId)."
    version: str
    "Version label, 1-64 of A-Z a-z 0-9 . _ - (e.g. v1.0); unique per parent."
    storage_path: str = Field(alias="storagePath")
    "Where the files live, e.g. s3://bucket/prefix (1-512 characters)."
    size: Optional[int] = None
    "Bytes in this version (>= 0; absent means 0); added to the dataset."
    file_count: int = Field(alias="fileCount", default=0)
    "Files in this version (>= 0); added to the dataset."
    description: Optional[str] = None
    "Free text, at most 10,000 characters; blank means none."


class DatasetVersionWhere(BaseModel):
    """Filter dataset versions."""

    dataset_id: Optional["KeyFilter"] = Field(alias="datasetId", default=None)
    "Match the dataset id (one key or a list)."
    version: Optional["StringFilter"] = None
    "Version label (indexed together with the dataset)."


class DatasetWhere(BaseModel):
    """Filter datasets (every field is an indexed column)."""

    status: Optional["StorageStatusEnumFilter"] = None
    "Match the status (one value or a list)."
    visibility: Optional["StorageVisibilityEnumFilter"] = None
    "Match the visibility (one value or a list)."
    owner_id: Optional["KeyFilter"] = Field(alias="ownerId", default=None)
    "Owner (datasets.customer_id)."
    workspace_id: Optional["KeyFilter"] = Field(alias="workspaceId", default=None)
    "Match the workspace id (one key or a list)."
    name: Optional["StringFilter"] = None
    "Match the name text (exact, list, prefix or substring)."
    created_at: Optional["DateTimeFilter"] = Field(alias="createdAt", default=None)
    "Time range on created at."


class DateTimeFilter(BaseModel):
    """Match a time column (half-open ranges: gte + lt)."""

    gt: Optional[datetime] = None
    "After."
    gte: Optional[datetime] = None
    "At or after."
    lt: Optional[datetime] = None
    "Before."
    lte: Optional[datetime] = None
    "At or before."


class EnvironmentCreateInput(BaseModel):
    """A new environment. Placed on `hostId` if given, else on the best-fit online, healthy host; GPUs, ports and host capacity are taken in the same transaction."""

    name: str
    "Name, 1 to 128 characters."
    description: Optional[str] = None
    "Free text, at most 4000 characters."
    image: str
    "Image to run (images.name); must be active."
    cpu: int
    "CPU cores, at least 1."
    memory: int
    "Memory in bytes, at least 256 MiB."
    gpu_count: int = Field(alias="gpuCount", default=0)
    "Number of GPUs (0 or more)."
    storage: Optional[int] = None
    "Disk in bytes; 10 GiB if omitted."
    host_id: Optional[str] = Field(alias="hostId", default=None)
    "Host to place it on (hosts.id); best fit if omitted."
    workspace_id: Optional[int] = Field(alias="workspaceId", default=None)
    "Workspace it belongs to (workspaces.id); the viewer must be an active owner, admin or member there. Personal if omitted."
    owner_id: Optional[int] = Field(alias="ownerId", default=None)
    "Customer to create it for (customers.id); platform admins only. The viewer if omitted."
    idempotency_key: Optional[str] = Field(alias="idempotencyKey", default=None)
    "Up to 128 characters: a retry with the same key and input returns the same environment; the same key with another input is IDEMPOTENCY_CONFLICT."


class EnvironmentDeleteInput(BaseModel):
    """Delete an environment that is running, stopped or failed."""

    id: str
    "The environment (environments.id)."


class EnvironmentMetricWhere(BaseModel):
    """Filter environment samples; non-admins must name the environment."""

    env_id: Optional["KeyFilter"] = Field(alias="envId", default=None)
    "environments.id"
    collected_at: Optional["DateTimeFilter"] = Field(alias="collectedAt", default=None)
    "Sample time range."


class EnvironmentSampleInput(BaseModel):
    """One sample of an environment on the reporting host (an environment_metrics row)."""

    environment_id: str = Field(alias="environmentId")
    "The environment (rowId); it must be on the host."
    cpu_usage_percent: Optional[float] = Field(alias="cpuUsagePercent", default=None)
    "CPU usage in percent."
    memory_usage_percent: Optional[float] = Field(
        alias="memoryUsagePercent", default=None
    )
    "Memory usage in percent."
    gpu_usage_percent: Optional[float] = Field(alias="gpuUsagePercent", default=None)
    "GPU usage in percent."
    disk_usage_percent: Optional[float] = Field(alias="diskUsagePercent", default=None)
    "Disk usage in percent."
    network_rx_bytes: Optional[int] = Field(alias="networkRxBytes", default=None)
    "Network bytes received."
    network_tx_bytes: Optional[int] = Field(alias="networkTxBytes", default=None)
    "Network bytes transmitted."
    collected_at: Optional[datetime] = Field(alias="collectedAt", default=None)
    "Time the sample was collected (UTC). Default: when the report arrives; at most 7 days old."


class EnvironmentStartInput(BaseModel):
    """Start a stopped environment again on its host."""

    id: str
    "The environment (environments.id)."


class EnvironmentStatusEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[EnvironmentStatus] = None
    "Equal to."
    in_: Optional[list[EnvironmentStatus]] = Field(alias="in", default=None)
    "One of."


class EnvironmentStatusReportInput(BaseModel):
    """A host agent's report that an environment is running (it was creating) or has failed (it was creating or running)."""

    id: str
    "The environment (environments.id)."
    status: EnvironmentReportedStatus
    "The new status."
    container_id: Optional[str] = Field(alias="containerId", default=None)
    "Container id on the host (at most 128 characters)."
    pod_name: Optional[str] = Field(alias="podName", default=None)
    "Kubernetes pod name (at most 128 characters)."
    message: Optional[str] = None
    "Detail for the owner, e.g. why it failed."


class EnvironmentStopInput(BaseModel):
    """Stop a running environment: its compute is released."""

    id: str
    "The environment (environments.id)."


class EnvironmentUpdateInput(BaseModel):
    """Rename or re-describe an environment; absent fields stay."""

    id: str
    "The environment (environments.id)."
    name: Optional[str] = None
    "New name, 1 to 128 characters."
    description: Optional[str] = None
    "New description (at most 4000 characters); empty clears it."


class EnvironmentWhere(BaseModel):
    """Filter environments (every field is an indexed column)."""

    status: Optional["EnvironmentStatusEnumFilter"] = None
    "Match the status (one value or a list)."
    owner_id: Optional["KeyFilter"] = Field(alias="ownerId", default=None)
    "Owning customer (environments.user_id)."
    host_id: Optional["KeyFilter"] = Field(alias="hostId", default=None)
    "Host the environment is placed on."
    image: Optional["StringFilter"] = None
    "Image reference (images.name)."
    name: Optional["StringFilter"] = None
    "Match the name text (exact, list, prefix or substring)."
    created_at: Optional["DateTimeFilter"] = Field(alias="createdAt", default=None)
    "Time range on created at."


class GpuInventoryInput(BaseModel):
    """One GPU installed in a host being registered."""

    index: int
    "Device index on the host, unique within it."
    uuid: str
    "Device UUID (e.g. GPU-...), unique on the platform."
    name: Optional[str] = None
    "Model name, e.g. A100-80G."
    brand: Optional[str] = None
    "Vendor, e.g. NVIDIA."
    architecture: Optional[str] = None
    "e.g. Ampere."
    memory_total: Optional[int] = Field(alias="memoryTotal", default=None)
    "Memory in bytes."
    cuda_cores: Optional[int] = Field(alias="cudaCores", default=None)
    "Number of CUDA cores."
    compute_capability: Optional[str] = Field(alias="computeCapability", default=None)
    "e.g. 8.0."
    power_limit: Optional[int] = Field(alias="powerLimit", default=None)
    "Power limit in watts."
    temperature_limit: Optional[int] = Field(alias="temperatureLimit", default=None)
    "Temperature limit in degrees Celsius."


class GpuMetricWhere(BaseModel):
    """Filter GPU samples; non-admins must name the GPU or host."""

    gpu_id: Optional["KeyFilter"] = Field(alias="gpuId", default=None)
    "gpus.id"
    host_id: Optional["KeyFilter"] = Field(alias="hostId", default=None)
    "hosts.id"
    collected_at: Optional["DateTimeFilter"] = Field(alias="collectedAt", default=None)
    "Sample time range."


class GpuSampleInput(BaseModel):
    """One sample of a GPU of the reporting host (a gpu_metrics row)."""

    gpu_id: int = Field(alias="gpuId")
    "The GPU (rowId); it must be on the host."
    utilization_percent: Optional[float] = Field(
        alias="utilizationPercent", default=None
    )
    "GPU utilisation in percent."
    memory_used: Optional[int] = Field(alias="memoryUsed", default=None)
    "GPU memory in use, in bytes."
    memory_usage_percent: Optional[float] = Field(
        alias="memoryUsagePercent", default=None
    )
    "GPU memory usage in percent."
    temperature: Optional[float] = None
    "GPU temperature in degrees Celsius."
    power_draw: Optional[float] = Field(alias="powerDraw", default=None)
    "Power draw in watts."
    fan_speed_percent: Optional[float] = Field(alias="fanSpeedPercent", default=None)
    "Fan speed in percent."
    sm_clock: Optional[int] = Field(alias="smClock", default=None)
    "Streaming-multiprocessor clock in MHz."
    memory_clock: Optional[int] = Field(alias="memoryClock", default=None)
    "Memory clock in MHz."
    process_count: Optional[int] = Field(alias="processCount", default=None)
    "Number of processes running on the GPU."
    collected_at: Optional[datetime] = Field(alias="collectedAt", default=None)
    "Time the sample was collected (UTC). Default: when the report arrives; at most 7 days old."


class GpuStatusEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[GpuStatus] = None
    "Equal to."
    in_: Optional[list[GpuStatus]] = Field(alias="in", default=None)
    "One of."


class GpuUpdateInput(BaseModel):
    """Changes to a GPU; an omitted or null field stays as it is."""

    id: int
    "Key of the GPU (rowId)."
    status: Optional[GpuAdminStatus] = None
    "New status."
    health_status: Optional[GpuHealthStatus] = Field(alias="healthStatus", default=None)
    "New health status."
    power_limit: Optional[int] = Field(alias="powerLimit", default=None)
    "Power limit, watts."
    temperature_limit: Optional[int] = Field(alias="temperatureLimit", default=None)
    "Temperature limit, degrees Celsius."


class GpuWhere(BaseModel):
    """Filter GPUs."""

    status: Optional["GpuStatusEnumFilter"] = None
    "Match the status (one value or a list)."
    health_status: Optional["HostHealthStatusEnumFilter"] = Field(
        alias="healthStatus", default=None
    )
    "Match the health status (one value or a list)."
    name: Optional["StringFilter"] = None
    "GPU model name."
    host_id: Optional["StringFilter"] = Field(alias="hostId", default=None)
    "Match the host id text (exact, list, prefix or substring)."


class HostDeleteInput(BaseModel):
    """The host to delete."""

    host_id: str = Field(alias="hostId")
    "Key of the host (rowId)."


class HostHealthStatusEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[HostHealthStatus] = None
    "Equal to."
    in_: Optional[list[HostHealthStatus]] = Field(alias="in", default=None)
    "One of."


class HostHeartbeatInput(BaseModel):
    """A heartbeat of a host agent."""

    host_id: str = Field(alias="hostId")
    "Key of the reporting host (rowId)."
    health_status: HeartbeatHealthStatus = Field(alias="healthStatus")
    "The host's health as the agent sees it."


class HostMaintenanceEnterInput(BaseModel):
    """The host to put into maintenance."""

    host_id: str = Field(alias="hostId")
    "Key of the host (rowId)."


class HostMaintenanceExitInput(BaseModel):
    """The host to take out of maintenance."""

    host_id: str = Field(alias="hostId")
    "Key of the host (rowId)."


class HostMetricWhere(BaseModel):
    """Filter host samples; non-admins must name the host."""

    host_id: Optional["KeyFilter"] = Field(alias="hostId", default=None)
    "hosts.id"
    collected_at: Optional["DateTimeFilter"] = Field(alias="collectedAt", default=None)
    "Sample time range."


class HostRegisterInput(BaseModel):
    """A new host and its GPUs; it stays offline until it reports."""

    id: str
    "Key of the host: 3 to 64 of a-z, 0-9 and '-'."
    name: str
    "Display name (up to 128 characters)."
    ip_address: str = Field(alias="ipAddress")
    "Private IPv4 or IPv6 address."
    os_type: OsType = Field(alias="osType")
    "Operating system family."
    deployment_mode: DeploymentMode = Field(alias="deploymentMode")
    "How environments run."
    total_cpu: int = Field(alias="totalCpu")
    "CPU cores (at least 1)."
    total_memory: int = Field(alias="totalMemory")
    "Memory in bytes (at least 1)."
    hostname: Optional[str] = None
    "DNS name."
    public_ip: Optional[str] = Field(alias="publicIp", default=None)
    "Public IPv4 or IPv6."
    os_version: Optional[str] = Field(alias="osVersion", default=None)
    "e.g. Ubuntu 22.04."
    arch: str = "x86_64"
    "CPU architecture."
    k_8_s_node_name: Optional[str] = Field(alias="k8sNodeName", default=None)
    "Kubernetes node name; required for KUBERNETES hosts."
    total_disk: Optional[int] = Field(alias="totalDisk", default=None)
    "Disk in bytes."
    ssh_port: int = Field(alias="sshPort", default=22)
    "SSH port of the host."
    winrm_port: Optional[int] = Field(alias="winrmPort", default=None)
    "WinRM port (Windows)."
    agent_port: int = Field(alias="agentPort", default=8080)
    "Port of the host agent."
    labels: Optional[Any] = None
    "JSON object of labels; `region` names the host's region."
    tags: Optional[list[str]] = None
    "Free-form tags."
    gpus: list["GpuInventoryInput"] = Field(default_factory=lambda: [])
    "The host's GPUs (available and healthy at first)."


class HostSampleInput(BaseModel):
    """One sample of the reporting host (a host_metrics row)."""

    cpu_usage_percent: Optional[float] = Field(alias="cpuUsagePercent", default=None)
    "CPU usage in percent."
    cpu_load_1_m: Optional[float] = Field(alias="cpuLoad1m", default=None)
    "One-minute load average."
    cpu_load_5_m: Optional[float] = Field(alias="cpuLoad5m", default=None)
    "Five-minute load average."
    cpu_load_15_m: Optional[float] = Field(alias="cpuLoad15m", default=None)
    "Fifteen-minute load average."
    memory_used: Optional[int] = Field(alias="memoryUsed", default=None)
    "Memory in use, in bytes."
    memory_available: Optional[int] = Field(alias="memoryAvailable", default=None)
    "Memory available, in bytes."
    memory_usage_percent: Optional[float] = Field(
        alias="memoryUsagePercent", default=None
    )
    "Memory usage in percent."
    disk_used: Optional[int] = Field(alias="diskUsed", default=None)
    "Disk space in use, in bytes."
    disk_available: Optional[int] = Field(alias="diskAvailable", default=None)
    "Disk space available, in bytes."
    disk_usage_percent: Optional[float] = Field(alias="diskUsagePercent", default=None)
    "Disk usage in percent."
    disk_io_read_bytes: Optional[int] = Field(alias="diskIoReadBytes", default=None)
    "Bytes read from disk."
    disk_io_write_bytes: Optional[int] = Field(alias="diskIoWriteBytes", default=None)
    "Bytes written to disk."
    network_rx_bytes: Optional[int] = Field(alias="networkRxBytes", default=None)
    "Network bytes received."
    network_tx_bytes: Optional[int] = Field(alias="networkTxBytes", default=None)
    "Network bytes transmitted."
    network_rx_packets: Optional[int] = Field(alias="networkRxPackets", default=None)
    "Network packets received."
    network_tx_packets: Optional[int] = Field(alias="networkTxPackets", default=None)
    "Network packets transmitted."
    gpu_avg_utilization: Optional[float] = Field(
        alias="gpuAvgUtilization", default=None
    )
    "Average utilisation over the GPUs of the host, in percent."
    gpu_avg_memory_used: Optional[int] = Field(alias="gpuAvgMemoryUsed", default=None)
    "Average GPU memory in use over the GPUs of the host, in bytes."
    gpu_avg_temperature: Optional[float] = Field(
        alias="gpuAvgTemperature", default=None
    )
    "Average temperature over the GPUs of the host, in degrees Celsius."
    gpu_avg_power: Optional[float] = Field(alias="gpuAvgPower", default=None)
    "Average power draw over the GPUs of the host, in watts."
    collected_at: Optional[datetime] = Field(alias="collectedAt", default=None)
    "Time the sample was collected (UTC). Default: when the report arrives; at most 7 days old."


class HostStatusEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[HostStatus] = None
    "Equal to."
    in_: Optional[list[HostStatus]] = Field(alias="in", default=None)
    "One of."


class HostUpdateInput(BaseModel):
    """Changes to a host; an omitted or null field stays as it is."""

    host_id: str = Field(alias="hostId")
    "Key of the host (rowId)."
    name: Optional[str] = None
    "Display name."
    hostname: Optional[str] = None
    "DNS name."
    ip_address: Optional[str] = Field(alias="ipAddress", default=None)
    "Private IP address."
    public_ip: Optional[str] = Field(alias="publicIp", default=None)
    "Public IP address."
    os_version: Optional[str] = Field(alias="osVersion", default=None)
    "Operating system."
    labels: Optional[Any] = None
    "Replaces the labels."
    tags: Optional[list[str]] = None
    "Replaces the tags."
    ssh_port: Optional[int] = Field(alias="sshPort", default=None)
    "SSH port."
    winrm_port: Optional[int] = Field(alias="winrmPort", default=None)
    "WinRM port."
    agent_port: Optional[int] = Field(alias="agentPort", default=None)
    "Agent port."
    total_cpu: Optional[int] = Field(alias="totalCpu", default=None)
    "CPU cores; not below what environments use now."
    total_memory: Optional[int] = Field(alias="totalMemory", default=None)
    "Memory in bytes; not below what environments use now."
    total_disk: Optional[int] = Field(alias="totalDisk", default=None)
    "Disk in bytes; not below what environments use now."


class HostWhere(BaseModel):
    """Filter hosts (every field is an indexed column)."""

    status: Optional["HostStatusEnumFilter"] = None
    "Match the status (one value or a list)."
    health_status: Optional["HostHealthStatusEnumFilter"] = Field(
        alias="healthStatus", default=None
    )
    "Match the health status (one value or a list)."
    os_type: Optional["OsTypeEnumFilter"] = Field(alias="osType", default=None)
    "Match the os type (one value or a list)."
    name: Optional["StringFilter"] = None
    "Match the name text (exact, list, prefix or substring)."
    region: Optional[str] = None
    "labels->>'region'."
    labels_contain: Optional[Any] = Field(alias="labelsContain", default=None)
    "Hosts whose labels contain this JSON object (GIN, `@>`)."
    created_at: Optional["DateTimeFilter"] = Field(alias="createdAt", default=None)
    "Time range on created at."


class ImageCreateInput(BaseModel):
    """A new image for the catalogue (imageCreate)."""

    name: str
    "The image reference, unique, with a tag or digest (registry/repo:tag); environments refer to the image by it and it cannot change later."
    display_name: Optional[str] = Field(alias="displayName", default=None)
    "Name shown to people (at most 256 characters)."
    description: Optional[str] = None
    "What the image holds."
    category: Optional[str] = None
    "base, pytorch, tensorflow, custom, ... (at most 64)."
    framework: Optional[str] = None
    "The ML framework inside, if any (at most 64)."
    framework_version: Optional[str] = Field(alias="frameworkVersion", default=None)
    "Version of the framework (at most 64)."
    cuda_version: Optional[str] = Field(alias="cudaVersion", default=None)
    "CUDA version, e.g. 12.4 (at most 32)."
    python_version: Optional[str] = Field(alias="pythonVersion", default=None)
    "Python version, e.g. 3.11 (at most 32)."
    is_official: bool = Field(alias="isOfficial", default=False)
    "Maintained by the platform."
    size: Optional[int] = None
    "Size in bytes (>= 0)."
    registry_url: Optional[str] = Field(alias="registryUrl", default=None)
    "Where to pull it from (at most 512, no whitespace)."


class ImageDeleteInput(BaseModel):
    """The image to delete (imageDelete)."""

    id: int
    "The image (images.id, its rowId)."


class ImageDeprecateInput(BaseModel):
    """The image to deprecate (imageDeprecate)."""

    id: int
    "The image (images.id, its rowId)."


class ImageStatusEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[ImageStatus] = None
    "Equal to."
    in_: Optional[list[ImageStatus]] = Field(alias="in", default=None)
    "One of."


class ImageUpdateInput(BaseModel):
    """Changes to an image's description (imageUpdate). Omitted fields stay as they are; null clears a field. The name cannot change: environments refer to it."""

    id: int
    "The image (images.id, its rowId)."
    display_name: Optional[str] = Field(alias="displayName", default=None)
    "Name shown to people (at most 256 characters)."
    description: Optional[str] = None
    "What the image holds."
    category: Optional[str] = None
    "base, pytorch, tensorflow, custom, ... (at most 64)."
    framework: Optional[str] = None
    "The ML framework inside, if any (at most 64)."
    framework_version: Optional[str] = Field(alias="frameworkVersion", default=None)
    "Version of the framework (at most 64)."
    cuda_version: Optional[str] = Field(alias="cudaVersion", default=None)
    "CUDA version, e.g. 12.4 (at most 32)."
    python_version: Optional[str] = Field(alias="pythonVersion", default=None)
    "Python version, e.g. 3.11 (at most 32)."
    is_official: Optional[bool] = Field(alias="isOfficial", default=None)
    "Maintained by the platform (not null)."
    size: Optional[int] = None
    "Size in bytes (>= 0)."
    registry_url: Optional[str] = Field(alias="registryUrl", default=None)
    "Where to pull it from (at most 512)."


class ImageWhere(BaseModel):
    """Filter images (every field is an indexed column)."""

    status: Optional["ImageStatusEnumFilter"] = None
    "Match the status (one value or a list)."
    category: Optional["StringFilter"] = None
    "base, pytorch, tensorflow, custom, ..."
    framework: Optional["StringFilter"] = None
    "Match the framework text (exact, list, prefix or substring)."
    is_official: Optional[bool] = Field(alias="isOfficial", default=None)
    "Only rows whose is official is this value."
    name: Optional["StringFilter"] = None
    "Image reference (unique)."


class InferenceServiceCreateInput(BaseModel):
    """A new inference service, owned by the viewer, creating (inferenceServiceCreate)."""

    name: str
    "Name of the service (at most 256 characters)."
    model_id: int = Field(alias="modelId")
    "The model to serve: one the viewer may read."
    model_version: Optional[str] = Field(alias="modelVersion", default=None)
    "The version to serve: an existing version of that model."
    description: Optional[str] = None
    "What it serves."
    framework: Optional[str] = None
    "Serving framework (at most 64); the model's by default."
    workspace_id: Optional[int] = Field(alias="workspaceId", default=None)
    "The workspace to create it in (an active owner, admin or member of it)."
    cpu: Optional[int] = None
    "CPU cores per replica (>= 1)."
    memory: Optional[int] = None
    "Memory per replica in bytes (>= 1)."
    gpu: int = 0
    "GPUs per replica (>= 0)."
    replicas: int = 1
    "Number of replicas (>= 1)."


class InferenceServiceDeleteInput(BaseModel):
    """The inference service to delete (inferenceServiceDelete)."""

    id: str
    "The service (inference_services.id, its rowId)."


class InferenceServiceScaleInput(BaseModel):
    """A new replica count (inferenceServiceScale)."""

    id: str
    "The service (inference_services.id, its rowId)."
    replicas: int
    "Number of replicas (>= 1)."


class InferenceServiceStartInput(BaseModel):
    """The inference service to start (inferenceServiceStart)."""

    id: str
    "The service (inference_services.id, its rowId)."


class InferenceServiceStatusEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[InferenceServiceStatus] = None
    "Equal to."
    in_: Optional[list[InferenceServiceStatus]] = Field(alias="in", default=None)
    "One of."


class InferenceServiceStatusReportInput(BaseModel):
    """How the deployment of a creating service ended (inferenceServiceStatusReport)."""

    id: str
    "The service (inference_services.id, its rowId)."
    status: InferenceServiceReportedStatus
    "RUNNING once it serves, ERROR if the deployment failed."
    endpoint_url: Optional[str] = Field(alias="endpointUrl", default=None)
    "Where it serves: an http(s) URL (at most 512 characters)."


class InferenceServiceStopInput(BaseModel):
    """The inference service to stop (inferenceServiceStop)."""

    id: str
    "The service (inference_services.id, its rowId)."


class InferenceServiceWhere(BaseModel):
    """Filter inference services (every field is an indexed column)."""

    status: Optional["InferenceServiceStatusEnumFilter"] = None
    "Match the status (one value or a list)."
    owner_id: Optional["KeyFilter"] = Field(alias="ownerId", default=None)
    "The owning customer (inference_services.customer_id)."
    workspace_id: Optional["KeyFilter"] = Field(alias="workspaceId", default=None)
    "Match the workspace id (one key or a list)."
    name: Optional["StringFilter"] = None
    "Match the name text (exact, list, prefix or substring)."


class InvoiceCancelInput(BaseModel):
    """The invoice to cancel (invoiceCancel)."""

    row_id: int = Field(alias="rowId")
    "rowId of the invoice (pending or overdue). Its number stays taken; the month may be invoiced again."


class InvoiceMarkPaidInput(BaseModel):
    """The payment to record (invoiceMarkPaid)."""

    row_id: int = Field(alias="rowId")
    "rowId of the invoice (pending or overdue)."
    paid_at: Optional[datetime] = Field(alias="paidAt", default=None)
    "When the payment arrived (UTC); now when omitted. Not in the future, not before the billing period."


class InvoiceStatusEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[InvoiceStatus] = None
    "Equal to."
    in_: Optional[list[InvoiceStatus]] = Field(alias="in", default=None)
    "One of."


class InvoiceWhere(BaseModel):
    """Filter invoices."""

    status: Optional["InvoiceStatusEnumFilter"] = None
    "Match the status (one value or a list)."
    customer_id: Optional["KeyFilter"] = Field(alias="customerId", default=None)
    "customers.id"
    billing_period_start: Optional["DateTimeFilter"] = Field(
        alias="billingPeriodStart", default=None
    )
    "Start of the billing period."


class IssueAssignInput(BaseModel):
    """Who works on an issue (staff only)."""

    id: Optional[int] = None
    "The issue (issues.id); or give issueNo."
    issue_no: Optional[str] = Field(alias="issueNo", default=None)
    "The issue by number, e.g. ISSUE-2026-0042; or give id."
    assignee_id: Optional[int] = Field(alias="assigneeId", default=None)
    "An active staff member (admin or internal customer); null unassigns."


class IssueCreateInput(BaseModel):
    """A new issue, reported by the viewer."""

    title: str
    "1 to 256 characters, not only spaces (surrounding spaces are dropped)."
    type_: IssueType = Field(alias="type")
    "Bug, question or feature."
    description: Optional[str] = None
    "Details, at most 10000 characters."
    priority: TicketPriority = TicketPriority.MEDIUM
    "How urgent; MEDIUM if omitted."


class IssueStatusEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[IssueStatus] = None
    "Equal to."
    in_: Optional[list[IssueStatus]] = Field(alias="in", default=None)
    "One of."


class IssueTransitionInput(BaseModel):
    """Move an issue: OPEN -> IN_PROGRESS -> RESOLVED -> CLOSED, RESOLVED -> IN_PROGRESS (reopen); staff only, except that the reporter may close its own OPEN or RESOLVED issue."""

    id: Optional[int] = None
    "The issue (issues.id); or give issueNo."
    issue_no: Optional[str] = Field(alias="issueNo", default=None)
    "The issue by number, e.g. ISSUE-2026-0042; or give id."
    status: IssueStatus
    "The state to move to."


class IssueTypeEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[IssueType] = None
    "Equal to."
    in_: Optional[list[IssueType]] = Field(alias="in", default=None)
    "One of."


class IssueUpdateInput(BaseModel):
    """Changes to an issue (its reporter or staff). An absent field is left alone."""

    id: Optional[int] = None
    "The issue (issues.id); or give issueNo."
    issue_no: Optional[str] = Field(alias="issueNo", default=None)
    "The issue by number, e.g. ISSUE-2026-0042; or give id."
    title: Optional[str] = None
    "1 to 256 characters, not only spaces (surrounding spaces are dropped)."
    description: Optional[str] = None
    "Details, at most 10000 characters. Null clears it."
    priority: Optional[TicketPriority] = None
    "How urgent."
    type_: Optional[IssueType] = Field(alias="type", default=None)
    "Bug, question or feature."


class IssueWhere(BaseModel):
    """Filter issues."""

    status: Optional["IssueStatusEnumFilter"] = None
    "Issue status."
    type_: Optional["IssueTypeEnumFilter"] = Field(alias="type", default=None)
    "Bug, question or feature."
    priority: Optional["TicketPriorityEnumFilter"] = None
    "Ticket priority."
    customer_id: Optional["KeyFilter"] = Field(alias="customerId", default=None)
    "Reporter (issues.customer_id)."
    assignee_id: Optional["KeyFilter"] = Field(alias="assigneeId", default=None)
    "Assigned staff member (issues.assignee_id)."
    created_at: Optional["DateTimeFilter"] = Field(alias="createdAt", default=None)
    "When the ticket or comment was created."


class JobRunOutcomeEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[JobRunOutcome] = None
    "Equal to."
    in_: Optional[list[JobRunOutcome]] = Field(alias="in", default=None)
    "One of."


class JobRunWhere(BaseModel):
    """Filter job runs (by job name, outcome, start time)."""

    job_name: Optional["StringFilter"] = Field(alias="jobName", default=None)
    "The job's name in the schedule, e.g. hosts.liveness."
    outcome: Optional["JobRunOutcomeEnumFilter"] = None
    "Match the outcome (one value or a list)."
    started_at: Optional["DateTimeFilter"] = Field(alias="startedAt", default=None)
    "Time range on started at."


class KeyFilter(BaseModel):
    """Match an ID-like column (numeric or text keys)."""

    eq: Optional[str] = None
    "Equal to."
    in_: Optional[list[str]] = Field(alias="in", default=None)
    "One of."


class LoginInput(BaseModel):
    """Credentials of a login."""

    login: str
    "Username or e-mail address (case-insensitive)."
    password: str
    "The account's password."


class LogoutInput(BaseModel):
    """Which sessions to end."""

    refresh_token: Optional[str] = Field(alias="refreshToken", default=None)
    "End the session of this refresh token (works without an access token). Omitted: end every session of the viewer (needs authentication)."


class MetricWhere(BaseModel):
    """Filter samples of one owner (host, GPU or environment)."""

    collected_at: Optional["DateTimeFilter"] = Field(alias="collectedAt", default=None)
    "Sample time range (collected_at)."


class MetricsReportInput(BaseModel):
    """A batch of samples of one host: checked whole, then written in bulk, or not at all. At most REMOTEGPU_METRICS_BATCH_MAX samples (1,000 by default) in all."""

    host_id: str = Field(alias="hostId")
    "Key of the reporting host (rowId)."
    host_samples: list["HostSampleInput"] = Field(
        alias="hostSamples", default_factory=lambda: []
    )
    "Samples of the host itself."
    gpu_samples: list["GpuSampleInput"] = Field(
        alias="gpuSamples", default_factory=lambda: []
    )
    "Samples of the host's GPUs."
    environment_samples: list["EnvironmentSampleInput"] = Field(
        alias="environmentSamples", default_factory=lambda: []
    )
    "Samples of environments on the host."


class ModelCreateInput(BaseModel):
    """A new model; it starts in status UPLOADING."""

    name: str
    "Display name, 1-256 characters."
    storage_path: str = Field(alias="storagePath")
    "Where the files live, e.g. s3://bucket/prefix (1-512 characters)."
    framework: Optional[str] = None
    "Framework, free text up to 64 characters (e.g. pytorch)."
    description: Optional[str] = None
    "Free text, at most 10,000 characters; blank means none."
    visibility: StorageVisibility = StorageVisibility.PRIVATE
    "Who may read it: PRIVATE (the owner), WORKSPACE (members of its workspace; needs a workspace), PUBLIC (every customer)."
    workspace_id: Optional[int] = Field(alias="workspaceId", default=None)
    "Workspace (rowId) it belongs to; the viewer must be an active owner, admin or member."
    owner_id: Optional[int] = Field(alias="ownerId", default=None)
    "Owner (customer rowId); platform admins only. Default: the viewer."


class ModelDeleteInput(BaseModel):
    """The model to delete, with its versions."""

    model_id: int = Field(alias="modelId")
    "The model (rowId)."


class ModelUpdateInput(BaseModel):
    """Changes to a model (owner, or owner/admin of its workspace); omitted fields stay as they are."""

    model_id: int = Field(alias="modelId")
    "The model (rowId)."
    name: Optional[str] = None
    "New name, 1-256 characters."
    description: Optional[str] = None
    "Free text, at most 10,000 characters; blank means none."
    framework: Optional[str] = None
    "New framework (free text, up to 64 characters)."
    status: Optional[StorageStatus] = None
    "New status (UPLOADING, READY, ERROR)."
    visibility: Optional[StorageVisibility] = None
    "Who may read it: PRIVATE (the owner), WORKSPACE (members of its workspace; needs a workspace), PUBLIC (every customer)."


class ModelVersionCreateInput(BaseModel):
    """A new, immutable version of a model."""

    model_id: int = Field(alias="modelId")
    "The model (rowId)."
    version: str
    "Version label, 1-64 of A-Z a-z 0-9 . _ - (e.g. v1.0); unique per parent."
    storage_path: str = Field(alias="storagePath")
    "Where the files live, e.g. s3://bucket/prefix (1-512 characters)."
    size: Optional[int] = None
    "Bytes in this version (>= 0; absent means 0); added to the model."
    metrics: Optional[Any] = None
    'Evaluation metrics: a JSON object of numbers, e.g. {"accuracy": 0.93}.'
    description: Optional[str] = None
    "Free text, at most 10,000 characters; blank means none."


class ModelVersionWhere(BaseModel):
    """Filter model versions."""

    model_id: Optional["KeyFilter"] = Field(alias="modelId", default=None)
    "Match the model id (one key or a list)."
    version: Optional["StringFilter"] = None
    "Version label (indexed together with the model)."


class ModelWhere(BaseModel):
    """Filter models."""

    framework: Optional["StringFilter"] = None
    "pytorch, tensorflow, onnx, ... (indexed)."
    owner_id: Optional["KeyFilter"] = Field(alias="ownerId", default=None)
    "Owner (models.customer_id)."
    workspace_id: Optional["KeyFilter"] = Field(alias="workspaceId", default=None)
    "Match the workspace id (one key or a list)."
    status: Optional["StorageStatusEnumFilter"] = None
    "Match the status (one value or a list)."
    visibility: Optional["StorageVisibilityEnumFilter"] = None
    "Match the visibility (one value or a list)."
    name: Optional["StringFilter"] = None
    "Match the name text (exact, list, prefix or substring)."
    created_at: Optional["DateTimeFilter"] = Field(alias="createdAt", default=None)
    "Time range on created at."


class NotificationMarkAllReadInput(BaseModel):
    """Which of the viewer's unread notifications to mark read."""

    created_before: Optional[datetime] = Field(alias="createdBefore", default=None)
    "Only those created at or before this instant (e.g. when the list was shown), so newer arrivals stay unread; all if omitted."


class NotificationMarkReadInput(BaseModel):
    """Notifications of the viewer to mark read."""

    ids: list[int]
    "1 to 100 notification rowIds, all the viewer's own; if any is not, nothing is marked."


class NotificationTypeEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[NotificationType] = None
    "Equal to."
    in_: Optional[list[NotificationType]] = Field(alias="in", default=None)
    "One of."


class NotificationWhere(BaseModel):
    """Filter notifications (every field is an indexed column)."""

    is_read: Optional[bool] = Field(alias="isRead", default=None)
    "Read or unread."
    type_: Optional["NotificationTypeEnumFilter"] = Field(alias="type", default=None)
    "Match the type (one value or a list)."
    customer_id: Optional["KeyFilter"] = Field(alias="customerId", default=None)
    "The recipient (notifications.customer_id)."
    created_at: Optional["DateTimeFilter"] = Field(alias="createdAt", default=None)
    "Time range on created at."


class OsTypeEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[OsType] = None
    "Equal to."
    in_: Optional[list[OsType]] = Field(alias="in", default=None)
    "One of."


class PasswordChangeInput(BaseModel):
    """The viewer's current and new password."""

    current_password: str = Field(alias="currentPassword")
    "The password in use now."
    new_password: str = Field(alias="newPassword")
    "The new password: at least 10 characters, not the current one."


class PortMappingAddInput(BaseModel):
    """Map a custom service port of an environment to a gateway port."""

    environment_id: str = Field(alias="environmentId")
    "The environment (environments.id)."
    internal_port: int = Field(alias="internalPort")
    "Port inside the environment, 1..65535."


class PortMappingReleaseInput(BaseModel):
    """Release a custom port mapping (ssh/jupyter/rdp go with the env)."""

    id: int
    "The port mapping (port_mappings.id)."


class PortMappingStatusEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[PortMappingStatus] = None
    "Equal to."
    in_: Optional[list[PortMappingStatus]] = Field(alias="in", default=None)
    "One of."


class PortMappingWhere(BaseModel):
    """Filter port mappings (every field is an indexed column)."""

    status: Optional["PortMappingStatusEnumFilter"] = None
    "Match the status (one value or a list)."
    service_type: Optional["PortServiceTypeEnumFilter"] = Field(
        alias="serviceType", default=None
    )
    "Match the service type (one value or a list)."
    env_id: Optional["KeyFilter"] = Field(alias="envId", default=None)
    "Environment the port is mapped to."
    external_port: Optional[int] = Field(alias="externalPort", default=None)
    "External gateway port equal to."


class PortServiceTypeEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[PortServiceType] = None
    "Equal to."
    in_: Optional[list[PortServiceType]] = Field(alias="in", default=None)
    "One of."


class RequirementAssignInput(BaseModel):
    """Who works on a requirement (staff only)."""

    id: Optional[int] = None
    "The requirement (requirements.id); or give requirementNo."
    requirement_no: Optional[str] = Field(alias="requirementNo", default=None)
    "The requirement by number, e.g. REQ-2026-0007; or give id."
    assignee_id: Optional[int] = Field(alias="assigneeId", default=None)
    "An active staff member (admin or internal customer); null unassigns."


class RequirementCreateInput(BaseModel):
    """A new requirement (feature request), raised by the viewer."""

    title: str
    "1 to 256 characters, not only spaces (surrounding spaces are dropped)."
    description: Optional[str] = None
    "Details, at most 10000 characters."
    priority: TicketPriority = TicketPriority.MEDIUM
    "How urgent; MEDIUM if omitted."


class RequirementStatusEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[RequirementStatus] = None
    "Equal to."
    in_: Optional[list[RequirementStatus]] = Field(alias="in", default=None)
    "One of."


class RequirementTransitionInput(BaseModel):
    """Move a requirement (staff only): SUBMITTED -> REVIEWING -> APPROVED | REJECTED, APPROVED -> IN_PROGRESS -> COMPLETED."""

    id: Optional[int] = None
    "The requirement (requirements.id); or give requirementNo."
    requirement_no: Optional[str] = Field(alias="requirementNo", default=None)
    "The requirement by number, e.g. REQ-2026-0007; or give id."
    status: RequirementStatus
    "The state to move to."


class RequirementUpdateInput(BaseModel):
    """Changes to a requirement (its reporter or staff). An absent field is left alone."""

    id: Optional[int] = None
    "The requirement (requirements.id); or give requirementNo."
    requirement_no: Optional[str] = Field(alias="requirementNo", default=None)
    "The requirement by number, e.g. REQ-2026-0007; or give id."
    title: Optional[str] = None
    "1 to 256 characters, not only spaces (surrounding spaces are dropped)."
    description: Optional[str] = None
    "Details, at most 10000 characters. Null clears it."
    priority: Optional[TicketPriority] = None
    "How urgent."


class RequirementWhere(BaseModel):
    """Filter requirements."""

    status: Optional["RequirementStatusEnumFilter"] = None
    "Requirement status."
    priority: Optional["TicketPriorityEnumFilter"] = None
    "Ticket priority."
    customer_id: Optional["KeyFilter"] = Field(alias="customerId", default=None)
    "Who raised it (requirements.customer_id)."
    assignee_id: Optional["KeyFilter"] = Field(alias="assigneeId", default=None)
    "Assigned staff member (requirements.assignee_id)."
    created_at: Optional["DateTimeFilter"] = Field(alias="createdAt", default=None)
    "When the ticket or comment was created."


class ResourceQuotaUpdateInput(BaseModel):
    """New limits of a customer (platform admins only); an absent field is left alone. A limit below what the customer already uses is refused (QUOTA_EXCEEDED)."""

    customer_id: int = Field(alias="customerId")
    "The customer (customers.id)."
    quota_level: Optional[QuotaLevel] = Field(alias="quotaLevel", default=None)
    "The tier."
    cpu_quota: Optional[int] = Field(alias="cpuQuota", default=None)
    "CPU cores."
    memory_quota: Optional[int] = Field(alias="memoryQuota", default=None)
    "Memory, MB."
    gpu_quota: Optional[int] = Field(alias="gpuQuota", default=None)
    "GPUs."
    storage_quota: Optional[int] = Field(alias="storageQuota", default=None)
    "Storage, bytes."
    environment_quota: Optional[int] = Field(alias="environmentQuota", default=None)
    "Environments (non-deleted)."


class ResourceQuotaWhere(BaseModel):
    """Filter resource quotas."""

    user_id: Optional["KeyFilter"] = Field(alias="userId", default=None)
    "The customer (resource_quotas.user_id = customers.id)."


class StorageStatusEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[StorageStatus] = None
    "Equal to."
    in_: Optional[list[StorageStatus]] = Field(alias="in", default=None)
    "One of."


class StorageVisibilityEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[StorageVisibility] = None
    "Equal to."
    in_: Optional[list[StorageVisibility]] = Field(alias="in", default=None)
    "One of."


class StringFilter(BaseModel):
    """Match a text column."""

    eq: Optional[str] = None
    "Equal to."
    in_: Optional[list[str]] = Field(alias="in", default=None)
    "One of."
    starts_with: Optional[str] = Field(alias="startsWith", default=None)
    "Prefix (indexed)."
    contains: Optional[str] = None
    "Substring, any case."


class SystemConfigSetInput(BaseModel):
    """Create or change one platform setting (system_configs row)."""

    key: str
    "config_key (1 to 128 characters: lowercase letters, digits, _ . -)."
    value: str
    "New value as text, checked against the type: INTEGER a whole number, BOOLEAN true/false, JSON a JSON document, STRING anything (at most 10000 characters). Port ranges must stay 1..65535 with start < end and must not overlap each other."
    config_type: Optional[ConfigType] = Field(alias="configType", default=None)
    "Type of the value: required for a new key; for an existing key it may be omitted and otherwise must equal the stored type."
    description: Optional[str] = None
    "What the setting does; omitted = unchanged."
    is_public: Optional[bool] = Field(alias="isPublic", default=None)
    "Readable without admin rights; omitted = unchanged (false for a new key)."


class SystemConfigWhere(BaseModel):
    """Filter system configs."""

    key: Optional["StringFilter"] = None
    "config_key (eq, in, startsWith)."
    is_public: Optional[bool] = Field(alias="isPublic", default=None)
    "Public rows only."


class TicketPriorityEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[TicketPriority] = None
    "Equal to."
    in_: Optional[list[TicketPriority]] = Field(alias="in", default=None)
    "One of."


class TokenRefreshInput(BaseModel):
    """A refresh token to exchange for a new token pair."""

    refresh_token: str = Field(alias="refreshToken")
    "The refresh token of the last login or refresh; it works once."


class TrainingJobCancelInput(BaseModel):
    """The training job to cancel (trainingJobCancel)."""

    id: str
    "The job (training_jobs.id, its rowId)."


class TrainingJobCreateInput(BaseModel):
    """A new training job, owned by the viewer, pending (trainingJobCreate)."""

    name: str
    "Name of the job (at most 256 characters)."
    description: Optional[str] = None
    "What the job does."
    framework: Optional[str] = None
    "pytorch, tensorflow, ... (at most 64)."
    script_path: Optional[str] = Field(alias="scriptPath", default=None)
    "The entry script (at most 512 characters)."
    workspace_id: Optional[int] = Field(alias="workspaceId", default=None)
    "The workspace to create it in (an active owner, admin or member of it)."
    env_id: Optional[str] = Field(alias="envId", default=None)
    "The environment to run in: the viewer's own or one of the workspace's."
    dataset_id: Optional[int] = Field(alias="datasetId", default=None)
    "The dataset to train on: one the viewer may read."
    model_id: Optional[int] = Field(alias="modelId", default=None)
    "The model to train: one the viewer may read."
    priority: int = 0
    "Higher numbers run first."
    cpu: Optional[int] = None
    "CPU cores (>= 1)."
    memory: Optional[int] = None
    "Memory in bytes (>= 1)."
    gpu: int = 0
    "Number of GPUs (>= 0)."


class TrainingJobStatusEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[TrainingJobStatus] = None
    "Equal to."
    in_: Optional[list[TrainingJobStatus]] = Field(alias="in", default=None)
    "One of."


class TrainingJobTransitionInput(BaseModel):
    """A step of a training job's run (trainingJobTransition)."""

    id: str
    "The job (training_jobs.id, its rowId)."
    status: TrainingJobRunStatus
    "RUNNING from pending; COMPLETED or FAILED from running."


class TrainingJobWhere(BaseModel):
    """Filter training jobs (every field is an indexed column)."""

    status: Optional["TrainingJobStatusEnumFilter"] = None
    "Match the status (one value or a list)."
    owner_id: Optional["KeyFilter"] = Field(alias="ownerId", default=None)
    "The owning customer (training_jobs.customer_id)."
    workspace_id: Optional["KeyFilter"] = Field(alias="workspaceId", default=None)
    "Match the workspace id (one key or a list)."
    created_at: Optional["DateTimeFilter"] = Field(alias="createdAt", default=None)
    "Time range on created at."
    name: Optional["StringFilter"] = None
    "Match the name text (exact, list, prefix or substring)."


class UserTypeEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[UserType] = None
    "Equal to."
    in_: Optional[list[UserType]] = Field(alias="in", default=None)
    "One of."


class WebhookCreateInput(BaseModel):
    """A new webhook of the viewer."""

    name: str
    "Name of the webhook (1 to 256 characters)."
    url: str
    "https URL (at most 512 characters, no user:password@) whose host resolves only to public addresses."
    events: list[WebhookEvent]
    "Event types to deliver (at least one)."
    secret: Optional[str] = None
    "Signing secret (24 to 256 characters, no spaces); omitted = generated (whsec_...). Returned once in the payload, never readable afterwards."
    enabled: bool = True
    "Whether events are delivered."


class WebhookDeleteInput(BaseModel):
    """The webhook to delete (with its delivery log)."""

    row_id: int = Field(alias="rowId")
    "rowId of the webhook."


class WebhookLogWhere(BaseModel):
    """Filter webhook delivery attempts."""

    webhook_id: Optional["KeyFilter"] = Field(alias="webhookId", default=None)
    "The webhook delivered to (webhook_logs.webhook_id)."
    event_type: Optional["StringFilter"] = Field(alias="eventType", default=None)
    "Event type delivered, e.g. environment.created."
    created_at: Optional["DateTimeFilter"] = Field(alias="createdAt", default=None)
    "When the delivery was attempted."


class WebhookPingInput(BaseModel):
    """The webhook to send a test event to."""

    row_id: int = Field(alias="rowId")
    "rowId of the webhook."


class WebhookRedeliverInput(BaseModel):
    """A logged delivery whose event is sent again."""

    log_id: int = Field(alias="logId")
    "rowId of a WebhookLog: its event is sent again, once, with the same body and webhook-id, to the same webhook (whether or not it is enabled)."


class WebhookRotateSecretInput(BaseModel):
    """The webhook whose signing secret is replaced."""

    row_id: int = Field(alias="rowId")
    "rowId of the webhook."
    secret: Optional[str] = None
    "Signing secret (24 to 256 characters, no spaces); omitted = generated (whsec_...). Returned once in the payload, never readable afterwards."


class WebhookUpdateInput(BaseModel):
    """Changes to a webhook; omitted fields stay as they are."""

    row_id: int = Field(alias="rowId")
    "rowId of the webhook."
    name: Optional[str] = None
    "New name (1 to 256)."
    url: Optional[str] = None
    "New URL, checked again. https URL (at most 512 characters, no user:password@) whose host resolves only to public addresses."
    events: Optional[list[WebhookEvent]] = None
    "New set of event types (at least one)."
    enabled: Optional[bool] = None
    "Enable or pause deliveries."


class WebhookWhere(BaseModel):
    """Filter webhooks (every field is an indexed column)."""

    enabled: Optional[bool] = None
    "Enabled or disabled."
    customer_id: Optional["KeyFilter"] = Field(alias="customerId", default=None)
    "Owning customer (webhooks.customer_id)."


class WorkspaceArchiveInput(BaseModel):
    """The workspace to archive (its owner only)."""

    workspace_id: int = Field(alias="workspaceId")
    "The workspace (workspaces.id)."


class WorkspaceCreateInput(BaseModel):
    """A new team or enterprise workspace, owned by the viewer."""

    name: str
    "1 to 128 characters."
    type_: WorkspaceType = Field(alias="type", default=WorkspaceType.TEAM)
    "TEAM or ENTERPRISE (a personal workspace comes with each customer)."
    description: Optional[str] = None
    "Free text (at most 4000 characters)."


class WorkspaceDeleteInput(BaseModel):
    """The team or enterprise workspace to delete (its owner only)."""

    workspace_id: int = Field(alias="workspaceId")
    "The workspace (workspaces.id)."


class WorkspaceLeaveInput(BaseModel):
    """The workspace the viewer leaves."""

    workspace_id: int = Field(alias="workspaceId")
    "The workspace (workspaces.id)."


class WorkspaceMemberAddInput(BaseModel):
    """A customer to add to a team or enterprise workspace, named by exactly one of customerId and username."""

    workspace_id: int = Field(alias="workspaceId")
    "The workspace (workspaces.id)."
    customer_id: Optional[int] = Field(alias="customerId", default=None)
    "The customer to add (customers.id)."
    username: Optional[str] = None
    "The customer to add, by username (case-insensitive)."
    role: WorkspaceRole = WorkspaceRole.MEMBER
    "ADMIN (owner only), MEMBER or VIEWER; never OWNER."


class WorkspaceMemberRemoveInput(BaseModel):
    """The member to remove from a workspace."""

    workspace_id: int = Field(alias="workspaceId")
    "The workspace (workspaces.id)."
    customer_id: int = Field(alias="customerId")
    "The member's customer key (customers.id)."


class WorkspaceMemberRoleChangeInput(BaseModel):
    """A member's new role."""

    workspace_id: int = Field(alias="workspaceId")
    "The workspace (workspaces.id)."
    customer_id: int = Field(alias="customerId")
    "The member's customer key (customers.id)."
    role: WorkspaceRole
    "ADMIN, MEMBER or VIEWER (admins: MEMBER or VIEWER); OWNER only through workspaceOwnershipTransfer."


class WorkspaceMemberWhere(BaseModel):
    """Filter workspace memberships (every field is an indexed column)."""

    workspace_id: Optional["KeyFilter"] = Field(alias="workspaceId", default=None)
    "The workspace key (workspace_members.workspace_id)."
    customer_id: Optional["KeyFilter"] = Field(alias="customerId", default=None)
    "The member's customer key (workspace_members.customer_id)."
    role: Optional["WorkspaceRoleEnumFilter"] = None
    "The member's role."


class WorkspaceOwnershipTransferInput(BaseModel):
    """The active member to become the workspace's owner."""

    workspace_id: int = Field(alias="workspaceId")
    "The workspace (workspaces.id)."
    new_owner_id: int = Field(alias="newOwnerId")
    "The new owner's customer key (customers.id); an active member."


class WorkspaceRoleEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[WorkspaceRole] = None
    "Equal to."
    in_: Optional[list[WorkspaceRole]] = Field(alias="in", default=None)
    "One of."


class WorkspaceStatusEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[WorkspaceStatus] = None
    "Equal to."
    in_: Optional[list[WorkspaceStatus]] = Field(alias="in", default=None)
    "One of."


class WorkspaceTypeEnumFilter(BaseModel):
    """Match a status/enum column."""

    eq: Optional[WorkspaceType] = None
    "Equal to."
    in_: Optional[list[WorkspaceType]] = Field(alias="in", default=None)
    "One of."


class WorkspaceUpdateInput(BaseModel):
    """New settings of a workspace (owner or admin members); an absent field is left alone, a null description clears it."""

    workspace_id: int = Field(alias="workspaceId")
    "The workspace (workspaces.id)."
    name: Optional[str] = None
    "1 to 128 characters."
    description: Optional[str] = None
    "Free text (at most 4000 characters)."


class WorkspaceWhere(BaseModel):
    """Filter workspaces (every field is an indexed column)."""

    type_: Optional["WorkspaceTypeEnumFilter"] = Field(alias="type", default=None)
    "Personal, team or enterprise."
    status: Optional["WorkspaceStatusEnumFilter"] = None
    "Active or archived."
    owner_id: Optional["KeyFilter"] = Field(alias="ownerId", default=None)
    "The owner's customer key (workspaces.owner_id)."


AlertRecordWhere.model_rebuild()
AlertRuleWhere.model_rebuild()
ArtifactWhere.model_rebuild()
AuditLogWhere.model_rebuild()
BillingRecordWhere.model_rebuild()
CommentWhere.model_rebuild()
CustomerWhere.model_rebuild()
DatasetMountWhere.model_rebuild()
DatasetVersionWhere.model_rebuild()
DatasetWhere.model_rebuild()
EnvironmentMetricWhere.model_rebuild()
EnvironmentWhere.model_rebuild()
GpuMetricWhere.model_rebuild()
GpuWhere.model_rebuild()
HostMetricWhere.model_rebuild()
HostRegisterInput.model_rebuild()
HostWhere.model_rebuild()
ImageWhere.model_rebuild()
InferenceServiceWhere.model_rebuild()
InvoiceWhere.model_rebuild()
IssueWhere.model_rebuild()
JobRunWhere.model_rebuild()
MetricWhere.model_rebuild()
MetricsReportInput.model_rebuild()
ModelVersionWhere.model_rebuild()
ModelWhere.model_rebuild()
NotificationWhere.model_rebuild()
PortMappingWhere.model_rebuild()
RequirementWhere.model_rebuild()
ResourceQuotaWhere.model_rebuild()
SystemConfigWhere.model_rebuild()
TrainingJobWhere.model_rebuild()
WebhookLogWhere.model_rebuild()
WebhookWhere.model_rebuild()
WorkspaceMemberWhere.model_rebuild()
WorkspaceWhere.model_rebuild()
