"""portMappingAdd / portMappingRelease: custom service ports of an environment."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from remotegpu.auth.viewer import Viewer
from tests.graphql import agent_viewer, customer_viewer
from tests.support.db import assert_consistent
from tests.support.documents import mutation_document
from tests.support.fleet import (
    add_customer,
    add_host,
    add_image,
    add_workspace,
    environment_input,
    set_config,
)
from tests.support.worlds import GraphQLWorld, database_and_api

CREATE = mutation_document("environmentCreate", "environment { rowId }")
ADD = """
mutation($input: PortMappingAddInput!) {
  portMappingAdd(input: $input) {
    portMapping { rowId envId serviceType externalPort internalPort status releasedAt }
    errors { field code message }
  }
}
"""
RELEASE = """
mutation($id: Int!) {
  portMappingRelease(input: {id: $id}) {
    portMapping { rowId serviceType status releasedAt }
    errors { field code message }
  }
}
"""
DELETE = """
mutation($id: String!) { environmentDelete(input: {id: $id}) { errors { code } } }
"""


@dataclass
class World(GraphQLWorld):
    alice: int
    env_id: str

    async def add(self, internal: int, viewer: Viewer | None = None, env_id: str = "") -> Any:
        variables = {"input": {"environmentId": env_id or self.env_id, "internalPort": internal}}
        return await self.run(ADD, variables, viewer or customer_viewer(self.alice))

    async def release(self, mapping_id: int, viewer: Viewer | None = None) -> Any:
        return await self.run(RELEASE, {"id": mapping_id}, viewer or customer_viewer(self.alice))

    async def custom(self) -> list[tuple[int, int, str]]:
        rows = await self.conn.fetch(
            "SELECT external_port, internal_port, status FROM port_mappings"
            " WHERE service_type = 'custom' ORDER BY id"
        )
        return [tuple(r) for r in rows]


@pytest.fixture
async def world(migrated_url: str) -> AsyncIterator[World]:
    async with database_and_api(migrated_url) as (conn, gql):
        await add_image(conn)
        await add_host(conn)
        alice = await add_customer(conn)
        data = await gql.ok(
            CREATE,
            {"input": environment_input("dev")},
            customer_viewer(alice),
        )
        yield World(conn, gql, alice, data["environmentCreate"]["environment"]["rowId"])


def _error(payload: dict[str, Any]) -> tuple[str, list[str] | None]:
    assert payload["portMapping"] is None
    (error,) = payload["errors"]
    return error["code"], error["field"]


async def test_port_mapping_add_takes_lowest_custom_port(world: World) -> None:
    first = await world.add(8080)
    second = await world.add(6006)

    assert first["errors"] == []
    mapping = first["portMapping"]
    assert mapping["envId"] == world.env_id
    assert (mapping["serviceType"], mapping["status"]) == ("CUSTOM", "ACTIVE")
    assert (mapping["externalPort"], mapping["internalPort"]) == (60001, 8080)
    assert second["portMapping"]["externalPort"] == 60002
    assert await world.custom() == [(60001, 8080, "active"), (60002, 6006, "active")]
    audit = await world.conn.fetchrow(
        "SELECT resource_type, resource_id, status_code FROM audit_logs"
        " WHERE action = 'port_mapping.add' ORDER BY id LIMIT 1"
    )
    assert tuple(audit) == ("port_mapping", str(mapping["rowId"]), 200)
    await assert_consistent(world.conn)


async def test_port_mapping_add_same_internal_port_conflict(world: World) -> None:
    await world.add(8080)

    payload = await world.add(8080)

    assert _error(payload) == ("CONFLICT", ["input", "internalPort"])
    assert await world.custom() == [(60001, 8080, "active")]


@pytest.mark.parametrize("internal", [0, 65536, -1])
async def test_port_mapping_add_bad_internal_port_invalid_input(
    world: World, internal: int
) -> None:
    payload = await world.add(internal)

    assert _error(payload) == ("INVALID_INPUT", ["input", "internalPort"])
    assert await world.custom() == []


async def test_port_mapping_add_range_exhausted_no_ports(world: World) -> None:
    await set_config(world.conn, "custom_port_range_end", 60001)
    await world.add(8080)

    payload = await world.add(8081)

    assert _error(payload) == ("NO_PORTS", None)
    assert await world.custom() == [(60001, 8080, "active")]


async def test_port_mapping_add_deleted_environment_invalid_transition(world: World) -> None:
    await world.conn.execute("UPDATE environments SET status = 'running'")
    await world.run(DELETE, {"id": world.env_id}, customer_viewer(world.alice))

    payload = await world.add(8080)

    assert _error(payload) == ("INVALID_TRANSITION", ["input", "environmentId"])
    assert await world.custom() == []
    await assert_consistent(world.conn)


async def test_port_mapping_add_other_tenant_not_found(world: World) -> None:
    mallory = await add_customer(world.conn)

    payload = await world.add(8080, customer_viewer(mallory))

    assert _error(payload) == ("NOT_FOUND", ["input", "environmentId"])
    assert await world.custom() == []


async def test_port_mapping_add_workspace_viewer_forbidden(world: World) -> None:
    reader = await add_customer(world.conn)
    team = await add_workspace(world.conn, world.alice, {reader: "viewer"})
    await world.conn.execute("UPDATE environments SET workspace_id = $1", team)

    payload = await world.add(8080, customer_viewer(reader))

    assert _error(payload) == ("FORBIDDEN", ["input", "environmentId"])
    assert await world.custom() == []


async def test_port_mapping_release_custom(world: World) -> None:
    mapping_id = (await world.add(8080))["portMapping"]["rowId"]

    payload = await world.release(mapping_id)
    again = await world.add(9090)

    assert payload["errors"] == []
    assert payload["portMapping"]["status"] == "RELEASED"
    assert payload["portMapping"]["releasedAt"] is not None
    assert again["portMapping"]["externalPort"] == 60001  # the released port is free again
    assert await world.custom() == [(60001, 8080, "released"), (60001, 9090, "active")]
    await assert_consistent(world.conn)


async def test_port_mapping_release_twice_invalid_transition(world: World) -> None:
    mapping_id = (await world.add(8080))["portMapping"]["rowId"]
    await world.release(mapping_id)

    payload = await world.release(mapping_id)

    assert _error(payload) == ("INVALID_TRANSITION", ["input", "id"])


@pytest.mark.parametrize("service", ["ssh", "jupyter"])
async def test_port_mapping_release_service_port_forbidden(world: World, service: str) -> None:
    mapping_id = await world.conn.fetchval(
        "SELECT id FROM port_mappings WHERE service_type = $1", service
    )

    payload = await world.release(mapping_id)

    assert _error(payload) == ("FORBIDDEN", ["input", "id"])
    status = await world.conn.fetchval("SELECT status FROM port_mappings WHERE id = $1", mapping_id)
    assert status == "active"
    await assert_consistent(world.conn)


async def test_port_mapping_release_other_tenant_not_found(world: World) -> None:
    mapping_id = (await world.add(8080))["portMapping"]["rowId"]
    mallory = await add_customer(world.conn)

    payload = await world.release(mapping_id, customer_viewer(mallory))
    missing = await world.release(mapping_id + 1000, customer_viewer(mallory))

    assert _error(payload) == ("NOT_FOUND", ["input", "id"])
    assert _error(missing) == ("NOT_FOUND", ["input", "id"])
    assert await world.custom() == [(60001, 8080, "active")]


async def test_port_mapping_add_by_agent_unauthorised(world: World) -> None:
    host = await world.conn.fetchval("SELECT host_id FROM environments")

    payload = await world.add(8080, agent_viewer(world.alice, host))

    assert _error(payload) == ("FORBIDDEN", None)  # agent tokens carry no write scope
    assert await world.custom() == []
