"""Mutations of the `metrics` area: a host agent's batch of samples."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.context import Context
from remotegpu.domain.metrics_ingest import Ingested, MetricsBatch, ingest
from remotegpu.resolvers.support import run_mutation
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

        async def work(session: AsyncSession) -> tuple[Ingested, str]:
            done = await ingest(
                session, ctx.viewer, batch,
                max_samples=ctx.settings.metrics_batch_max, now=datetime.now(UTC),
            )  # fmt: skip
            return done, input.host_id

        # Agent tokens carry the agent scope, not write: the domain checks who may report.
        outcome = await run_mutation(
            info, "metrics.report", "host", work, resource_id=input.host_id, require_write=False
        )
        if outcome.value is None:
            return MetricsReportPayload(errors=outcome.errors)
        return MetricsReportPayload(
            host_samples=outcome.value.host_samples,
            gpu_samples=outcome.value.gpu_samples,
            environment_samples=outcome.value.environment_samples,
        )
