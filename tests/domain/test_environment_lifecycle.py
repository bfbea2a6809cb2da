"""The environment lifecycle after create: status reports, stop, start, delete, update, and
who may do them. Payload and database are checked after every mutation."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import pytest

from remotegpu.auth.viewer import Scope, Viewer
from tests.graphql import admin_viewer, agent_viewer, customer_viewer
from tests.support.db import assert_consistent
from tests.support.documents import mutation_document
from tests.support.fleet import (
    GIB,
    IMAGE,
    add_customer,
    add_host,
    add_image,
    add_workspace,
    host_usage,
)
from tests.support.worlds import GraphQLWorld, database_and_api

CREATE = mutation_document("environmentCreate", "environment { rowId }")
FIELDS = "environment { rowId status name description startedAt stoppedAt containerId }"
START = f"""
mutation($id: String!) {{
  environmentStart(input: {{id: $id}}) {{ {FIELDS} errors {{ field code message }} }}
}}
"""
STOP = f"""
mutation($id: String!) {{
  environmentStop(input: {{id: $id}}) {{ {FIELDS} errors {{ field code message }} }}
}}
"""
DELETE = f"""
mutation($id: String!) {{
  environmentDelete(input: {{id: $id}}) {{ {FIELDS} errors {{ field code message }} }}
}}
"""
UPDATE = f"""
mutation($input: EnvironmentUpdateInput!) {{
  environmentUpdate(input: $input) {{ {FIELDS} errors {{ field code message }} }}
}}
"""
REPORT = f"""
mutation($input: EnvironmentStatusReportInput!) {{
  environmentStatusReport(input: $input) {{ {FIELDS} errors {{ field code message }} }}
}}
"""

ZERO = {"used_cpu": 0, "used_memory": 0, "used_disk": 0, "used_gpu": 0, "allocated": 0}
ACTIONS = {"start": START, "stop": STOP, "delete": DELETE}


@dataclass
class World(GraphQLWorld):
    host: str
    admin: int
    alice: int

    async def create(self, viewer: Viewer | None = None, **fields: Any) -> str:
        payload = {"name": "dev", "image": IMAGE, "cpu": 2, "memory": str(4 * GIB), **fields}
        result = await self.run(CREATE, {"input": payload}, viewer or customer_viewer(self.alice))
        assert result["errors"] == []
        env_id: str = result["environment"]["rowId"]
        return env_id

    async def act(self, action: str, env_id: str, viewer: Viewer | None = None) -> dict[str, Any]:
        return await self.run(
            ACTIONS[action], {"id": env_id}, viewer or customer_viewer(self.alice)
        )

    async def report(
        self, env_id: str, status: str, viewer: Viewer | None = None, **extra: Any
    ) -> dict[str, Any]:
        viewer = viewer or agent_viewer(self.admin, self.host)
        return await self.run(REPORT, {"input": {"id": env_id, "status": status, **extra}}, viewer)

    async def running(self, **fields: Any) -> str:
        env_id = await self.create(**fields)
        assert (await self.report(env_id, "RUNNING"))["errors"] == []
        return env_id

    async def in_status(self, status: str, **fields: Any) -> str:
        """An environment driven through the API to `status`: creating, running, stopped,
        error or deleted."""
        if status == "creating":
            return await self.create(**fields)
        env_id = await self.running(**fields)
        if status in ("stopped", "deleted"):
            action = "stop" if status == "stopped" else "delete"
            assert (await self.act(action, env_id))["errors"] == []
        if status == "error":
            assert (await self.report(env_id, "ERROR"))["errors"] == []
        return env_id

    async def env(self, env_id: str) -> asyncpg.Record:
        row = await self.conn.fetchrow("SELECT * FROM environments WHERE id = $1", env_id)
        assert row is not None
        return row

    async def ports(self, env_id: str) -> list[tuple[str, int, str]]:
        rows = await self.conn.fetch(
            "SELECT service_type, external_port, status FROM port_mappings WHERE env_id = $1"
            " ORDER BY id",
            env_id,
        )
        return [tuple(r) for r in rows]

    async def gpus_of(self, env_id: str) -> list[int]:
        rows = await self.conn.fetch(
            "SELECT gpu_index FROM gpus WHERE allocated_to = $1 ORDER BY 1", env_id
        )
        return [r["gpu_index"] for r in rows]

    async def events(self) -> list[str]:
        rows = await self.conn.fetch(
            "SELECT event_type FROM event_outbox"
            " WHERE event_type <> 'notification.created' ORDER BY id"
        )
        return [r["event_type"] for r in rows]

    async def last_audit(self) -> tuple[str, int]:
        row = await self.conn.fetchrow(
            "SELECT action, status_code FROM audit_logs ORDER BY id DESC LIMIT 1"
        )
        return row["action"], row["status_code"]


@pytest.fixture
async def world(migrated_url: str) -> AsyncIterator[World]:
    async with database_and_api(migrated_url) as (conn, gql):
        await add_image(conn)
        host = await add_host(conn, gpus=2)
        admin = await add_customer(conn, user_type="admin")
        alice = await add_customer(conn)
        yield World(conn, gql, host, admin, alice)


def _error(payload: dict[str, Any]) -> tuple[str, list[str] | None]:
    assert payload["environment"] is None
    (error,) = payload["errors"]
    return error["code"], error["field"]


# --- status reports -------------------------------------------------------------------------


async def test_report_running_by_host_agent_starts_environment(world: World) -> None:
    env_id = await world.create(gpuCount=1)

    payload = await world.report(env_id, "RUNNING", containerId="c-123", podName="pod-1")

    assert payload["errors"] == []
    assert payload["environment"]["status"] == "RUNNING"
    assert payload["environment"]["containerId"] == "c-123"
    row = await world.env(env_id)
    assert row["status"] == "running"
    assert row["started_at"] is not None
    assert row["pod_name"] == "pod-1"
    assert await world.gpus_of(env_id) == [0]
    assert (await host_usage(world.conn, world.host))["used_gpu"] == 1
    assert await world.events() == ["environment.created", "environment.started"]
    assert await world.last_audit() == ("environment.status_report", 200)
    await assert_consistent(world.conn)


async def test_report_by_admin_allowed(world: World) -> None:
    env_id = await world.create()

    payload = await world.report(env_id, "RUNNING", admin_viewer(world.admin))

    assert payload["environment"]["status"] == "RUNNING"
    await assert_consistent(world.conn)


async def test_report_by_other_hosts_agent_not_found(world: World) -> None:
    other = await add_host(world.conn)
    env_id = await world.create()

    payload = await world.report(env_id, "RUNNING", agent_viewer(world.admin, other))

    assert _error(payload) == ("NOT_FOUND", ["input", "id"])
    assert (await world.env(env_id))["status"] == "creating"
    assert await world.last_audit() == ("environment.status_report", 404)


async def test_report_by_owner_customer_forbidden(world: World) -> None:
    env_id = await world.create()

    payload = await world.report(env_id, "RUNNING", customer_viewer(world.alice))

    assert _error(payload) == ("FORBIDDEN", ["input", "id"])
    assert (await world.env(env_id))["status"] == "creating"


async def test_report_by_read_only_admin_token_forbidden(world: World) -> None:
    env_id = await world.create()
    reader = Viewer(
        customer_id=world.admin, username="a", user_type="admin", scopes=frozenset({Scope.READ})
    )

    payload = await world.report(env_id, "RUNNING", reader)

    assert _error(payload) == ("FORBIDDEN", ["input", "id"])
    assert (await world.env(env_id))["status"] == "creating"


async def test_report_anonymous_unauthenticated(world: World) -> None:
    env_id = await world.create()

    payload = await world.report(env_id, "RUNNING", Viewer())

    assert _error(payload) == ("UNAUTHENTICATED", None)
    assert (await world.env(env_id))["status"] == "creating"


@pytest.mark.parametrize("from_status", ["creating", "running"])
async def test_report_error_releases_compute_keeps_ports(world: World, from_status: str) -> None:
    env_id = await world.create(gpuCount=2)
    if from_status == "running":
        await world.report(env_id, "RUNNING")
    ports = await world.ports(env_id)

    payload = await world.report(env_id, "ERROR", message="image pull failed")

    assert payload["environment"]["status"] == "ERROR"
    assert (await world.env(env_id))["status"] == "error"
    assert await world.gpus_of(env_id) == []
    assert await host_usage(world.conn, world.host) == ZERO
    assert await world.ports(env_id) == ports
    assert (await world.events())[-1] == "environment.failed"
    content = await world.conn.fetchval("SELECT content FROM notifications WHERE level = 'error'")
    assert "image pull failed" in content
    await assert_consistent(world.conn)


@pytest.mark.parametrize(
    ("setup", "status"),
    [("running", "RUNNING"), ("stopped", "RUNNING"), ("stopped", "ERROR"), ("error", "ERROR")],
)
async def test_report_from_wrong_status_invalid_transition(
    world: World, setup: str, status: str
) -> None:
    env_id = await world.in_status(setup)
    before = await host_usage(world.conn, world.host)

    payload = await world.report(env_id, status)

    assert _error(payload) == ("INVALID_TRANSITION", ["input", "id"])
    assert setup in payload["errors"][0]["message"]
    assert (await world.env(env_id))["status"] == setup
    assert await host_usage(world.conn, world.host) == before
    await assert_consistent(world.conn)


# --- stop, start ----------------------------------------------------------------------------


async def test_stop_running_frees_gpus_and_counters_keeps_ports(world: World) -> None:
    env_id = await world.running(gpuCount=2)
    ports = await world.ports(env_id)

    payload = await world.act("stop", env_id)

    assert payload["errors"] == []
    assert payload["environment"]["status"] == "STOPPED"
    assert payload["environment"]["stoppedAt"] is not None
    assert await world.gpus_of(env_id) == []
    assert await world.conn.fetchval("SELECT count(*) FROM gpus WHERE status = 'available'") == 2
    assert await host_usage(world.conn, world.host) == ZERO
    assert await world.ports(env_id) == ports
    assert (await world.events())[-1] == "environment.stopped"
    assert await world.last_audit() == ("environment.stop", 200)
    await assert_consistent(world.conn)


@pytest.mark.parametrize("setup", ["creating", "stopped", "error", "deleted"])
async def test_stop_when_not_running_invalid_transition(world: World, setup: str) -> None:
    env_id = await world.in_status(setup)

    payload = await world.act("stop", env_id)

    assert _error(payload) == ("INVALID_TRANSITION", ["input", "id"])
    assert setup in payload["errors"][0]["message"]
    assert (await world.env(env_id))["status"] == setup
    assert await world.last_audit() == ("environment.stop", 409)
    await assert_consistent(world.conn)


async def test_start_stopped_reacquires_resources(world: World) -> None:
    env_id = await world.running(gpuCount=1)
    await world.act("stop", env_id)

    payload = await world.act("start", env_id)

    assert payload["errors"] == []
    assert payload["environment"]["status"] == "RUNNING"
    assert payload["environment"]["stoppedAt"] is None
    assert await world.gpus_of(env_id) == [0]
    assert await host_usage(world.conn, world.host) == {
        "used_cpu": 2,
        "used_memory": 4 * GIB,
        "used_disk": 10 * GIB,
        "used_gpu": 1,
        "allocated": 1,
    }
    assert (await world.events())[-1] == "environment.started"
    await assert_consistent(world.conn)


async def test_start_when_gpus_taken_no_capacity(world: World) -> None:
    env_id = await world.running(gpuCount=2)
    await world.act("stop", env_id)
    await world.create(gpuCount=1)  # takes one of the two GPUs meanwhile

    payload = await world.act("start", env_id)

    assert _error(payload) == ("NO_CAPACITY", ["input", "id"])
    assert "1 free GPUs" in payload["errors"][0]["message"]
    assert (await world.env(env_id))["status"] == "stopped"
    assert await world.gpus_of(env_id) == []
    assert (await host_usage(world.conn, world.host))["used_gpu"] == 1
    await assert_consistent(world.conn)


async def test_start_on_host_in_maintenance_no_capacity(world: World) -> None:
    env_id = await world.running()
    await world.act("stop", env_id)
    await world.conn.execute("UPDATE hosts SET status = 'maintenance'")

    payload = await world.act("start", env_id)

    assert _error(payload) == ("NO_CAPACITY", ["input", "id"])
    assert (await world.env(env_id))["status"] == "stopped"
    assert await host_usage(world.conn, world.host) == ZERO


async def test_start_over_lowered_quota_refused(world: World) -> None:
    env_id = await world.running(cpu=4)
    await world.act("stop", env_id)
    await world.conn.execute(
        "UPDATE resource_quotas SET cpu_quota = 3 WHERE user_id = $1", world.alice
    )

    payload = await world.act("start", env_id)

    assert _error(payload) == ("QUOTA_EXCEEDED", None)
    assert (await world.env(env_id))["status"] == "stopped"
    assert await host_usage(world.conn, world.host) == ZERO
    await assert_consistent(world.conn)


@pytest.mark.parametrize("setup", ["creating", "running", "error", "deleted"])
async def test_start_when_not_stopped_invalid_transition(world: World, setup: str) -> None:
    env_id = await world.in_status(setup)
    before = await host_usage(world.conn, world.host)

    payload = await world.act("start", env_id)

    assert _error(payload) == ("INVALID_TRANSITION", ["input", "id"])
    assert (await world.env(env_id))["status"] == setup
    assert await host_usage(world.conn, world.host) == before


# --- delete ---------------------------------------------------------------------------------


@pytest.mark.parametrize("setup", ["running", "stopped", "error"])
async def test_delete_releases_everything(world: World, setup: str) -> None:
    env_id = await world.in_status(setup, gpuCount=2)
    dataset = await world.conn.fetchval(
        "INSERT INTO datasets (customer_id, name, storage_path, status)"
        " VALUES ($1, 'd', '/data/d', 'ready') RETURNING id",
        world.alice,
    )
    await world.conn.execute(
        "INSERT INTO dataset_usage (env_id, dataset_id, mount_path) VALUES ($1, $2, '/mnt/d')",
        env_id,
        dataset,
    )
    port = await world.run(
        "mutation($id: String!) { portMappingAdd(input: {environmentId: $id, internalPort: 6006})"
        " { portMapping { rowId } errors { code } } }",
        {"id": env_id},
        customer_viewer(world.alice),
    )
    assert port["errors"] == []

    payload = await world.act("delete", env_id)

    assert payload["errors"] == []
    assert payload["environment"]["status"] == "DELETED"
    assert (await world.env(env_id))["status"] == "deleted"
    assert {status for _, _, status in await world.ports(env_id)} == {"released"}
    assert len(await world.ports(env_id)) == 3
    assert (
        await world.conn.fetchval("SELECT count(*) FROM port_mappings WHERE released_at IS NULL")
        == 0
    )
    assert await world.gpus_of(env_id) == []
    assert await host_usage(world.conn, world.host) == ZERO
    assert await world.conn.fetchval("SELECT unmounted_at FROM dataset_usage") is not None
    assert (await world.events())[-1] == "environment.deleted"
    assert await world.last_audit() == ("environment.delete", 200)
    await assert_consistent(world.conn)


@pytest.mark.parametrize("setup", ["creating", "deleted"])
async def test_delete_creating_or_deleted_invalid_transition(world: World, setup: str) -> None:
    env_id = await world.in_status(setup, gpuCount=1)
    before = await host_usage(world.conn, world.host)
    ports = await world.ports(env_id)

    payload = await world.act("delete", env_id)

    assert _error(payload) == ("INVALID_TRANSITION", ["input", "id"])
    assert (await world.env(env_id))["status"] == setup
    assert await host_usage(world.conn, world.host) == before
    assert await world.ports(env_id) == ports
    await assert_consistent(world.conn)


# --- who may act ----------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["stop", "delete", "start"])
async def test_other_tenant_not_found_nothing_changed(world: World, action: str) -> None:
    env_id = await world.running(gpuCount=1)
    mallory = await add_customer(world.conn)
    before = await host_usage(world.conn, world.host)

    payload = await world.act(action, env_id, customer_viewer(mallory))
    missing = await world.act(action, "env-000000000000", customer_viewer(mallory))

    assert _error(payload) == ("NOT_FOUND", ["input", "id"])
    assert payload["errors"][0]["message"] == missing["errors"][0]["message"].replace(
        "env-000000000000", env_id
    )
    assert (await world.env(env_id))["status"] == "running"
    assert await host_usage(world.conn, world.host) == before
    assert await world.last_audit() == (f"environment.{action}", 404)


async def test_admin_may_stop_anyones_environment(world: World) -> None:
    env_id = await world.running()

    payload = await world.act("stop", env_id, admin_viewer(world.admin))

    assert payload["environment"]["status"] == "STOPPED"
    await assert_consistent(world.conn)


@pytest.mark.parametrize(
    ("role", "code"),
    [("admin", None), ("owner", None), ("member", "FORBIDDEN"), ("viewer", "FORBIDDEN")],
)
async def test_workspace_role_decides_acting_on_members_environment(
    world: World, role: str, code: str | None
) -> None:
    owner = await add_customer(world.conn)
    colleague = await add_customer(world.conn)
    members = {world.alice: "member"}
    if role != "owner":
        members[colleague] = role
    team = await add_workspace(world.conn, colleague if role == "owner" else owner, members)
    env_id = await world.running(workspaceId=team)

    payload = await world.act("stop", env_id, customer_viewer(colleague))

    if code is None:
        assert payload["environment"]["status"] == "STOPPED"
        assert (await world.env(env_id))["status"] == "stopped"
    else:
        assert _error(payload) == (code, ["input", "id"])
        assert (await world.env(env_id))["status"] == "running"
    await assert_consistent(world.conn)


async def test_removed_workspace_member_not_found(world: World) -> None:
    owner = await add_customer(world.conn)
    team = await add_workspace(world.conn, owner, {world.alice: "member"})
    env_id = await world.running(workspaceId=team)
    await world.conn.execute(
        "UPDATE workspace_members SET role = 'admin', status = 'suspended' WHERE customer_id = $1",
        owner,
    )  # a suspended membership does not count (the invariants are not the point here)

    payload = await world.act("stop", env_id, customer_viewer(owner))

    assert _error(payload) == ("NOT_FOUND", ["input", "id"])
    assert (await world.env(env_id))["status"] == "running"


# --- update ---------------------------------------------------------------------------------


async def test_update_name_and_description(world: World) -> None:
    env_id = await world.create(description="old")

    payload = await world.run(
        UPDATE,
        {"input": {"id": env_id, "name": "  renamed  ", "description": "new"}},
        customer_viewer(world.alice),
    )
    cleared = await world.run(
        UPDATE, {"input": {"id": env_id, "description": ""}}, customer_viewer(world.alice)
    )

    assert payload["environment"]["name"] == "renamed"
    assert payload["environment"]["description"] == "new"
    assert cleared["environment"]["name"] == "renamed"
    assert cleared["environment"]["description"] is None
    row = await world.env(env_id)
    assert (row["name"], row["description"]) == ("renamed", None)
    assert await world.last_audit() == ("environment.update", 200)
    await assert_consistent(world.conn)


@pytest.mark.parametrize(
    ("fields", "field"), [({"name": " "}, "name"), ({"description": "x" * 4001}, "description")]
)
async def test_update_invalid_input_refused(
    world: World, fields: dict[str, str], field: str
) -> None:
    env_id = await world.create()

    payload = await world.run(
        UPDATE, {"input": {"id": env_id, **fields}}, customer_viewer(world.alice)
    )

    assert _error(payload) == ("INVALID_INPUT", ["input", field])
    assert (await world.env(env_id))["name"] == "dev"
    assert await world.last_audit() == ("environment.update", 422)


async def test_update_deleted_invalid_transition(world: World) -> None:
    env_id = await world.running()
    await world.act("delete", env_id)

    payload = await world.run(
        UPDATE, {"input": {"id": env_id, "name": "x"}}, customer_viewer(world.alice)
    )

    assert _error(payload) == ("INVALID_TRANSITION", ["input", "id"])
    assert (await world.env(env_id))["name"] == "dev"


async def test_update_other_tenant_not_found(world: World) -> None:
    env_id = await world.create()
    mallory = await add_customer(world.conn)

    payload = await world.run(
        UPDATE, {"input": {"id": env_id, "name": "pwned"}}, customer_viewer(mallory)
    )

    assert _error(payload) == ("NOT_FOUND", ["input", "id"])
    assert (await world.env(env_id))["name"] == "dev"
