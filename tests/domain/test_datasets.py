"""datasetCreate, datasetUpdate, datasetDelete and datasetVersionCreate over GraphQL, on a fresh
migrated database with a small world built in SQL (customers, a team workspace, a host).

Every rule has a passing and a failing case; each asserts the payload, the rows afterwards,
the audit_logs row, and that the invariant checker stays silent. `make_world` and the SQL
builders here are shared by test_models, test_mounts and test_artifacts.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import asyncpg
import pytest

from remotegpu.auth.viewer import Viewer
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.domain.invariants import find_violations_on
from remotegpu.settings import Settings
from tests.graphql import GraphQLRunner, admin_viewer, customer_viewer

ERRORS = "errors { field code message }"
DATASET_FIELDS = (
    "id rowId customerId workspaceId name description storagePath storageType totalSize "
    "fileCount status visibility"
)

DATASET_CREATE = f"""
mutation ($input: DatasetCreateInput!) {{
  datasetCreate(input: $input) {{ dataset {{ {DATASET_FIELDS} }} {ERRORS} }}
}}
"""

DATASET_UPDATE = f"""
mutation ($input: DatasetUpdateInput!) {{
  datasetUpdate(input: $input) {{ dataset {{ {DATASET_FIELDS} }} {ERRORS} }}
}}
"""

DATASET_DELETE = f"""
mutation ($input: DatasetDeleteInput!) {{
  datasetDelete(input: $input) {{ deletedId deletedRowId {ERRORS} }}
}}
"""

DATASET_VERSION_CREATE = f"""
mutation ($input: DatasetVersionCreateInput!) {{
  datasetVersionCreate(input: $input) {{
    datasetVersion {{ rowId datasetId version storagePath size fileCount description }}
    dataset {{ rowId totalSize fileCount }}
    {ERRORS}
  }}
}}
"""

_ports = itertools.count()


# --- the world and its SQL builders -------------------------------------------------------


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

    async def run(
        self, document: str, field: str, customer_id: int, **input: Any
    ) -> dict[str, Any]:
        """The payload of mutation `field` run as `customer_id` with `input`."""
        data = await self.gql.ok(document, {"input": input}, viewer=self.viewer(customer_id))
        payload: dict[str, Any] = data[field]
        return payload


@asynccontextmanager
async def make_world(migrated_url: str) -> AsyncIterator[World]:
    conn = await asyncpg.connect(asyncpg_dsn(migrated_url))
    await conn.execute("INSERT INTO images (name) VALUES ('pytorch/pytorch:2.3.0-cuda12.1')")
    host = await add_host(conn)
    admin = await add_customer(conn, user_type="admin")
    alice, bob, carol, dave, eve = [await add_customer(conn) for _ in range(5)]
    team = await add_workspace(conn, alice, {bob: "admin", carol: "member", dave: "viewer"})
    runner = GraphQLRunner(Settings(), migrated_url)
    try:
        yield World(conn, runner, host, admin, alice, bob, carol, dave, eve, team)
    finally:
        await runner.close()
        await conn.close()


@pytest.fixture(name="w")
async def world_fixture(migrated_url: str) -> AsyncIterator[World]:
    async with make_world(migrated_url) as world:
        yield world


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


async def assert_consistent(conn: asyncpg.Connection) -> None:
    assert await find_violations_on(conn) == []


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


async def audit_rows(conn: asyncpg.Connection, action: str) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        "SELECT customer_id, resource_type, resource_id, status_code, error_message"
        " FROM audit_logs WHERE action = $1 ORDER BY id",
        action,
    )
    return [dict(r) for r in rows]


async def assert_audited(
    conn: asyncpg.Connection,
    action: str,
    customer_id: int,
    status_code: int,
    resource_id: str | None = None,
) -> None:
    """Exactly one audit row of `action`, with this actor and outcome."""
    rows = await audit_rows(conn, action)
    assert len(rows) == 1, rows
    assert rows[0]["customer_id"] == customer_id
    assert rows[0]["status_code"] == status_code
    if status_code == 200:
        assert rows[0]["error_message"] is None
    else:
        assert rows[0]["error_message"]
    if resource_id is not None:
        assert rows[0]["resource_id"] == resource_id


def assert_error(payload: dict[str, Any], code: str, field: list[str] | None) -> None:
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [(code, field)], payload
    assert payload["errors"][0]["message"]


async def dataset_row(conn: asyncpg.Connection, dataset_id: int) -> dict[str, Any] | None:
    row = await conn.fetchrow("SELECT * FROM datasets WHERE id = $1", dataset_id)
    return None if row is None else dict(row)


async def count(conn: asyncpg.Connection, table: str) -> int:
    n: int = await conn.fetchval(f"SELECT count(*) FROM {table}")
    return n


# --- datasetCreate ------------------------------------------------------------------------


async def test_dataset_create_by_customer_creates_private_uploading_dataset(w: World) -> None:
    payload = await w.run(
        DATASET_CREATE,
        "datasetCreate",
        w.alice,
        name=" imagenet ",
        storagePath="s3://bucket/imagenet",
        storageType="S3",
        description="1k classes",
    )
    assert payload["errors"] == []
    dataset = payload["dataset"]
    assert dataset["customerId"] == w.alice
    assert dataset["workspaceId"] is None
    assert (dataset["name"], dataset["storageType"]) == ("imagenet", "S3")
    assert (dataset["status"], dataset["visibility"]) == ("UPLOADING", "PRIVATE")
    assert (dataset["totalSize"], dataset["fileCount"]) == ("0", 0)
    row = await dataset_row(w.conn, dataset["rowId"])
    assert row is not None
    assert (row["customer_id"], row["status"], row["storage_type"]) == (w.alice, "uploading", "s3")
    assert row["storage_path"] == "s3://bucket/imagenet"
    await assert_audited(w.conn, "dataset.create", w.alice, 200, str(dataset["rowId"]))
    await assert_consistent(w.conn)


async def test_dataset_create_in_workspace_as_member_succeeds(w: World) -> None:
    payload = await w.run(
        DATASET_CREATE,
        "datasetCreate",
        w.carol,
        name="shared",
        storagePath="s3://bucket/shared",
        workspaceId=w.team,
        visibility="WORKSPACE",
    )
    assert payload["errors"] == []
    assert (payload["dataset"]["workspaceId"], payload["dataset"]["visibility"]) == (
        w.team,
        "WORKSPACE",
    )
    row = await dataset_row(w.conn, payload["dataset"]["rowId"])
    assert row is not None
    assert (row["customer_id"], row["workspace_id"]) == (w.carol, w.team)
    await assert_audited(w.conn, "dataset.create", w.carol, 200)
    await assert_consistent(w.conn)


async def test_dataset_create_workspace_visibility_without_workspace_is_invalid(w: World) -> None:
    payload = await w.run(
        DATASET_CREATE,
        "datasetCreate",
        w.alice,
        name="x",
        storagePath="s3://b/x",
        visibility="WORKSPACE",
    )
    assert_error(payload, "INVALID_INPUT", ["input", "visibility"])
    assert payload["dataset"] is None
    assert await count(w.conn, "datasets") == 0
    await assert_audited(w.conn, "dataset.create", w.alice, 422)
    await assert_consistent(w.conn)


@pytest.mark.parametrize(
    ("member", "code"),
    [("eve", "NOT_FOUND"), ("dave", "FORBIDDEN")],
    ids=["other-tenant", "workspace-viewer"],
)
async def test_dataset_create_in_workspace_without_write_role_refused(
    w: World, member: str, code: str
) -> None:
    customer = getattr(w, member)
    payload = await w.run(
        DATASET_CREATE,
        "datasetCreate",
        customer,
        name="x",
        storagePath="s3://b/x",
        workspaceId=w.team,
    )
    assert_error(payload, code, ["input", "workspaceId"])
    assert await count(w.conn, "datasets") == 0
    await assert_audited(w.conn, "dataset.create", customer, 404 if code == "NOT_FOUND" else 403)


async def test_dataset_create_in_missing_or_archived_workspace_refused(w: World) -> None:
    payload = await w.run(
        DATASET_CREATE, "datasetCreate", w.alice, name="x", storagePath="s3://b/x", workspaceId=999
    )
    assert_error(payload, "NOT_FOUND", ["input", "workspaceId"])
    await w.conn.execute("UPDATE workspaces SET status = 'archived' WHERE id = $1", w.team)
    payload = await w.run(
        DATASET_CREATE, "datasetCreate", w.alice, name="x", storagePath="s3://b/x",
        workspaceId=w.team,
    )  # fmt: skip
    assert_error(payload, "INVALID_INPUT", ["input", "workspaceId"])
    assert await count(w.conn, "datasets") == 0
    assert len(await audit_rows(w.conn, "dataset.create")) == 2


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "   "),
        ("name", "n" * 257),
        ("storagePath", ""),
        ("storagePath", "s3://" + "p" * 508),
        ("description", "d" * 10_001),
    ],
    ids=["blank-name", "long-name", "empty-path", "long-path", "long-description"],
)
async def test_dataset_create_bad_field_is_invalid(w: World, field: str, value: str) -> None:
    fields = {"name": "ok", "storagePath": "s3://b/ok", field: value}
    payload = await w.run(DATASET_CREATE, "datasetCreate", w.alice, **fields)
    assert_error(payload, "INVALID_INPUT", ["input", field])
    assert await count(w.conn, "datasets") == 0
    await assert_audited(w.conn, "dataset.create", w.alice, 422)


async def test_dataset_create_for_another_owner_admin_only(w: World) -> None:
    payload = await w.run(
        DATASET_CREATE, "datasetCreate", w.alice, name="x", storagePath="s3://b/x", ownerId=w.eve
    )
    assert_error(payload, "FORBIDDEN", ["input", "ownerId"])
    assert await count(w.conn, "datasets") == 0

    payload = await w.run(
        DATASET_CREATE,
        "datasetCreate",
        w.admin,
        name="x",
        storagePath="s3://b/x",
        ownerId=w.carol,
        workspaceId=w.team,
        visibility="WORKSPACE",
    )
    assert payload["errors"] == []
    row = await dataset_row(w.conn, payload["dataset"]["rowId"])
    assert row is not None
    assert (row["customer_id"], row["workspace_id"]) == (w.carol, w.team)
    rows = await audit_rows(w.conn, "dataset.create")
    assert [(r["customer_id"], r["status_code"]) for r in rows] == [(w.alice, 403), (w.admin, 200)]
    await assert_consistent(w.conn)


async def test_dataset_create_by_admin_for_non_member_in_workspace_invalid(w: World) -> None:
    payload = await w.run(
        DATASET_CREATE, "datasetCreate", w.admin, name="x", storagePath="s3://b/x",
        ownerId=w.eve, workspaceId=w.team,
    )  # fmt: skip
    assert_error(payload, "INVALID_INPUT", ["input", "workspaceId"])
    payload = await w.run(
        DATASET_CREATE, "datasetCreate", w.admin, name="x", storagePath="s3://b/x", ownerId=12345
    )
    assert_error(payload, "NOT_FOUND", ["input", "ownerId"])
    assert await count(w.conn, "datasets") == 0


# --- datasetUpdate ------------------------------------------------------------------------


async def test_dataset_update_by_owner_changes_fields(w: World) -> None:
    dataset_id = await add_dataset(w.conn, w.alice, status="uploading")
    payload = await w.run(
        DATASET_UPDATE,
        "datasetUpdate",
        w.alice,
        datasetId=dataset_id,
        name="renamed",
        description="now ready",
        status="READY",
        visibility="PUBLIC",
    )
    assert payload["errors"] == []
    assert payload["dataset"]["name"] == "renamed"
    assert (payload["dataset"]["status"], payload["dataset"]["visibility"]) == ("READY", "PUBLIC")
    row = await dataset_row(w.conn, dataset_id)
    assert row is not None
    assert (row["name"], row["description"], row["status"], row["visibility"]) == (
        "renamed",
        "now ready",
        "ready",
        "public",
    )
    await assert_audited(w.conn, "dataset.update", w.alice, 200, str(dataset_id))
    await assert_consistent(w.conn)


async def test_dataset_update_visibility_by_workspace_admin_succeeds(w: World) -> None:
    dataset_id = await add_dataset(w.conn, w.carol, workspace_id=w.team, visibility="workspace")
    payload = await w.run(
        DATASET_UPDATE, "datasetUpdate", w.bob, datasetId=dataset_id, visibility="PUBLIC"
    )
    assert payload["errors"] == []
    assert payload["dataset"]["visibility"] == "PUBLIC"
    row = await dataset_row(w.conn, dataset_id)
    assert row is not None
    assert row["visibility"] == "public"
    await assert_audited(w.conn, "dataset.update", w.bob, 200, str(dataset_id))


@pytest.mark.parametrize(
    ("visibility", "actor", "code"),
    [
        ("workspace", "carol", "FORBIDDEN"),  # a workspace member reads but does not manage
        ("workspace", "dave", "FORBIDDEN"),
        ("public", "eve", "FORBIDDEN"),  # anyone reads a public dataset
        ("workspace", "eve", "NOT_FOUND"),  # another tenant
        ("private", "bob", "NOT_FOUND"),  # private: even the workspace admin does not see it
    ],
)
async def test_dataset_update_by_non_manager_refused(
    w: World, visibility: str, actor: str, code: str
) -> None:
    dataset_id = await add_dataset(w.conn, w.alice, workspace_id=w.team, visibility=visibility)
    before = await dataset_row(w.conn, dataset_id)
    customer = getattr(w, actor)
    payload = await w.run(
        DATASET_UPDATE, "datasetUpdate", customer, datasetId=dataset_id, visibility="PRIVATE"
    )
    assert_error(payload, code, ["input", "datasetId"])
    assert payload["dataset"] is None
    assert await dataset_row(w.conn, dataset_id) == before
    await assert_audited(
        w.conn, "dataset.update", customer, 403 if code == "FORBIDDEN" else 404, str(dataset_id)
    )


async def test_dataset_update_workspace_visibility_without_workspace_invalid(w: World) -> None:
    dataset_id = await add_dataset(w.conn, w.alice)
    payload = await w.run(
        DATASET_UPDATE, "datasetUpdate", w.alice, datasetId=dataset_id, visibility="WORKSPACE"
    )
    assert_error(payload, "INVALID_INPUT", ["input", "visibility"])
    row = await dataset_row(w.conn, dataset_id)
    assert row is not None
    assert row["visibility"] == "private"
    await assert_audited(w.conn, "dataset.update", w.alice, 422)
    await assert_consistent(w.conn)


async def test_dataset_update_missing_dataset_not_found(w: World) -> None:
    payload = await w.run(DATASET_UPDATE, "datasetUpdate", w.admin, datasetId=424242, name="x")
    assert_error(payload, "NOT_FOUND", ["input", "datasetId"])
    await assert_audited(w.conn, "dataset.update", w.admin, 404, "424242")


# --- datasetDelete ------------------------------------------------------------------------


async def test_dataset_delete_removes_versions_and_history(w: World) -> None:
    dataset_id = await add_dataset(w.conn, w.alice)
    other = await add_dataset(w.conn, w.alice)
    await add_dataset_version(w.conn, dataset_id, "v1", 100, 2)
    await add_dataset_version(w.conn, other, "v1", 5, 1)
    env = await add_environment(w.conn, w.host, w.alice)
    await w.conn.execute(
        "INSERT INTO dataset_usage (env_id, dataset_id, mount_path, unmounted_at)"
        " VALUES ($1, $2, '/data', NOW())",
        env,
        dataset_id,
    )
    done = await add_training_job(w.conn, w.alice, "completed", dataset_id=dataset_id)
    payload = await w.run(DATASET_DELETE, "datasetDelete", w.alice, datasetId=dataset_id)
    assert payload["errors"] == []
    assert payload["deletedRowId"] == dataset_id
    assert payload["deletedId"]
    assert await dataset_row(w.conn, dataset_id) is None
    assert (
        await w.conn.fetchval(
            "SELECT count(*) FROM dataset_versions WHERE dataset_id = $1", dataset_id
        )
        == 0
    )
    assert await count(w.conn, "dataset_versions") == 1  # the other dataset's stays
    assert await count(w.conn, "dataset_usage") == 0
    assert await w.conn.fetchval("SELECT dataset_id FROM training_jobs WHERE id = $1", done) is None
    await assert_audited(w.conn, "dataset.delete", w.alice, 200, str(dataset_id))
    await assert_consistent(w.conn)


async def test_dataset_delete_by_workspace_owner_succeeds(w: World) -> None:
    dataset_id = await add_dataset(w.conn, w.carol, workspace_id=w.team, visibility="workspace")
    payload = await w.run(DATASET_DELETE, "datasetDelete", w.alice, datasetId=dataset_id)
    assert payload["errors"] == []
    assert await dataset_row(w.conn, dataset_id) is None
    await assert_audited(w.conn, "dataset.delete", w.alice, 200)


async def test_dataset_delete_with_open_mount_in_use(w: World) -> None:
    dataset_id = await add_dataset(w.conn, w.alice)
    await add_dataset_version(w.conn, dataset_id, "v1", 100, 2)
    env = await add_environment(w.conn, w.host, w.alice)
    await w.conn.execute(
        "INSERT INTO dataset_usage (env_id, dataset_id, mount_path) VALUES ($1, $2, '/data')",
        env,
        dataset_id,
    )
    payload = await w.run(DATASET_DELETE, "datasetDelete", w.alice, datasetId=dataset_id)
    assert_error(payload, "IN_USE", ["input", "datasetId"])
    assert payload["deletedRowId"] is None
    assert await dataset_row(w.conn, dataset_id) is not None
    assert await count(w.conn, "dataset_versions") == 1
    assert await count(w.conn, "dataset_usage") == 1
    await assert_audited(w.conn, "dataset.delete", w.alice, 409, str(dataset_id))
    await assert_consistent(w.conn)


@pytest.mark.parametrize("status", ["pending", "running"])
async def test_dataset_delete_used_by_live_training_job_in_use(w: World, status: str) -> None:
    dataset_id = await add_dataset(w.conn, w.alice, visibility="public")
    job = await add_training_job(w.conn, w.eve, status, dataset_id=dataset_id)
    payload = await w.run(DATASET_DELETE, "datasetDelete", w.alice, datasetId=dataset_id)
    assert_error(payload, "IN_USE", ["input", "datasetId"])
    assert await dataset_row(w.conn, dataset_id) is not None
    assert await w.conn.fetchval("SELECT dataset_id FROM training_jobs WHERE id = $1", job) == (
        dataset_id
    )
    await assert_audited(w.conn, "dataset.delete", w.alice, 409)


@pytest.mark.parametrize(
    ("visibility", "actor", "code"),
    [("workspace", "carol", "FORBIDDEN"), ("public", "eve", "FORBIDDEN"),
     ("private", "eve", "NOT_FOUND")],
)  # fmt: skip
async def test_dataset_delete_by_non_manager_refused(
    w: World, visibility: str, actor: str, code: str
) -> None:
    dataset_id = await add_dataset(w.conn, w.alice, workspace_id=w.team, visibility=visibility)
    customer = getattr(w, actor)
    payload = await w.run(DATASET_DELETE, "datasetDelete", customer, datasetId=dataset_id)
    assert_error(payload, code, ["input", "datasetId"])
    assert await dataset_row(w.conn, dataset_id) is not None
    await assert_audited(w.conn, "dataset.delete", customer, 403 if code == "FORBIDDEN" else 404)


# --- datasetVersionCreate -----------------------------------------------------------------


async def test_dataset_version_create_adds_to_totals(w: World) -> None:
    dataset_id = await add_dataset(w.conn, w.alice)
    await add_dataset_version(w.conn, dataset_id, "v1.0", 1000, 10)
    payload = await w.run(
        DATASET_VERSION_CREATE,
        "datasetVersionCreate",
        w.alice,
        datasetId=dataset_id,
        version="v1.1",
        storagePath="s3://bucket/data/v1.1",
        size="9007199254740993",  # beyond a float's exact range: travels as a string
        fileCount=5,
        description="more",
    )
    assert payload["errors"] == []
    version = payload["datasetVersion"]
    assert (version["datasetId"], version["version"], version["size"], version["fileCount"]) == (
        dataset_id,
        "v1.1",
        "9007199254740993",
        5,
    )
    assert payload["dataset"] == {
        "rowId": dataset_id,
        "totalSize": str(9007199254740993 + 1000),
        "fileCount": 15,
    }
    row = await dataset_row(w.conn, dataset_id)
    assert row is not None
    assert (row["total_size"], row["file_count"]) == (9007199254740993 + 1000, 15)
    assert await count(w.conn, "dataset_versions") == 2
    await assert_audited(w.conn, "dataset_version.create", w.alice, 200, str(version["rowId"]))
    await assert_consistent(w.conn)


async def test_dataset_version_create_duplicate_conflict(w: World) -> None:
    dataset_id = await add_dataset(w.conn, w.alice)
    await add_dataset_version(w.conn, dataset_id, "v1.0", 1000, 10)
    payload = await w.run(
        DATASET_VERSION_CREATE, "datasetVersionCreate", w.alice,
        datasetId=dataset_id, version="v1.0", storagePath="s3://b/x", size="1", fileCount=1,
    )  # fmt: skip
    assert_error(payload, "CONFLICT", ["input", "version"])
    assert payload["datasetVersion"] is None
    row = await dataset_row(w.conn, dataset_id)
    assert row is not None
    assert (row["total_size"], row["file_count"]) == (1000, 10)
    assert await count(w.conn, "dataset_versions") == 1
    await assert_audited(w.conn, "dataset_version.create", w.alice, 409)
    await assert_consistent(w.conn)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("version", "v 1"),
        ("version", ""),
        ("version", "../v1"),
        ("version", "v" * 65),
        ("size", "-1"),
        ("fileCount", -1),
        ("storagePath", " "),
    ],
)
async def test_dataset_version_create_bad_field_invalid(w: World, field: str, value: Any) -> None:
    dataset_id = await add_dataset(w.conn, w.alice)
    fields = {"version": "v1", "storagePath": "s3://b/v1", "size": "1", "fileCount": 1}
    fields[field] = value
    payload = await w.run(
        DATASET_VERSION_CREATE, "datasetVersionCreate", w.alice, datasetId=dataset_id, **fields
    )
    assert_error(payload, "INVALID_INPUT", ["input", field])
    assert await count(w.conn, "dataset_versions") == 0
    row = await dataset_row(w.conn, dataset_id)
    assert row is not None
    assert (row["total_size"], row["file_count"]) == (0, 0)
    await assert_audited(w.conn, "dataset_version.create", w.alice, 422)


async def test_dataset_version_create_overflowing_totals_invalid(w: World) -> None:
    dataset_id = await add_dataset(w.conn, w.alice)
    await add_dataset_version(w.conn, dataset_id, "v1", 2**63 - 10, 2**31 - 1)
    for field, size, files in (("size", "10", 0), ("fileCount", "0", 1)):
        payload = await w.run(
            DATASET_VERSION_CREATE, "datasetVersionCreate", w.alice, datasetId=dataset_id,
            version="v2", storagePath="s3://b/v2", size=size, fileCount=files,
        )  # fmt: skip
        assert_error(payload, "INVALID_INPUT", ["input", field])
    row = await dataset_row(w.conn, dataset_id)
    assert row is not None
    assert (row["total_size"], row["file_count"]) == (2**63 - 10, 2**31 - 1)
    assert await count(w.conn, "dataset_versions") == 1
    await assert_consistent(w.conn)


@pytest.mark.parametrize(
    ("visibility", "actor", "code"),
    [("public", "eve", "FORBIDDEN"), ("workspace", "carol", "FORBIDDEN"),
     ("private", "eve", "NOT_FOUND")],
)  # fmt: skip
async def test_dataset_version_create_by_non_manager_refused(
    w: World, visibility: str, actor: str, code: str
) -> None:
    dataset_id = await add_dataset(w.conn, w.alice, workspace_id=w.team, visibility=visibility)
    customer = getattr(w, actor)
    payload = await w.run(
        DATASET_VERSION_CREATE, "datasetVersionCreate", customer,
        datasetId=dataset_id, version="v1", storagePath="s3://b/v1", size="7",
    )  # fmt: skip
    assert_error(payload, code, ["input", "datasetId"])
    assert await count(w.conn, "dataset_versions") == 0
    await assert_audited(
        w.conn, "dataset_version.create", customer, 403 if code == "FORBIDDEN" else 404
    )


async def test_dataset_version_create_concurrent_keeps_sums_exact(w: World) -> None:
    """Ten versions at once, each request in its own session and transaction: the row lock
    serialises them, so total_size and file_count equal the sums over the versions."""
    dataset_id = await add_dataset(w.conn, w.alice)
    sizes = [1_000_003 * (i + 1) for i in range(10)]
    payloads = await asyncio.gather(
        *(
            w.run(
                DATASET_VERSION_CREATE,
                "datasetVersionCreate",
                w.alice,
                datasetId=dataset_id,
                version=f"v{i}",
                storagePath=f"s3://b/v{i}",
                size=str(size),
                fileCount=i + 1,
            )
            for i, size in enumerate(sizes)
        )
    )
    assert [p["errors"] for p in payloads] == [[]] * 10
    row = await dataset_row(w.conn, dataset_id)
    assert row is not None
    assert row["total_size"] == sum(sizes)
    assert row["file_count"] == sum(range(1, 11))
    sums = await w.conn.fetchrow(
        "SELECT count(*) AS n, sum(size) AS size FROM dataset_versions WHERE dataset_id = $1",
        dataset_id,
    )
    assert (sums["n"], sums["size"]) == (10, sum(sizes))
    assert len(await audit_rows(w.conn, "dataset_version.create")) == 10
    await assert_consistent(w.conn)


async def test_dataset_version_create_concurrent_duplicates_one_wins(w: World) -> None:
    dataset_id = await add_dataset(w.conn, w.alice)
    payloads = await asyncio.gather(
        *(
            w.run(
                DATASET_VERSION_CREATE,
                "datasetVersionCreate",
                w.alice,
                datasetId=dataset_id,
                version="v1",
                storagePath="s3://b/v1",
                size="10",
            )
            for _ in range(5)
        )
    )
    codes = sorted(e["code"] for p in payloads for e in p["errors"])
    assert codes == ["CONFLICT"] * 4
    row = await dataset_row(w.conn, dataset_id)
    assert row is not None
    assert row["total_size"] == 10
    assert await count(w.conn, "dataset_versions") == 1
    await assert_consistent(w.conn)
