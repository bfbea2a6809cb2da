"""Truly parallel environment creates against a real server process: the locks must hold.

Each race runs 20 times (CI must pass all of them without a flake). The requests go over HTTP
to `remotegpu serve` (two worker processes) and are sent at once with asyncio.gather, so the
transactions overlap in PostgreSQL and only the row locks of the domain code keep the rules:
GPUs, host capacity, port ranges, quotas and idempotency keys. After every race the database
must pass the invariant checker.
"""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import httpx
import pytest

from tests.concurrency.conftest import (
    add_customer,
    add_customers,
    add_host,
    assert_invariants,
    set_config,
)
from tests.support.races import create, create_input, race, split

REPEAT = range(20)
SPREAD = 12  # hosts with one free GPU each; more racers than placement attempts (8)


def ports_of(environment: dict[str, Any], service: str) -> list[int]:
    return [
        n["externalPort"]
        for n in environment["portMappings"]["nodes"]
        if n["serviceType"] == service
    ]


@pytest.mark.parametrize("run", REPEAT)
async def test_environment_create_50_racing_for_8_gpus_exactly_4_win(
    run: int, server: httpx.AsyncClient, sql: asyncpg.Connection
) -> None:
    host_id = await add_host(sql, gpus=8)
    customers = await add_customers(sql, 50, gpu=2, environments=1)

    payloads = await race(
        server,
        [
            (c, create_input(f"race-{run}-{i}", host_id, gpuCount=2))
            for i, c in enumerate(customers)
        ],
    )

    created, codes = split(payloads)
    assert len(created) == 4
    assert codes == {"NO_CAPACITY": 46}
    assert all(e["gpu"] == 2 and e["host"]["rowId"] == host_id for e in created)
    assert all(e["status"] == "CREATING" for e in created)
    ids = sorted(e["rowId"] for e in created)
    holders = await sql.fetch(
        "SELECT allocated_to, count(*) AS n FROM gpus WHERE host_id = $1 AND status = 'allocated'"
        " GROUP BY allocated_to ORDER BY allocated_to",
        host_id,
    )
    assert [(r["allocated_to"], r["n"]) for r in holders] == [(i, 2) for i in ids]
    host = await sql.fetchrow(
        "SELECT h.used_gpu, h.used_cpu, (SELECT sum(gpu) FROM environments e"
        "  WHERE e.host_id = h.id AND e.status IN ('creating', 'running')) AS live_gpu,"
        " (SELECT count(*) FROM environments e WHERE e.host_id = h.id) AS rows"
        " FROM hosts h WHERE h.id = $1",
        host_id,
    )
    assert dict(host) == {"used_gpu": 8, "used_cpu": 4, "live_gpu": 8, "rows": 4}
    await assert_invariants(sql)


@pytest.mark.parametrize("run", REPEAT)
async def test_environment_create_15_racing_for_10_ssh_ports_exactly_10_win(
    run: int, server: httpx.AsyncClient, sql: asyncpg.Connection
) -> None:
    # A fresh window per repetition inside the default ssh range (30000-40000), above the
    # ports the other races take from its bottom: earlier windows stay valid mappings.
    low = 39_000 + run * 10
    window = set(range(low, low + 10))
    assert not await sql.fetchval(
        "SELECT count(*) FROM port_mappings WHERE status = 'active' AND external_port"
        " BETWEEN $1 AND $2",
        low,
        low + 9,
    )
    host_id = await add_host(sql, gpus=0)
    customers = await add_customers(sql, 15, environments=1)
    await set_config(sql, "ssh_port_range_start", low)
    await set_config(sql, "ssh_port_range_end", low + 9)
    try:
        payloads = await race(
            server,
            [(c, create_input(f"ports-{run}-{i}", host_id)) for i, c in enumerate(customers)],
        )
    finally:
        await set_config(sql, "ssh_port_range_start", 30_000)
        await set_config(sql, "ssh_port_range_end", 40_000)

    created, codes = split(payloads)
    assert len(created) == 10
    assert codes == {"NO_PORTS": 5}
    ssh = [p for e in created for p in ports_of(e, "SSH")]
    assert sorted(ssh) == sorted(window)
    assert all(len(ports_of(e, "JUPYTER")) == 1 for e in created)
    rows = await sql.fetch(
        "SELECT m.external_port FROM port_mappings m JOIN environments e ON e.id = m.env_id"
        " WHERE e.host_id = $1 AND m.service_type = 'ssh' AND m.status = 'active'",
        host_id,
    )
    assert sorted(r["external_port"] for r in rows) == sorted(window)
    assert await sql.fetchval("SELECT count(*) FROM environments WHERE host_id = $1", host_id) == 10
    await assert_invariants(sql)


