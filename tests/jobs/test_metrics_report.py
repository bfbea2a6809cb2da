"""metricsReport: a host agent's batch, checked whole and written one statement per table."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from remotegpu.auth.viewer import Viewer
from tests.graphql import admin_viewer, agent_viewer, customer_viewer, runner_for
from tests.jobs.conftest import Fleet
from tests.support.documents import mutation_document

REPORT = mutation_document("metricsReport", "hostSamples gpuSamples environmentSamples")
TABLES = ("host_metrics", "gpu_metrics", "environment_metrics")


async def gpu_ids(fleet: Fleet, host: str) -> list[int]:
    rows = await fleet.conn.fetch("SELECT id FROM gpus WHERE host_id = $1 ORDER BY id", host)
    return [r["id"] for r in rows]


async def counts(fleet: Fleet) -> dict[str, int]:
    return {t: await fleet.value(f"SELECT count(*) FROM {t}") for t in TABLES}


async def report(fleet: Fleet, batch: dict[str, Any], viewer: Viewer) -> dict[str, Any]:
    data = await fleet.gql.ok(REPORT, {"input": batch}, viewer)
    payload: dict[str, Any] = data["metricsReport"]
    return payload


async def full_batch(fleet: Fleet, host: str) -> dict[str, Any]:
    env = await fleet.running(host)
    gpus = await gpu_ids(fleet, host)
    at = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    return {
        "hostId": host,
        "hostSamples": [
            {"cpuUsagePercent": 12.5, "memoryUsed": str(64 * 1024**3), "collectedAt": at},
            {"cpuUsagePercent": 13.0, "networkRxBytes": "123456789012"},
        ],
        "gpuSamples": [
            {"gpuId": g, "utilizationPercent": 90.0 + i, "temperature": 61.5, "smClock": 1410}
            for i, g in enumerate(gpus)
        ],
        "environmentSamples": [{"environmentId": env, "gpuUsagePercent": 88.0}],
    }


async def test_metrics_report_by_agent_writes_batch_one_statement_per_table(fleet: Fleet) -> None:
    host = fleet.hosts[0]
    batch = await full_batch(fleet, host)
    fleet.gql.reset_count()

    payload = await report(fleet, batch, agent_viewer(fleet.admin, host))

    assert payload == {"hostSamples": 2, "gpuSamples": 2, "environmentSamples": 1, "errors": []}
    assert await counts(fleet) == {"host_metrics": 2, "gpu_metrics": 2, "environment_metrics": 1}
    inserts = [s for s in fleet.gql.statements if s.lstrip().upper().startswith("INSERT INTO")]
    assert sorted(s.split()[2] for s in inserts if "metrics" in s.split()[2]) == sorted(TABLES)
    row = await fleet.conn.fetchrow(
        "SELECT * FROM gpu_metrics ORDER BY utilization_percent LIMIT 1"
    )
    assert (row["host_id"], row["utilization_percent"], row["sm_clock"]) == (host, 90.0, 1410)
    host_rows = await fleet.conn.fetch(
        "SELECT memory_used, network_rx_bytes, collected_at FROM host_metrics ORDER BY id"
    )
    assert host_rows[0]["memory_used"] == 64 * 1024**3
    assert host_rows[1]["network_rx_bytes"] == 123456789012
    assert host_rows[0]["collected_at"] < host_rows[1]["collected_at"]  # given vs. arrival time


async def test_metrics_report_by_admin_for_any_host_accepted(fleet: Fleet) -> None:
    batch = {"hostId": fleet.hosts[1], "hostSamples": [{"cpuUsagePercent": 1.0}]}
    payload = await report(fleet, batch, admin_viewer(fleet.admin))
    assert (payload["hostSamples"], payload["errors"]) == (1, [])


@pytest.mark.parametrize("kind", ["gpu", "environment"])
async def test_metrics_report_sample_of_another_hosts_resource_refused_nothing_written(
    fleet: Fleet, kind: str
) -> None:
    mine, other = fleet.hosts
    batch = await full_batch(fleet, mine)
    if kind == "gpu":
        batch["gpuSamples"].append({"gpuId": (await gpu_ids(fleet, other))[0]})
        field = ["input", "gpuSamples", "2", "gpuId"]
    else:
        batch["environmentSamples"].append({"environmentId": await fleet.running(other)})
        field = ["input", "environmentSamples", "1", "environmentId"]

    payload = await report(fleet, batch, agent_viewer(fleet.admin, mine))

    [error] = payload["errors"]
    assert (error["code"], error["field"]) == ("NOT_FOUND", field)
    assert f"not on host {mine}" in error["message"]
    assert await counts(fleet) == dict.fromkeys(TABLES, 0)
    assert (
        await fleet.value("SELECT error_message FROM audit_logs WHERE action = 'metrics.report'")
        == f"NOT_FOUND: {error['message']}"
    )


@pytest.mark.parametrize(
    ("sample", "field", "message"),
    [
        ({"cpuUsagePercent": 100.5}, "cpuUsagePercent", "percentage"),
        ({"memoryUsed": "-1"}, "memoryUsed", "negative"),
        ({"collectedAt": "2020-01-01T00:00:00Z"}, "collectedAt", "7 days"),
    ],
)
async def test_metrics_report_value_out_of_range_refused(
    fleet: Fleet, sample: dict[str, Any], field: str, message: str
) -> None:
    host = fleet.hosts[0]
    batch = {"hostId": host, "hostSamples": [{"cpuUsagePercent": 5.0}, sample]}
    payload = await report(fleet, batch, agent_viewer(fleet.admin, host))
    [error] = payload["errors"]
    assert (error["code"], error["field"]) == (
        "INVALID_INPUT",
        ["input", "hostSamples", "1", field],
    )
    assert message in error["message"]
    assert await counts(fleet) == dict.fromkeys(TABLES, 0)


async def test_metrics_report_over_batch_cap_refused(fleet: Fleet) -> None:
    host = fleet.hosts[0]
    batch = {"hostId": host, "hostSamples": [{"cpuUsagePercent": 1.0}] * 4}
    async for small in runner_for(fleet.url, metrics_batch_max=3):
        data = await small.ok(REPORT, {"input": batch}, agent_viewer(fleet.admin, host))
        [error] = data["metricsReport"]["errors"]
        assert error["code"] == "INVALID_INPUT"
        assert "at most 3 samples" in error["message"]
    assert await counts(fleet) == dict.fromkeys(TABLES, 0)


async def test_metrics_report_for_another_host_not_found(fleet: Fleet) -> None:
    mine, other = fleet.hosts
    batch = {"hostId": other, "hostSamples": [{"cpuUsagePercent": 1.0}]}
    for viewer in (agent_viewer(fleet.admin, mine), customer_viewer(fleet.alice)):
        [error] = (await report(fleet, batch, viewer))["errors"]
        assert (error["code"], error["field"]) == ("NOT_FOUND", ["input", "hostId"])
    assert await counts(fleet) == dict.fromkeys(TABLES, 0)
