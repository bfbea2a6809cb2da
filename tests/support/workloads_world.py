"""The cast of the workload tests: the seeded fleet's people (a team workspace with an external
admin, two members with environments and a viewer; a stranger; staff; a platform admin), the
datasets and models whose readability matters, the workload documents and the helpers that
create jobs and services through them. Shared by test_workloads and test_workload_events."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import pytest

from remotegpu.auth.viewer import Viewer
from remotegpu.db.urls import asyncpg_dsn
from tests.graphql import GraphQLRunner, admin_viewer, customer_viewer
from tests.support.documents import mutation_document
from tests.support.results import payload

JOB_FIELDS = (
    "trainingJob { rowId customerId workspaceId envId datasetId modelId name description"
    " framework scriptPath status priority cpu memory gpu startedAt completedAt }"
)
JOB_CREATE, JOB_CANCEL, JOB_TRANSITION = (
    mutation_document(f"trainingJob{verb}", JOB_FIELDS)
    for verb in ("Create", "Cancel", "Transition")
)
PENDING_BY_PRIORITY = """
query P($owner: ID) {
  trainingJobs(first: 100, orderBy: PRIORITY_DESC,
               where: {status: {eq: PENDING}, ownerId: {eq: $owner}}) {
    nodes { rowId priority status }
  }
}
"""
SERVICE_FIELDS = (
    "inferenceService { rowId customerId workspaceId modelId modelVersionName name framework"
    " status endpointUrl cpu memory gpu replicas }"
)
SVC_CREATE, SVC_REPORT, SVC_SCALE, SVC_START, SVC_STOP = (
    mutation_document(f"inferenceService{verb}", SERVICE_FIELDS)
    for verb in ("Create", "StatusReport", "Scale", "Start", "Stop")
)
SVC_DELETE = mutation_document("inferenceServiceDelete", "deletedInferenceServiceId")

WORKSPACE_SQL = """
WITH m AS (
    SELECT wm.workspace_id, wm.customer_id, wm.role,
           EXISTS (SELECT 1 FROM environments e
                   WHERE e.user_id = c.id AND e.status IN ('running', 'stopped')) AS has_env
    FROM workspace_members wm JOIN customers c ON c.id = wm.customer_id
    WHERE wm.status = 'active' AND c.status = 'active' AND c.user_type = 'external')
SELECT w.id FROM workspaces w
WHERE w.status = 'active' AND w.type <> 'personal'
  AND EXISTS (SELECT 1 FROM m WHERE m.workspace_id = w.id AND m.role = 'admin')
  AND (SELECT count(*) FROM m WHERE m.workspace_id = w.id AND m.role = 'member' AND has_env) >= 2
  AND EXISTS (SELECT 1 FROM m WHERE m.workspace_id = w.id AND m.role = 'viewer')