@pytest.mark.parametrize("run", REPEAT)
async def test_environment_create_10_racing_for_environment_quota_3_exactly_3_win(
    run: int, server: httpx.AsyncClient, sql: asyncpg.Connection
) -> None:
    host_id = await add_host(sql, gpus=0)
    customer = await add_customer(sql, environments=3)

    payloads = await race(
        server, [(customer, create_input(f"quota-{run}-{i}", host_id)) for i in range(10)]
    )

    created, codes = split(payloads)
    assert len(created) == 3
    assert codes == {"QUOTA_EXCEEDED": 7}
    live = await sql.fetchval(
        "SELECT count(*) FROM environments"
        " WHERE user_id = $1 AND status IN ('creating', 'running')",
        customer,
    )
    assert live == 3
    assert await sql.fetchval("SELECT used_cpu FROM hosts WHERE id = $1", host_id) == 3
    await assert_invariants(sql)


@pytest.mark.parametrize("run", REPEAT)
async def test_environment_create_6_racing_for_gpu_quota_4_exactly_4_win(
    run: int, server: httpx.AsyncClient, sql: asyncpg.Connection
) -> None:
    host_id = await add_host(sql, gpus=8)
    customer = await add_customer(sql, gpu=4, environments=10)

    payloads = await race(
        server,
        [(customer, create_input(f"gpuq-{run}-{i}", host_id, gpuCount=1)) for i in range(6)],
    )

    created, codes = split(payloads)
    assert len(created) == 4
    assert codes == {"QUOTA_EXCEEDED": 2}
    row = await sql.fetchrow(
        "SELECT (SELECT count(*) FROM gpus WHERE host_id = $1 AND status = 'allocated') AS gpus,"
        " (SELECT used_gpu FROM hosts WHERE id = $1) AS used,"
        " (SELECT sum(gpu) FROM environments WHERE user_id = $2"
        "  AND status IN ('creating', 'running')) AS owned",
        host_id,
        customer,
    )
    assert dict(row) == {"gpus": 4, "used": 4, "owned": 4}
    await assert_invariants(sql)


@pytest.mark.parametrize("run", REPEAT)
async def test_environment_create_same_idempotency_key_10_at_once_one_environment(
    run: int, server: httpx.AsyncClient, sql: asyncpg.Connection
) -> None:
    host_id = await add_host(sql, gpus=8)
    # Quota for exactly one environment: a retry of the create that filled it must still get
    # that environment back, not QUOTA_EXCEEDED (the default external quota is 1 environment).
    customer = await add_customer(sql, gpu=1, environments=1)
    key = f"retry-{uuid.uuid4()}"
    variables = create_input(f"idem-{run}", host_id, gpuCount=1, idempotencyKey=key)

    payloads = await race(server, [(customer, variables)] * 10)

    assert [p["errors"] for p in payloads] == [[]] * 10
    ids = {p["environment"]["rowId"] for p in payloads}
    assert len(ids) == 1
    rows = await sql.fetch("SELECT id, gpu FROM environments WHERE user_id = $1", customer)
    assert [(r["id"], r["gpu"]) for r in rows] == [(ids.pop(), 1)]
    assert (
        await sql.fetchval("SELECT count(*) FROM idempotency_keys WHERE customer_id = $1", customer)
        == 1
    )

    conflict = await create(server, customer, {**variables, "name": f"idem-{run}-other"})

    assert conflict["environment"] is None
    assert [e["code"] for e in conflict["errors"]] == ["IDEMPOTENCY_CONFLICT"]
    assert await sql.fetchval("SELECT count(*) FROM environments WHERE user_id = $1", customer) == 1
    await assert_invariants(sql)


@pytest.mark.parametrize("run", REPEAT)
async def test_environment_create_12_racing_without_host_for_12_last_gpus_all_win(
    run: int, server: httpx.AsyncClient, sql: asyncpg.Connection
) -> None:
    # Twelve hosts with exactly one free GPU each: placement must spread the racers over all
    # of them, not send everyone to the same best fit and give up while GPUs are still free.
    hosts = [await add_host(sql, gpus=8) for _ in range(SPREAD)]
    await sql.execute(
        "UPDATE gpus SET status = 'maintenance' WHERE host_id = ANY($1) AND gpu_index > 0", hosts
    )
    # Earlier repetitions' hosts must not absorb the racers.
    await sql.execute("UPDATE hosts SET status = 'offline' WHERE NOT (id = ANY($1))", hosts)
    customers = await add_customers(sql, SPREAD, gpu=1, environments=1)

    payloads = await race(
        server,
        [(c, create_input(f"spread-{run}-{i}", gpuCount=1)) for i, c in enumerate(customers)],
    )

    created, codes = split(payloads)
    assert codes == {}
    assert sorted(e["host"]["rowId"] for e in created) == sorted(hosts)
    used = await sql.fetch("SELECT used_gpu FROM hosts WHERE id = ANY($1)", hosts)
    assert [r["used_gpu"] for r in used] == [1] * SPREAD
    assert not await sql.fetchval(
        "SELECT count(*) FROM gpus WHERE host_id = ANY($1) AND status = 'available'", hosts
    )
    await assert_invariants(sql)
