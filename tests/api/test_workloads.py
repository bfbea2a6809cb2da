"""Read side of the `workloads` area: training jobs and inference services.

Checked against SQL on the seeded small fleet: paging (forward, backward, caps, bad cursors),
filters, relation fields in both directions (edges here, child pages through the loaders), and
tenant visibility on every path (root connection, single-object field, node(id), edges).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest

from remotegpu.auth.viewer import ANONYMOUS, Viewer
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.loaders.base import LoaderEnv
from remotegpu.loaders.paging import PageRequest
from remotegpu.loaders.workloads import WorkloadsLoaders
from remotegpu.schema.inputs.workloads import (
    INFERENCE_SERVICE_ORDERINGS,
    TRAINING_JOB_ORDERINGS,
    InferenceServiceOrder,
    TrainingJobOrder,
)
from tests.graphql import GraphQLRunner, admin_viewer, agent_viewer, customer_viewer
from tests.support.documents import connection_query, node_query
from tests.support.paging import global_id, walk_edges
from tests.support.results import errors_code

TRAINING_JOBS_PAGE = connection_query(
    "trainingJobs",
    "edges { cursor node { id rowId status priority createdAt customerId workspaceId } }",
    default_order="CREATED_AT_DESC",
)

INFERENCE_SERVICES_PAGE = connection_query(
    "inferenceServices",
    "edges { cursor node { id rowId status customerId workspaceId } }",
    default_order="CREATED_AT_DESC",
)

TRAINING_JOB = """
query ($id: String!) {
  trainingJob(id: $id) {
    id rowId name status priority cpu memory gpu startedAt completedAt framework scriptPath
    customerId workspaceId envId datasetId modelId
    owner { rowId }
    workspace { rowId }
    environment { rowId }
    dataset { rowId }
    model { rowId }
  }
}
"""

INFERENCE_SERVICE = """
query ($id: String!) {
  inferenceService(id: $id) {
    id rowId name status endpointUrl replicas memory modelVersionName
    customerId workspaceId modelId
    owner { rowId }
    workspace { rowId }
    model { rowId }
    modelVersion { rowId version }
  }
}
"""

NODE = node_query("TrainingJob { rowId }", "InferenceService { rowId }")

ALL_TRAINING_JOBS_WITH_EDGES = """
{
  trainingJobs(first: 100) {
    nodes {
      rowId envId datasetId modelId workspaceId customerId
      owner { rowId }
      workspace { rowId }
      environment { rowId }
      dataset { rowId }
      model { rowId }
    }
  }
}
"""

ALL_SERVICES_WITH_EDGES = """
{
  inferenceServices(first: 100) {
    nodes {
      rowId modelId modelVersionName customerId workspaceId
      owner { rowId }
      workspace { rowId }
      model { rowId }
      modelVersion { rowId modelId version }
    }
  }
}
"""


@pytest.fixture
async def sql(seeded_shared_url: str) -> AsyncIterator[asyncpg.Connection]:
    conn = await asyncpg.connect(asyncpg_dsn(seeded_shared_url))
    yield conn
    await conn.close()


async def _visible_job_ids(sql: asyncpg.Connection, customer_id: int) -> set[str]:
    rows = await sql.fetch(
        """
        SELECT id FROM training_jobs
        WHERE customer_id = $1 OR workspace_id IN (
          SELECT workspace_id FROM workspace_members WHERE customer_id = $1 AND status = 'active')
        """,
        customer_id,
    )
    return {r["id"] for r in rows}


async def _visible_service_ids(sql: asyncpg.Connection, customer_id: int) -> set[str]:
    rows = await sql.fetch(
        """
        SELECT id FROM inference_services
        WHERE customer_id = $1 OR workspace_id IN (
          SELECT workspace_id FROM workspace_members WHERE customer_id = $1 AND status = 'active')
        """,
        customer_id,
    )
    return {r["id"] for r in rows}


async def _job_owner_and_stranger(sql: asyncpg.Connection) -> tuple[int, int]:
    """A customer owning training jobs, and a customer who can see none of them."""
    owner = await sql.fetchval(
        "SELECT customer_id FROM training_jobs GROUP BY customer_id "
        "ORDER BY count(*) DESC, customer_id LIMIT 1"
    )
    owned = {
        r["id"] for r in await sql.fetch("SELECT id FROM training_jobs WHERE customer_id=$1", owner)
    }
    for row in await sql.fetch(
        "SELECT id FROM customers WHERE user_type <> 'admin' AND status = 'active' ORDER BY id"
    ):
        if row["id"] != owner and not (await _visible_job_ids(sql, row["id"])) & owned:
            return owner, row["id"]
    raise AssertionError("no stranger found")


# --- training jobs: root connection ---------------------------------------------------------


async def test_training_jobs_admin_forward_paging_covers_every_row_once(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    expected = [
        r["id"]
        for r in await sql.fetch("SELECT id FROM training_jobs ORDER BY created_at DESC, id DESC")
    ]
    seen, total = await walk_edges(
        gql_ro, TRAINING_JOBS_PAGE, "trainingJobs", admin_viewer(), page=7
    )
    assert seen == expected
    assert total == len(expected) > 7


async def test_training_jobs_admin_backward_paging_covers_every_row_once(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    expected = [
        r["id"]
        for r in await sql.fetch("SELECT id FROM training_jobs ORDER BY created_at DESC, id DESC")
    ]
    seen, _ = await walk_edges(
        gql_ro, TRAINING_JOBS_PAGE, "trainingJobs", admin_viewer(), backward=True, page=7
    )
    assert seen == expected


async def test_training_jobs_priority_order_sorts_by_priority_then_id(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    expected = [
        r["id"]
        for r in await sql.fetch("SELECT id FROM training_jobs ORDER BY priority DESC, id DESC")
    ]
    seen, _ = await walk_edges(
        gql_ro, TRAINING_JOBS_PAGE, "trainingJobs", admin_viewer(), order_by="PRIORITY_DESC", page=7
    )
    assert seen == expected


async def test_training_jobs_page_over_cap_is_bad_user_input(gql_ro: GraphQLRunner) -> None:
    result = await gql_ro(TRAINING_JOBS_PAGE, {"first": 101}, admin_viewer())
    assert errors_code(result) == "BAD_USER_INPUT"


async def test_training_jobs_garbage_cursor_is_bad_user_input(gql_ro: GraphQLRunner) -> None:
    result = await gql_ro(TRAINING_JOBS_PAGE, {"first": 5, "after": "garbage!"}, admin_viewer())
    assert errors_code(result) == "BAD_USER_INPUT"


async def test_training_jobs_cursor_of_other_ordering_is_bad_user_input(
    gql_ro: GraphQLRunner,
) -> None:
    first = await gql_ro.ok(TRAINING_JOBS_PAGE, {"first": 2}, admin_viewer())
    cursor = first["trainingJobs"]["pageInfo"]["endCursor"]
    result = await gql_ro(
        TRAINING_JOBS_PAGE,
        {"first": 2, "after": cursor, "orderBy": "PRIORITY_DESC"},
        admin_viewer(),
    )
    assert errors_code(result) == "BAD_USER_INPUT"


async def test_training_jobs_status_filter_matches_sql(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    expected = {
        r["id"]
        for r in await sql.fetch(
            "SELECT id FROM training_jobs WHERE status IN ('running', 'failed')"
        )
    }
    where = {"status": {"in": ["RUNNING", "FAILED"]}}
    seen, total = await walk_edges(
        gql_ro, TRAINING_JOBS_PAGE, "trainingJobs", admin_viewer(), where=where, page=7
    )
    assert set(seen) == expected
    assert total == len(expected) > 0


async def test_training_jobs_owner_workspace_and_time_filters_match_sql(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    row = await sql.fetchrow(
        "SELECT customer_id, workspace_id, created_at FROM training_jobs "
        "WHERE workspace_id IS NOT NULL ORDER BY id LIMIT 1"
    )
    by_owner = {
        r["id"]
        for r in await sql.fetch(
            "SELECT id FROM training_jobs WHERE customer_id = $1", row["customer_id"]
        )
    }
    seen, _ = await walk_edges(
        gql_ro,
        TRAINING_JOBS_PAGE,
        "trainingJobs",
        admin_viewer(),
        where={"ownerId": {"eq": str(row["customer_id"])}},
        page=7,
    )
    assert set(seen) == by_owner

    by_workspace = {
        r["id"]
        for r in await sql.fetch(
            "SELECT id FROM training_jobs WHERE workspace_id = $1", row["workspace_id"]
        )
    }
    seen, _ = await walk_edges(
        gql_ro,
        TRAINING_JOBS_PAGE,
        "trainingJobs",
        admin_viewer(),
        where={"workspaceId": {"in": [str(row["workspace_id"])]}},
        page=7,
    )
    assert set(seen) == by_workspace

    since = {
        r["id"]
        for r in await sql.fetch(
            "SELECT id FROM training_jobs WHERE created_at >= $1", row["created_at"]
        )
    }
    seen, _ = await walk_edges(
        gql_ro,
        TRAINING_JOBS_PAGE,
        "trainingJobs",
        admin_viewer(),
        where={"createdAt": {"gte": row["created_at"].isoformat()}},
        page=7,
    )
    assert set(seen) == since


async def test_training_jobs_name_filter_matches_prefix(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    name = await sql.fetchval("SELECT name FROM training_jobs ORDER BY id LIMIT 1")
    expected = {
        r["id"]
        for r in await sql.fetch("SELECT id FROM training_jobs WHERE name LIKE $1", name[:-1] + "%")
    }
    seen, _ = await walk_edges(
        gql_ro,
        TRAINING_JOBS_PAGE,
        "trainingJobs",
        admin_viewer(),
        where={"name": {"startsWith": name[:-1]}},
        page=7,
    )
    assert set(seen) == expected
    assert len(expected) >= 1


async def test_training_jobs_bad_owner_key_is_bad_user_input(gql_ro: GraphQLRunner) -> None:
    result = await gql_ro(TRAINING_JOBS_PAGE, {"where": {"ownerId": {"eq": "abc"}}}, admin_viewer())
    assert errors_code(result) == "BAD_USER_INPUT"


# --- training jobs: visibility --------------------------------------------------------------


async def test_training_jobs_customer_sees_own_and_workspace_jobs_only(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    owner, _ = await _job_owner_and_stranger(sql)
    expected = await _visible_job_ids(sql, owner)
    seen, total = await walk_edges(
        gql_ro, TRAINING_JOBS_PAGE, "trainingJobs", customer_viewer(owner), page=7
    )
    assert set(seen) == expected
    assert len(seen) == total == len(expected)


async def test_training_jobs_workspace_member_sees_a_colleagues_job(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    row = await sql.fetchrow(
        """
        SELECT j.id, m.customer_id FROM training_jobs j
        JOIN workspace_members m ON m.workspace_id = j.workspace_id AND m.status = 'active'
        WHERE m.customer_id <> j.customer_id ORDER BY j.id LIMIT 1
        """
    )
    if row is None:
        pytest.skip("the seed has no job in a shared workspace")
    data = await gql_ro.ok(TRAINING_JOB, {"id": row["id"]}, customer_viewer(row["customer_id"]))
    assert data["trainingJob"]["rowId"] == row["id"]


async def test_training_job_other_tenant_gets_nothing_on_every_path(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    owner, stranger = await _job_owner_and_stranger(sql)
    job_id = await sql.fetchval(
        "SELECT id FROM training_jobs WHERE customer_id = $1 ORDER BY id LIMIT 1", owner
    )
    viewer = customer_viewer(stranger)
    assert (await gql_ro.ok(TRAINING_JOB, {"id": job_id}, viewer))["trainingJob"] is None
    node = await gql_ro.ok(NODE, {"id": global_id("TrainingJob", job_id)}, viewer)
    assert node["node"] is None
    seen, _ = await walk_edges(
        gql_ro,
        TRAINING_JOBS_PAGE,
        "trainingJobs",
        viewer,
        where={"ownerId": {"eq": str(owner)}},
        page=7,
    )
    assert job_id not in seen
    # the owner sees it on the same paths
    mine = customer_viewer(owner)
    assert (await gql_ro.ok(TRAINING_JOB, {"id": job_id}, mine))["trainingJob"]["rowId"] == job_id
    node = await gql_ro.ok(NODE, {"id": global_id("TrainingJob", job_id)}, mine)
    assert node["node"]["rowId"] == job_id


async def test_training_jobs_anonymous_sees_nothing(gql_ro: GraphQLRunner) -> None:
    data = await gql_ro.ok(TRAINING_JOBS_PAGE, {"first": 5}, ANONYMOUS)
    assert data["trainingJobs"]["edges"] == []
    assert data["trainingJobs"]["totalCount"] == 0


async def test_workloads_agent_sees_nothing(gql_ro: GraphQLRunner, sql: asyncpg.Connection) -> None:
    host = await sql.fetchval("SELECT id FROM hosts ORDER BY id LIMIT 1")
    job = await sql.fetchval("SELECT id FROM training_jobs ORDER BY id LIMIT 1")
    viewer = agent_viewer(1, host)
    data = await gql_ro.ok(TRAINING_JOBS_PAGE, {"first": 5}, viewer)
    assert data["trainingJobs"]["totalCount"] == 0
    data = await gql_ro.ok(INFERENCE_SERVICES_PAGE, {"first": 5}, viewer)
    assert data["inferenceServices"]["totalCount"] == 0
    assert (await gql_ro.ok(TRAINING_JOB, {"id": job}, viewer))["trainingJob"] is None


async def test_training_job_unknown_id_is_null(gql_ro: GraphQLRunner) -> None:
    data = await gql_ro.ok(TRAINING_JOB, {"id": "job-does-not-exist"}, admin_viewer())
    assert data["trainingJob"] is None


# --- training jobs: relation fields ---------------------------------------------------------


async def test_training_jobs_relation_fields_match_their_columns(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    data = await gql_ro.ok(ALL_TRAINING_JOBS_WITH_EDGES, None, admin_viewer())
    nodes = data["trainingJobs"]["nodes"]
    rows = {r["id"]: r for r in await sql.fetch("SELECT * FROM training_jobs")}
    assert len(nodes) == len(rows)
    for node in nodes:
        row = rows[node["rowId"]]

        def rel(name: str, node: dict[str, Any] = node) -> Any:
            return None if node[name] is None else node[name]["rowId"]

        assert rel("owner") == row["customer_id"]
        assert rel("workspace") == row["workspace_id"]
        assert rel("environment") == row["env_id"]
        assert rel("dataset") == row["dataset_id"]
        assert rel("model") == row["model_id"]
    assert any(n["environment"] for n in nodes)
    assert any(n["dataset"] for n in nodes)
    assert any(n["model"] for n in nodes)
    assert any(n["workspace"] for n in nodes)


async def test_training_jobs_relation_fields_batch_their_statements(
    gql_ro: GraphQLRunner,
) -> None:
    gql_ro.reset_count()
    await gql_ro.ok(ALL_TRAINING_JOBS_WITH_EDGES, None, admin_viewer())
    # one page + one statement per relation, whatever the number of jobs
    assert len(gql_ro.statements) <= 6, gql_ro.statements


async def test_training_job_single_field_returns_every_column(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    row = await sql.fetchrow(
        "SELECT * FROM training_jobs WHERE started_at IS NOT NULL ORDER BY id LIMIT 1"
    )
    job = (await gql_ro.ok(TRAINING_JOB, {"id": row["id"]}, admin_viewer()))["trainingJob"]
    assert job["id"] == global_id("TrainingJob", row["id"])
    assert job["name"] == row["name"]
    assert job["status"] == row["status"].upper()
    assert job["memory"] == str(row["memory"])
    assert (job["cpu"], job["gpu"], job["priority"]) == (row["cpu"], row["gpu"], row["priority"])
    assert job["framework"] == row["framework"]
    assert job["scriptPath"] == row["script_path"]
    assert job["startedAt"] is not None


# --- training jobs: child pages (the loaders other areas use for their edges) ---------------


def _env(gql: GraphQLRunner, viewer: Viewer) -> LoaderEnv:
    return LoaderEnv(gql.sessions, viewer, gql.settings)


@pytest.mark.parametrize(
    "column", ["customer_id", "workspace_id", "env_id", "dataset_id", "model_id"]
)
async def test_training_jobs_page_by_parent_matches_sql(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection, column: str
) -> None:
    parents = [
        r[column]
        for r in await sql.fetch(
            f"SELECT {column} FROM training_jobs WHERE {column} IS NOT NULL "
            f"GROUP BY {column} ORDER BY count(*) DESC, {column} LIMIT 4"
        )
    ]
    loaders = WorkloadsLoaders(_env(gql_ro, admin_viewer()))
    pages = getattr(loaders, f"training_jobs_page_by_{column}")
    counts = getattr(loaders, f"training_jobs_count_by_{column}")
    ordering = TRAINING_JOB_ORDERINGS[TrainingJobOrder.CREATED_AT_DESC]
    request = PageRequest(limit=100, backward=False)
    for parent in parents:
        expected = [
            r["id"]
            for r in await sql.fetch(
                f"SELECT id FROM training_jobs WHERE {column} = $1 "
                "ORDER BY created_at DESC, id DESC",
                parent,
            )
        ]
        page = await pages.load_page(parent, request, ordering)
        assert [r.id for r in page.rows] == expected
        assert await counts.count(parent) == len(expected)


async def test_training_jobs_page_by_customer_other_tenant_is_empty(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    owner, stranger = await _job_owner_and_stranger(sql)
    loaders = WorkloadsLoaders(_env(gql_ro, customer_viewer(stranger)))
    ordering = TRAINING_JOB_ORDERINGS[TrainingJobOrder.CREATED_AT_DESC]
    page = await loaders.training_jobs_page_by_customer_id.load_page(
        owner, PageRequest(limit=100, backward=False), ordering
    )
    assert page.rows == []
    assert await loaders.training_jobs_count_by_customer_id.count(owner) == 0
    mine = WorkloadsLoaders(_env(gql_ro, customer_viewer(owner)))
    assert await mine.training_jobs_count_by_customer_id.count(owner) > 0


# --- inference services ---------------------------------------------------------------------


async def test_inference_services_admin_paging_both_ways_covers_every_row_once(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    expected = [
        r["id"]
        for r in await sql.fetch(
            "SELECT id FROM inference_services ORDER BY created_at DESC, id DESC"
        )
    ]
    seen, total = await walk_edges(
        gql_ro, INFERENCE_SERVICES_PAGE, "inferenceServices", admin_viewer(), page=3
    )
    assert seen == expected
    assert total == len(expected) > 3
    seen, _ = await walk_edges(
        gql_ro, INFERENCE_SERVICES_PAGE, "inferenceServices", admin_viewer(), page=4, backward=True
    )
    assert seen == expected


async def test_inference_services_name_order_matches_sql(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    expected = [
        r["id"] for r in await sql.fetch("SELECT id FROM inference_services ORDER BY name, id")
    ]
    seen, _ = await walk_edges(
        gql_ro,
        INFERENCE_SERVICES_PAGE,
        "inferenceServices",
        admin_viewer(),
        page=6,
        order_by="NAME_ASC",
    )
    assert seen == expected


async def test_inference_services_page_over_cap_and_bad_cursor_are_bad_user_input(
    gql_ro: GraphQLRunner,
) -> None:
    over = await gql_ro(INFERENCE_SERVICES_PAGE, {"last": 101}, admin_viewer())
    assert errors_code(over) == "BAD_USER_INPUT"
    bad = await gql_ro(INFERENCE_SERVICES_PAGE, {"last": 3, "before": "%%%"}, admin_viewer())
    assert errors_code(bad) == "BAD_USER_INPUT"


async def test_inference_services_status_and_owner_filters_match_sql(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    running = {
        r["id"] for r in await sql.fetch("SELECT id FROM inference_services WHERE status='running'")
    }
    seen, total = await walk_edges(
        gql_ro,
        INFERENCE_SERVICES_PAGE,
        "inferenceServices",
        admin_viewer(),
        where={"status": {"eq": "RUNNING"}},
        page=7,
    )
    assert set(seen) == running
    assert total == len(running) > 0
    owner = await sql.fetchval("SELECT customer_id FROM inference_services ORDER BY id LIMIT 1")
    owned = {
        r["id"]
        for r in await sql.fetch("SELECT id FROM inference_services WHERE customer_id=$1", owner)
    }
    seen, _ = await walk_edges(
        gql_ro,
        INFERENCE_SERVICES_PAGE,
        "inferenceServices",
        admin_viewer(),
        where={"ownerId": {"eq": str(owner)}},
        page=7,
    )
    assert set(seen) == owned


async def test_inference_services_relation_fields_match_their_columns(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    data = await gql_ro.ok(ALL_SERVICES_WITH_EDGES, None, admin_viewer())
    nodes = data["inferenceServices"]["nodes"]
    rows = {r["id"]: r for r in await sql.fetch("SELECT * FROM inference_services")}
    versions = {
        (r["model_id"], r["version"]): r["id"]
        for r in await sql.fetch("SELECT id, model_id, version FROM model_versions")
    }
    assert len(nodes) == len(rows)
    for node in nodes:
        row = rows[node["rowId"]]
        assert node["owner"]["rowId"] == row["customer_id"]
        assert (node["workspace"] or {}).get("rowId") == row["workspace_id"]
        assert (node["model"] or {}).get("rowId") == row["model_id"]
        assert node["modelVersionName"] == row["model_version"]
        want = versions.get((row["model_id"], row["model_version"]))
        assert (node["modelVersion"] or {}).get("rowId") == want
    assert any(n["modelVersion"] for n in nodes)


async def test_inference_service_model_version_is_one_statement_for_all_services(
    gql_ro: GraphQLRunner,
) -> None:
    document = "{ inferenceServices(first: 100) { nodes { modelVersion { rowId } } } }"
    gql_ro.reset_count()
    await gql_ro.ok(document, None, admin_viewer())
    assert len(gql_ro.statements) == 2, gql_ro.statements


async def test_inference_services_other_tenant_gets_nothing_on_every_path(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    row = await sql.fetchrow("SELECT id, customer_id FROM inference_services ORDER BY id LIMIT 1")
    stranger = None
    for c in await sql.fetch(
        "SELECT id FROM customers WHERE user_type <> 'admin' AND id <> $1 ORDER BY id",
        row["customer_id"],
    ):
        if row["id"] not in await _visible_service_ids(sql, c["id"]):
            stranger = c["id"]
            break
    assert stranger is not None
    viewer = customer_viewer(stranger)
    one = await gql_ro.ok(INFERENCE_SERVICE, {"id": row["id"]}, viewer)
    assert one["inferenceService"] is None
    node = await gql_ro.ok(NODE, {"id": global_id("InferenceService", row["id"])}, viewer)
    assert node["node"] is None
    seen, total = await walk_edges(
        gql_ro, INFERENCE_SERVICES_PAGE, "inferenceServices", viewer, page=7
    )
    assert set(seen) == await _visible_service_ids(sql, stranger)
    assert total == len(seen)
    assert row["id"] not in seen
    loaders = WorkloadsLoaders(_env(gql_ro, viewer))
    assert await loaders.inference_services_count_by_customer_id.count(row["customer_id"]) == 0

    mine = customer_viewer(row["customer_id"])
    one = await gql_ro.ok(INFERENCE_SERVICE, {"id": row["id"]}, mine)
    assert one["inferenceService"]["rowId"] == row["id"]
    assert one["inferenceService"]["owner"]["rowId"] == row["customer_id"]


@pytest.mark.parametrize("column", ["customer_id", "workspace_id", "model_id"])
async def test_inference_services_page_by_parent_matches_sql(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection, column: str
) -> None:
    parents = [
        r[column]
        for r in await sql.fetch(
            f"SELECT {column} FROM inference_services WHERE {column} IS NOT NULL "
            f"GROUP BY {column} ORDER BY count(*) DESC, {column} LIMIT 4"
        )
    ]
    loaders = WorkloadsLoaders(_env(gql_ro, admin_viewer()))
    pages = getattr(loaders, f"inference_services_page_by_{column}")
    counts = getattr(loaders, f"inference_services_count_by_{column}")
    ordering = INFERENCE_SERVICE_ORDERINGS[InferenceServiceOrder.CREATED_AT_DESC]
    request = PageRequest(limit=2, backward=False)
    for parent in parents:
        expected = [
            r["id"]
            for r in await sql.fetch(
                f"SELECT id FROM inference_services WHERE {column} = $1 "
                "ORDER BY created_at DESC, id DESC",
                parent,
            )
        ]
        page = await pages.load_page(parent, request, ordering)
        assert [r.id for r in page.rows] == expected[:2]
        assert page.has_next == (len(expected) > 2)
        assert await counts.count(parent) == len(expected)


# --- edges from other areas' types to training jobs and inference services -------------------

PARENT_EDGES = """
query ($id: ID!) {
  node(id: $id) {
    ... on Customer { trainingJobs(first: 100) { totalCount nodes { rowId } }
                      inferenceServices(first: 100) { totalCount nodes { rowId } } }
    ... on Workspace { trainingJobs(first: 100) { totalCount nodes { rowId } }
                       inferenceServices(first: 100) { totalCount nodes { rowId } } }
    ... on Environment { trainingJobs(first: 100) { totalCount nodes { rowId } } }
    ... on Dataset { trainingJobs(first: 100) { totalCount nodes { rowId } } }
    ... on Model { trainingJobs(first: 100) { totalCount nodes { rowId } }
                   inferenceServices(first: 100) { totalCount nodes { rowId } } }
  }
}
"""

# GraphQL type of the parent, its key column in each child table
_PARENTS = {
    "Customer": ("customer_id", ("training_jobs", "inference_services")),
    "Workspace": ("workspace_id", ("training_jobs", "inference_services")),
    "Environment": ("env_id", ("training_jobs",)),
    "Dataset": ("dataset_id", ("training_jobs",)),
    "Model": ("model_id", ("training_jobs", "inference_services")),
}
_FIELD = {"training_jobs": "trainingJobs", "inference_services": "inferenceServices"}


@pytest.mark.parametrize("type_name", sorted(_PARENTS))
async def test_parent_edges_list_their_workloads_for_admin(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection, type_name: str
) -> None:
    column, tables = _PARENTS[type_name]
    parent = await sql.fetchval(
        f"SELECT {column} FROM {tables[0]} WHERE {column} IS NOT NULL "
        f"GROUP BY {column} ORDER BY count(*) DESC, {column} LIMIT 1"
    )
    data = await gql_ro.ok(PARENT_EDGES, {"id": global_id(type_name, parent)}, admin_viewer())
    assert data["node"] is not None
    for table in tables:
        expected = {
            r["id"] for r in await sql.fetch(f"SELECT id FROM {table} WHERE {column} = $1", parent)
        }
        conn = data["node"][_FIELD[table]]
        assert {n["rowId"] for n in conn["nodes"]} == expected
        assert conn["totalCount"] == len(expected)


async def test_public_dataset_edge_shows_a_stranger_only_its_visible_jobs(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    row = await sql.fetchrow(
        """
        SELECT d.id, array_agg(DISTINCT j.customer_id) AS owners FROM datasets d
        JOIN training_jobs j ON j.dataset_id = d.id
        WHERE d.visibility = 'public' GROUP BY d.id ORDER BY count(*) DESC, d.id LIMIT 1
        """
    )
    if row is None:
        pytest.skip("the seed has no job on a public dataset")
    jobs = {
        r["id"]
        for r in await sql.fetch("SELECT id FROM training_jobs WHERE dataset_id = $1", row["id"])
    }
    owner = row["owners"][0]
    viewer_id = await sql.fetchval(
        "SELECT id FROM customers WHERE user_type <> 'admin' AND status = 'active' "
        "AND id <> ALL($1::bigint[]) ORDER BY id LIMIT 1",
        row["owners"],
    )
    for customer in (viewer_id, owner):
        data = await gql_ro.ok(
            PARENT_EDGES, {"id": global_id("Dataset", row["id"])}, customer_viewer(customer)
        )
        assert data["node"] is not None, "a public dataset is visible to every customer"
        conn = data["node"]["trainingJobs"]
        expected = jobs & await _visible_job_ids(sql, customer)
        assert {n["rowId"] for n in conn["nodes"]} == expected
        assert conn["totalCount"] == len(expected)
        if customer == owner:
            assert expected


async def test_public_model_edge_shows_a_stranger_only_its_visible_services(
    gql_ro: GraphQLRunner, sql: asyncpg.Connection
) -> None:
    row = await sql.fetchrow(
        """
        SELECT m.id, array_agg(DISTINCT s.customer_id) AS owners FROM models m
        JOIN inference_services s ON s.model_id = m.id
        WHERE m.visibility = 'public' GROUP BY m.id ORDER BY count(*) DESC, m.id LIMIT 1
        """
    )
    if row is None:
        pytest.skip("the seed has no service of a public model")
    services = {
        r["id"]
        for r in await sql.fetch("SELECT id FROM inference_services WHERE model_id = $1", row["id"])
    }
    owner = row["owners"][0]
    stranger = await sql.fetchval(
        "SELECT id FROM customers WHERE user_type <> 'admin' AND status = 'active' "
        "AND id <> ALL($1::bigint[]) ORDER BY id LIMIT 1",
        row["owners"],
    )
    for customer in (stranger, owner):
        data = await gql_ro.ok(
            PARENT_EDGES, {"id": global_id("Model", row["id"])}, customer_viewer(customer)
        )
        assert data["node"] is not None, "a public model is visible to every customer"
        conn = data["node"]["inferenceServices"]
        expected = services & await _visible_service_ids(sql, customer)
        assert {n["rowId"] for n in conn["nodes"]} == expected
        assert conn["totalCount"] == len(expected)
        if customer == owner:
            assert expected
