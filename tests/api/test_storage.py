"""The `storage` area over GraphQL: datasets, models, their versions, images, artifacts and
dataset mounts on the seeded fleet.

Every expectation is computed with SQL on the same database, so the tests follow the seed.
"""

from __future__ import annotations

from typing import Any

import pytest

from remotegpu.auth.viewer import ANONYMOUS
from tests.graphql import GraphQLRunner, admin_viewer, agent_viewer, customer_viewer
from tests.support.db import column, fetch, first_row, first_value
from tests.support.documents import connection_queries, node_query
from tests.support.paging import assert_walks, global_id, walk_backward, walk_forward

DATASETS, DATASET_VERSIONS, DATASET_MOUNTS = connection_queries(
    """
    datasets: nodes { id rowId customerId workspaceId status visibility name totalSize }
    datasetVersions: nodes { id rowId datasetId version dataset { rowId } }
    datasetMounts: nodes { id rowId envId datasetId open unmountedAt environment { rowId }
                   dataset { rowId } }
    """
)
MODELS, MODEL_VERSIONS, IMAGES, ARTIFACTS = connection_queries(
    """
    models: nodes { id rowId customerId workspaceId framework status visibility name }
    modelVersions: nodes { id rowId modelId version metrics model { rowId } }
    images: nodes { id rowId name status category isOfficial size }
    artifacts: nodes { id rowId customerId workspaceId type sourceType sourceId owner { rowId }
               workspace { rowId } source { __typename ... on TrainingJob { rowId }
               ... on InferenceService { rowId } ... on Environment { rowId } } }
    """
)

DATASET = """
query Dataset($id: ID!) {
  dataset(id: $id) {
    id rowId customerId workspaceId
    owner { rowId }
    workspace { rowId }
    versions(first: 100) { totalCount nodes { rowId datasetId dataset { rowId } } }
    mounts(first: 100) { totalCount nodes { rowId datasetId dataset { rowId } } }
    trainingJobs(first: 100) { totalCount nodes { rowId } }
  }
}
"""

DATASETS_WITH_CHILDREN = """
{
  datasets(first: 100, orderBy: ID_ASC) {
    nodes {
      rowId customerId workspaceId
      owner { rowId }
      workspace { rowId }
      versions(first: 100) { totalCount nodes { rowId } }
      mounts(first: 100) { totalCount nodes { rowId } }
      trainingJobs(first: 100) { totalCount nodes { rowId } }
    }
  }
}
"""

MODEL = """
query Model($id: ID!) {
  model(id: $id) {
    id rowId customerId workspaceId
    owner { rowId }
    workspace { rowId }
    versions(first: 100) { totalCount nodes { rowId modelId metrics model { rowId } } }
    trainingJobs(first: 100) { totalCount nodes { rowId } }
    inferenceServices(first: 100) { totalCount nodes { rowId } }
  }
}
"""

MODELS_WITH_CHILDREN = """
{
  models(first: 100, orderBy: ID_ASC) {
    nodes {
      rowId customerId workspaceId
      owner { rowId }
      workspace { rowId }
      versions(first: 100) { totalCount nodes { rowId } }
      trainingJobs(first: 100) { totalCount nodes { rowId } }
      inferenceServices(first: 100) { totalCount nodes { rowId } }
    }
  }
}
"""

IMAGE = """
query Image($name: String!) {
  image(name: $name) {
    id rowId name status
    environments(first: 100) { totalCount nodes { rowId imageName } }
  }
}
"""

NODE = node_query(
    "Dataset { rowId }",
    "DatasetVersion { rowId }",
    "Model { rowId }",
    "ModelVersion { rowId }",
    "Image { rowId }",
    "Artifact { rowId }",
    "DatasetMount { rowId }",
)

CUSTOMER_EDGES = """
query Customer($id: ID!) {
  node(id: $id) {
    ... on Customer {
      datasets(first: 100) { totalCount nodes { rowId } }
      models(first: 100) { totalCount nodes { rowId } }
      artifacts(first: 100) { totalCount nodes { rowId } }
    }
  }
}
"""

TRAINING_JOB_EDGES = """
query Job($id: ID!) {
  node(id: $id) { ... on TrainingJob { dataset { rowId } model { rowId } } }
}
"""

ADMIN = admin_viewer()

# Which root field, document and table each type is listed by (for the generic tests).
ROOTS: dict[str, tuple[str, str, str, str]] = {
    # field: (document, table, default order SQL, type name)
    "datasets": (DATASETS, "datasets", "created_at DESC, id DESC", "Dataset"),
    "datasetVersions": (DATASET_VERSIONS, "dataset_versions", "created_at DESC, id DESC", ""),
    "models": (MODELS, "models", "created_at DESC, id DESC", "Model"),
    "modelVersions": (MODEL_VERSIONS, "model_versions", "created_at DESC, id DESC", ""),
    "images": (IMAGES, "images", "name, id", "Image"),
    "artifacts": (ARTIFACTS, "artifacts", "created_at DESC, id DESC", "Artifact"),
    "datasetMounts": (DATASET_MOUNTS, "dataset_usage", "mounted_at DESC, id DESC", ""),
}


