"""Bursts of 50 and 100 simultaneous environmentCreate requests over HTTP onto a small fleet.

Placement once deadlocked here: with more racers than fitting hosts, every fitting host was
locked, the racers fell back to waiting in the best-fit `... LIMIT 1 FOR UPDATE` query, and
that query kept a host it had locked and found full while it waited for the next one, in an
order taken from its own snapshot; two of them waited on each other and PostgreSQL killed one
(INTERNAL_SERVER_ERROR). The contention is forced, not hoped for: a few small hosts (or one
given host) and many more racers than the hosts can take, so hosts fill up while racers are
waiting on them and almost every transaction queues behind another.

Every request must get a typed answer: an environment, or NO_CAPACITY once the fleet is full
(never a top-level error), in exactly the numbers the capacity allows; afterwards the invariant
checker finds nothing and there is one audit row per request.

The repetition count comes from RACE_REPEAT (default 2, enough for `make test`); run
`RACE_REPEAT=20 .venv/bin/pytest tests/concurrency/test_placement_races.py -p no:xdist` to
hunt for flakes.
"""

from __future__ import annotations

import os

import asyncpg
import httpx
import pytest

from tests.concurrency.conftest import add_customers, add_host, assert_invariants
from tests.support.races import create_input, race, split

REPEAT = range(int(os.environ.get("RACE_REPEAT", "2")))
# Each burst test: 50 and 100 racers, each size repeated REPEAT times (ids racers-run).
BURSTS = pytest.mark.parametrize(("racers", "run"), [(r, n) for r in (50, 100) for n in REPEAT])
# Host sizes in CPU cores, repeated over the fleet; every racer asks for 1 core. Uneven small
# hosts fill up one after the other and keep changing the best-fit order under the racers.
SIZES = (1, 2, 3, 4)


async def small_fleet(sql: asyncpg.Connection, cores: int) -> dict[str, int]:
    """Online hosts without GPUs of SIZES cores, `cores` in all; every other host goes offline."""
    sizes = [SIZES[i % len(SIZES)] for i in range(cores * len(SIZES) // sum(SIZES))]
    assert sum(sizes) == cores
    hosts = {await add_host(sql, gpus=0, cpu=size): size for size in sizes}
    await sql.execute("UPDATE hosts SET status = 'offline' WHERE NOT (id = ANY($1))", list(hosts))
    return hosts


async def assert_one_audit_row_each(sql: asyncpg.Connection, customers: list[int]) -> None:
    rows = await sql.fetch(
        "SELECT customer_id, count(*) AS n FROM audit_logs"
        " WHERE action = 'environment.create' AND customer_id = ANY($1) GROUP BY customer_id",
        customers,
    )
    assert sorted((r["customer_id"], r["n"]) for r in rows) == [(c, 1) for c in customers]


async def burst_without_host(
    server: httpx.AsyncClient, sql: asyncpg.Connection, racers: int, label: str
) -> None:
    # Room for 80% of the racers: the hosts fill up while the rest are still waiting on them.
    fits = racers * 4 // 5
    hosts = await small_fleet(sql, fits)
    customers = await add_customers(sql, racers, environments=1)

    payloads = await race(
        server, [(c, create_input(f"{label}-{i}")) for i, c in enumerate(customers)]
    )

    created, codes = split(payloads)
    assert len(created) == fits
    assert codes == {"NO_CAPACITY": racers - fits}
    assert {e["host"]["rowId"] for e in created} == set(hosts)
    used = await sql.fetch("SELECT id, used_cpu FROM hosts WHERE id = ANY($1)", list(hosts))
    assert {r["id"]: r["used_cpu"] for r in used} == hosts
    await assert_one_audit_row_each(sql, customers)
    await assert_invariants(sql)


async def burst_on_host(
    server: httpx.AsyncClient, sql: asyncpg.Connection, racers: int, label: str
) -> None:
    fits = racers * 4 // 5
    host_id = await add_host(sql, gpus=0, cpu=fits)
    customers = await add_customers(sql, racers, environments=1)

    payloads = await race(
        server, [(c, create_input(f"{label}-{i}", host_id)) for i, c in enumerate(customers)]
    )

    created, codes = split(payloads)
    assert len(created) == fits
    assert codes == {"NO_CAPACITY": racers - fits}
    assert await sql.fetchval("SELECT used_cpu FROM hosts WHERE id = $1", host_id) == fits
    await assert_one_audit_row_each(sql, customers)
    await assert_invariants(sql)


@BURSTS
async def test_environment_create_burst_without_host_on_small_hosts_fills_them_no_error(
    racers: int, run: int, server: httpx.AsyncClient, sql: asyncpg.Connection
) -> None:
    await burst_without_host(server, sql, racers, f"place{racers}-{run}")


@BURSTS
async def test_environment_create_burst_on_one_host_fills_it_no_error(
    racers: int, run: int, server: httpx.AsyncClient, sql: asyncpg.Connection
) -> None:
    await burst_on_host(server, sql, racers, f"host{racers}-{run}")
