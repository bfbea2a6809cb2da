"""Prometheus metrics and the /metrics endpoint.

Under several uvicorn workers each process writes its samples to PROMETHEUS_MULTIPROC_DIR
(set by `remotegpu serve` before the workers start, see cli.py) and /metrics merges them, so a
scrape sees the whole server whichever worker answers it.
"""

from __future__ import annotations

import os
import re
import threading

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.responses import Response

from remotegpu.settings import Settings

# --- GraphQL operations -------------------------------------------------------------------

GRAPHQL_OPERATIONS = Counter(
    "remotegpu_graphql_operations_total",
    "GraphQL operations served, by operation name, type and outcome "
    "(ok, rejected: refused before execution, bad_input, error: an unexpected failure).",
    ["operation", "type", "outcome"],
)
GRAPHQL_DURATION = Histogram(
    "remotegpu_graphql_operation_duration_seconds",
    "Wall time of one GraphQL operation, parse to result.",
    ["operation", "type"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
GRAPHQL_SQL_STATEMENTS = Histogram(
    "remotegpu_graphql_sql_statements",
    "SQL statements sent to PostgreSQL by one GraphQL operation.",
    ["operation", "type"],
    buckets=(0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 100),
)

# --- Host agents' plain routes (/agent/v1/...) ------------------------------------------

AGENT_REQUESTS = Counter(
    "remotegpu_agent_requests_total",
    "Requests to the host agents' routes, by route and HTTP status.",
    ["route", "status"],
)
AGENT_DURATION = Histogram(
    "remotegpu_agent_request_duration_seconds",
    "Wall time of one request to a host agents' route, body read to response built.",
    ["route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)

# --- Database pool ------------------------------------------------------------------------
# "livesum": the server-wide figure is the sum over the worker processes alive now.

DB_POOL_IN_USE = Gauge(
    "remotegpu_db_pool_connections_in_use",
    "Connections checked out of the SQLAlchemy pool.",
    multiprocess_mode="livesum",
)
DB_POOL_LIMIT = Gauge(
    "remotegpu_db_pool_connections_limit",
    "Most connections the pool may open (pool size + max overflow).",
    multiprocess_mode="livesum",
)

# --- Jobs ---------------------------------------------------------------------------------
# Recorded by remotegpu/jobs/runs.py around every run, in whichever process runs the worker
# (`remotegpu worker`, or `serve`'s in-process worker thread).

JOB_RUNS = Counter(
    "remotegpu_job_runs_total",
    "Platform job runs finished, by job and outcome (succeeded, failed).",
    ["job", "outcome"],
)
JOB_DURATION = Histogram(
    "remotegpu_job_run_duration_seconds",
    "Wall time of one job run, its transaction included.",
    ["job"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60, 300),
)
JOB_ROWS = Counter(
    "remotegpu_job_rows_touched_total",
    "Rows written or removed by successful job runs.",
    ["job"],
)
JOBS_RUNNING = Gauge(
    "remotegpu_jobs_running",
    "Job runs in progress now.",
    ["job"],
    multiprocess_mode="livesum",
)

# --- Subscriptions --------------------------------------------------------------------------
# The open-subscriptions gauge belongs here when subscriptions land
# (remotegpu_subscriptions_active); keep multiprocess_mode="livesum".

# Operation names come from clients: keep the label set bounded so a client that invents a
# name per request cannot grow the metrics without limit.
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
MAX_OPERATION_NAMES = 500
_seen_names: set[str] = set()
_seen_lock = threading.Lock()


def operation_label(name: str | None) -> str:
    if not name:
        return "anonymous"
    if not _NAME.fullmatch(name):
        return "other"
    with _seen_lock:
        if name in _seen_names:
            return name
        if len(_seen_names) >= MAX_OPERATION_NAMES:
            return "other"
        _seen_names.add(name)
        return name


def metrics_endpoint(settings: Settings) -> Response:
    """The Prometheus text exposition of this process, or of every worker when multiprocess."""
    if settings.prometheus_multiproc_dir is not None:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(  # type: ignore[no-untyped-call]
            registry, path=str(settings.prometheus_multiproc_dir)
        )
    else:
        registry = REGISTRY
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)


def mark_this_process_dead(settings: Settings) -> None:
    """Drop this worker's live gauges from the shared directory when it shuts down."""
    if settings.prometheus_multiproc_dir is not None:
        path = str(settings.prometheus_multiproc_dir)
        multiprocess.mark_process_dead(os.getpid(), path=path)  # type: ignore[no-untyped-call]