VISIBLE_SHARED = """
SELECT id FROM {table}
WHERE customer_id = $1
   OR visibility = 'public'
   OR (visibility = 'workspace' AND workspace_id IN (
        SELECT workspace_id FROM workspace_members WHERE customer_id = $1 AND status = 'active'))
"""

VISIBLE_ARTIFACTS = """
SELECT id FROM artifacts
WHERE customer_id = $1
   OR workspace_id IN (
        SELECT workspace_id FROM workspace_members WHERE customer_id = $1 AND status = 'active')
"""


async def busy_customer(url: str, table: str, private_only: bool = False) -> int:
    """A non-admin customer owning the most rows of `table`."""
    extra = "AND t.visibility = 'private'" if private_only else ""
    ids = await column(
        url,
        f"SELECT t.customer_id FROM {table} t JOIN customers c ON c.id = t.customer_id "
        f"WHERE c.user_type <> 'admin' {extra} GROUP BY t.customer_id "
        "ORDER BY count(*) DESC, t.customer_id LIMIT 1",
    )
    return int(ids[0])


async def stranger_of(url: str, owner: int) -> int:
    """A non-admin customer sharing no workspace with `owner`."""
    ids = await column(
        url,
        "SELECT c.id FROM customers c WHERE c.user_type <> 'admin' AND c.id <> $1 "
        "AND NOT EXISTS (SELECT 1 FROM workspace_members a JOIN workspace_members b "
        "  ON a.workspace_id = b.workspace_id WHERE a.customer_id = c.id AND b.customer_id = $1) "
        "ORDER BY c.id LIMIT 1",
        owner,
    )
    return int(ids[0])


# --- root connections: paging (every root field) -------------------------------------------


