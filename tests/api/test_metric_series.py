"""metricSeries on Environment, Host and Gpu: buckets from raw samples and roll-ups merged in
one statement, visibility by the loaders' rules, and typed errors for bad ranges."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import pytest

from remotegpu.db.engine import transaction
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.domain.metric_rollups import rollup_hourly
from remotegpu.schema.node import to_global_id
from tests.graphql import GraphQLRunner, admin_viewer, customer_viewer, runner_for
from tests.support.fleet import add_customer, add_host, add_image, unique

T = datetime(2026, 8, 3, 9, 0, tzinfo=UTC)
H = timedelta(hours=1)

ENV_SERIES = """
query EnvSeries($id: String!, $bucket: MetricBucket!, $from: DateTime!, $to: DateTime!,
                $metrics: [AlertMetricType!]!) {
  environment(id: $id) {
    rowId
    metricSeries(bucket: $bucket, from: $from, to: $to, metrics: $metrics) {
      metric
      points { bucketStart count min max avg }
    }
    host { rowId metricSeries(bucket: HOUR, from: $from, to: $to, metrics: [CPU_USAGE]) {
      metric } }
  }
}
"""

GPU_SERIES = """
query GpuSeries($id: ID!, $from: DateTime!, $to: DateTime!) {
  node(id: $id) {
    ... on Gpu {
      rowId
      metricSeries(bucket: HOUR, from: $from, to: $to, metrics: [GPU_USAGE, GPU_TEMPERATURE]) {
        metric
        points { count avg }
      }
    }
  }
}
"""


@pytest.fixture
async def gql_empty(migrated_url: str) -> AsyncIterator[GraphQLRunner]:
    async for runner in runner_for(migrated_url):
        yield runner


@pytest.fixture
async def sql(migrated_url: str) -> AsyncIterator[asyncpg.Connection]:
    conn = await asyncpg.connect(asyncpg_dsn(migrated_url))
    yield conn
    await conn.close()


async def an_env(sql: asyncpg.Connection, owner: int, status: str = "deleted") -> str:
    """An environment, deleted unless told (customers see the hosts of live ones only)."""
    env_id = unique("env")
    await sql.execute(
        "INSERT INTO environments (id, user_id, host_id, name, image, status, cpu, memory)"
        " VALUES ($1, $2, $3, 'dev', $4, $5, 1, 1073741824)",
        env_id,
        owner,
        await add_host(sql, gpus=0),
        await add_image(sql),
        status,
    )
    return env_id


async def samples(sql: asyncpg.Connection, env_id: str, *points: tuple[timedelta, float]) -> None:
    await sql.executemany(
        "INSERT INTO environment_metrics (env_id, cpu_usage_percent, gpu_usage_percent,"
        " collected_at) VALUES ($1, $2, 5, $3)",
        [(env_id, value, T + offset) for offset, value in points],
    )


def variables(env_id: str, bucket: str, end: datetime, **extra: Any) -> dict[str, Any]:
    return {
        "id": env_id,
        "bucket": bucket,
        "from": T.isoformat(),
        "to": end.isoformat(),
        "metrics": ["CPU_USAGE", "GPU_USAGE"],
    } | extra


async def test_metric_series_hour_and_day_merge_rollups_with_raw_in_one_statement(
    gql_empty: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    owner = await add_customer(sql)
    env_id = await an_env(sql, owner)
    m = timedelta(minutes=1)
    await samples(sql, env_id, (10 * m, 10.0), (20 * m, 30.0), (H + 5 * m, 60.0))
    async with transaction(gql_empty.sessions) as session:
        await rollup_hourly(session, T + 2 * H + 5 * m)  # 09:00 and 10:00 rolled up
    # Raw samples of rolled-up hours gone (as after retention): those buckets can only come
    # from the roll-ups. 11:00 is not rolled up: it can only come from raw samples.
    await sql.execute("DELETE FROM environment_metrics")
    await samples(sql, env_id, (2 * H + 1 * m, 40.0), (2 * H + 2 * m, 50.0))

    gql_empty.reset_count()
    data = await gql_empty.ok(ENV_SERIES, variables(env_id, "HOUR", T + 3 * H), admin_viewer())
    series = {s["metric"]: s["points"] for s in data["environment"]["metricSeries"]}
    assert [
        (p["bucketStart"], p["count"], p["min"], p["max"], p["avg"]) for p in series["CPU_USAGE"]
    ] == [
        (T.isoformat(), 2, 10.0, 30.0, 20.0),
        ((T + H).isoformat(), 1, 60.0, 60.0, 60.0),
        ((T + 2 * H).isoformat(), 2, 40.0, 50.0, 45.0),
    ]
    assert [p["avg"] for p in series["GPU_USAGE"]] == [5.0, 5.0, 5.0]
    series_statements = [s for s in gql_empty.statements if "environment_metrics" in s]
    assert len(series_statements) == 1

    data = await gql_empty.ok(ENV_SERIES, variables(env_id, "DAY", T + 3 * H), admin_viewer())
    (day,) = data["environment"]["metricSeries"][0]["points"]
    assert (day["count"], day["min"], day["max"]) == (5, 10.0, 60.0)
    assert day["avg"] == pytest.approx((10 + 30 + 60 + 40 + 50) / 5)


async def test_metric_series_customer_sees_own_environment_but_not_host_series(
    gql_empty: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    owner, other = await add_customer(sql), await add_customer(sql)
    mine, theirs = await an_env(sql, owner, "running"), await an_env(sql, other)
    await samples(sql, mine, (timedelta(minutes=3), 42.0))
    await samples(sql, theirs, (timedelta(minutes=3), 99.0))
    viewer = customer_viewer(owner)

    data = await gql_empty.ok(ENV_SERIES, variables(mine, "MINUTE", T + H), viewer)
    cpu = data["environment"]["metricSeries"][0]
    assert (cpu["metric"], [p["avg"] for p in cpu["points"]]) == ("CPU_USAGE", [42.0])
    assert data["environment"]["host"]["metricSeries"] is None  # host series: admins only
    admin = await gql_empty.ok(ENV_SERIES, variables(mine, "MINUTE", T + H), admin_viewer())
    assert admin["environment"]["host"]["metricSeries"] == [{"metric": "CPU_USAGE"}]

    data = await gql_empty.ok(ENV_SERIES, variables(theirs, "MINUTE", T + H), viewer)
    assert data["environment"] is None


@pytest.mark.parametrize(
    ("bucket", "end", "metrics", "message"),
    [
        ("MINUTE", T + 25 * H, ["CPU_USAGE"], "1500 buckets requested, at most 1440"),
        ("HOUR", T - H, ["CPU_USAGE"], "to must be after from"),
        ("HOUR", T + H, ["GPU_TEMPERATURE"], "environment series have no gpu_temperature"),
    ],
)
async def test_metric_series_bad_range_or_metric_bad_user_input(
    gql_empty: GraphQLRunner,
    sql: asyncpg.Connection,
    bucket: str,
    end: datetime,
    metrics: list[str],
    message: str,
) -> None:
    env_id = await an_env(sql, await add_customer(sql))
    result = await gql_empty(
        ENV_SERIES, variables(env_id, bucket, end, metrics=metrics), admin_viewer()
    )
    errors = result["errors"]
    assert {e["extensions"]["code"] for e in errors} == {"BAD_USER_INPUT"}
    assert message in errors[0]["message"]
    assert result["data"]["environment"]["metricSeries"] is None


async def test_metric_series_gpu_of_own_environment_visible_other_gpu_hidden(
    gql_empty: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    owner = await add_customer(sql)
    env_id = await an_env(sql, owner, "running")
    host = await sql.fetchval("SELECT host_id FROM environments WHERE id = $1", env_id)
    await sql.execute(
        "INSERT INTO gpus (host_id, gpu_index, uuid, name, status, allocated_to, allocated_at)"
        " VALUES ($1, 0, $1::varchar || '-0', 'A100', 'allocated', $2, NOW()),"
        " ($1, 1, $1::varchar || '-1', 'A100', 'available', NULL, NULL)",
        host,
        env_id,
    )
    gpus = [r[0] for r in await sql.fetch("SELECT id FROM gpus ORDER BY gpu_index")]
    await sql.executemany(
        "INSERT INTO gpu_metrics (gpu_id, host_id, utilization_percent, temperature,"
        " collected_at) VALUES ($1, $2, $3, 70, $4)",
        [(gpu, host, 50.0 + i, T + timedelta(minutes=i)) for gpu in gpus for i in range(3)],
    )
    window = {"from": T.isoformat(), "to": (T + H).isoformat()}

    def gpu_id(row_id: int) -> str:
        return to_global_id("Gpu", row_id)

    viewer = customer_viewer(owner)
    data = await gql_empty.ok(GPU_SERIES, window | {"id": gpu_id(gpus[0])}, viewer)
    assert data["node"]["metricSeries"] == [
        {"metric": "GPU_USAGE", "points": [{"count": 3, "avg": 51.0}]},
        {"metric": "GPU_TEMPERATURE", "points": [{"count": 3, "avg": 70.0}]},
    ]
    data = await gql_empty.ok(GPU_SERIES, window | {"id": gpu_id(gpus[1])}, viewer)
    assert data["node"] is None  # not allocated to the customer: not visible at all
    data = await gql_empty.ok(GPU_SERIES, window | {"id": gpu_id(gpus[1])}, admin_viewer())
    assert data["node"]["metricSeries"][0]["points"] == [{"count": 3, "avg": 51.0}]
