"""Mutations of the `metrics` area: a host agent's batch of samples."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import strawberry

from remotegpu.context import Context
from remotegpu.domain.metrics_ingest import MetricsBatch, ingest
from remotegpu.resolvers.mutate import attribute, mutate
from remotegpu.schema.inputs.metrics_report import MetricsReportInput, sample_columns
from remotegpu.schema.types.metrics_payloads import MetricsReportPayload

Info = strawberry.Info[Context, Any]


@strawberry.type
class MetricsMutation:
    @strawberry.mutation(
        description=(
            "Report a batch of samples of one host, its GPUs and its environments (the host's "
            "agent, or an admin). Every GPU and environment must be on the host and every "
            "value in range; otherwise nothing is written and errors say which sample."
        )
    )
    async def metrics_report(self, info: Info, input: MetricsReportInput) -> MetricsReportPayload:
        ctx = info.context
        batch = MetricsBatch(
            host_id=input.host_id,
            host_samples=[sample_columns(s) for s in input.host_samples],
            gpu_samples=[sample_columns(s) for s in input.gpu_samples],
            environment_samples=[sample_columns(s) for s in input.environment_samples],
        )

        # Agent tokens carry the agent scope, not write: the domain checks who may report.
        return await mutate(
            info,
            "metrics.report",
            lambda session, viewer: ingest(
                session,
                viewer,
                batch,
                max_samples=ctx.settings.metrics_batch_max,
                now=datetime.now(UTC),
            ),
            MetricsReportPayload,
            resource_type="host",
            resource_id=input.host_id,
            require_write=False,
            audit_id=lambda _done: input.host_id,
            host_samples=attribute("host_samples"),
            gpu_samples=attribute("gpu_samples"),
            environment_samples=attribute("environment_samples"),
        )