ORDER BY w.id LIMIT 1
"""


@dataclass(frozen=True)
class Cast:
    workspace: int
    root: Viewer  # platform admin
    staff: Viewer  # a platform admin other than root where the fleet has one
    ws_admin: Viewer  # external admin of the workspace
    alice: Viewer  # external member with an environment
    bob: Viewer  # another external member with an environment
    ws_viewer: Viewer  # external viewer of the workspace
    stranger: Viewer  # external, not in the workspace
    alice_env: str
    alice_host: str
    bob_env: str
    stranger_env: str


@dataclass(frozen=True)
class Refs:
    """Datasets and models by who may read them (alice is the reader that matters)."""

    own_dataset: int
    shared_dataset: int  # bob's, visibility workspace, in the workspace
    public_dataset: int  # stranger's
    foreign_dataset: int  # stranger's, private
    own_model: int
    shared_model: int
    public_model: int  # stranger's, framework onnx, version v1.0
    foreign_model: int


@pytest.fixture
async def conn(gql: GraphQLRunner) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(asyncpg_dsn(gql.url))
    yield connection
    await connection.close()


async def _member(conn: asyncpg.Connection, workspace: int, role: str, skip: int = 0) -> int:
    customer_id: int = await conn.fetchval(
        "SELECT c.id FROM workspace_members wm JOIN customers c ON c.id = wm.customer_id"
        " WHERE wm.workspace_id = $1 AND wm.role = $2 AND wm.status = 'active'"
        " AND c.status = 'active' AND c.user_type = 'external'"
        " AND ($2 <> 'member' OR EXISTS (SELECT 1 FROM environments e"
        "      WHERE e.user_id = c.id AND e.status IN ('running', 'stopped')))"
        " ORDER BY c.id OFFSET $3 LIMIT 1",
        workspace,
        role,
        skip,
    )
    return customer_id


async def _env_of(conn: asyncpg.Connection, customer_id: int) -> asyncpg.Record:
    return await conn.fetchrow(
        "SELECT id, host_id FROM environments WHERE user_id = $1"
        " AND status IN ('running', 'stopped') ORDER BY id LIMIT 1",
        customer_id,
    )


@pytest.fixture
async def cast(conn: asyncpg.Connection) -> Cast:
    workspace = await conn.fetchval(WORKSPACE_SQL)
    assert workspace is not None, "the seed has no workspace with every role"
    alice, bob = (
        await _member(conn, workspace, "member"),
        await _member(conn, workspace, "member", 1),
    )
    stranger = await conn.fetchval(
        "SELECT min(c.id) FROM customers c WHERE c.user_type = 'external'"
        " AND c.status = 'active' AND c.id NOT IN"
        " (SELECT customer_id FROM workspace_members WHERE workspace_id = $1)"
        " AND EXISTS (SELECT 1 FROM environments e WHERE e.user_id = c.id"
        "             AND e.status IN ('running', 'stopped'))",
        workspace,
    )
    root = await conn.fetchval("SELECT min(id) FROM customers WHERE user_type = 'admin'")
    # Platform staff are admins: internal users are customers and may not move other
    # tenants' workloads (a test below shows they are refused).
    staff = await conn.fetchval(
        "SELECT max(id) FROM customers WHERE user_type = 'admin' AND status = 'active'"
        " AND deleted_at IS NULL"
    )
    alice_env, bob_env, stranger_env = [await _env_of(conn, who) for who in (alice, bob, stranger)]
    return Cast(
        workspace=workspace,
        root=admin_viewer(root),
        staff=admin_viewer(staff),
        ws_admin=customer_viewer(await _member(conn, workspace, "admin")),
        alice=customer_viewer(alice),
        bob=customer_viewer(bob),
        ws_viewer=customer_viewer(await _member(conn, workspace, "viewer")),
        stranger=customer_viewer(stranger),
        alice_env=alice_env["id"],
        alice_host=alice_env["host_id"],
        bob_env=bob_env["id"],
        stranger_env=stranger_env["id"],
    )


async def _add(
    conn: asyncpg.Connection, table: str, owner: int | None, visibility: str, workspace: int | None
) -> int:
    framework = ", framework" if table == "models" else ""
    framework_value = ", 'onnx'" if table == "models" else ""
    row_id: int = await conn.fetchval(
        f"INSERT INTO {table} (customer_id, workspace_id, name, storage_path, status,"
        f" visibility{framework}) VALUES ($1, $2, 'test ' || $3, 's3://test/x', 'ready',"
        f" $3{framework_value}) RETURNING id",
        owner,
        workspace,
        visibility,
    )
    return row_id


@pytest.fixture
async def refs(conn: asyncpg.Connection, cast: Cast) -> Refs:
    alice, bob, stranger = cast.alice.customer_id, cast.bob.customer_id, cast.stranger.customer_id
    ids = {}
    for table in ("datasets", "models"):
        ids[table] = (
            await _add(conn, table, alice, "private", None),
            await _add(conn, table, bob, "workspace", cast.workspace),
            await _add(conn, table, stranger, "public", None),
            await _add(conn, table, stranger, "private", None),
        )
    await conn.execute(
        "INSERT INTO model_versions (model_id, version, storage_path, size)"
        " VALUES ($1, 'v1.0', 's3://test/v1', 0)",
        ids["models"][2],
    )
    return Refs(*ids["datasets"], *ids["models"])


async def table_rows(conn: asyncpg.Connection, table: str) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in await conn.fetch(f"SELECT * FROM {table} ORDER BY id")]


async def create_job(gql: GraphQLRunner, viewer: Viewer, **fields: Any) -> dict[str, Any]:
    data = payload(
        await gql(JOB_CREATE, {"input": {"name": "train", **fields}}, viewer), "trainingJobCreate"
    )
    assert data["errors"] == []
    job: dict[str, Any] = data["trainingJob"]
    return job


async def transition(
    gql: GraphQLRunner, viewer: Viewer, job_id: str, status: str
) -> dict[str, Any]:
    return payload(
        await gql(JOB_TRANSITION, {"input": {"id": job_id, "status": status}}, viewer),
        "trainingJobTransition",
    )


async def create_service(gql: GraphQLRunner, viewer: Viewer, **fields: Any) -> dict[str, Any]:
    data = payload(
        await gql(SVC_CREATE, {"input": {"name": "serve", **fields}}, viewer),
        "inferenceServiceCreate",
    )
    assert data["errors"] == []
    service: dict[str, Any] = data["inferenceService"]
    return service
