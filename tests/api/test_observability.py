"""Operations: /metrics, JSON access lines, request ids, tracebacks logged once."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.app import create_app
from remotegpu.observability.logs import RequestIdFilter, json_formatter
from tests.conftest import app_client, make_settings
from tests.live import live_server

SYSTEM_INFO = "query SystemInfo { systemInfo { name version } }"
BROKEN = "query Broken { systemInfo { nme } }"
OPERATIONS_SAMPLE = re.compile(
    r'^remotegpu_graphql_operations_total\{operation="(?P<op>[^"]*)",outcome="(?P<outcome>[^"]*)",'
    r'type="(?P<type>[^"]*)"\} (?P<value>[0-9.e+]+)$',
    re.MULTILINE,
)


def operations_count(metrics_text: str, operation: str, outcome: str) -> float:
    return sum(
        float(m["value"])
        for m in OPERATIONS_SAMPLE.finditer(metrics_text)
        if m["op"] == operation and m["outcome"] == outcome
    )


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """Every record of the process, formatted as the server formats it, into a buffer."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(json_formatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield buffer
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)


def log_lines(buffer: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]


async def test_metrics_after_operations_counts_them_by_name_and_outcome(
    client: httpx.AsyncClient,
) -> None:
    before = (await client.get("/metrics")).text
    await client.post("/graphql", json={"query": SYSTEM_INFO})
    await client.post("/graphql", json={"query": SYSTEM_INFO})
    await client.post("/graphql", json={"query": BROKEN})
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    after = response.text
    ok = operations_count(after, "SystemInfo", "ok") - operations_count(before, "SystemInfo", "ok")
    rejected = operations_count(after, "Broken", "rejected") - operations_count(
        before, "Broken", "rejected"
    )
    assert (ok, rejected) == (2, 1)
    for family in (
        "remotegpu_graphql_operation_duration_seconds_bucket",
        "remotegpu_graphql_sql_statements_bucket",
        "remotegpu_db_pool_connections_in_use",
        "remotegpu_db_pool_connections_limit",
    ):
        assert family in after


async def test_metrics_setting_off_has_no_endpoint(migrated_url: str) -> None:
    async for client in app_client(create_app(make_settings(metrics=False), migrated_url)):
        assert (await client.get("/metrics")).status_code == 404


async def test_request_id_valid_header_is_echoed_and_logged(
    client: httpx.AsyncClient, json_log: io.StringIO
) -> None:
    response = await client.post(
        "/graphql", json={"query": SYSTEM_INFO}, headers={"X-Request-ID": "edge-7f3a.42:x"}
    )
    assert response.headers["X-Request-ID"] == "edge-7f3a.42:x"
    access = [line for line in log_lines(json_log) if line["logger"] == "remotegpu.access"]
    assert len(access) == 1
    assert access[0]["request_id"] == "edge-7f3a.42:x"


@pytest.mark.parametrize("header", ["has spaces", "x" * 129, "semi;colon", ""])
async def test_request_id_unsafe_header_is_replaced(client: httpx.AsyncClient, header: str) -> None:
    response = await client.get("/healthz", headers={"X-Request-ID": header})
    returned = response.headers["X-Request-ID"]
    assert returned != header
    assert re.fullmatch(r"[0-9a-f]{32}", returned)


async def test_request_id_absent_is_made_and_differs_per_request(
    client: httpx.AsyncClient,
) -> None:
    first = (await client.get("/healthz")).headers["X-Request-ID"]
    second = (await client.get("/healthz")).headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


async def test_graphql_operation_writes_one_json_access_line(
    client: httpx.AsyncClient, json_log: io.StringIO
) -> None:
    response = await client.post("/graphql", json={"query": SYSTEM_INFO})
    request_id = response.headers["X-Request-ID"]
    access = [line for line in log_lines(json_log) if line["logger"] == "remotegpu.access"]
    assert len(access) == 1
    line = access[0]
    assert line["message"] == "graphql operation"
    assert line["operation"] == "SystemInfo"
    assert line["operation_type"] == "query"
    assert line["outcome"] == "ok"
    assert line["viewer_id"] is None
    assert line["statements"] >= 1  # systemInfo reads system_configs
    assert line["duration_ms"] > 0
    assert line["query_cost"] == 3  # systemInfo, name and version: priced before execution
    assert line["request_id"] == request_id
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", line["timestamp"])
    assert line["level"] == "INFO"


