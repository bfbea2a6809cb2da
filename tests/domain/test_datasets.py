"""datasetCreate, datasetUpdate, datasetDelete and datasetVersionCreate over GraphQL, on a fresh
migrated database with a small world built in SQL (customers, a team workspace, a host).

Every rule has a passing and a failing case; each asserts the payload, the rows afterwards,
the audit_logs row, and that the invariant checker stays silent. The world and its SQL
builders are tests/support/storage_world.py, shared with test_models, test_mounts and
test_artifacts.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest

from tests.support.db import assert_consistent, audit_rows
from tests.support.documents import mutation_document
from tests.support.storage_world import (
    DATASET_DELETE,
    World,
    add_dataset,
    add_dataset_version,
    add_environment,
    add_training_job,
    assert_error,
    make_world,
)

DATASET_FIELDS = (
    "id rowId customerId workspaceId name description storagePath storageType totalSize "
    "fileCount status visibility"
)

DATASET_CREATE = mutation_document("datasetCreate", f"dataset {{ {DATASET_FIELDS} }}")

DATASET_UPDATE = mutation_document("datasetUpdate", f"dataset {{ {DATASET_FIELDS} }}")

DATASET_VERSION_CREATE = mutation_document(
    "datasetVersionCreate",
    "datasetVersion { rowId datasetId version storagePath size fileCount description } dataset {"
    " rowId totalSize fileCount }",
)

# --- the world ----------------------------------------------------------------------------


@pytest.fixture(name="w")
async def world_fixture(migrated_url: str) -> AsyncIterator[World]:
    async with make_world(migrated_url) as world:
        yield world


async def dataset_row(conn: asyncpg.Connection, dataset_id: int) -> dict[str, Any] | None:
    row = await conn.fetchrow("SELECT * FROM datasets WHERE id = $1", dataset_id)
    return None if row is None else dict(row)


# Non-managers of a team dataset of alice's: (visibility, who asks, the refusal they get).
NON_MANAGERS = [
    ("workspace", "carol", "FORBIDDEN"),
    ("public", "eve", "FORBIDDEN"),
    ("private", "eve", "NOT_FOUND"),
]


async def teams_dataset_and_actor(w: World, visibility: str, actor: str) -> tuple[int, int]:
    """A dataset of alice's in the team workspace, and the world's viewer named actor."""
    dataset_id = await add_dataset(w.conn, w.alice, workspace_id=w.team, visibility=visibility)
    return dataset_id, getattr(w, actor)


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
    await w.assert_audited("dataset.create", w.alice, 200, str(dataset["rowId"]))
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
    await w.assert_audited("dataset.create", w.carol, 200)
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
    assert await w.count("datasets") == 0
    await w.assert_audited("dataset.create", w.alice, 422)
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
    assert await w.count("datasets") == 0
    await w.assert_audited("dataset.create", customer, 404 if code == "NOT_FOUND" else 403)


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
    assert await w.count("datasets") == 0
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
    assert await w.count("datasets") == 0
    await w.assert_audited("dataset.create", w.alice, 422)


async def test_dataset_create_for_another_owner_admin_only(w: World) -> None:
    payload = await w.run(
        DATASET_CREATE, "datasetCreate", w.alice, name="x", storagePath="s3://b/x", ownerId=w.eve
    )
    assert_error(payload, "FORBIDDEN", ["input", "ownerId"])
    assert await w.count("datasets") == 0

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
    assert await w.count("datasets") == 0


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
    await w.assert_audited("dataset.update", w.alice, 200, str(dataset_id))
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
    await w.assert_audited("dataset.update", w.bob, 200, str(dataset_id))


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
    dataset_id, customer = await teams_dataset_and_actor(w, visibility, actor)
    before = await dataset_row(w.conn, dataset_id)
    payload = await w.run(
        DATASET_UPDATE, "datasetUpdate", customer, datasetId=dataset_id, visibility="PRIVATE"
    )
    assert_error(payload, code, ["input", "datasetId"])
    assert payload["dataset"] is None
    assert await dataset_row(w.conn, dataset_id) == before
    await w.assert_audited(
        "dataset.update", customer, 403 if code == "FORBIDDEN" else 404, str(dataset_id)
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
    await w.assert_audited("dataset.update", w.alice, 422)
    await assert_consistent(w.conn)


async def test_dataset_update_missing_dataset_not_found(w: World) -> None:
    payload = await w.run(DATASET_UPDATE, "datasetUpdate", w.admin, datasetId=424242, name="x")
    assert_error(payload, "NOT_FOUND", ["input", "datasetId"])
    await w.assert_audited("dataset.update", w.admin, 404, "424242")


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
    assert await w.count("dataset_versions") == 1  # the other dataset's stays
    assert await w.count("dataset_usage") == 0
    assert await w.conn.fetchval("SELECT dataset_id FROM training_jobs WHERE id = $1", done) is None
    await w.assert_audited("dataset.delete", w.alice, 200, str(dataset_id))
    await assert_consistent(w.conn)


async def test_dataset_delete_by_workspace_owner_succeeds(w: World) -> None:
    dataset_id = await add_dataset(w.conn, w.carol, workspace_id=w.team, visibility="workspace")
    payload = await w.run(DATASET_DELETE, "datasetDelete", w.alice, datasetId=dataset_id)
    assert payload["errors"] == []
    assert await dataset_row(w.conn, dataset_id) is None
    await w.assert_audited("dataset.delete", w.alice, 200)


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
    assert await w.count("dataset_versions") == 1
    assert await w.count("dataset_usage") == 1
    await w.assert_audited("dataset.delete", w.alice, 409, str(dataset_id))
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
    await w.assert_audited("dataset.delete", w.alice, 409)


@pytest.mark.parametrize(
    ("visibility", "actor", "code"),
    NON_MANAGERS,
)
async def test_dataset_delete_by_non_manager_refused(
    w: World, visibility: str, actor: str, code: str
) -> None:
    dataset_id, customer = await teams_dataset_and_actor(w, visibility, actor)
    payload = await w.run(DATASET_DELETE, "datasetDelete", customer, datasetId=dataset_id)
    assert_error(payload, code, ["input", "datasetId"])
    assert await dataset_row(w.conn, dataset_id) is not None
    await w.assert_audited("dataset.delete", customer, 403 if code == "FORBIDDEN" else 404)


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
    assert await w.count("dataset_versions") == 2
    await w.assert_audited("dataset_version.create", w.alice, 200, str(version["rowId"]))
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
    assert await w.count("dataset_versions") == 1
    await w.assert_audited("dataset_version.create", w.alice, 409)
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
    assert await w.count("dataset_versions") == 0
    row = await dataset_row(w.conn, dataset_id)
    assert row is not None
    assert (row["total_size"], row["file_count"]) == (0, 0)
    await w.assert_audited("dataset_version.create", w.alice, 422)


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
    assert await w.count("dataset_versions") == 1
    await assert_consistent(w.conn)


@pytest.mark.parametrize(
    ("visibility", "actor", "code"),
    NON_MANAGERS,
)
async def test_dataset_version_create_by_non_manager_refused(
    w: World, visibility: str, actor: str, code: str
) -> None:
    dataset_id, customer = await teams_dataset_and_actor(w, visibility, actor)
    payload = await w.run(
        DATASET_VERSION_CREATE, "datasetVersionCreate", customer,
        datasetId=dataset_id, version="v1", storagePath="s3://b/v1", size="7",
    )  # fmt: skip
    assert_error(payload, code, ["input", "datasetId"])
    assert await w.count("dataset_versions") == 0
    await w.assert_audited("dataset_version.create", customer, 403 if code == "FORBIDDEN" else 404)


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
    assert await w.count("dataset_versions") == 1
    await assert_consistent(w.conn)
