"""Payload of metricsReport."""

from __future__ import annotations

import strawberry

from remotegpu.schema.errors import UserError


@strawberry.type(description="What metricsReport stored: all of the batch, or (with errors) none.")
class MetricsReportPayload:
    host_samples: int = strawberry.field(default=0, description="host_metrics rows written.")
    gpu_samples: int = strawberry.field(default=0, description="gpu_metrics rows written.")
    environment_samples: int = strawberry.field(
        default=0, description="environment_metrics rows written."
    )
    errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why nothing was written (empty on success)."
    )