async def test_unexpected_error_traceback_is_logged_once_with_the_request_id(
    client: httpx.AsyncClient, json_log: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def boom(*_: object, **__: object) -> None:
        raise RuntimeError("secret detail from the database layer")

    monkeypatch.setattr(AsyncSession, "execute", boom)
    response = await client.post(
        "/graphql", json={"query": SYSTEM_INFO}, headers={"X-Request-ID": "trace-once"}
    )
    assert response.json()["errors"][0]["extensions"]["requestId"] == "trace-once"
    # The test's own HTTP client logs too, outside any request: only the server's lines count.
    lines = [line for line in log_lines(json_log) if line["logger"] != "httpx"]
    with_traceback = [line for line in lines if "Traceback" in line.get("exc_info", "")]
    assert len(with_traceback) == 1
    assert "secret detail" in with_traceback[0]["exc_info"]
    assert all(line["request_id"] == "trace-once" for line in lines)
    access = [line for line in lines if line["logger"] == "remotegpu.access"]
    assert access[0]["outcome"] == "error"


async def test_metrics_two_workers_merge_every_process(migrated_url: str) -> None:
    # Each worker sets the pool-limit gauge (20 + 40) when it starts: 120 means both are up and
    # /metrics merges their samples, whichever of them answers the scrape.
    both_up = "remotegpu_db_pool_connections_limit 120.0"
    async with live_server(migrated_url, workers=2) as client:
        for _ in range(600):
            if both_up in (await client.get("/metrics")).text:
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError("the second worker did not start")
        responses = await asyncio.gather(
            *(client.post("/graphql", json={"query": SYSTEM_INFO}) for _ in range(40))
        )
        assert all(r.status_code == 200 for r in responses)
        for _ in range(3):
            text = (await client.get("/metrics")).text
            assert operations_count(text, "SystemInfo", "ok") == 40
            assert both_up in text


async def test_tracing_on_records_request_and_sql_spans(
    migrated_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    from remotegpu.observability import tracing

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    # The real provider exports over OTLP; this one keeps the spans for the test to read.
    monkeypatch.setattr(tracing, "tracer_provider", lambda _settings: provider)
    try:
        app = create_app(make_settings(tracing=True), migrated_url)
        async for client in app_client(app):
            await client.get("/healthz")  # excluded: probes make no traces
            response = await client.post("/graphql", json={"query": SYSTEM_INFO})
            assert response.status_code == 200
    finally:
        SQLAlchemyInstrumentor().uninstrument()
    spans = exporter.get_finished_spans()
    server = [s for s in spans if s.kind.name == "SERVER"]
    assert [s.name for s in server] == ["POST /graphql"]
    sql = [s for s in spans if "system_configs" in str(s.attributes.get("db.statement", ""))]
    assert sql, [s.name for s in spans]
    # The statement's span belongs to the request's trace.
    assert {s.context.trace_id for s in sql} == {server[0].context.trace_id}


async def test_tracing_off_by_default_records_nothing(client: httpx.AsyncClient) -> None:
    from opentelemetry import trace

    await client.post("/graphql", json={"query": SYSTEM_INFO})
    assert make_settings().tracing is False
    # No provider was ever installed globally: the API's default is a no-op proxy.
    assert type(trace.get_tracer_provider()).__name__ == "ProxyTracerProvider"


def test_operation_label_unsafe_or_too_many_names_are_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from remotegpu.observability import metrics

    monkeypatch.setattr(metrics, "_seen_names", set())
    monkeypatch.setattr(metrics, "MAX_OPERATION_NAMES", 2)
    assert metrics.operation_label(None) == "anonymous"
    assert metrics.operation_label('Bad"Name') == "other"
    assert [metrics.operation_label(n) for n in ("A", "B", "C", "A")] == ["A", "B", "other", "A"]


def test_serve_metrics_dir_given_removes_only_stale_samples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from remotegpu.cli import _prepare_metrics_dir

    (tmp_path / "counter_123.db").write_bytes(b"stale")
    (tmp_path / "notes.txt").write_text("not ours")
    # Recorded by monkeypatch first, so the variable _prepare_metrics_dir sets is undone too.
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", "unset-after-test")
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR")
    _prepare_metrics_dir(make_settings(prometheus_multiproc_dir=tmp_path), workers=4)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert os.environ["PROMETHEUS_MULTIPROC_DIR"] == str(tmp_path)


def test_serve_metrics_dir_one_worker_needs_none(monkeypatch: pytest.MonkeyPatch) -> None:
    from remotegpu.cli import _prepare_metrics_dir

    # Recorded by monkeypatch first, so the variable _prepare_metrics_dir sets is undone too.
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", "unset-after-test")
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR")
    _prepare_metrics_dir(make_settings(), workers=1)
    assert "PROMETHEUS_MULTIPROC_DIR" not in os.environ
