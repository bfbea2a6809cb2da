"""SQLAlchemy models of the 32 RemoteGPU tables (logical references only, no relationships)."""

from remotegpu.db.models.activity import AuditLog, Notification
from remotegpu.db.models.alerts import AlertRecord, AlertRule
from remotegpu.db.models.base import Base
from remotegpu.db.models.billing import BillingRecord, Invoice
from remotegpu.db.models.config import SystemConfig
from remotegpu.db.models.customers import Customer, ResourceQuota
from remotegpu.db.models.environment_history import EnvironmentStatusHistory
from remotegpu.db.models.environments import Environment, PortMapping
from remotegpu.db.models.hosts import Gpu, Host
from remotegpu.db.models.identity import ApiToken, RefreshToken
from remotegpu.db.models.metric_rollups import ROLLUP_TABLES, JobWatermark
from remotegpu.db.models.metrics import EnvironmentMetric, GpuMetric, HostMetric
from remotegpu.db.models.operations import EventOutbox, IdempotencyKey, TicketSequence
from remotegpu.db.models.storage import (
    Artifact,
    Dataset,
    DatasetUsage,
    DatasetVersion,
    Image,
    MlModel,
    MlModelVersion,
)
from remotegpu.db.models.tickets import Comment, Issue, Requirement
from remotegpu.db.models.webhooks import Webhook, WebhookLog
from remotegpu.db.models.workloads import InferenceService, TrainingJob
from remotegpu.db.models.workspaces import Workspace, WorkspaceMember

# In the order of the migration files (02 .. 13) and of the tables within each file.
ALL_MODELS: tuple[type[Base], ...] = (
    SystemConfig,
    Customer,
    Workspace,
    WorkspaceMember,
    ResourceQuota,
    Host,
    Gpu,
    Environment,
    PortMapping,
    Dataset,
    DatasetVersion,
    MlModel,
    MlModelVersion,
    Image,
    HostMetric,
    GpuMetric,
    EnvironmentMetric,
    BillingRecord,
    Invoice,
    TrainingJob,
    InferenceService,
    Notification,
    AuditLog,
    AlertRule,
    AlertRecord,
    Webhook,
    WebhookLog,
    Issue,
    Requirement,
    Comment,
    DatasetUsage,
    Artifact,
)

# Identity tables (15_identity.sql): not part of the 32-table data model.
IDENTITY_MODELS: tuple[type[Base], ...] = (ApiToken, RefreshToken)
OPERATIONS_MODELS: tuple[type[Base], ...] = (IdempotencyKey, EventOutbox, TicketSequence)
# Jobs' tables (24, 25): watermarks and environment status history; roll-ups are Core tables.
JOBS_MODELS: tuple[type[Base], ...] = (JobWatermark, EnvironmentStatusHistory)

__all__ = [
    "ALL_MODELS",
    "IDENTITY_MODELS",
    "JOBS_MODELS",
    "OPERATIONS_MODELS",
    "ROLLUP_TABLES",
    "AlertRecord",
    "AlertRule",
    "ApiToken",
    "Artifact",
    "AuditLog",
    "Base",
    "BillingRecord",
    "Comment",
    "Customer",
    "Dataset",
    "DatasetUsage",
    "DatasetVersion",
    "Environment",
    "EnvironmentMetric",
    "EnvironmentStatusHistory",
    "EventOutbox",
    "Gpu",
    "GpuMetric",
    "Host",
    "HostMetric",
    "IdempotencyKey",
    "Image",
    "InferenceService",
    "Invoice",
    "Issue",
    "JobWatermark",
    "MlModel",
    "MlModelVersion",
    "Notification",
    "PortMapping",
    "RefreshToken",
    "Requirement",
    "ResourceQuota",
    "SystemConfig",
    "TicketSequence",
    "TrainingJob",
    "Webhook",
    "WebhookLog",
    "Workspace",
    "WorkspaceMember",
]
