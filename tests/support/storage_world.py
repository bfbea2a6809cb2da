"""The storage world: a small set of customers, a team workspace and a host built in SQL on a
fresh migrated database, the SQL builders of storage rows (datasets, versions, environments,
training jobs), and the checks the storage mutation tests make together: the payload's error,
the one audit row, the invariant checker. Used by the dataset, model, mount and artifact tests.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import asyncpg

from remotegpu.auth.viewer import Viewer
from tests.graphql import GraphQLRunner, admin_viewer, customer_viewer
from tests.support.db import only_audit
from tests.support.documents import mutation_document
from tests.support.worlds import database_and_api

DATASET_DELETE = mutation_document("datasetDelete", "deletedId deletedRowId")

_ports = itertools.count()


@dataclass
class World:
    """alice owns the team workspace; bob is its admin, carol a member, dave a viewer; eve is
    another tenant; admin is platform staff."""

    conn: asyncpg.Connection
    gql: GraphQLRunner
    host: str
    admin: int
    alice: int
    bob: int
    carol: int
    dave: int
    eve: int
    team: int

    def viewer(self, customer_id: int) -> Viewer:
        if customer_id == self.admin:
            return admin_viewer(self.admin)
        return customer_viewer(customer_id)

    async def count(self, table: str) -> int:
        """The number of rows in `table`."""
        n: int = await self.conn.fetchval(f"SELECT count(*) FROM {table}")
        return n

    async def assert_audited(
        self, action: str, customer_id: int, status_code: int, resource_id: str | None = None
    ) -> None:
        """Exactly one audit row of `action`, with this actor and outcome."""
        row = await only_audit(self.conn, action)
        assert row["customer_id"] == customer_id
        assert row["status_code"] == status_code
        if status_code == 200:
            assert row["error_message"] is None
        else:
            assert row["error_message"]
        if resource_id is not None:
            assert row["resource_id"] == resource_id

    async def run(
        self, document: str, field: str, customer_id: int, **input: Any
    ) -> dict[str, Any]:
        """The payload of mutation `field` run as `customer_id` with `input`."""
        data = await self.gql.ok(document, {"input": input}, viewer=self.viewer(customer_id))
        payload: dict[str, Any] = data[field]
        return payload


@asynccontextmanager
async def make_world(migrated_url: str) -> AsyncIterator[World]:
    async with database_and_api(migrated_url) as (conn, runner):
        await conn.execute("INSERT INTO images (name) VALUES ('pytorch/pytorch:2.3.0-cuda12.1')")
        host = await add_host(conn)
        admin = await add_customer(conn, user_type="admin")
        alice, bob, carol, dave, eve = [await add_customer(conn) for _ in range(5)]
        team = await add_workspace(conn, alice, {bob: "admin", carol: "member", dave: "viewer"})
        yield World(conn, runner, host, admin, alice, bob, carol, dave, eve, team)


async def add_customer(conn: asyncpg.Connection, user_type: str = "external") -> int:
    """An active customer with its resource_quotas row."""
    name = f"{user_type}-{next(_ports)}"
    customer_id: int = await conn.fetchval(
        "INSERT INTO customers (username, email, password_hash, user_type)"
        " VALUES ($1::text, $1::text || '@example.com', 'not-a-login', $2) RETURNING id",
        name,
        user_type,
    )
    await conn.execute("INSERT INTO resource_quotas (user_id) VALUES ($1)", customer_id)
    return customer_id


async def add_workspace(conn: asyncpg.Connection, owner: int, members: dict[int, str]) -> int:
    """An active team workspace of `owner` with the other `members` ({id: role}) active."""
    members = {owner: "owner", **members}
    workspace_id: int = await conn.fetchval(
        "INSERT INTO workspaces (owner_id, name, type, member_count)"
        " VALUES ($1, 'team', 'team', $2) RETURNING id",
        owner,
        len(members),
    )
    await conn.executemany(
        "INSERT INTO workspace_members (workspace_id, customer_id, role) VALUES ($1, $2, $3)",
        [(workspace_id, customer, role) for customer, role in members.items()],
    )
    return workspace_id


async def add_host(conn: asyncpg.Connection) -> str:
    """An online host without GPUs and nothing in use (environments here hold no compute)."""
    host_id = f"host-{next(_ports)}"
    await conn.execute(
        "INSERT INTO hosts (id, name, hostname, ip_address, os_type, deployment_mode, status,"
        " health_status, total_cpu, total_memory, total_disk, total_gpu, used_cpu, used_memory,"
        " used_disk, used_gpu) VALUES ($1, $1, $1, '10.0.0.1', 'linux', 'traditional',"
        " 'online', 'healthy', 64, 549755813888, 0, 0, 0, 0, 0, 0)",
        host_id,
    )
    return host_id


async def add_dataset(
    conn: asyncpg.Connection,
    owner: int,
    *,
    workspace_id: int | None = None,
    visibility: str = "private",
    status: str = "ready",
) -> int:
    dataset_id: int = await conn.fetchval(
        "INSERT INTO datasets (customer_id, workspace_id, name, storage_path, status, visibility)"
        " VALUES ($1, $2, 'data', 's3://bucket/data', $3, $4) RETURNING id",
        owner,
        workspace_id,
        status,
        visibility,
    )
    return dataset_id


async def add_dataset_version(
    conn: asyncpg.Connection, dataset_id: int, version: str, size: int, files: int
) -> None:
    async with conn.transaction():
        await conn.execute(
            "INSERT INTO dataset_versions (dataset_id, version, storage_path, size, file_count)"
            " VALUES ($1, $2, 's3://bucket/v', $3, $4)",
            dataset_id,
            version,
            size,
            files,
        )
        await conn.execute(
            "UPDATE datasets SET total_size = total_size + $2, file_count = file_count + $3"
            " WHERE id = $1",
            dataset_id,
            size,
            files,
        )


async def add_environment(
    conn: asyncpg.Connection,
    host: str,
    owner: int,
    *,
    workspace_id: int | None = None,
    status: str = "stopped",
) -> str:
    """A stopped (holding no compute) or deleted environment, with the port mappings the
    invariants want; its id."""
    env_id = f"env-{owner}-{next(_ports)}"
    n = next(_ports)
    ssh, jupyter = 30000 + n, 50001 + n
    gone = status == "deleted"
    async with conn.transaction():
        await conn.execute(
            "INSERT INTO environments (id, user_id, host_id, name, image, status, cpu, memory,"
            " gpu, storage, ssh_port, jupyter_port, workspace_id)"
            " VALUES ($1, $2, $3, $1, 'pytorch/pytorch:2.3.0-cuda12.1', $4, 2, 1073741824, 0,"
            " 0, $5, $6, $7)",
            env_id,
            owner,
            host,
            status,
            None if gone else ssh,
            None if gone else jupyter,
            workspace_id,
        )
        await conn.executemany(
            "INSERT INTO port_mappings (env_id, service_type, external_port, internal_port,"
            " status, released_at) VALUES ($1, $2, $3, $4, $5, $6)",
            [
                (env_id, service, port, internal, "released" if gone else "active", None)
                for service, port, internal in (("ssh", ssh, 22), ("jupyter", jupyter, 8888))
            ],
        )
        if gone:
            await conn.execute(
                "UPDATE port_mappings SET released_at = NOW() WHERE env_id = $1", env_id
            )
    return env_id


async def add_training_job(
    conn: asyncpg.Connection,
    owner: int,
    status: str,
    *,
    dataset_id: int | None = None,
    model_id: int | None = None,
) -> str:
    job_id = f"job-{owner}-{next(_ports)}"
    await conn.execute(
        "INSERT INTO training_jobs (id, customer_id, name, status, dataset_id, model_id,"
        " started_at, completed_at) VALUES ($1, $2, $1, $3::text, $4, $5,"
        " CASE WHEN $3::text <> 'pending' THEN NOW() - interval '1 hour' END,"
        " CASE WHEN $3::text IN ('completed', 'failed') THEN NOW() END)",
        job_id,
        owner,
        status,
        dataset_id,
        model_id,
    )
    return job_id


def assert_error(payload: dict[str, Any], code: str, field: list[str] | None) -> None:
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [(code, field)], payload
    assert payload["errors"][0]["message"]
