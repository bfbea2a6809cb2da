"""Optional OpenTelemetry tracing: a span per HTTP request and per SQL statement.

Off by default (REMOTEGPU_TRACING). It needs the `tracing` extra
(`pip install 'remotegpu[tracing]'`); spans go over OTLP/HTTP to REMOTEGPU_OTLP_ENDPOINT, or
where the SDK's own OTEL_EXPORTER_OTLP_* variables say when that is unset.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.middleware import Middleware

from remotegpu.settings import Settings

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider

SERVICE_NAME = "remotegpu"
# Probes and scrapes would drown the traces of real requests.
EXCLUDED_URLS = "healthz,readyz,metrics"


class TracingUnavailableError(RuntimeError):
    """REMOTEGPU_TRACING is on but the `tracing` extra is not installed."""


def tracer_provider(settings: Settings) -> TracerProvider:
    """The provider exporting this process's spans in batches over OTLP/HTTP."""
    try:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor
    except ImportError:
        raise TracingUnavailableError(
            "REMOTEGPU_TRACING needs the tracing extra: pip install 'remotegpu[tracing]'"
        ) from None
    provider = TracerProvider(resource=Resource.create({"service.name": SERVICE_NAME}))
    exporter = OTLPSpanExporter(endpoint=settings.otlp_endpoint)
    provider.add_span_processor(BatchSpanProcessor(exporter))
    return provider


def tracing_middleware(engine: AsyncEngine, provider: TracerProvider) -> Middleware:
    """Instrument the engine's statements; return the ASGI middleware of request spans."""
    from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

    # The instrumentation declares SQLAlchemy < 2.1 although it only listens to engine events,
    # which 2.1 keeps; without skipping the check it would instrument nothing (the tracing
    # test proves the statement spans appear).
    SQLAlchemyInstrumentor().instrument(
        engine=engine.sync_engine, tracer_provider=provider, skip_dep_check=True
    )
    return Middleware(
        OpenTelemetryMiddleware,
        tracer_provider=provider,
        excluded_urls=EXCLUDED_URLS,
        # One span per request, not one more per ASGI message.
        exclude_spans=["receive", "send"],
    )
