"""Descriptions of enum values, applied to the assembled schema (see api.py).

Orderings (`<Type>Order`) repeat one pattern, so their values are described from their names
(`CREATED_AT_DESC`: "By creation time, newest first"). The other enums are listed here by
GraphQL name rather than beside their classes: their classes are the domain's StrEnums
(remotegpu/domain/enums.py, which knows no GraphQL), whose members must stay plain strings
(the domain compares them with stored values). Every value must be described:
tests/test_codegen.py checks it.
"""

from __future__ import annotations

from graphql import GraphQLEnumType, GraphQLSchema

from remotegpu.domain.events import WEBHOOK_EVENTS, describe

# Words of an ordering's column, where the plain words read badly.
_COLUMN_WORDS = {
    "ID": "table key",
    "CREATED_AT": "creation time",
    "JOINED_AT": "joining time",
    "ALLOCATED_AT": "allocation time",
    "MOUNTED_AT": "mount time",
    "TRIGGERED_AT": "trigger time",
    "START_TIME": "start of the billed interval",
    "PERIOD": "billing period",
    "USER_ID": "customer's table key",
}
_TIME_COLUMNS = {"CREATED_AT", "JOINED_AT", "ALLOCATED_AT", "MOUNTED_AT", "TRIGGERED_AT"}
_SPECIAL_ORDERINGS = {"HOST_AND_INDEX": "By host, then by GPU index on the host."}


def ordering_description(value: str) -> str:
    if value in _SPECIAL_ORDERINGS:
        return _SPECIAL_ORDERINGS[value]
    column, _, direction = value.rpartition("_")
    words = _COLUMN_WORDS.get(column, column.lower().replace("_", " "))
    if column in _TIME_COLUMNS or column in {"START_TIME", "PERIOD"}:
        way = "newest first" if direction == "DESC" else "oldest first"
    else:
        way = "descending" if direction == "DESC" else "ascending"
    return f"By {words}, {way}."


