"""modelCreate, modelUpdate, modelDelete and modelVersionCreate over GraphQL on a small world
built in SQL (tests/support/storage_world.py): payload, rows, audit row, invariants."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest

from tests.support.db import assert_consistent, audit_rows
from tests.support.documents import mutation_document
from tests.support.storage_world import (
    World,
    add_training_job,
    assert_error,
    make_world,
)

STATUS = {"INVALID_INPUT": 422, "FORBIDDEN": 403, "NOT_FOUND": 404}

MODEL_FIELDS = (
    "rowId customerId workspaceId name description framework storagePath totalSize status "
    "visibility"
)

MODEL_CREATE = mutation_document("modelCreate", f"model {{ {MODEL_FIELDS} }}")

MODEL_UPDATE = mutation_document("modelUpdate", f"model {{ {MODEL_FIELDS} }}")

MODEL_DELETE = mutation_document("modelDelete", "deletedId deletedRowId")

MODEL_VERSION_CREATE = mutation_document(
    "modelVersionCreate",
    "modelVersion { rowId modelId version storagePath size metrics } model { rowId totalSize }",
)


@pytest.fixture(name="w")
async def world_fixture(migrated_url: str) -> AsyncIterator[World]:
    async with make_world(migrated_url) as world:
        yield world


async def add_model(
    conn: asyncpg.Connection,
    owner: int,
    *,
    workspace_id: int | None = None,
    visibility: str = "private",
) -> int:
    model_id: int = await conn.fetchval(
        "INSERT INTO models (customer_id, workspace_id, name, framework, storage_path, status,"
        " visibility) VALUES ($1, $2, 'bert', 'pytorch', 's3://m/bert', 'ready', $3)"
        " RETURNING id",
        owner,
        workspace_id,
        visibility,
    )
    return model_id


async def add_model_version(
    conn: asyncpg.Connection, model_id: int, version: str, size: int
) -> None:
    async with conn.transaction():
        await conn.execute(
            "INSERT INTO model_versions (model_id, version, storage_path, size)"
            " VALUES ($1, $2, 's3://m/v', $3)",
            model_id,
            version,
            size,
        )
        await conn.execute(
            "UPDATE models SET total_size = total_size + $2 WHERE id = $1", model_id, size
        )


async def add_inference_service(
    conn: asyncpg.Connection, owner: int, model_id: int, status: str, version: str | None = None
) -> str:
    service_id = f"svc-{owner}-{status}-{model_id}"
    await conn.execute(
        "INSERT INTO inference_services (id, customer_id, name, model_id, model_version, status,"
        " replicas) VALUES ($1, $2, $1, $3, $4, $5, 1)",
        service_id,
        owner,
        model_id,
        version,
        status,
    )
    return service_id


async def model_row(conn: asyncpg.Connection, model_id: int) -> dict[str, Any] | None:
    row = await conn.fetchrow("SELECT * FROM models WHERE id = $1", model_id)
    return None if row is None else dict(row)


# --- modelCreate --------------------------------------------------------------------------


async def test_model_create_by_customer_creates_uploading_model(w: World) -> None:
    payload = await w.run(
        MODEL_CREATE,
        "modelCreate",
        w.alice,
        name="bert",
        storagePath="s3://models/bert",
        framework="pytorch",
    )
    assert payload["errors"] == []
    model = payload["model"]
    assert model["customerId"] == w.alice
    assert (model["framework"], model["status"]) == ("pytorch", "UPLOADING")
    assert (model["visibility"], model["totalSize"]) == ("PRIVATE", "0")
    row = await model_row(w.conn, model["rowId"])
    assert row is not None
    assert (row["customer_id"], row["framework"], row["status"]) == (
        w.alice,
        "pytorch",
        "uploading",
    )
    await w.assert_audited("model.create", w.alice, 200, str(model["rowId"]))
    await assert_consistent(w.conn)


async def test_model_create_in_workspace_as_member_succeeds(w: World) -> None:
    payload = await w.run(
        MODEL_CREATE, "modelCreate", w.carol, name="m", storagePath="s3://m/m",
        workspaceId=w.team, visibility="WORKSPACE",
    )  # fmt: skip
    assert payload["errors"] == []
    row = await model_row(w.conn, payload["model"]["rowId"])
    assert row is not None
    assert (row["workspace_id"], row["visibility"]) == (w.team, "workspace")
    await assert_consistent(w.conn)


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"framework": "f" * 65}, "INVALID_INPUT", "framework"),
        ({"visibility": "WORKSPACE"}, "INVALID_INPUT", "visibility"),
        ({"name": ""}, "INVALID_INPUT", "name"),
        ({"workspaceId": "team", "actor": "dave"}, "FORBIDDEN", "workspaceId"),
        ({"workspaceId": "team", "actor": "eve"}, "NOT_FOUND", "workspaceId"),
        ({"ownerId": "eve"}, "FORBIDDEN", "ownerId"),
    ],
    ids=["long-framework", "workspace-visibility", "blank-name", "viewer", "outsider", "owner"],
)
async def test_model_create_refused(
    w: World, fields: dict[str, Any], code: str, field: str
) -> None:
    fields = dict(fields)
    actor = getattr(w, fields.pop("actor", "alice"))
    for key in ("workspaceId", "ownerId"):
        if key in fields:
            fields[key] = getattr(w, fields[key])
    payload = await w.run(
        MODEL_CREATE, "modelCreate", actor, **{"name": "m", "storagePath": "s3://m", **fields}
    )
    assert_error(payload, code, ["input", field])
    assert payload["model"] is None
    assert await w.count("models") == 0
    await w.assert_audited("model.create", actor, STATUS[code])


# --- modelUpdate --------------------------------------------------------------------------


async def test_model_update_by_owner_changes_fields(w: World) -> None:
    model_id = await add_model(w.conn, w.alice, workspace_id=w.team)
    payload = await w.run(
        MODEL_UPDATE, "modelUpdate", w.alice, modelId=model_id, framework="onnx",
        status="ERROR", visibility="WORKSPACE", description="exported",
    )  # fmt: skip
    assert payload["errors"] == []
    assert (payload["model"]["framework"], payload["model"]["status"]) == ("onnx", "ERROR")
    row = await model_row(w.conn, model_id)
    assert row is not None
    assert (row["framework"], row["status"], row["visibility"], row["description"]) == (
        "onnx",
        "error",
        "workspace",
        "exported",
    )
    await w.assert_audited("model.update", w.alice, 200, str(model_id))
    await assert_consistent(w.conn)


async def test_model_update_visibility_by_workspace_admin_succeeds(w: World) -> None:
    model_id = await add_model(w.conn, w.carol, workspace_id=w.team, visibility="workspace")
    payload = await w.run(MODEL_UPDATE, "modelUpdate", w.bob, modelId=model_id, visibility="PUBLIC")
    assert payload["errors"] == []
    row = await model_row(w.conn, model_id)
    assert row is not None
    assert row["visibility"] == "public"
    await w.assert_audited("model.update", w.bob, 200)


@pytest.mark.parametrize(
    ("visibility", "actor", "code"),
    [("workspace", "carol", "FORBIDDEN"), ("public", "eve", "FORBIDDEN"),
     ("workspace", "eve", "NOT_FOUND"), ("private", "bob", "NOT_FOUND")],
)  # fmt: skip
async def test_model_update_by_non_manager_refused(
    w: World, visibility: str, actor: str, code: str
) -> None:
    model_id = await add_model(w.conn, w.alice, workspace_id=w.team, visibility=visibility)
    before = await model_row(w.conn, model_id)
    customer = getattr(w, actor)
    payload = await w.run(MODEL_UPDATE, "modelUpdate", customer, modelId=model_id, name="mine")
    assert_error(payload, code, ["input", "modelId"])
    assert await model_row(w.conn, model_id) == before
    await w.assert_audited("model.update", customer, 403 if code == "FORBIDDEN" else 404)


async def test_model_update_workspace_visibility_without_workspace_invalid(w: World) -> None:
    model_id = await add_model(w.conn, w.alice)
    payload = await w.run(
        MODEL_UPDATE, "modelUpdate", w.alice, modelId=model_id, visibility="WORKSPACE"
    )
    assert_error(payload, "INVALID_INPUT", ["input", "visibility"])
    row = await model_row(w.conn, model_id)
    assert row is not None
    assert row["visibility"] == "private"
    await assert_consistent(w.conn)


# --- modelDelete --------------------------------------------------------------------------


async def test_model_delete_removes_versions_and_detaches_history(w: World) -> None:
    model_id = await add_model(w.conn, w.alice)
    await add_model_version(w.conn, model_id, "v1", 10)
    stopped = await add_inference_service(w.conn, w.alice, model_id, "stopped", "v1")
    done = await add_training_job(w.conn, w.alice, "failed", model_id=model_id)
    payload = await w.run(MODEL_DELETE, "modelDelete", w.alice, modelId=model_id)
    assert payload["errors"] == []
    assert payload["deletedRowId"] == model_id
    assert await model_row(w.conn, model_id) is None
    assert await w.count("model_versions") == 0
    service = await w.conn.fetchrow(
        "SELECT model_id, model_version FROM inference_services WHERE id = $1", stopped
    )
    assert (service["model_id"], service["model_version"]) == (None, None)
    assert await w.conn.fetchval("SELECT model_id FROM training_jobs WHERE id = $1", done) is None
    await w.assert_audited("model.delete", w.alice, 200, str(model_id))
    await assert_consistent(w.conn)


@pytest.mark.parametrize(
    "user", ["service:creating", "service:running", "job:pending", "job:running"]
)
async def test_model_delete_in_use_refused(w: World, user: str) -> None:
    kind, status = user.split(":")
    model_id = await add_model(w.conn, w.alice)
    await add_model_version(w.conn, model_id, "v1", 10)
    if kind == "service":
        await add_inference_service(w.conn, w.alice, model_id, status)
    else:
        await add_training_job(w.conn, w.alice, status, model_id=model_id)
    payload = await w.run(MODEL_DELETE, "modelDelete", w.alice, modelId=model_id)
    assert_error(payload, "IN_USE", ["input", "modelId"])
    assert await model_row(w.conn, model_id) is not None
    assert await w.count("model_versions") == 1
    await w.assert_audited("model.delete", w.alice, 409, str(model_id))
    await assert_consistent(w.conn)


@pytest.mark.parametrize(
    ("visibility", "actor", "code"),
    [("workspace", "carol", "FORBIDDEN"), ("private", "eve", "NOT_FOUND")],
)
async def test_model_delete_by_non_manager_refused(
    w: World, visibility: str, actor: str, code: str
) -> None:
    model_id = await add_model(w.conn, w.alice, workspace_id=w.team, visibility=visibility)
    customer = getattr(w, actor)
    payload = await w.run(MODEL_DELETE, "modelDelete", customer, modelId=model_id)
    assert_error(payload, code, ["input", "modelId"])
    assert await model_row(w.conn, model_id) is not None
    await w.assert_audited("model.delete", customer, 403 if code == "FORBIDDEN" else 404)


# --- modelVersionCreate -------------------------------------------------------------------


async def test_model_version_create_with_metrics_adds_size(w: World) -> None:
    model_id = await add_model(w.conn, w.alice)
    await add_model_version(w.conn, model_id, "v1.0", 100)
    metrics = {"accuracy": 0.93, "loss": 0.21, "epochs": 3}
    payload = await w.run(
        MODEL_VERSION_CREATE, "modelVersionCreate", w.alice, modelId=model_id,
        version="v1.1", storagePath="s3://m/v1.1", size="400", metrics=metrics,
    )  # fmt: skip
    assert payload["errors"] == []
    version = payload["modelVersion"]
    assert (version["modelId"], version["version"], version["size"]) == (model_id, "v1.1", "400")
    assert version["metrics"] == metrics
    assert payload["model"] == {"rowId": model_id, "totalSize": "500"}
    stored = await w.conn.fetchval(
        "SELECT metrics FROM model_versions WHERE model_id = $1 AND version = 'v1.1'", model_id
    )
    assert json.loads(stored) == metrics
    row = await model_row(w.conn, model_id)
    assert row is not None
    assert row["total_size"] == 500
    await w.assert_audited("model_version.create", w.alice, 200, str(version["rowId"]))
    await assert_consistent(w.conn)


@pytest.mark.parametrize(
    "metrics",
    [[0.9], "accuracy", 0.93, {"accuracy": "high"}, {"converged": True}, {"a": {"b": 1}}],
    ids=["list", "string", "number", "string-value", "bool-value", "nested"],
)
async def test_model_version_create_bad_metrics_invalid(w: World, metrics: Any) -> None:
    model_id = await add_model(w.conn, w.alice)
    payload = await w.run(
        MODEL_VERSION_CREATE, "modelVersionCreate", w.alice, modelId=model_id,
        version="v1", storagePath="s3://m/v1", size="5", metrics=metrics,
    )  # fmt: skip
    assert_error(payload, "INVALID_INPUT", ["input", "metrics"])
    assert await w.count("model_versions") == 0
    row = await model_row(w.conn, model_id)
    assert row is not None
    assert row["total_size"] == 0
    await w.assert_audited("model_version.create", w.alice, 422)


async def test_model_version_create_duplicate_conflict(w: World) -> None:
    model_id = await add_model(w.conn, w.alice)
    await add_model_version(w.conn, model_id, "v1", 10)
    payload = await w.run(
        MODEL_VERSION_CREATE, "modelVersionCreate", w.alice, modelId=model_id,
        version="v1", storagePath="s3://m/v1", size="5",
    )  # fmt: skip
    assert_error(payload, "CONFLICT", ["input", "version"])
    row = await model_row(w.conn, model_id)
    assert row is not None
    assert row["total_size"] == 10
    await w.assert_audited("model_version.create", w.alice, 409)
    await assert_consistent(w.conn)


@pytest.mark.parametrize(
    ("visibility", "actor", "code"),
    [("public", "eve", "FORBIDDEN"), ("private", "eve", "NOT_FOUND")],
)
async def test_model_version_create_by_non_manager_refused(
    w: World, visibility: str, actor: str, code: str
) -> None:
    model_id = await add_model(w.conn, w.alice, visibility=visibility)
    customer = getattr(w, actor)
    payload = await w.run(
        MODEL_VERSION_CREATE, "modelVersionCreate", customer, modelId=model_id,
        version="v9", storagePath="s3://m/v9", size="5",
    )  # fmt: skip
    assert_error(payload, code, ["input", "modelId"])
    assert await w.count("model_versions") == 0
    rows = await audit_rows(w.conn, "model_version.create")
    assert [(r["customer_id"], r["status_code"]) for r in rows] == [
        (customer, 403 if code == "FORBIDDEN" else 404)
    ]


async def test_model_version_create_concurrent_keeps_size_exact(w: World) -> None:
    model_id = await add_model(w.conn, w.alice)
    sizes = [7_000_001 * (i + 1) for i in range(8)]
    payloads = await asyncio.gather(
        *(
            w.run(
                MODEL_VERSION_CREATE,
                "modelVersionCreate",
                w.alice,
                modelId=model_id,
                version=f"v{i}",
                storagePath=f"s3://m/v{i}",
                size=str(size),
                metrics={"loss": i / 10},
            )
            for i, size in enumerate(sizes)
        )
    )
    assert [p["errors"] for p in payloads] == [[]] * len(sizes)
    row = await model_row(w.conn, model_id)
    assert row is not None
    assert row["total_size"] == sum(sizes)
    assert await w.count("model_versions") == len(sizes)
    await assert_consistent(w.conn)
