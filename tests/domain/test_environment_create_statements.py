"""environmentCreate's and environmentDelete's statements: how many they send, and the paths
the create falls back to.

The create's own work is a fixed number of statements whatever the GPU count and the host's
OS (how many GPU rows and port mappings it writes): remotegpu/domain/environment_create.py
lists them. The notification and the outbox event are counted apart: they belong to
notifications.py and events.py, whose statements may change with what they record.
When the one-statement placement finds every fitting host busy, or the one-statement port
claim finds every port of its window being claimed, the create still succeeds through the
step-by-step path of placement.py and port_claims.py. A delete releases everything in one
statement after locking the row.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest

from remotegpu.db.urls import asyncpg_dsn
from tests.graphql import GraphQLRunner, admin_viewer, customer_viewer, runner_for
from tests.support.fleet import GIB, IMAGE, add_customer, add_host, add_image

CREATE = """
mutation Create($input: EnvironmentCreateInput!) {
  environmentCreate(input: $input) {
    environment { rowId hostId gpu sshPort jupyterPort rdpPort }
    errors { code message }
  }
}
"""

REPORT = """
mutation Report($input: EnvironmentStatusReportInput!) {
  environmentStatusReport(input: $input) { errors { code message } }
}
"""
DELETE = """
mutation Delete($input: EnvironmentDeleteInput!) {
  environmentDelete(input: $input) { environment { status sshPort } errors { code message } }
}
"""

# preflight, usage, SAVEPOINT, placement + GPUs + counters, port claims, environment row,
# audit row (the mutation runner), the payload's environment (a loader, after commit).
CREATE_OWN_STATEMENTS = 8
# the row locked, everything released in one statement, audit row, the payload's environment.
DELETE_OWN_STATEMENTS = 4
# What `notify` and `emit` send (the event's webhook look-up included): counted apart, so
# the create's own statements are pinned while events grow their subscribers. An environment
# change sends them as one statement (notifications.notify_and_emit).
RECORDS = (
    "INSERT INTO notifications",
    "INSERT INTO event_outbox",
    "SELECT webhooks.id",
    "WITH notification AS",
)


@pytest.fixture
async def conn(migrated_url: str) -> AsyncIterator[asyncpg.Connection]:
    conn = await asyncpg.connect(asyncpg_dsn(migrated_url))
    await add_image(conn)
    yield conn
    await conn.close()


@pytest.fixture
async def gql(migrated_url: str) -> AsyncIterator[GraphQLRunner]:
    async for runner in runner_for(migrated_url):
        yield runner


async def create(gql: GraphQLRunner, customer: int, **fields: Any) -> dict[str, Any]:
    variables = {"name": "dev", "image": IMAGE, "cpu": 2, "memory": str(4 * GIB), **fields}
    data = await gql.ok(CREATE, {"input": variables}, customer_viewer(customer))
    payload: dict[str, Any] = data["environmentCreate"]
    assert payload["errors"] == [], payload["errors"]
    environment: dict[str, Any] = payload["environment"]
    return environment


def split(statements: list[str]) -> tuple[list[str], list[str]]:
    """(the create's own statements, the notification's and the event's)"""
    records = [s for s in statements if s.lstrip().startswith(RECORDS)]
    return [s for s in statements if s not in records], records


@pytest.mark.parametrize(("os_type", "gpus"), [("linux", 0), ("linux", 4), ("windows", 2)])
async def test_environment_create_any_gpu_count_or_os_sends_the_same_statements(
    conn: asyncpg.Connection, gql: GraphQLRunner, os_type: str, gpus: int
) -> None:
    await add_host(conn, gpus=8, os_type=os_type)
    await add_host(conn, gpus=8, os_type=os_type)
    customer = await add_customer(conn)
    await create(gql, customer, name="warm-up")  # the first connection runs set-up queries
    gql.reset_count()

    env = await create(gql, customer, gpuCount=gpus)

    own, records = split(gql.statements)
    assert len(own) == CREATE_OWN_STATEMENTS, "\n\n".join(own)
    assert own[0].lstrip().startswith("WITH owner AS MATERIALIZED")
    assert own[2].strip() == "SAVEPOINT place_and_take"
    assert len(records) == 1, "the notification and both events: one statement"
    assert env["gpu"] == gpus
    assert (env["rdpPort"] is not None) == (os_type == "windows")
    allocated = await conn.fetchval(
        "SELECT count(*) FROM gpus WHERE allocated_to = $1", env["rowId"]
    )
    assert allocated == gpus


async def test_environment_create_every_fitting_host_busy_waits_and_places(
    conn: asyncpg.Connection, gql: GraphQLRunner
) -> None:
    host = await add_host(conn, gpus=2)
    customer = await add_customer(conn)
    async with conn.transaction():
        await conn.execute("SELECT 1 FROM hosts WHERE id = $1 FOR UPDATE", host)
        creating = asyncio.create_task(create(gql, customer, gpuCount=1))
        await asyncio.sleep(1)
        assert not creating.done(), "the create waits for the only host"

    env = await asyncio.wait_for(creating, 10)

    assert env["hostId"] == host
    usage = await conn.fetchrow("SELECT used_cpu, used_gpu FROM hosts WHERE id = $1", host)
    assert (usage["used_cpu"], usage["used_gpu"]) == (2, 1)


async def test_environment_create_whole_port_window_being_claimed_takes_the_port_after_it(
    conn: asyncpg.Connection, gql: GraphQLRunner
) -> None:
    await add_host(conn, gpus=2)
    customer = await add_customer(conn)
    async with conn.transaction():
        # Another transaction claiming the 32 lowest SSH ports (port_claims.py's lock keys).
        await conn.execute(
            "SELECT pg_advisory_xact_lock(x'706F7274'::int, p)"
            " FROM generate_series(30000, 30031) AS p"
        )

        env = await asyncio.wait_for(create(gql, customer), 10)

    assert (env["sshPort"], env["jupyterPort"]) == (30032, 50001)
    mappings = await conn.fetch(
        "SELECT service_type, external_port FROM port_mappings"
        " WHERE env_id = $1 AND status = 'active' ORDER BY service_type",
        env["rowId"],
    )
    assert [tuple(m) for m in mappings] == [("jupyter", 50001), ("ssh", 30032)]


async def test_environment_delete_running_releases_everything_in_the_same_statements(
    conn: asyncpg.Connection, gql: GraphQLRunner
) -> None:
    host = await add_host(conn, gpus=4)
    customer = await add_customer(conn)
    env = await create(gql, customer, gpuCount=2)
    report = {"input": {"id": env["rowId"], "status": "RUNNING"}}
    assert (await gql.ok(REPORT, report, admin_viewer()))["environmentStatusReport"]["errors"] == []
    gql.reset_count()

    data = await gql.ok(DELETE, {"input": {"id": env["rowId"]}}, customer_viewer(customer))

    assert data["environmentDelete"] == {
        "environment": {"status": "DELETED", "sshPort": None},
        "errors": [],
    }
    own, records = split(gql.statements)
    assert len(own) == DELETE_OWN_STATEMENTS, "\n\n".join(own)
    assert len(records) == 1, "the notification and both events: one statement"
    left = await conn.fetchrow(
        "SELECT h.used_cpu, h.used_memory, h.used_disk, h.used_gpu,"
        " (SELECT count(*) FROM gpus WHERE allocated_to = $2) AS gpus,"
        " (SELECT count(*) FROM port_mappings WHERE env_id = $2 AND status = 'active') AS ports,"
        " (SELECT stopped_at IS NOT NULL FROM environments WHERE id = $2) AS stopped"
        " FROM hosts h WHERE h.id = $1",
        host,
        env["rowId"],
    )
    assert dict(left) == {
        "used_cpu": 0,
        "used_memory": 0,
        "used_disk": 0,
        "used_gpu": 0,
        "gpus": 0,
        "ports": 0,
        "stopped": True,
    }
