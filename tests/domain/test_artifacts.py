"""artifactCreate and artifactDelete over GraphQL on a small world built in SQL (see
tests/support/storage_world.py): payload, rows, audit row, invariants."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest

from tests.support.db import assert_consistent
from tests.support.documents import mutation_document
from tests.support.storage_world import (
    World,
    add_environment,
    add_training_job,
    assert_error,
    make_world,
)

ARTIFACT_CREATE = mutation_document(
    "artifactCreate",
    "artifact { rowId customerId workspaceId name type storagePath size sourceType sourceId source"
    " { __typename } }",
)

ARTIFACT_DELETE = mutation_document("artifactDelete", "deletedId deletedRowId")


@pytest.fixture(name="w")
async def world_fixture(migrated_url: str) -> AsyncIterator[World]:
    async with make_world(migrated_url) as world:
        yield world


async def add_service(conn: asyncpg.Connection, owner: int) -> str:
    service_id = f"svc-{owner}"
    await conn.execute(
        "INSERT INTO inference_services (id, customer_id, name, status, replicas)"
        " VALUES ($1, $2, $1, 'running', 1)",
        service_id,
        owner,
    )
    return service_id


async def add_artifact(conn: asyncpg.Connection, owner: int, workspace_id: int | None) -> int:
    job = await add_training_job(conn, owner, "completed")
    artifact_id: int = await conn.fetchval(
        "INSERT INTO artifacts (customer_id, workspace_id, name, type, storage_path, size,"
        " source_type, source_id) VALUES ($1, $2, 'ckpt', 'checkpoint', 's3://a/ckpt', 10,"
        " 'training_job', $3) RETURNING id",
        owner,
        workspace_id,
        job,
    )
    return artifact_id


async def artifacts(conn: asyncpg.Connection) -> list[dict[str, Any]]:
    rows = await conn.fetch("SELECT * FROM artifacts ORDER BY id")
    return [dict(r) for r in rows]


def create_input(source_type: str, source_id: str, **more: Any) -> dict[str, Any]:
    return {
        "name": "model.pt",
        "type": "MODEL",
        "storagePath": "s3://artifacts/model.pt",
        "size": "4096",
        "sourceType": source_type,
        "sourceId": source_id,
        **more,
    }


# --- artifactCreate -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source_type", "typename"),
    [
        ("TRAINING_JOB", "TrainingJob"),
        ("INFERENCE_SERVICE", "InferenceService"),
        ("ENVIRONMENT", "Environment"),
    ],
)
async def test_artifact_create_from_own_source_succeeds(
    w: World, source_type: str, typename: str
) -> None:
    source = {
        "TRAINING_JOB": lambda: add_training_job(w.conn, w.alice, "completed"),
        "INFERENCE_SERVICE": lambda: add_service(w.conn, w.alice),
        "ENVIRONMENT": lambda: add_environment(w.conn, w.host, w.alice),
    }
    source_id = await source[source_type]()
    payload = await w.run(
        ARTIFACT_CREATE, "artifactCreate", w.alice, **create_input(source_type, source_id)
    )
    assert payload["errors"] == []
    artifact = payload["artifact"]
    assert (artifact["customerId"], artifact["type"]) == (w.alice, "MODEL")
    assert artifact["size"] == "4096"
    assert (artifact["sourceType"], artifact["sourceId"]) == (source_type, source_id)
    assert artifact["source"] == {"__typename": typename}
    [row] = await artifacts(w.conn)
    assert (row["customer_id"], row["type"], row["source_type"], row["source_id"]) == (
        w.alice,
        "model",
        source_type.lower(),
        source_id,
    )
    assert row["size"] == 4096
    await w.assert_audited("artifact.create", w.alice, 200, str(artifact["rowId"]))
    await assert_consistent(w.conn)


async def _create_from_own_job(w: World, owner: int, viewer: int, **fields: Any) -> Any:
    """Creates the only artifact of a completed job of owner's, as viewer; returns its row."""
    job = await add_training_job(w.conn, owner, "completed")
    fields = create_input("TRAINING_JOB", job, **fields)
    payload = await w.run(ARTIFACT_CREATE, "artifactCreate", viewer, **fields)
    assert payload["errors"] == []
    [row] = await artifacts(w.conn)
    return row


async def test_artifact_create_in_workspace_by_member_succeeds(w: World) -> None:
    row = await _create_from_own_job(w, w.carol, w.carol, workspaceId=w.team, type="LOG")
    assert (row["workspace_id"], row["type"]) == (w.team, "log")
    await assert_consistent(w.conn)