@pytest.mark.parametrize("field", list(ROOTS))
async def test_root_first_after_round_trip_covers_all_rows_once(
    gql_ro: GraphQLRunner, seeded_shared_url: str, field: str
) -> None:
    doc, table, order, _ = ROOTS[field]
    expected = await column(seeded_shared_url, f"SELECT id FROM {table} ORDER BY {order}")
    assert expected, f"the seed has no {table}"
    size = max(3, len(expected) // 4 + 1)
    await assert_walks(gql_ro, doc, field, ADMIN, expected, forward=size)


@pytest.mark.parametrize("field", list(ROOTS))
async def test_root_last_before_walks_backwards_over_all_rows(
    gql_ro: GraphQLRunner, seeded_shared_url: str, field: str
) -> None:
    doc, table, order, _ = ROOTS[field]
    expected = await column(seeded_shared_url, f"SELECT id FROM {table} ORDER BY {order}")
    size = max(3, len(expected) // 3 + 1)
    assert await walk_backward(gql_ro, doc, field, size, ADMIN) == expected


@pytest.mark.parametrize("field", list(ROOTS))
@pytest.mark.parametrize(
    "variables",
    [{"first": 101}, {"last": 101}, {"first": 5, "after": "garbage!"}, {"first": -1}],
    ids=["first-over-cap", "last-over-cap", "garbage-cursor", "negative"],
)
async def test_root_bad_paging_arguments_are_bad_user_input(
    gql_ro: GraphQLRunner, field: str, variables: dict[str, Any]
) -> None:
    result = await gql_ro(ROOTS[field][0], variables, ADMIN)
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_datasets_cursor_of_another_ordering_is_bad_user_input(
    gql_ro: GraphQLRunner,
) -> None:
    data = await gql_ro.ok(DATASETS, {"first": 2}, ADMIN)
    cursor = data["datasets"]["pageInfo"]["endCursor"]
    result = await gql_ro(DATASETS, {"first": 2, "after": cursor, "orderBy": "NAME_ASC"}, ADMIN)
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_datasets_name_order_round_trip_matches_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await column(seeded_shared_url, "SELECT id FROM datasets ORDER BY name, id")
    seen = await walk_forward(gql_ro, DATASETS, "datasets", 7, ADMIN, orderBy="NAME_ASC")
    assert seen == expected


async def test_child_connection_bad_paging_arguments_are_bad_user_input(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    dataset_id = await first_value(seeded_shared_url, "SELECT min(id) FROM datasets")
    doc = "query D($id: ID!) { dataset(id: $id) { versions(first: 101) { totalCount } } }"
    result = await gql_ro(doc, {"id": str(dataset_id)}, ADMIN)
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    doc = (
        'query D($id: ID!) { dataset(id: $id) { versions(first: 1, after: "%%%") { totalCount } } }'
    )
    result = await gql_ro(doc, {"id": str(dataset_id)}, ADMIN)
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


# --- filters ------------------------------------------------------------------------------


FILTER_CASES: list[tuple[str, dict[str, Any], str]] = [
    ("datasets", {"status": {"eq": "READY"}}, "status = 'ready'"),
    ("datasets", {"visibility": {"in": ["PUBLIC", "WORKSPACE"]}}, "visibility <> 'private'"),
    ("datasets", {"name": {"startsWith": "a"}}, "name LIKE 'a%'"),
    ("datasets", {"name": {"contains": "IMAGENET"}}, "name ILIKE '%imagenet%'"),
    ("models", {"framework": {"eq": "pytorch"}}, "framework = 'pytorch'"),
    ("models", {"status": {"eq": "UPLOADING"}}, "status = 'uploading'"),
    ("models", {"visibility": {"eq": "PUBLIC"}}, "visibility = 'public'"),
    ("images", {"status": {"eq": "DEPRECATED"}}, "status = 'deprecated'"),
    ("images", {"framework": {"in": ["tensorflow"]}}, "framework = 'tensorflow'"),
    ("images", {"category": {"eq": "pytorch"}}, "category = 'pytorch'"),
    ("images", {"name": {"startsWith": "remotegpu/pytorch"}}, "name LIKE 'remotegpu/pytorch%'"),
    ("artifacts", {"type": {"eq": "CHECKPOINT"}}, "type = 'checkpoint'"),
    ("artifacts", {"sourceType": {"eq": "ENVIRONMENT"}}, "source_type = 'environment'"),
    ("datasetMounts", {"open": True}, "unmounted_at IS NULL"),
    ("datasetMounts", {"open": False}, "unmounted_at IS NOT NULL"),
]


@pytest.mark.parametrize(("field", "where", "sql"), FILTER_CASES, ids=[c[2] for c in FILTER_CASES])
async def test_root_filter_matches_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str, field: str, where: dict[str, Any], sql: str
) -> None:
    doc, table, order, _ = ROOTS[field]
    expected = await column(
        seeded_shared_url, f"SELECT id FROM {table} WHERE {sql} ORDER BY {order}"
    )
    total = await column(seeded_shared_url, f"SELECT count(*) FROM {table}")
    assert 0 < len(expected) < total[0], "the filter should select some rows, not all"
    seen = await walk_forward(gql_ro, doc, field, 100, ADMIN, where=where)
    assert seen == expected


@pytest.mark.parametrize("official", [True, False])
async def test_images_is_official_filter_matches_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str, official: bool
) -> None:
    expected = await column(
        seeded_shared_url,
        "SELECT id FROM images WHERE is_official = $1 ORDER BY name, id",
        official,
    )
    where = {"isOfficial": official}
    assert await walk_forward(gql_ro, IMAGES, "images", 100, ADMIN, where=where) == expected


async def test_datasets_owner_and_workspace_filters_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    owner = await busy_customer(seeded_shared_url, "datasets")
    expected = await column(
        seeded_shared_url,
        "SELECT id FROM datasets WHERE customer_id = $1 ORDER BY created_at DESC, id DESC",
        owner,
    )
    where: dict[str, Any] = {"ownerId": {"eq": str(owner)}}
    assert await walk_forward(gql_ro, DATASETS, "datasets", 100, ADMIN, where=where) == expected
    ws = await first_value(
        seeded_shared_url,
        "SELECT workspace_id FROM datasets WHERE workspace_id IS NOT NULL "
        "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
    )
    expected = await column(
        seeded_shared_url,
        "SELECT id FROM datasets WHERE workspace_id = $1 ORDER BY created_at DESC, id DESC",
        ws,
    )
    where = {"workspaceId": {"in": [str(ws)]}}
    assert await walk_forward(gql_ro, DATASETS, "datasets", 100, ADMIN, where=where) == expected


async def test_datasets_bad_owner_id_filter_is_bad_user_input(gql_ro: GraphQLRunner) -> None:
    result = await gql_ro(DATASETS, {"where": {"ownerId": {"eq": "abc"}}}, ADMIN)
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_artifacts_source_filter_matches_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    rows = await fetch(
        seeded_shared_url,
        "SELECT source_type, source_id FROM artifacts WHERE source_id IS NOT NULL LIMIT 1",
    )
    source_type, source_id = rows[0]
    expected = await column(
        seeded_shared_url,
        "SELECT id FROM artifacts WHERE source_type = $1 AND source_id = $2 "
        "ORDER BY created_at DESC, id DESC",
        source_type,
        source_id,
    )
    where = {"sourceType": {"eq": source_type.upper()}, "sourceId": {"eq": source_id}}
    assert await walk_forward(gql_ro, ARTIFACTS, "artifacts", 100, ADMIN, where=where) == expected


async def test_dataset_mounts_env_and_dataset_filters_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    env_id, dataset_id = await first_row(
        seeded_shared_url, "SELECT env_id, dataset_id FROM dataset_usage LIMIT 1"
    )
    for where, sql, arg in [
        ({"envId": {"eq": env_id}}, "env_id = $1", env_id),
        ({"datasetId": {"eq": str(dataset_id)}}, "dataset_id = $1", dataset_id),
    ]:
        expected = await column(
            seeded_shared_url,
            f"SELECT id FROM dataset_usage WHERE {sql} ORDER BY mounted_at DESC, id DESC",
            arg,
        )
        seen = await walk_forward(gql_ro, DATASET_MOUNTS, "datasetMounts", 100, ADMIN, where=where)
        assert seen == expected


# --- relations, both directions -----------------------------------------------------------


async def _children(url: str, sql: str) -> dict[Any, set[Any]]:
    out: dict[Any, set[Any]] = {}
    for parent, child in await fetch(url, sql):
        out.setdefault(parent, set()).add(child)
    return out


async def test_datasets_relations_match_sql(gql_ro: GraphQLRunner, seeded_shared_url: str) -> None:
    url = seeded_shared_url
    rows = {r["id"]: r for r in await fetch(url, "SELECT * FROM datasets ORDER BY id LIMIT 100")}
    versions = await _children(url, "SELECT dataset_id, id FROM dataset_versions")
    mounts = await _children(url, "SELECT dataset_id, id FROM dataset_usage")
    jobs = await _children(
        url, "SELECT dataset_id, id FROM training_jobs WHERE dataset_id IS NOT NULL"
    )
    nodes = (await gql_ro.ok(DATASETS_WITH_CHILDREN, None, ADMIN))["datasets"]["nodes"]
    assert [n["rowId"] for n in nodes] == sorted(rows)
    for node in nodes:
        row = rows[node["rowId"]]
        assert node["customerId"] == row["customer_id"]
        assert node["owner"] == {"rowId": row["customer_id"]}
        ws = row["workspace_id"]
        assert node["workspace"] == (None if ws is None else {"rowId": ws})
        for name, expected in [("versions", versions), ("mounts", mounts), ("trainingJobs", jobs)]:
            want = expected.get(row["id"], set())
            assert node[name]["totalCount"] == len(want), (name, row["id"])
            assert {n["rowId"] for n in node[name]["nodes"]} == want, (name, row["id"])


async def test_dataset_children_point_back_to_the_dataset(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    dataset_id = await first_value(
        seeded_shared_url,
        "SELECT d.id FROM datasets d WHERE EXISTS "
        "(SELECT 1 FROM dataset_versions v WHERE v.dataset_id = d.id) AND EXISTS "
        "(SELECT 1 FROM dataset_usage u WHERE u.dataset_id = d.id) ORDER BY d.id LIMIT 1",
    )
    data = (await gql_ro.ok(DATASET, {"id": str(dataset_id)}, ADMIN))["dataset"]
    assert data["rowId"] == dataset_id
    assert data["versions"]["totalCount"] > 0
    assert data["mounts"]["totalCount"] > 0
    for child in data["versions"]["nodes"] + data["mounts"]["nodes"]:
        assert child["datasetId"] == dataset_id
        assert child["dataset"] == {"rowId": dataset_id}


async def test_dataset_versions_root_points_to_their_datasets(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    parents = dict(await fetch(seeded_shared_url, "SELECT id, dataset_id FROM dataset_versions"))
    data = await gql_ro.ok(DATASET_VERSIONS, {"first": 100}, ADMIN)
    for node in data["datasetVersions"]["nodes"]:
        assert node["datasetId"] == parents[node["rowId"]]
        assert node["dataset"] == {"rowId": parents[node["rowId"]]}


async def test_models_relations_match_sql(gql_ro: GraphQLRunner, seeded_shared_url: str) -> None:
    url = seeded_shared_url
    rows = {r["id"]: r for r in await fetch(url, "SELECT * FROM models ORDER BY id LIMIT 100")}
    versions = await _children(url, "SELECT model_id, id FROM model_versions")
    jobs = await _children(url, "SELECT model_id, id FROM training_jobs WHERE model_id IS NOT NULL")
    services = await _children(
        url, "SELECT model_id, id FROM inference_services WHERE model_id IS NOT NULL"
    )
    nodes = (await gql_ro.ok(MODELS_WITH_CHILDREN, None, ADMIN))["models"]["nodes"]
    assert [n["rowId"] for n in nodes] == sorted(rows)
    for node in nodes:
        row = rows[node["rowId"]]
        assert node["owner"] == {"rowId": row["customer_id"]}
        ws = row["workspace_id"]
        assert node["workspace"] == (None if ws is None else {"rowId": ws})
        for name, expected in [
            ("versions", versions),
            ("trainingJobs", jobs),
            ("inferenceServices", services),
        ]:
            want = expected.get(row["id"], set())
            assert node[name]["totalCount"] == len(want), (name, row["id"])
            assert {n["rowId"] for n in node[name]["nodes"]} == want, (name, row["id"])


async def test_model_versions_point_back_to_their_model(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    rows = await fetch(
        seeded_shared_url,
        "SELECT model_id, count(*) FROM model_versions GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1",
    )
    model_id, n = rows[0]
    data = (await gql_ro.ok(MODEL, {"id": global_id("Model", model_id)}, ADMIN))["model"]
    assert data["rowId"] == model_id
    assert data["versions"]["totalCount"] == n
    for version in data["versions"]["nodes"]:
        assert version["modelId"] == model_id
        assert version["model"] == {"rowId": model_id}
    parents = dict(await fetch(seeded_shared_url, "SELECT id, model_id FROM model_versions"))
    root = await gql_ro.ok(MODEL_VERSIONS, {"first": 100}, ADMIN)
    for node in root["modelVersions"]["nodes"]:
        assert node["model"] == {"rowId": parents[node["rowId"]]}


async def test_image_environments_match_sql(gql_ro: GraphQLRunner, seeded_shared_url: str) -> None:
    rows = await fetch(
        seeded_shared_url,
        "SELECT image, count(*) FROM environments GROUP BY image ORDER BY 2 DESC LIMIT 3",
    )
    for name, n in rows:
        expected = set(
            await column(seeded_shared_url, "SELECT id FROM environments WHERE image = $1", name)
        )
        data = (await gql_ro.ok(IMAGE, {"name": name}, ADMIN))["image"]
        assert data["name"] == name
        envs = data["environments"]
        assert envs["totalCount"] == n
        assert {e["rowId"] for e in envs["nodes"]} == expected
        assert {e["imageName"] for e in envs["nodes"]} == {name}


async def test_artifacts_owner_workspace_and_source_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    rows = {r["id"]: r for r in await fetch(seeded_shared_url, "SELECT * FROM artifacts")}
    kinds = {
        "training_job": ("TrainingJob", "training_jobs"),
        "inference_service": ("InferenceService", "inference_services"),
        "environment": ("Environment", "environments"),
    }
    existing = {
        kind: set(await column(seeded_shared_url, f"SELECT id FROM {table}"))
        for kind, (_, table) in kinds.items()
    }
    seen_kinds = set()
    after = None
    while True:
        conn = (await gql_ro.ok(ARTIFACTS, {"first": 100, "after": after}, ADMIN))["artifacts"]
        for node in conn["nodes"]:
            row = rows[node["rowId"]]
            assert node["owner"] == {"rowId": row["customer_id"]}
            ws = row["workspace_id"]
            assert node["workspace"] == (None if ws is None else {"rowId": ws})
            kind, source_id = row["source_type"], row["source_id"]
            if kind in kinds and source_id in existing[kind]:
                assert node["source"] == {"__typename": kinds[kind][0], "rowId": source_id}
                seen_kinds.add(kind)
            else:
                assert node["source"] is None
        if not conn["pageInfo"]["hasNextPage"]:
            break
        after = conn["pageInfo"]["endCursor"]
    assert seen_kinds == set(kinds)


async def test_dataset_mounts_point_to_environment_and_dataset(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    rows = {r["id"]: r for r in await fetch(seeded_shared_url, "SELECT * FROM dataset_usage")}
    data = await gql_ro.ok(DATASET_MOUNTS, {"first": 100}, ADMIN)
    for node in data["datasetMounts"]["nodes"]:
        row = rows[node["rowId"]]
        assert node["environment"] == {"rowId": row["env_id"]}
        assert node["dataset"] == {"rowId": row["dataset_id"]}
        assert node["open"] is (row["unmounted_at"] is None)


async def test_customer_edges_list_their_storage_rows(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    owner = await busy_customer(seeded_shared_url, "datasets")
    data = (await gql_ro.ok(CUSTOMER_EDGES, {"id": global_id("Customer", owner)}, ADMIN))["node"]
    for field, table in [
        ("datasets", "datasets"),
        ("models", "models"),
        ("artifacts", "artifacts"),
    ]:
        expected = set(
            await column(seeded_shared_url, f"SELECT id FROM {table} WHERE customer_id = $1", owner)
        )
        assert data[field]["totalCount"] == len(expected)
        assert {n["rowId"] for n in data[field]["nodes"]} == expected


# --- node(id) -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("type_name", "table"),
    [
        ("Dataset", "datasets"),
        ("DatasetVersion", "dataset_versions"),
        ("Model", "models"),
        ("ModelVersion", "model_versions"),
        ("Image", "images"),
        ("Artifact", "artifacts"),
        ("DatasetMount", "dataset_usage"),
    ],
)
async def test_node_by_global_id_returns_the_row(
    gql_ro: GraphQLRunner, seeded_shared_url: str, type_name: str, table: str
) -> None:
    row_id = await first_value(seeded_shared_url, f"SELECT min(id) FROM {table}")
    gid = global_id(type_name, row_id)
    assert (await gql_ro.ok(NODE, {"id": gid}, ADMIN))["node"] == {"id": gid, "rowId": row_id}
    for bad in ("abc", "99999999999999999999999", str(10**12)):
        bad_id = global_id(type_name, bad)
        assert (await gql_ro.ok(NODE, {"id": bad_id}, ADMIN))["node"] is None


# --- visibility ---------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["datasets", "models"])
async def test_shared_resources_customer_sees_own_workspace_and_public(
    gql_ro: GraphQLRunner, seeded_shared_url: str, field: str
) -> None:
    owner = await busy_customer(seeded_shared_url, field)
    expected = set(await column(seeded_shared_url, VISIBLE_SHARED.format(table=field), owner))
    viewer = customer_viewer(owner)
    seen = await walk_forward(gql_ro, ROOTS[field][0], field, 100, viewer)
    assert len(seen) == len(set(seen))
    assert set(seen) == expected
    data = await gql_ro.ok(ROOTS[field][0], {"first": 1}, viewer)
    assert data[field]["totalCount"] == len(expected)


@pytest.mark.parametrize(
    ("field", "parent"), [("datasetVersions", "datasets"), ("modelVersions", "models")]
)
async def test_versions_customer_sees_versions_of_visible_parents(
    gql_ro: GraphQLRunner, seeded_shared_url: str, field: str, parent: str
) -> None:
    owner = await busy_customer(seeded_shared_url, parent)
    key = "dataset_id" if parent == "datasets" else "model_id"
    table = ROOTS[field][1]
    expected = set(
        await column(
            seeded_shared_url,
            f"SELECT id FROM {table} WHERE {key} IN ({VISIBLE_SHARED.format(table=parent)})",
            owner,
        )
    )
    seen = await walk_forward(gql_ro, ROOTS[field][0], field, 100, customer_viewer(owner))
    assert set(seen) == expected
    assert len(seen) == len(expected)


async def test_artifacts_customer_sees_own_and_workspace_rows(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    owner = await busy_customer(seeded_shared_url, "artifacts")
    expected = set(await column(seeded_shared_url, VISIBLE_ARTIFACTS, owner))
    seen = await walk_forward(gql_ro, ARTIFACTS, "artifacts", 100, customer_viewer(owner))
    assert set(seen) == expected
    assert len(seen) == len(expected)


async def test_dataset_mounts_customer_sees_mounts_of_own_environments(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    owner = await first_value(
        seeded_shared_url,
        "SELECT e.user_id FROM dataset_usage u JOIN environments e ON e.id = u.env_id "
        "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
    )
    expected = set(
        await column(
            seeded_shared_url,
            "SELECT u.id FROM dataset_usage u JOIN environments e ON e.id = u.env_id "
            "WHERE e.user_id = $1",
            owner,
        )
    )
    viewer = customer_viewer(owner)
    seen = await walk_forward(gql_ro, DATASET_MOUNTS, "datasetMounts", 100, viewer)
    assert set(seen) == expected
    assert len(seen) == len(expected)


async def test_dataset_mounts_agent_sees_only_its_hosts_mounts(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    host_id = await first_value(
        seeded_shared_url,
        "SELECT e.host_id FROM dataset_usage u JOIN environments e ON e.id = u.env_id "
        "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
    )
    expected = set(
        await column(
            seeded_shared_url,
            "SELECT u.id FROM dataset_usage u JOIN environments e ON e.id = u.env_id "
            "WHERE e.host_id = $1",
            host_id,
        )
    )
    viewer = agent_viewer(1, host_id)
    seen = await walk_forward(gql_ro, DATASET_MOUNTS, "datasetMounts", 100, viewer)
    assert set(seen) == expected
    assert len(seen) == len(expected)
    # agents see no datasets, models, images or artifacts
    for field in ("datasets", "models", "images", "artifacts", "datasetVersions"):
        data = await gql_ro.ok(ROOTS[field][0], {"first": 5}, viewer)
        assert data[field]["nodes"] == []
        assert data[field]["totalCount"] == 0


@pytest.mark.parametrize("field", list(ROOTS))
async def test_root_anonymous_sees_nothing(gql_ro: GraphQLRunner, field: str) -> None:
    data = await gql_ro.ok(ROOTS[field][0], {"first": 5}, ANONYMOUS)
    assert data[field]["nodes"] == []
    assert data[field]["totalCount"] == 0


async def test_images_customer_sees_active_ones_admin_all(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    customer = await busy_customer(seeded_shared_url, "datasets")
    active = await column(
        seeded_shared_url, "SELECT id FROM images WHERE status = 'active' ORDER BY name, id"
    )
    everything = await column(seeded_shared_url, "SELECT id FROM images ORDER BY name, id")
    assert len(active) < len(everything), "the seed should have deprecated images"
    assert await walk_forward(gql_ro, IMAGES, "images", 100, customer_viewer(customer)) == active
    assert await walk_forward(gql_ro, IMAGES, "images", 100, ADMIN) == everything
    deprecated = await fetch(
        seeded_shared_url, "SELECT id, name FROM images WHERE status = 'deprecated' LIMIT 1"
    )
    row_id, name = deprecated[0]
    viewer = customer_viewer(customer)
    assert (await gql_ro.ok(IMAGE, {"name": name}, viewer))["image"] is None
    assert (await gql_ro.ok(IMAGE, {"name": name}, ADMIN))["image"]["rowId"] == row_id
    gid = global_id("Image", row_id)
    assert (await gql_ro.ok(NODE, {"id": gid}, viewer))["node"] is None


async def test_private_dataset_of_another_tenant_is_hidden_on_every_path(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    owner = await busy_customer(url, "datasets", private_only=True)
    stranger = await stranger_of(url, owner)
    rows = await fetch(
        url,
        "SELECT d.id FROM datasets d WHERE d.customer_id = $1 AND d.visibility = 'private' "
        "ORDER BY (SELECT count(*) FROM dataset_versions v WHERE v.dataset_id = d.id) DESC, d.id "
        "LIMIT 1",
        owner,
    )
    dataset_id = rows[0]["id"]
    other, mine = customer_viewer(stranger), customer_viewer(owner)
    # the owner sees it
    assert (await gql_ro.ok(DATASET, {"id": str(dataset_id)}, mine))["dataset"]["rowId"] == (
        dataset_id
    )
    # root connection, single field, node(id)
    where = {"ownerId": {"eq": str(owner)}}
    seen = await walk_forward(gql_ro, DATASETS, "datasets", 100, other, where=where)
    assert dataset_id not in seen
    assert (await gql_ro.ok(DATASET, {"id": str(dataset_id)}, other))["dataset"] is None
    gid = global_id("Dataset", dataset_id)
    assert (await gql_ro.ok(DATASET, {"id": gid}, other))["dataset"] is None
    assert (await gql_ro.ok(NODE, {"id": gid}, other))["node"] is None
    # its versions are hidden too: root connection, node(id)
    version_ids = await column(
        url, "SELECT id FROM dataset_versions WHERE dataset_id = $1", dataset_id
    )
    where = {"datasetId": {"eq": str(dataset_id)}}
    data = await gql_ro.ok(DATASET_VERSIONS, {"first": 100, "where": where}, other)
    assert data["datasetVersions"]["totalCount"] == 0
    for version_id in version_ids:
        gid = global_id("DatasetVersion", version_id)
        assert (await gql_ro.ok(NODE, {"id": gid}, other))["node"] is None
    # edges: the owner's customer node lists it only for the owner
    data = (await gql_ro.ok(CUSTOMER_EDGES, {"id": global_id("Customer", owner)}, mine))["node"]
    assert dataset_id in {n["rowId"] for n in data["datasets"]["nodes"]}
    # edge from a training job of the stranger's viewpoint: job -> dataset
    jobs = await column(url, "SELECT id FROM training_jobs WHERE dataset_id = $1", dataset_id)
    for job in jobs:
        node = await gql_ro.ok(TRAINING_JOB_EDGES, {"id": global_id("TrainingJob", job)}, other)
        assert node["node"] is None or node["node"]["dataset"] is None


async def test_private_model_of_another_tenant_is_hidden_on_every_path(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    owner = await busy_customer(url, "models", private_only=True)
    stranger = await stranger_of(url, owner)
    model_id = await first_value(
        url,
        "SELECT id FROM models WHERE customer_id = $1 AND visibility = 'private' "
        "ORDER BY id LIMIT 1",
        owner,
    )
    other, mine = customer_viewer(stranger), customer_viewer(owner)
    gid = global_id("Model", model_id)
    assert (await gql_ro.ok(MODEL, {"id": gid}, mine))["model"]["rowId"] == model_id
    assert (await gql_ro.ok(MODEL, {"id": gid}, other))["model"] is None
    assert (await gql_ro.ok(MODEL, {"id": str(model_id)}, other))["model"] is None
    assert (await gql_ro.ok(NODE, {"id": gid}, other))["node"] is None
    seen = await walk_forward(gql_ro, MODELS, "models", 100, other)
    assert model_id not in seen
    where = {"modelId": {"eq": str(model_id)}}
    data = await gql_ro.ok(MODEL_VERSIONS, {"first": 100, "where": where}, other)
    assert data["modelVersions"]["totalCount"] == 0


async def test_artifact_of_another_tenant_is_hidden_on_every_path(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    owner = await busy_customer(url, "artifacts")
    stranger = await stranger_of(url, owner)
    artifact_id = await first_value(
        url, "SELECT min(id) FROM artifacts WHERE customer_id = $1", owner
    )
    other, mine = customer_viewer(stranger), customer_viewer(owner)
    gid = global_id("Artifact", artifact_id)
    assert (await gql_ro.ok(NODE, {"id": gid}, mine))["node"]["rowId"] == artifact_id
    assert (await gql_ro.ok(NODE, {"id": gid}, other))["node"] is None
    where = {"ownerId": {"eq": str(owner)}}
    data = await gql_ro.ok(ARTIFACTS, {"first": 100, "where": where}, other)
    assert data["artifacts"]["totalCount"] == 0
    data = await gql_ro.ok(CUSTOMER_EDGES, {"id": global_id("Customer", owner)}, other)
    assert data["node"] is None or data["node"]["artifacts"]["totalCount"] == 0


async def test_dataset_mount_of_another_tenant_is_hidden_on_every_path(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    mount_id, owner, dataset_id = await first_row(
        url,
        "SELECT u.id, e.user_id, u.dataset_id FROM dataset_usage u "
        "JOIN environments e ON e.id = u.env_id ORDER BY u.id LIMIT 1",
    )
    stranger = await stranger_of(url, owner)
    other, mine = customer_viewer(stranger), customer_viewer(owner)
    gid = global_id("DatasetMount", mount_id)
    assert (await gql_ro.ok(NODE, {"id": gid}, mine))["node"]["rowId"] == mount_id
    assert (await gql_ro.ok(NODE, {"id": gid}, other))["node"] is None
    seen = await walk_forward(gql_ro, DATASET_MOUNTS, "datasetMounts", 100, other)
    assert mount_id not in seen
    # the dataset's `mounts` edge hides it even where the dataset itself is visible (admin
    # datasets are visible to nobody else, so use the stranger's view of a public dataset)
    public = await column(
        url,
        "SELECT u.dataset_id FROM dataset_usage u JOIN datasets d ON d.id = u.dataset_id "
        "JOIN environments e ON e.id = u.env_id "
        "WHERE d.visibility = 'public' AND e.user_id <> $1 LIMIT 1",
        stranger,
    )
    assert public, "the seed should mount a public dataset in someone else's environment"
    if public:
        data = (await gql_ro.ok(DATASET, {"id": str(public[0])}, other))["dataset"]
        own = set(
            await column(
                url,
                "SELECT u.id FROM dataset_usage u JOIN environments e ON e.id = u.env_id "
                "WHERE u.dataset_id = $1 AND e.user_id = $2",
                public[0],
                stranger,
            )
        )
        assert {n["rowId"] for n in data["mounts"]["nodes"]} == own
    del dataset_id


async def test_public_dataset_of_another_tenant_is_visible(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    dataset_id, owner = await first_row(
        url,
        "SELECT id, customer_id FROM datasets WHERE visibility = 'public' ORDER BY id LIMIT 1",
    )
    stranger = await stranger_of(url, owner)
    data = await gql_ro.ok(DATASET, {"id": str(dataset_id)}, customer_viewer(stranger))
    assert data["dataset"]["rowId"] == dataset_id
    versions = await column(
        url, "SELECT id FROM dataset_versions WHERE dataset_id = $1", dataset_id
    )
    assert {n["rowId"] for n in data["dataset"]["versions"]["nodes"]} == set(versions)


@pytest.mark.parametrize(
    ("field", "doc", "type_name"), [("datasets", DATASET, "Dataset"), ("models", MODEL, "Model")]
)
async def test_workspace_shared_row_is_visible_to_members_only(
    gql_ro: GraphQLRunner, seeded_shared_url: str, field: str, doc: str, type_name: str
) -> None:
    rows = await fetch(
        seeded_shared_url,
        f"SELECT t.id, t.customer_id, m.customer_id AS member FROM {field} t "
        "JOIN workspace_members m ON m.workspace_id = t.workspace_id AND m.status = 'active' "
        "JOIN customers c ON c.id = m.customer_id "
        "WHERE t.visibility = 'workspace' AND m.customer_id <> t.customer_id "
        "AND c.user_type <> 'admin' ORDER BY t.id LIMIT 1",
    )
    assert rows, f"the seed should share a {field} row with another workspace member"
    row_id, owner, member = rows[0]
    stranger = await column(
        seeded_shared_url,
        "SELECT c.id FROM customers c WHERE c.user_type <> 'admin' AND c.id <> $1 AND NOT EXISTS "
        "(SELECT 1 FROM workspace_members m JOIN "
        + field
        + " t ON t.workspace_id = m.workspace_id "
        " WHERE t.id = $2 AND m.customer_id = c.id AND m.status = 'active') ORDER BY c.id LIMIT 1",
        owner,
        row_id,
    )
    single = field[:-1]
    gid = global_id(type_name, row_id)
    assert (await gql_ro.ok(doc, {"id": gid}, customer_viewer(member)))[single]["rowId"] == row_id
    assert (await gql_ro.ok(doc, {"id": gid}, customer_viewer(stranger[0])))[single] is None


async def test_datasets_with_children_batch_into_few_statements(gql: GraphQLRunner) -> None:
    gql.reset_count()
    data = await gql.ok(DATASETS_WITH_CHILDREN, None, ADMIN)
    assert len(data["datasets"]["nodes"]) > 10
    # page + owner + workspace + versions, mounts, jobs (page + count each): one level each
    assert len(gql.statements) <= 10, gql.statements
