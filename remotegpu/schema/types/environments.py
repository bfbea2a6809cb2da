"""Types of the `environments` area: Environment and PortMapping."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from remotegpu.db import models as m
from remotegpu.db.models.metric_rollups import ENVIRONMENT
from remotegpu.schema.enums import EnvironmentStatus, PortMappingStatus, PortServiceType
from remotegpu.schema.inputs.billing import BILLING_RECORD_ORDERINGS, BillingRecordWhere
from remotegpu.schema.inputs.environments import (
    PORT_MAPPING_ORDERINGS,
    PortMappingOrder,
    PortMappingWhere,
)
from remotegpu.schema.inputs.hosts import GPU_ORDERINGS, GpuOrder, GpuWhere
from remotegpu.schema.inputs.metrics import METRIC_ORDERINGS_ENV, MetricWhere
from remotegpu.schema.inputs.storage import DATASET_MOUNT_ORDERINGS, DatasetMountWhere
from remotegpu.schema.inputs.workloads import TRAINING_JOB_ORDERINGS, TrainingJobWhere
from remotegpu.schema.node import Node
from remotegpu.schema.relations import children, reference
from remotegpu.schema.scalars import BigInt
from remotegpu.schema.types.base import col, from_row, table_doc
from remotegpu.schema.types.hosts import Gpu, Host
from remotegpu.schema.types.metric_series import MetricSeries, metric_series_field

if TYPE_CHECKING:
    from remotegpu.schema.types.billing import BillingRecord
    from remotegpu.schema.types.customers import Customer
    from remotegpu.schema.types.metrics import EnvironmentMetric
    from remotegpu.schema.types.storage import DatasetMount, Image
    from remotegpu.schema.types.workloads import TrainingJob
    from remotegpu.schema.types.workspaces import Workspace

CustomerT = Annotated["Customer", strawberry.lazy("remotegpu.schema.types.customers")]
WorkspaceT = Annotated["Workspace", strawberry.lazy("remotegpu.schema.types.workspaces")]
ImageT = Annotated["Image", strawberry.lazy("remotegpu.schema.types.storage")]
DatasetMountT = Annotated["DatasetMount", strawberry.lazy("remotegpu.schema.types.storage")]
EnvironmentMetricT = Annotated[
    "EnvironmentMetric", strawberry.lazy("remotegpu.schema.types.metrics")
]
BillingRecordT = Annotated["BillingRecord", strawberry.lazy("remotegpu.schema.types.billing")]
TrainingJobT = Annotated["TrainingJob", strawberry.lazy("remotegpu.schema.types.workloads")]
# Declared below Environment, which connects to it.
PortMappingT = Annotated["PortMapping", strawberry.lazy("remotegpu.schema.types.environments")]

T = "environments"


@strawberry.type(description=table_doc("environments"))
class Environment(Node):
    row_id: str = col(T, "id")
    user_id: int = col(T, "user_id")
    host_id: str = col(T, "host_id")
    name: str = col(T, "name")
    description: str | None = col(T, "description")
    image_name: str = col(T, "image")
    status: EnvironmentStatus | None = col(T, "status")
    cpu: int = col(T, "cpu")
    memory: BigInt = col(T, "memory")
    gpu: int | None = col(T, "gpu")
    storage: BigInt | None = col(T, "storage")
    ssh_port: int | None = col(T, "ssh_port")
    rdp_port: int | None = col(T, "rdp_port")
    jupyter_port: int | None = col(T, "jupyter_port")
    container_id: str | None = col(T, "container_id")
    pod_name: str | None = col(T, "pod_name")
    created_at: datetime | None = col(T, "created_at")
    updated_at: datetime | None = col(T, "updated_at")
    started_at: datetime | None = col(T, "started_at")
    stopped_at: datetime | None = col(T, "stopped_at")
    workspace_id: int | None = col(T, "workspace_id")

    owner = reference(
        CustomerT,
        "customers.customer_by_id",
        "user_id",
        description="The customer owning this environment (environments.user_id).",
    )
    workspace = reference(
        WorkspaceT,
        "workspaces.workspace_by_id",
        "workspace_id",
        description="The workspace this environment belongs to; null for personal ones.",
    )
    host = reference(
        Host, "hosts.host_by_id", "host_id", description="The host this environment is placed on."
    )
    image = reference(
        ImageT,
        "storage.image_by_name",
        "image",
        attr="image_name",
        description="The image this environment runs (images.name = image).",
    )
    port_mappings = children(
        PortMappingT,
        "environments.port_mappings_page_by_env_id",
        PORT_MAPPING_ORDERINGS,
        PortMappingWhere,
        default=PortMappingOrder.EXTERNAL_PORT_ASC,
        description="Gateway ports mapped to services of this environment.",
    )
    gpus = children(
        Gpu,
        "hosts.gpus_page_by_allocated_to",
        GPU_ORDERINGS,
        GpuWhere,
        default=GpuOrder.HOST_AND_INDEX,
        description="GPUs allocated to this environment (gpus.allocated_to).",
    )
    dataset_mounts = children(
        DatasetMountT,
        "storage.dataset_usage_page_by_env_id",
        DATASET_MOUNT_ORDERINGS,
        DatasetMountWhere,
        nullable=True,
        description="Datasets mounted into this environment (dataset_usage).",
    )
    metrics = children(
        EnvironmentMetricT,
        "metrics.environment_metrics_page_by_env_id",
        METRIC_ORDERINGS_ENV,
        MetricWhere,
        description="Resource samples of this environment, newest first.",
    )
    billing_records = children(
        BillingRecordT,
        "billing.billing_records_page_by_env_id",
        BILLING_RECORD_ORDERINGS,
        BillingRecordWhere,
        nullable=True,
        description="Billing records charged for this environment.",
    )
    training_jobs = children(
        TrainingJobT,
        "workloads.training_jobs_page_by_env_id",
        TRAINING_JOB_ORDERINGS,
        TrainingJobWhere,
        nullable=True,
        description="Training jobs running in this environment.",
    )

    metric_series: list[MetricSeries] | None = metric_series_field(
        ENVIRONMENT, "Readable by whoever sees the environment."
    )

    @classmethod
    def from_row(cls, row: m.Environment) -> Environment:
        return from_row(cls, row, image_name=row.image)


P = "port_mappings"


@strawberry.type(description=table_doc("port_mappings"))
class PortMapping(Node):
    row_id: int = col(P, "id")
    env_id: str = col(P, "env_id")
    service_type: PortServiceType = col(P, "service_type")
    external_port: int = col(P, "external_port")
    internal_port: int = col(P, "internal_port")
    status: PortMappingStatus | None = col(P, "status")
    allocated_at: datetime | None = col(P, "allocated_at")
    released_at: datetime | None = col(P, "released_at")

    environment = reference(
        Environment,
        "environments.environment_by_id",
        "env_id",
        description="The environment this port is mapped to.",
    )

    @classmethod
    def from_row(cls, row: m.PortMapping) -> PortMapping:
        return from_row(cls, row)
