"""Payload of metricsReport."""

from __future__ import annotations

import strawberry

from remotegpu.schema.types.payload import Payload, payload


@payload(
    "What metricsReport stored: all of the batch, or (with errors) none.",
    errors="Why nothing was written (empty on success).",
)
class MetricsReportPayload(Payload):
    host_samples: int = strawberry.field(default=0, description="host_metrics rows written.")
    gpu_samples: int = strawberry.field(default=0, description="gpu_metrics rows written.")
    environment_samples: int = strawberry.field(
        default=0, description="environment_metrics rows written."
    )
