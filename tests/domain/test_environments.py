"""environmentCreate: the core transaction (quota, placement, GPUs, ports, counters, records).

Each test builds its fleet with tests/support/fleet.py on a fresh migrated database,
runs the mutation in-process and checks the payload and the database afterwards.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import pytest

from remotegpu.auth.viewer import Viewer
from tests.graphql import admin_viewer, customer_viewer
from tests.support.db import assert_consistent
from tests.support.documents import mutation_document
from tests.support.fleet import (
    GIB,
    IMAGE,
    MIB,
    add_customer,
    add_host,
    add_image,
    add_workspace,
    environment_input,
    host_usage,
    set_config,
)
from tests.support.worlds import GraphQLWorld, database_and_api

CREATE = mutation_document(
    "environmentCreate",
    "environment { rowId status userId hostId workspaceId cpu memory gpu storage sshPort"
    " jupyterPort rdpPort workspace { rowId } gpus(first: 10) { nodes { gpuIndex } }"
    " portMappings(first: 10) { nodes { serviceType externalPort internalPort status } } }",
)

DELETE = "mutation($id: String!) { environmentDelete(input: {id: $id}) { errors { code } } }"


@dataclass
class World(GraphQLWorld):
    async def create(self, viewer: Viewer, **fields: Any) -> dict[str, Any]:
        payload = {"name": "dev", "image": IMAGE, "cpu": 2, "memory": str(4 * GIB), **fields}
        return await self.run(CREATE, {"input": payload}, viewer)

    async def delete(self, env_id: str, viewer: Viewer) -> None:
        """Deletes the environment as viewer; the delete must succeed."""
        deleted = await self.gql.ok(DELETE, {"id": env_id}, viewer)
        assert deleted["environmentDelete"]["errors"] == []

    async def count(self, sql: str, *args: Any) -> int:
        value: int = await self.conn.fetchval(f"SELECT count(*) FROM {sql}", *args)
        return value


@pytest.fixture
async def world(migrated_url: str) -> AsyncIterator[World]:
    async with database_and_api(migrated_url) as (conn, gql):
        await add_image(conn)
        yield World(conn, gql)


def _error(payload: dict[str, Any]) -> tuple[str, list[str] | None]:
    assert payload["environment"] is None
    (error,) = payload["errors"]
    return error["code"], error["field"]


async def _nothing_created(world: World, host_id: str | None = None) -> None:
    assert await world.count("environments") == 0
    assert await world.count("port_mappings") == 0
    assert await world.count("gpus WHERE status = 'allocated'") == 0
    # A quota refusal is itself announced (quota.exceeded); nothing else may be.
    assert await world.count("event_outbox WHERE event_type <> 'quota.exceeded'") == 0
    assert await world.count("notifications") == 0
    assert await world.count("idempotency_keys") == 0
    if host_id is not None:
        usage = await host_usage(world.conn, host_id)
        assert usage == {
            "used_cpu": 0,
            "used_memory": 0,
            "used_disk": 0,
            "used_gpu": 0,
            "allocated": 0,
        }
    await assert_consistent(world.conn)


async def _audit(world: World, action: str = "environment.create") -> list[asyncpg.Record]:
    rows: list[asyncpg.Record] = await world.conn.fetch(
        "SELECT customer_id, resource_id, status_code, error_message FROM audit_logs"
        " WHERE action = $1 ORDER BY id",
        action,
    )
    return rows


async def test_create_fits_allocates_gpus_ports_counters_and_records(world: World) -> None:
    host = await add_host(world.conn, gpus=4)
    alice = await add_customer(world.conn)

    payload = await world.create(
        customer_viewer(alice), gpuCount=2, storage=str(20 * GIB), description="notes"
    )

    env = payload["environment"]
    assert payload["errors"] == []
    assert env["rowId"].startswith("env-")
    assert len(env["rowId"]) == 16
    assert env["status"] == "CREATING"
    assert (env["userId"], env["hostId"], env["cpu"], env["gpu"]) == (alice, host, 2, 2)
    assert (env["memory"], env["storage"]) == (str(4 * GIB), str(20 * GIB))
    assert (env["sshPort"], env["jupyterPort"], env["rdpPort"]) == (30000, 50001, None)
    assert [g["gpuIndex"] for g in env["gpus"]["nodes"]] == [0, 1]
    assert sorted(
        (m["serviceType"], m["externalPort"], m["internalPort"], m["status"])
        for m in env["portMappings"]["nodes"]
    ) == [("JUPYTER", 50001, 8888, "ACTIVE"), ("SSH", 30000, 22, "ACTIVE")]
    env_id = env["rowId"]
    row = await world.conn.fetchrow("SELECT * FROM environments WHERE id = $1", env_id)
    assert row["status"] == "creating"
    assert row["description"] == "notes"
    assert row["image"] == IMAGE
    assert row["workspace_id"] is None
    gpus = await world.conn.fetch(
        "SELECT gpu_index, allocated_at FROM gpus WHERE allocated_to = $1 ORDER BY 1", env_id
    )
    assert [g["gpu_index"] for g in gpus] == [0, 1]
    assert all(g["allocated_at"] for g in gpus)
    assert await host_usage(world.conn, host) == {
        "used_cpu": 2,
        "used_memory": 4 * GIB,
        "used_disk": 20 * GIB,
        "used_gpu": 2,
        "allocated": 2,
    }
    note = await world.conn.fetchrow("SELECT customer_id, type FROM notifications")
    assert (note["customer_id"], note["type"]) == (alice, "environment")
    event = await world.conn.fetchrow(
        "SELECT event_type, customer_id, resource_id, payload FROM event_outbox"
        " WHERE resource_type = 'environment'"
    )
    assert (event["event_type"], event["customer_id"], event["resource_id"]) == (
        "environment.created",
        alice,
        env_id,
    )
    (audit,) = await _audit(world)
    assert (audit["customer_id"], audit["resource_id"], audit["status_code"]) == (
        alice,
        env_id,
        200,
    )
    await assert_consistent(world.conn)


async def test_create_without_storage_takes_ten_gib(world: World) -> None:
    host = await add_host(world.conn)
    alice = await add_customer(world.conn)

    payload = await world.create(customer_viewer(alice))

    assert payload["environment"]["storage"] == str(10 * GIB)
    assert (await host_usage(world.conn, host))["used_disk"] == 10 * GIB
    await assert_consistent(world.conn)


async def test_create_second_environment_takes_next_ports(world: World) -> None:
    await add_host(world.conn)
    alice = await add_customer(world.conn)

    first = await world.create(customer_viewer(alice))
    second = await world.create(customer_viewer(alice))

    assert first["environment"]["sshPort"] == 30000
    assert (second["environment"]["sshPort"], second["environment"]["jupyterPort"]) == (
        30001,
        50002,
    )
    await assert_consistent(world.conn)


async def test_create_released_port_is_reused_lowest_first(world: World) -> None:
    await add_host(world.conn)
    alice = await add_customer(world.conn)
    first = (await world.create(customer_viewer(alice)))["environment"]["rowId"]
    await world.create(customer_viewer(alice))
    await world.conn.execute(
        "UPDATE environments SET status = 'running' WHERE id = $1", first
    )  # as the agent would report
    await world.delete(first, customer_viewer(alice))

    third = await world.create(customer_viewer(alice))

    assert third["environment"]["sshPort"] == 30000
    await assert_consistent(world.conn)


@pytest.mark.parametrize(
    ("image_status", "code", "field"),
    [(None, "NOT_FOUND", ["input", "image"]), ("deprecated", "INVALID_INPUT", ["input", "image"])],
)
async def test_create_image_missing_or_deprecated_refused(
    world: World, image_status: str | None, code: str, field: list[str]
) -> None:
    host = await add_host(world.conn)
    alice = await add_customer(world.conn)
    image = "old/image:1"
    if image_status is not None:
        await add_image(world.conn, image, image_status)

    payload = await world.create(customer_viewer(alice), image=image)

    assert _error(payload) == (code, field)
    await _nothing_created(world, host)
    (audit,) = await _audit(world)
    assert audit["status_code"] == (404 if code == "NOT_FOUND" else 422)
    assert audit["error_message"].startswith(code)


@pytest.mark.parametrize(
    ("quota", "ask", "field"),
    [
        ({"cpu": 3}, {"cpu": 4}, ["input", "cpu"]),
        ({"memory_mb": 1024}, {"memory": str(1024 * MIB + 1)}, ["input", "memory"]),
        ({"gpu": 1}, {"gpuCount": 2}, ["input", "gpuCount"]),
        ({"storage": 5 * GIB}, {"storage": str(5 * GIB + 1)}, ["input", "storage"]),
    ],
)
async def test_create_over_quota_refused(
    world: World, quota: dict[str, Any], ask: dict[str, Any], field: list[str]
) -> None:
    host = await add_host(world.conn)
    alice = await add_customer(world.conn, **quota)

    payload = await world.create(customer_viewer(alice), **ask)

    assert _error(payload) == ("QUOTA_EXCEEDED", field)
    await _nothing_created(world, host)


@pytest.mark.parametrize(
    ("quota", "ask"),
    [
        ({"cpu": 4}, {"cpu": 4}),
        ({"memory_mb": 1024}, {"memory": str(1024 * MIB)}),
        ({"gpu": 2}, {"gpuCount": 2}),
        ({"storage": 5 * GIB}, {"storage": str(5 * GIB)}),
    ],
)
async def test_create_exactly_at_quota_fits(
    world: World, quota: dict[str, Any], ask: dict[str, Any]
) -> None:
    await add_host(world.conn)
    alice = await add_customer(world.conn, **quota)

    payload = await world.create(customer_viewer(alice), **{"storage": str(5 * GIB), **ask})

    assert payload["errors"] == []
    await assert_consistent(world.conn)


async def test_create_quota_counts_existing_live_usage(world: World) -> None:
    await add_host(world.conn)
    alice = await add_customer(world.conn, cpu=6)
    assert (await world.create(customer_viewer(alice), cpu=4))["errors"] == []

    payload = await world.create(customer_viewer(alice), cpu=3)

    assert _error(payload) == ("QUOTA_EXCEEDED", ["input", "cpu"])
    assert "4 in use + 3 requested > 6" in payload["errors"][0]["message"]
    assert await world.count("environments") == 1
    await assert_consistent(world.conn)


async def test_create_environment_quota_counts_stopped_but_not_deleted(world: World) -> None:
    await add_host(world.conn)
    alice = await add_customer(world.conn, environments=1)
    first = (await world.create(customer_viewer(alice)))["environment"]["rowId"]
    await world.conn.execute("UPDATE environments SET status = 'stopped' WHERE id = $1", first)
    await world.conn.execute("UPDATE hosts SET used_cpu = 0, used_memory = 0, used_disk = 0")

    refused = await world.create(customer_viewer(alice))
    await world.delete(first, customer_viewer(alice))
    allowed = await world.create(customer_viewer(alice))

    assert _error(refused) == ("QUOTA_EXCEEDED", None)
    assert allowed["errors"] == []
    await assert_consistent(world.conn)


async def test_create_beyond_max_environments_per_user_refused(world: World) -> None:
    await add_host(world.conn)
    alice = await add_customer(world.conn, environments=10)
    await set_config(world.conn, "max_environments_per_user", 1)
    assert (await world.create(customer_viewer(alice)))["errors"] == []

    payload = await world.create(customer_viewer(alice))

    assert _error(payload) == ("QUOTA_EXCEEDED", None)
    assert "max_environments_per_user" in payload["errors"][0]["message"]
    assert await world.count("environments") == 1
    await assert_consistent(world.conn)


@pytest.mark.parametrize(
    ("status", "health", "words"),
    [
        ("offline", "healthy", "offline"),
        ("maintenance", "healthy", "maintenance"),
        ("online", "unhealthy", "unhealthy"),
    ],
)
async def test_create_on_unavailable_host_no_capacity(
    world: World, status: str, health: str, words: str
) -> None:
    host = await add_host(world.conn, status=status, health=health)
    await add_host(world.conn)  # a fine host elsewhere does not help a pinned create
    alice = await add_customer(world.conn)

    payload = await world.create(customer_viewer(alice), hostId=host)

    assert _error(payload) == ("NO_CAPACITY", ["input", "hostId"])
    assert words in payload["errors"][0]["message"]
    await _nothing_created(world, host)


async def test_create_on_missing_host_not_found(world: World) -> None:
    alice = await add_customer(world.conn)

    payload = await world.create(customer_viewer(alice), hostId="host-nowhere")

    assert _error(payload) == ("NOT_FOUND", ["input", "hostId"])
    await _nothing_created(world)


async def test_create_on_given_host_lands_there(world: World) -> None:
    await add_host(world.conn, gpus=1)
    roomy = await add_host(world.conn, gpus=8)
    alice = await add_customer(world.conn)

    payload = await world.create(customer_viewer(alice), hostId=roomy, gpuCount=1)

    assert payload["environment"]["hostId"] == roomy
    await assert_consistent(world.conn)


async def test_create_best_fit_picks_tightest_host(world: World) -> None:
    await add_host(world.conn, host_id="host-a-big", gpus=8)
    tight = await add_host(world.conn, host_id="host-b-tight", gpus=2)
    await add_host(world.conn, host_id="host-c-small", gpus=1)
    await add_host(world.conn, host_id="host-d-down", gpus=2, status="offline")
    alice = await add_customer(world.conn)

    payload = await world.create(customer_viewer(alice), gpuCount=2)

    assert payload["environment"]["hostId"] == tight
    await assert_consistent(world.conn)


async def test_create_best_fit_prefers_less_free_cpu_without_gpus(world: World) -> None:
    await add_host(world.conn, host_id="host-a", gpus=0, cpu=64)
    small = await add_host(world.conn, host_id="host-b", gpus=0, cpu=8)
    await add_host(world.conn, host_id="host-c", gpus=0, cpu=1)  # too small
    alice = await add_customer(world.conn)

    payload = await world.create(customer_viewer(alice), cpu=2)

    assert payload["environment"]["hostId"] == small
    await assert_consistent(world.conn)


async def test_create_best_fit_skips_hosts_without_disk(world: World) -> None:
    await add_host(world.conn, host_id="host-a-nodisk", gpus=0, cpu=2, disk=None)
    roomy = await add_host(world.conn, host_id="host-b", gpus=0, cpu=64)
    alice = await add_customer(world.conn)

    payload = await world.create(customer_viewer(alice), cpu=2)

    assert payload["environment"]["hostId"] == roomy
    await assert_consistent(world.conn)


async def test_create_too_many_gpus_no_capacity_with_free_count(world: World) -> None:
    host = await add_host(world.conn, gpus=2)
    await world.conn.execute("UPDATE gpus SET health_status = 'error' WHERE gpu_index = 1")
    alice = await add_customer(world.conn)

    pinned = await world.create(customer_viewer(alice), hostId=host, gpuCount=2)
    anywhere = await world.create(customer_viewer(alice), gpuCount=2)

    assert _error(pinned) == ("NO_CAPACITY", ["input", "hostId"])
    assert "1 free GPUs" in pinned["errors"][0]["message"]
    assert _error(anywhere) == ("NO_CAPACITY", None)
    assert "most free GPUs on one host: 1" in anywhere["errors"][0]["message"]
    await _nothing_created(world, host)


async def test_create_more_cpu_than_any_host_no_capacity(world: World) -> None:
    host = await add_host(world.conn, cpu=8)
    alice = await add_customer(world.conn)

    payload = await world.create(customer_viewer(alice), cpu=9)

    assert _error(payload) == ("NO_CAPACITY", None)
    await _nothing_created(world, host)


async def test_create_port_range_exhausted_no_ports(world: World) -> None:
    host = await add_host(world.conn)
    alice = await add_customer(world.conn)
    await set_config(world.conn, "jupyter_port_range_end", 50001)
    assert (await world.create(customer_viewer(alice), gpuCount=1))["errors"] == []
    before = await host_usage(world.conn, host)

    payload = await world.create(customer_viewer(alice), gpuCount=1)

    assert _error(payload) == ("NO_PORTS", None)
    assert "50001..50001" in payload["errors"][0]["message"]
    assert await world.count("environments") == 1
    assert await world.count("port_mappings") == 2  # the second env's ssh port rolled back
    assert await host_usage(world.conn, host) == before
    await assert_consistent(world.conn)


async def test_create_on_windows_host_gets_rdp(world: World) -> None:
    await add_host(world.conn, os_type="windows")
    alice = await add_customer(world.conn)

    payload = await world.create(customer_viewer(alice))

    env = payload["environment"]
    assert (env["sshPort"], env["jupyterPort"], env["rdpPort"]) == (30000, 50001, 40001)
    rdp = await world.conn.fetchrow(
        "SELECT internal_port FROM port_mappings WHERE service_type = 'rdp'"
    )
    assert rdp["internal_port"] == 3389
    await assert_consistent(world.conn)


@pytest.mark.parametrize("role", ["owner", "admin", "member"])
async def test_create_in_workspace_as_creator_role_visible_to_members(
    world: World, role: str
) -> None:
    await add_host(world.conn)
    owner = await add_customer(world.conn)
    creator = await add_customer(world.conn)
    reader = await add_customer(world.conn)
    if role == "owner":
        creator = owner
    team = await add_workspace(world.conn, owner, {creator: role, reader: "viewer"})

    payload = await world.create(customer_viewer(creator), workspaceId=team)

    env = payload["environment"]
    assert payload["errors"] == []
    assert env["workspaceId"] == team
    assert env["workspace"] == {"rowId": team}
    assert env["userId"] == creator
    seen = await world.gql.ok(
        "query($id: String!) { environment(id: $id) { rowId } }",
        {"id": env["rowId"]},
        customer_viewer(reader),
    )
    assert seen["environment"] == {"rowId": env["rowId"]}
    assert await world.conn.fetchval("SELECT workspace_id FROM environments") == team
    await assert_consistent(world.conn)


async def test_create_in_workspace_as_viewer_forbidden(world: World) -> None:
    host = await add_host(world.conn)
    owner = await add_customer(world.conn)
    reader = await add_customer(world.conn)
    team = await add_workspace(world.conn, owner, {reader: "viewer"})

    payload = await world.create(customer_viewer(reader), workspaceId=team)

    assert _error(payload) == ("FORBIDDEN", ["input", "workspaceId"])
    await _nothing_created(world, host)


async def test_create_in_foreign_workspace_not_found(world: World) -> None:
    host = await add_host(world.conn)
    owner = await add_customer(world.conn)
    stranger = await add_customer(world.conn)
    team = await add_workspace(world.conn, owner)

    foreign = await world.create(customer_viewer(stranger), workspaceId=team)
    missing = await world.create(customer_viewer(stranger), workspaceId=team + 1000)

    assert _error(foreign) == ("NOT_FOUND", ["input", "workspaceId"])
    assert foreign["errors"][0]["message"] == missing["errors"][0]["message"].replace(
        str(team + 1000), str(team)
    )
    await _nothing_created(world, host)


async def test_create_in_archived_workspace_refused(world: World) -> None:
    host = await add_host(world.conn)
    owner = await add_customer(world.conn)
    team = await add_workspace(world.conn, owner, status="archived")

    payload = await world.create(customer_viewer(owner), workspaceId=team)

    assert _error(payload) == ("INVALID_INPUT", ["input", "workspaceId"])
    await _nothing_created(world, host)


async def test_create_admin_for_another_owner_counts_against_owner(world: World) -> None:
    host = await add_host(world.conn)
    admin = await add_customer(world.conn, user_type="admin")
    alice = await add_customer(world.conn, cpu=2)

    payload = await world.create(admin_viewer(admin), ownerId=alice, cpu=2)
    over = await world.create(admin_viewer(admin), ownerId=alice, cpu=1)

    assert payload["environment"]["userId"] == alice
    assert _error(over) == ("QUOTA_EXCEEDED", ["input", "cpu"])
    assert await world.conn.fetchval("SELECT customer_id FROM notifications") == alice
    audits = await _audit(world)
    assert [a["customer_id"] for a in audits] == [admin, admin]
    assert (await host_usage(world.conn, host))["used_cpu"] == 2
    await assert_consistent(world.conn)


async def test_create_customer_for_another_owner_forbidden(world: World) -> None:
    host = await add_host(world.conn)
    alice = await add_customer(world.conn)
    bob = await add_customer(world.conn)

    payload = await world.create(customer_viewer(alice), ownerId=bob)

    assert _error(payload) == ("FORBIDDEN", ["input", "ownerId"])
    await _nothing_created(world, host)


@pytest.mark.parametrize(
    ("status", "code"), [("deleted", "NOT_FOUND"), ("suspended", "INVALID_INPUT")]
)
async def test_create_for_unusable_owner_refused(world: World, status: str, code: str) -> None:
    host = await add_host(world.conn)
    admin = await add_customer(world.conn, user_type="admin")
    gone = await add_customer(world.conn, status=status)

    payload = await world.create(admin_viewer(admin), ownerId=gone)

    assert _error(payload) == (code, ["input", "ownerId"])
    await _nothing_created(world, host)


async def test_create_same_idempotency_key_and_input_returns_same_environment(
    world: World,
) -> None:
    host = await add_host(world.conn)
    alice = await add_customer(world.conn)

    first = await world.create(customer_viewer(alice), idempotencyKey="k-1", gpuCount=1)
    again = await world.create(customer_viewer(alice), idempotencyKey="k-1", gpuCount=1)

    assert again["errors"] == []
    assert again["environment"]["rowId"] == first["environment"]["rowId"]
    assert await world.count("environments") == 1
    assert await world.count("notifications") == 1
    assert await world.count("event_outbox") == 2  # environment.created, notification.created
    assert [a["status_code"] for a in await _audit(world)] == [200, 200]
    assert (await host_usage(world.conn, host))["used_gpu"] == 1
    key = await world.conn.fetchrow(
        "SELECT customer_id, operation, resource_id FROM idempotency_keys"
    )
    assert tuple(key) == (alice, "environmentCreate", first["environment"]["rowId"])
    await assert_consistent(world.conn)


async def test_create_same_idempotency_key_other_input_conflict(world: World) -> None:
    await add_host(world.conn)
    alice = await add_customer(world.conn)
    bob = await add_customer(world.conn)
    await world.create(customer_viewer(alice), idempotencyKey="k-1")

    other = await world.create(customer_viewer(alice), idempotencyKey="k-1", cpu=3)
    bobs = await world.create(customer_viewer(bob), idempotencyKey="k-1", cpu=3)

    assert _error(other) == ("IDEMPOTENCY_CONFLICT", ["input", "idempotencyKey"])
    assert bobs["errors"] == []  # keys are per customer
    assert await world.count("environments") == 2
    await assert_consistent(world.conn)


async def test_create_failed_attempt_leaves_key_unused(world: World) -> None:
    await add_host(world.conn)
    alice = await add_customer(world.conn, cpu=2)

    refused = await world.create(customer_viewer(alice), idempotencyKey="k-1", cpu=3)
    await world.conn.execute("UPDATE resource_quotas SET cpu_quota = 4")
    retried = await world.create(customer_viewer(alice), idempotencyKey="k-1", cpu=3)

    assert _error(refused) == ("QUOTA_EXCEEDED", ["input", "cpu"])
    assert retried["errors"] == []
    assert retried["environment"]["cpu"] == 3
    await assert_consistent(world.conn)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * 129}, "name"),
        ({"cpu": 0}, "cpu"),
        ({"memory": str(256 * MIB - 1)}, "memory"),
        ({"gpuCount": -1}, "gpuCount"),
        ({"storage": "0"}, "storage"),
        ({"description": "d" * 4001}, "description"),
        ({"idempotencyKey": "k" * 129}, "idempotencyKey"),
    ],
)
async def test_create_invalid_input_refused(
    world: World, fields: dict[str, Any], field: str
) -> None:
    host = await add_host(world.conn)
    alice = await add_customer(world.conn)

    payload = await world.create(customer_viewer(alice), **fields)

    assert _error(payload) == ("INVALID_INPUT", ["input", field])
    await _nothing_created(world, host)


async def test_create_minimum_memory_fits(world: World) -> None:
    await add_host(world.conn)
    alice = await add_customer(world.conn)

    payload = await world.create(customer_viewer(alice), memory=str(256 * MIB), cpu=1)

    assert payload["errors"] == []
    await assert_consistent(world.conn)


async def test_create_anonymous_unauthenticated(world: World) -> None:
    host = await add_host(world.conn)

    data = await world.gql.ok(CREATE, {"input": environment_input("x")})

    assert _error(data["environmentCreate"]) == ("UNAUTHENTICATED", None)
    await _nothing_created(world, host)