async def test_artifact_create_by_admin_for_owner_of_source_succeeds(w: World) -> None:
    row = await _create_from_own_job(w, w.eve, w.admin, ownerId=w.eve)
    assert row["customer_id"] == w.eve
    await w.assert_audited("artifact.create", w.admin, 200)
    await assert_consistent(w.conn)


@pytest.mark.parametrize(
    "case",
    ["other-customers-job", "missing-job", "admin-without-owner", "type-mismatch"],
)
async def test_artifact_create_source_not_owned_not_found(w: World, case: str) -> None:
    eves_job = await add_training_job(w.conn, w.eve, "completed")
    alices_env = await add_environment(w.conn, w.host, w.alice)
    actor, source_type, source_id = {
        "other-customers-job": (w.alice, "TRAINING_JOB", eves_job),
        "missing-job": (w.alice, "TRAINING_JOB", "job-missing"),
        # the admin is the owner unless it names one: eve's job is not the admin's
        "admin-without-owner": (w.admin, "TRAINING_JOB", eves_job),
        # an environment id is no inference service
        "type-mismatch": (w.alice, "INFERENCE_SERVICE", alices_env),
    }[case]
    payload = await w.run(
        ARTIFACT_CREATE, "artifactCreate", actor, **create_input(source_type, source_id)
    )
    assert_error(payload, "NOT_FOUND", ["input", "sourceId"])
    assert payload["artifact"] is None
    assert await artifacts(w.conn) == []
    await w.assert_audited("artifact.create", actor, 404)
    await assert_consistent(w.conn)


@pytest.mark.parametrize(("actor", "code"), [("dave", "FORBIDDEN"), ("eve", "NOT_FOUND")])
async def test_artifact_create_in_workspace_without_write_role_refused(
    w: World, actor: str, code: str
) -> None:
    customer = getattr(w, actor)
    job = await add_training_job(w.conn, customer, "completed")
    payload = await w.run(
        ARTIFACT_CREATE,
        "artifactCreate",
        customer,
        **create_input("TRAINING_JOB", job, workspaceId=w.team),
    )
    assert_error(payload, code, ["input", "workspaceId"])
    assert await artifacts(w.conn) == []
    await w.assert_audited("artifact.create", customer, 403 if code == "FORBIDDEN" else 404)


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", ""), ("storagePath", " "), ("size", "-5"), ("sourceId", ""),
     ("sourceId", "j" * 129)],
)  # fmt: skip
async def test_artifact_create_bad_field_invalid(w: World, field: str, value: str) -> None:
    job = await add_training_job(w.conn, w.alice, "completed")
    fields = create_input("TRAINING_JOB", job)
    fields[field] = value
    payload = await w.run(ARTIFACT_CREATE, "artifactCreate", w.alice, **fields)
    assert_error(payload, "INVALID_INPUT", ["input", field])
    assert await w.count("artifacts") == 0
    await w.assert_audited("artifact.create", w.alice, 422)


# --- artifactDelete -----------------------------------------------------------------------


@pytest.mark.parametrize("actor", ["alice", "bob", "admin"])
async def test_artifact_delete_by_owner_workspace_admin_or_admin_succeeds(
    w: World, actor: str
) -> None:
    artifact_id = await add_artifact(w.conn, w.alice, w.team)
    other = await add_artifact(w.conn, w.alice, None)
    customer = getattr(w, actor)
    payload = await w.run(ARTIFACT_DELETE, "artifactDelete", customer, artifactId=artifact_id)
    assert payload["errors"] == []
    assert payload["deletedRowId"] == artifact_id
    assert payload["deletedId"]
    assert [r["id"] for r in await artifacts(w.conn)] == [other]
    await w.assert_audited("artifact.delete", customer, 200, str(artifact_id))
    await assert_consistent(w.conn)


@pytest.mark.parametrize(
    ("actor", "workspace", "code"),
    [("carol", True, "FORBIDDEN"), ("dave", True, "FORBIDDEN"), ("eve", True, "NOT_FOUND"),
     ("bob", False, "NOT_FOUND")],
)  # fmt: skip
async def test_artifact_delete_by_others_refused(
    w: World, actor: str, workspace: bool, code: str
) -> None:
    artifact_id = await add_artifact(w.conn, w.alice, w.team if workspace else None)
    customer = getattr(w, actor)
    payload = await w.run(ARTIFACT_DELETE, "artifactDelete", customer, artifactId=artifact_id)
    assert_error(payload, code, ["input", "artifactId"])
    assert payload["deletedRowId"] is None
    assert [r["id"] for r in await artifacts(w.conn)] == [artifact_id]
    await w.assert_audited(
        "artifact.delete", customer, 403 if code == "FORBIDDEN" else 404, str(artifact_id)
    )