_ONLINE_OFFLINE = "agent heartbeats"
VALUE_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "HostStatus": {
        "ONLINE": f"Reachable ({_ONLINE_OFFLINE} arrive); accepts new environments.",
        "OFFLINE": "No heartbeat for 180 s; accepts no new environments.",
        "MAINTENANCE": "Taken out of service by an admin; accepts no new environments.",
    },
    "HostHealthStatus": {
        "HEALTHY": "Working normally.",
        "DEGRADED": "Working with reduced capacity or performance.",
        "UNHEALTHY": "Not working properly; no new placements.",
        "ERROR": "Failed.",
        "UNKNOWN": "No health report yet.",
    },
    "OsType": {"LINUX": "Linux.", "WINDOWS": "Windows (environments also get an RDP port)."},
    "DeploymentMode": {
        "TRADITIONAL": "Containers or VMs run directly by the host agent.",
        "KUBERNETES": "Workloads scheduled through Kubernetes.",
    },
    "GpuStatus": {
        "AVAILABLE": "Free; can be allocated when healthy.",
        "ALLOCATED": "Held by an environment (`allocatedTo`).",
        "MAINTENANCE": "Taken out of service by an admin.",
        "ERROR": "Failed; not allocatable.",
    },
    "GpuAdminStatus": {
        "AVAILABLE": "Return the GPU to service.",
        "MAINTENANCE": "Take the GPU out of service.",
        "ERROR": "Mark the GPU as failed.",
    },
    "GpuHealthStatus": {
        "HEALTHY": "Working normally.",
        "DEGRADED": "Working with reduced performance.",
        "ERROR": "Failed.",
    },
    "HeartbeatHealthStatus": {
        "HEALTHY": "The host works normally.",
        "DEGRADED": "The host works with reduced capacity or performance.",
        "UNHEALTHY": "The host does not work properly.",
    },
    "EnvironmentStatus": {
        "CREATING": "Placed and holding resources; the host agent is starting it.",
        "RUNNING": "Started; holds CPU, memory, GPUs and ports.",
        "STOPPED": "Stopped: CPU, memory and GPUs released, ports kept.",
        "ERROR": "Failed to start or crashed.",
        "DELETING": "Being deleted; resources are being released.",
        "DELETED": "Deleted (terminal); kept for history.",
    },
    "EnvironmentReportedStatus": {
        "RUNNING": "The environment started.",
        "ERROR": "The environment failed.",
    },
    "PortServiceType": {
        "SSH": "SSH access.",
        "RDP": "Remote desktop (Windows hosts).",
        "JUPYTER": "Jupyter notebook server.",
        "CUSTOM": "Any other service.",
    },
    "PortMappingStatus": {
        "ACTIVE": "The external port forwards to the environment.",
        "RELEASED": "Freed when the environment was deleted; kept for history.",
    },
    "StorageStatus": {
        "UPLOADING": "Created; files are still being uploaded.",
        "READY": "Complete; can be mounted and used.",
        "ERROR": "The upload or processing failed.",
    },
    "StorageVisibility": {
        "PRIVATE": "Only the owner.",
        "WORKSPACE": "Members of its workspace.",
        "PUBLIC": "Everyone.",
    },
    "StorageType": {
        "MINIO": "A MinIO object store.",
        "S3": "Amazon S3 or a compatible store.",
        "NFS": "An NFS share.",
    },
    "ImageStatus": {
        "ACTIVE": "Can start new environments.",
        "DEPRECATED": "Kept for existing environments; cannot start new ones.",
    },
    "ArtifactType": {
        "MODEL": "Trained model weights.",
        "CHECKPOINT": "A training checkpoint.",
        "LOG": "A log file.",
        "REPORT": "A report (evaluation, profiling...).",
    },
    "ArtifactSourceType": {
        "TRAINING_JOB": "Produced by a training job.",
        "INFERENCE_SERVICE": "Produced by an inference service.",
        "ENVIRONMENT": "Produced in an environment.",
    },
    "UserType": {
        "ADMIN": "Platform administrator: sees and manages everything.",
        "INTERNAL": "Staff: can be assigned tickets and move them on.",
        "EXTERNAL": "A customer.",
    },
    "AccountType": {"INDIVIDUAL": "A person.", "ENTERPRISE": "A company account."},
    "CustomerStatus": {
        "ACTIVE": "Can sign in and use the platform.",
        "SUSPENDED": "Cannot sign in; data kept.",
        "DELETED": "Soft-deleted (terminal).",
    },
    "QuotaLevel": {
        "FREE": "Free tier limits.",
        "BASIC": "Basic plan limits.",
        "PRO": "Pro plan limits.",
        "ENTERPRISE": "Enterprise limits (negotiated).",
    },
    "WorkspaceType": {
        "PERSONAL": "One person's workspace.",
        "TEAM": "Shared by a team.",
        "ENTERPRISE": "Shared across a company.",
    },
    "WorkspaceStatus": {
        "ACTIVE": "In use.",
        "ARCHIVED": "Read-only; holds no live environments.",
    },
    "WorkspaceRole": {
        "OWNER": "The one owner: everything, including ownership transfer.",
        "ADMIN": "Manages members (not owners or admins) and resources.",
        "MEMBER": "Uses and creates resources.",
        "VIEWER": "Reads only.",
    },
    "WorkspaceMemberStatus": {
        "ACTIVE": "A member.",
        "INVITED": "Invited; not yet joined.",
        "SUSPENDED": "Membership suspended.",
    },
    "BillingResourceType": {
        "CPU": "CPU core-hours.",
        "MEMORY": "Memory GB-hours.",
        "GPU": "GPU-hours.",
        "STORAGE": "Storage GB-days.",
        "NETWORK": "Network traffic.",
    },
    "InvoiceStatus": {
        "PENDING": "Issued; not paid yet.",
        "PAID": "Paid (`paidAt`).",
        "OVERDUE": "Past its due date, unpaid.",
        "CANCELLED": "Cancelled (terminal).",
    },
    "ConfigType": {
        "STRING": "Text value.",
        "INTEGER": "Whole number stored as text.",
        "BOOLEAN": "true or false stored as text.",
        "JSON": "A JSON document stored as text.",
    },
    "TrainingJobStatus": {
        "PENDING": "Queued; higher priority runs first.",
        "RUNNING": "Running.",
        "COMPLETED": "Finished successfully (terminal).",
        "FAILED": "Finished with an error (terminal).",
        "CANCELLED": "Cancelled before finishing (terminal).",
    },
    "TrainingJobRunStatus": {
        "RUNNING": "The job started.",
        "COMPLETED": "The job finished successfully.",
        "FAILED": "The job finished with an error.",
    },
    "InferenceServiceStatus": {
        "CREATING": "Being deployed.",
        "RUNNING": "Serving requests.",
        "STOPPED": "Stopped; can be started again.",
        "ERROR": "Deployment failed.",
    },
    "InferenceServiceReportedStatus": {
        "RUNNING": "The service is serving.",
        "ERROR": "Deployment failed.",
    },
    "NotificationType": {
        "SYSTEM": "About the platform.",
        "ENVIRONMENT": "About one of your environments.",
        "BILLING": "About invoices and payments.",
        "ALERT": "An alert rule fired or resolved.",
    },
    "NotificationLevel": {
        "INFO": "For information.",
        "WARNING": "Needs attention.",
        "ERROR": "Something failed.",
    },
    "AlertComparison": {
        "GT": "Fires when the metric is greater than the threshold.",
        "LT": "Fires when the metric is less than the threshold.",
        "GTE": "Fires when the metric is greater than or equal to the threshold.",
        "LTE": "Fires when the metric is less than or equal to the threshold.",
        "EQ": "Fires when the metric equals the threshold.",
    },
    "JobRunOutcome": {
        "RUNNING": "Started and not finished yet.",
        "SUCCEEDED": "Finished; its work committed.",
        "FAILED": "Raised an error; its work rolled back (the queue retries it).",
        "ABANDONED": "Its worker died before it finished; nothing of it committed.",
    },
    "MetricBucket": {
        "MINUTE": "One-minute buckets, from raw samples (the last 7 days).",
        "HOUR": "One-hour buckets, from hourly roll-ups and not yet rolled-up samples.",
        "DAY": "One-day buckets, from daily roll-ups and not yet rolled-up samples.",
    },
    "AlertSeverity": {
        "INFO": "For information.",
        "WARNING": "Needs attention soon.",
        "CRITICAL": "Needs attention now.",
    },
    "AlertStatus": {
        "FIRING": "The condition holds.",
        "RESOLVED": "The condition cleared (`resolvedAt`).",
    },
    "AlertMetricType": {
        "CPU_USAGE": "CPU usage, percent.",
        "MEMORY_USAGE": "Memory usage, percent.",
        "GPU_USAGE": "GPU utilisation, percent.",
        "GPU_MEMORY_USAGE": "GPU memory usage, percent.",
        "GPU_TEMPERATURE": "GPU temperature, degrees Celsius.",
        "DISK_USAGE": "Disk usage, percent.",
        "NETWORK_RX": "Network traffic received.",
        "NETWORK_TX": "Network traffic sent.",
    },
    "IssueType": {"BUG": "Something is broken.", "QUESTION": "A question.", "FEATURE": "A wish."},
    "TicketPriority": {
        "LOW": "When there is time.",
        "MEDIUM": "Normal.",
        "HIGH": "Soon.",
        "CRITICAL": "Now: work is blocked.",
    },
    "IssueStatus": {
        "OPEN": "Reported; nobody works on it yet.",
        "IN_PROGRESS": "Staff work on it.",
        "RESOLVED": "Fixed or answered (`resolvedAt`); may be reopened.",
        "CLOSED": "Done (terminal).",
    },
    "RequirementStatus": {
        "SUBMITTED": "Submitted; not reviewed yet.",
        "REVIEWING": "Staff review it.",
        "APPROVED": "Accepted; work can start.",
        "IN_PROGRESS": "Being built.",
        "COMPLETED": "Delivered (`completedAt`, terminal).",
        "REJECTED": "Declined (terminal).",
    },
    "CommentResourceType": {"ISSUE": "On an issue.", "REQUIREMENT": "On a requirement."},
    "ApiTokenScope": {
        "READ": "Read what the owner may see.",
        "WRITE": "Change what the owner may change.",
        "AGENT": "A host agent reporting heartbeats and metrics of its one host.",
    },
    "WebhookEvent": {event.name: describe(event) for event in WEBHOOK_EVENTS},
    "ErrorCode": {
        "NOT_FOUND": "The object does not exist or the viewer may not see it.",
        "FORBIDDEN": "The viewer may see the object but not do this.",
        "UNAUTHENTICATED": "This needs a signed-in viewer.",
        "INVALID_INPUT": "An input value is malformed or out of range (see `field`).",
        "INVALID_CREDENTIALS": "Wrong login or password.",
        "INVALID_TOKEN": "The token is unknown, expired, revoked or already used.",
        "INVALID_TRANSITION": "The object's state does not allow this change.",
        "NO_CAPACITY": "No host has enough free CPU, memory or GPUs.",
        "NO_PORTS": "The port range of a service is exhausted.",
        "RETRY_LATER": "Concurrent changes aborted every attempt; nothing was written, send "
        "the same mutation again.",
        "QUOTA_EXCEEDED": "The owner's quota would be exceeded.",
        "CONFLICT": "It clashes with an existing object (a unique name, a duplicate).",
        "IDEMPOTENCY_CONFLICT": "The idempotency key was used with a different input.",
        "LAST_OWNER": "A workspace must keep exactly one owner.",
        "IN_USE": "Other objects still use it (live environments, open mounts).",
    },
    "WebhookDeliveryStatus": {
        "SUCCEEDED": "The endpoint answered 2xx.",
        "FAILED": "No 2xx answer: another status, a network error, a timeout or a refused address.",
    },
}


class UnknownEnumValueError(LookupError):
    """A description names an enum or value the schema does not have (a typo, a rename)."""


def describe_enum_values(schema: GraphQLSchema) -> None:
    enums = {
        name: type_
        for name, type_ in schema.type_map.items()
        if isinstance(type_, GraphQLEnumType) and not name.startswith("__")
    }
    for enum_name, descriptions in VALUE_DESCRIPTIONS.items():
        values = enums[enum_name].values if enum_name in enums else None
        unknown = sorted(set(descriptions) - set(values or ()))
        if values is None or unknown:
            raise UnknownEnumValueError(f"{enum_name}: {unknown or 'no such enum'}")
        for value_name, description in descriptions.items():
            if values[value_name].description is None:
                values[value_name].description = description
    for enum_name, enum in enums.items():
        if enum_name.endswith("Order"):
            for value_name, value in enum.values.items():
                if value.description is None:
                    value.description = ordering_description(value_name)
