"""The workload rules (domain-rules.md, "Workloads") through the GraphQL mutations.

Each test runs on its own copy of the seeded small fleet. The people come from the seed (a
team workspace with an external admin, two members with environments and a viewer; a stranger
to it; a staff user; a platform admin); the datasets and models whose readability matters are
inserted here. Every test checks the payload, the rows afterwards, the audit row, and that the
invariant checker stays silent.
"""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
import pytest

from remotegpu.auth.viewer import ANONYMOUS, Viewer
from tests.graphql import GraphQLRunner, agent_viewer, customer_viewer
from tests.support import workloads_world as world
from tests.support.db import assert_consistent, last_audit, last_audit_of
from tests.support.results import only_error, payload
from tests.support.workloads_world import (
    JOB_CANCEL,
    JOB_CREATE,
    PENDING_BY_PRIORITY,
    SVC_CREATE,
    SVC_DELETE,
    SVC_REPORT,
    SVC_SCALE,
    SVC_START,
    SVC_STOP,
    Cast,
    Refs,
    create_job,
    create_service,
    table_rows,
    transition,
)

# The cast and its seeded database, from the shared workload world.
conn, cast, refs = world.conn, world.cast, world.refs


async def refused_job_create(
    gql: GraphQLRunner, conn: asyncpg.Connection, viewer: Viewer, job_input: dict[str, Any]
) -> dict[str, Any]:
    """A training-job create that must be refused: no row appears; returns its one error."""
    before = await table_rows(conn, "training_jobs")
    data = payload(await gql(JOB_CREATE, {"input": job_input}, viewer), "trainingJobCreate")
    assert await table_rows(conn, "training_jobs") == before
    return only_error(data)


# --- trainingJobCreate ------------------------------------------------------------------------


async def test_training_job_create_minimal_is_pending_and_owned_by_viewer(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast
) -> None:
    job = await create_job(gql, cast.alice)

    assert job["rowId"].startswith("job-")
    assert len(job["rowId"]) == 14
    assert (job["customerId"], job["status"], job["priority"], job["gpu"]) == (
        cast.alice.customer_id,
        "PENDING",
        0,
        0,
    )
    assert (job["startedAt"], job["completedAt"], job["workspaceId"]) == (None, None, None)
    row = await conn.fetchrow("SELECT * FROM training_jobs WHERE id = $1", job["rowId"])
    assert (row["customer_id"], row["status"], row["name"]) == (
        cast.alice.customer_id,
        "pending",
        "train",
    )
    audit = await last_audit(conn, "training_job.create")
    assert tuple(audit) == (cast.alice.customer_id, "training_job", job["rowId"], 200, None)
    await assert_consistent(conn)


async def test_training_job_create_with_readable_references_succeeds(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, refs: Refs
) -> None:
    """Own environment, a dataset shared with the workspace, a public model."""
    job = await create_job(
        gql,
        cast.alice,
        workspaceId=cast.workspace,
        envId=cast.alice_env,
        datasetId=refs.shared_dataset,
        modelId=refs.public_model,
        framework="pytorch",
        scriptPath="/workspace/train.py",
        priority=7,
        cpu=8,
        memory=str(32 * 1024**3),
        gpu=2,
    )

    assert (job["workspaceId"], job["envId"], job["datasetId"], job["modelId"]) == (
        cast.workspace,
        cast.alice_env,
        refs.shared_dataset,
        refs.public_model,
    )
    assert (job["priority"], job["cpu"], job["memory"], job["gpu"]) == (7, 8, str(32 * 1024**3), 2)
    row = await conn.fetchrow("SELECT * FROM training_jobs WHERE id = $1", job["rowId"])
    assert (row["workspace_id"], row["env_id"], row["dataset_id"], row["model_id"]) == (
        cast.workspace,
        cast.alice_env,
        refs.shared_dataset,
        refs.public_model,
    )
    await assert_consistent(conn)


async def test_training_job_create_in_workspace_uses_another_members_workspace_environment(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast
) -> None:
    await conn.execute(
        "UPDATE environments SET workspace_id = $1 WHERE id = $2", cast.workspace, cast.bob_env
    )

    job = await create_job(gql, cast.alice, workspaceId=cast.workspace, envId=cast.bob_env)

    assert job["envId"] == cast.bob_env
    await assert_consistent(conn)


@pytest.mark.parametrize(
    ("field", "which"),
    [
        ("datasetId", "foreign_dataset"),
        ("datasetId", "missing"),
        ("modelId", "foreign_model"),
        ("modelId", "missing"),
        ("envId", "stranger_env"),
        ("envId", "bob_env_outside_workspace"),
        ("envId", "missing"),
    ],
)
async def test_training_job_create_unreadable_reference_not_found(
    gql: GraphQLRunner,
    conn: asyncpg.Connection,
    cast: Cast,
    refs: Refs,
    field: str,
    which: str,
) -> None:
    """Another tenant's object is reported exactly like a missing one."""
    value: Any = {
        "foreign_dataset": refs.foreign_dataset,
        "foreign_model": refs.foreign_model,
        "stranger_env": cast.stranger_env,
        "bob_env_outside_workspace": cast.bob_env,
        "missing": "env-missing" if field == "envId" else 999_999,
    }[which]
    before = await table_rows(conn, "training_jobs")

    data = payload(
        await gql(JOB_CREATE, {"input": {"name": "t", field: value}}, cast.alice),
        "trainingJobCreate",
    )

    assert data["trainingJob"] is None
    error = only_error(data)
    assert (error["code"], error["field"]) == ("NOT_FOUND", ["input", field])
    assert error["message"].endswith("not found")
    assert await table_rows(conn, "training_jobs") == before
    audited = await last_audit_of(conn, "training_job.create", "customer_id", "status_code")
    assert audited == (cast.alice.customer_id, 404)
    await assert_consistent(conn)


async def test_training_job_create_deleted_environment_not_found(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast
) -> None:
    deleted_env = await conn.fetchval("SELECT min(id) FROM environments WHERE status = 'deleted'")
    error = await refused_job_create(gql, conn, cast.root, {"name": "t", "envId": deleted_env})
    assert (error["code"], error["field"]) == ("NOT_FOUND", ["input", "envId"])


@pytest.mark.parametrize(
    ("who", "code"),
    [("ws_viewer", "FORBIDDEN"), ("stranger", "NOT_FOUND")],
)
async def test_training_job_create_in_workspace_without_creator_role_refused(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, who: str, code: str
) -> None:
    viewer: Viewer = getattr(cast, who)
    error = await refused_job_create(
        gql, conn, viewer, {"name": "t", "workspaceId": cast.workspace}
    )
    assert (error["code"], error["field"]) == (code, ["input", "workspaceId"])
    assert (await last_audit(conn, "training_job.create"))["status_code"] == (
        403 if code == "FORBIDDEN" else 404
    )


async def test_training_job_create_in_archived_workspace_invalid_input(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast
) -> None:
    await conn.execute("UPDATE workspaces SET status = 'archived' WHERE id = $1", cast.workspace)
    error = await refused_job_create(
        gql, conn, cast.alice, {"name": "t", "workspaceId": cast.workspace}
    )
    assert (error["code"], error["field"]) == ("INVALID_INPUT", ["input", "workspaceId"])


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", "   "), ("name", "n" * 257), ("gpu", -1), ("cpu", 0), ("memory", "0")],
)
async def test_training_job_create_bad_input_invalid_input(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, field: str, value: Any
) -> None:
    error = await refused_job_create(gql, conn, cast.alice, {"name": "t", field: value})
    assert (error["code"], error["field"]) == ("INVALID_INPUT", ["input", field])
    assert (await last_audit(conn, "training_job.create"))["status_code"] == 422


async def test_training_job_create_anonymous_unauthenticated(
    gql: GraphQLRunner, conn: asyncpg.Connection
) -> None:
    before = await table_rows(conn, "training_jobs")

    data = payload(await gql(JOB_CREATE, {"input": {"name": "t"}}, ANONYMOUS), "trainingJobCreate")

    assert only_error(data)["code"] == "UNAUTHENTICATED"
    assert await table_rows(conn, "training_jobs") == before


# --- priority: the read side orders pending jobs ----------------------------------------------


async def test_training_jobs_pending_order_by_priority_desc_highest_first(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast
) -> None:
    created = [
        (await create_job(gql, cast.alice, name=f"p{p}", priority=p))["rowId"] for p in (5, 50, -1)
    ]
    running = await create_job(gql, cast.alice, name="busy", priority=99)
    assert (await transition(gql, cast.staff, running["rowId"], "RUNNING"))["errors"] == []

    mine = await gql.ok(PENDING_BY_PRIORITY, {"owner": str(cast.alice.customer_id)}, cast.alice)
    nodes = mine["trainingJobs"]["nodes"]
    ours = [n for n in nodes if n["rowId"] in created]
    assert [n["priority"] for n in ours] == [50, 5, -1]
    assert running["rowId"] not in {n["rowId"] for n in nodes}

    everyone = await gql.ok(PENDING_BY_PRIORITY, {"owner": None}, cast.root)
    nodes = everyone["trainingJobs"]["nodes"]
    priorities = [n["priority"] for n in nodes]
    assert priorities == sorted(priorities, reverse=True)
    expected = await conn.fetch(
        "SELECT id FROM training_jobs WHERE status = 'pending' ORDER BY priority DESC, id DESC"
    )
    assert [n["rowId"] for n in nodes] == [r["id"] for r in expected]


# --- trainingJobTransition --------------------------------------------------------------------


async def test_training_job_transition_staff_runs_and_completes_with_events(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast
) -> None:
    job = await create_job(gql, cast.alice, name="resnet")
    job_id = job["rowId"]

    started = await transition(gql, cast.staff, job_id, "RUNNING")
    assert started["errors"] == []
    assert started["trainingJob"]["status"] == "RUNNING"
    assert started["trainingJob"]["startedAt"] is not None
    assert started["trainingJob"]["completedAt"] is None
    await assert_consistent(conn)

    done = await transition(gql, cast.staff, job_id, "COMPLETED")
    assert done["errors"] == []
    assert done["trainingJob"]["status"] == "COMPLETED"
    row = await conn.fetchrow("SELECT * FROM training_jobs WHERE id = $1", job_id)
    assert row["status"] == "completed"
    assert row["started_at"] is not None
    assert row["completed_at"] >= row["started_at"]

    events = await conn.fetch(
        "SELECT event_type, customer_id, resource_type, payload::text FROM event_outbox"
        " WHERE resource_id = $1 ORDER BY id",
        job_id,
    )
    assert [(e["event_type"], e["customer_id"], e["resource_type"]) for e in events] == [
        ("training.started", cast.alice.customer_id, "training_job"),
        ("training.completed", cast.alice.customer_id, "training_job"),
    ]
    notes = await conn.fetch(
        "SELECT title, level FROM notifications WHERE customer_id = $1 AND title LIKE $2"
        " ORDER BY id",
        cast.alice.customer_id,
        "Training job resnet %",
    )
    assert [tuple(n) for n in notes] == [
        ("Training job resnet started", "info"),
        ("Training job resnet completed", "info"),
    ]
    audit = await last_audit(conn, "training_job.transition")
    assert tuple(audit) == (cast.staff.customer_id, "training_job", job_id, 200, None)
    await assert_consistent(conn)


async def test_training_job_transition_agent_of_environment_host_fails_job(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast
) -> None:
    job = await create_job(gql, cast.alice, envId=cast.alice_env)
    agent = agent_viewer(cast.root.customer_id or 0, cast.alice_host)

    assert (await transition(gql, agent, job["rowId"], "RUNNING"))["errors"] == []
    failed = await transition(gql, agent, job["rowId"], "FAILED")

    assert failed["errors"] == []
    assert (failed["trainingJob"]["rowId"], failed["trainingJob"]["status"]) == (
        job["rowId"],
        "FAILED",
    )
    assert await conn.fetchval("SELECT status FROM training_jobs WHERE id = $1", job["rowId"]) == (
        "failed"
    )
    assert await conn.fetchval(
        "SELECT event_type FROM event_outbox WHERE resource_id = $1 ORDER BY id DESC LIMIT 1",
        job["rowId"],
    ) == ("training.failed")
    assert await conn.fetchval(
        "SELECT level FROM notifications WHERE customer_id = $1 ORDER BY id DESC LIMIT 1",
        cast.alice.customer_id,
    ) == ("error")
    await assert_consistent(conn)


@pytest.mark.parametrize("job_env", ["other_host", "no_environment"])
async def test_training_job_transition_agent_of_other_host_not_found(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, job_env: str
) -> None:
    fields = {"envId": cast.alice_env} if job_env == "other_host" else {}
    job = await create_job(gql, cast.alice, **fields)
    other_host = await conn.fetchval("SELECT min(id) FROM hosts WHERE id <> $1", cast.alice_host)
    agent = agent_viewer(cast.root.customer_id or 0, other_host)
    events_before = await table_rows(conn, "event_outbox")

    data = await transition(gql, agent, job["rowId"], "RUNNING")

    error = only_error(data)
    assert (error["code"], error["field"]) == ("NOT_FOUND", ["input", "id"])
    assert await conn.fetchval("SELECT status FROM training_jobs WHERE id = $1", job["rowId"]) == (
        "pending"
    )
    assert await table_rows(conn, "event_outbox") == events_before
    audited = await last_audit_of(conn, "training_job.transition", "status_code", "resource_id")
    assert audited == (404, job["rowId"])


@pytest.mark.parametrize("who", ["alice", "ws_admin"])
async def test_training_job_transition_by_customer_forbidden(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, who: str
) -> None:
    """Owners cancel their jobs, but only staff or the host's agent run them."""
    job = await create_job(gql, cast.alice, workspaceId=cast.workspace)

    data = await transition(gql, getattr(cast, who), job["rowId"], "RUNNING")

    assert data["trainingJob"] is None
    assert only_error(data)["code"] == "FORBIDDEN"
    row = await conn.fetchrow(
        "SELECT status, started_at FROM training_jobs WHERE id = $1", job["rowId"]
    )
    assert tuple(row) == ("pending", None)
    assert (await last_audit(conn, "training_job.transition"))["status_code"] == 403


@pytest.mark.parametrize(
    ("steps", "target"),
    [
        ([], "COMPLETED"),
        ([], "FAILED"),
        (["RUNNING"], "RUNNING"),
        (["RUNNING", "FAILED"], "COMPLETED"),
    ],
)
async def test_training_job_transition_out_of_order_invalid_transition(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, steps: list[str], target: str
) -> None:
    job = await create_job(gql, cast.alice)
    for step in steps:
        assert (await transition(gql, cast.staff, job["rowId"], step))["errors"] == []
    before = await conn.fetchrow("SELECT * FROM training_jobs WHERE id = $1", job["rowId"])
    events_before = await table_rows(conn, "event_outbox")

    data = await transition(gql, cast.staff, job["rowId"], target)

    error = only_error(data)
    assert (error["code"], error["field"]) == ("INVALID_TRANSITION", ["input", "status"])
    assert await conn.fetchrow("SELECT * FROM training_jobs WHERE id = $1", job["rowId"]) == before
    assert await table_rows(conn, "event_outbox") == events_before
    assert (await last_audit(conn, "training_job.transition"))["status_code"] == 409
    await assert_consistent(conn)


async def test_training_job_transition_missing_job_not_found(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast
) -> None:
    data = await transition(gql, cast.staff, "job-missing", "RUNNING")

    assert only_error(data)["code"] == "NOT_FOUND"
    assert (await last_audit(conn, "training_job.transition"))["resource_id"] == "job-missing"


# --- trainingJobCancel ------------------------------------------------------------------------


async def test_training_job_cancel_pending_by_owner_cancelled(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast
) -> None:
    job = await create_job(gql, cast.alice)

    data = payload(
        await gql(JOB_CANCEL, {"input": {"id": job["rowId"]}}, cast.alice), "trainingJobCancel"
    )

    assert data["errors"] == []
    assert (data["trainingJob"]["status"], data["trainingJob"]["completedAt"]) == (
        "CANCELLED",
        None,
    )
    assert await conn.fetchval("SELECT status FROM training_jobs WHERE id = $1", job["rowId"]) == (
        "cancelled"
    )
    audit = await last_audit(conn, "training_job.cancel")
    assert tuple(audit) == (cast.alice.customer_id, "training_job", job["rowId"], 200, None)
    await assert_consistent(conn)


async def test_training_job_cancel_running_by_workspace_admin_notifies_owner(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast
) -> None:
    job = await create_job(gql, cast.alice, name="long", workspaceId=cast.workspace)
    assert (await transition(gql, cast.staff, job["rowId"], "RUNNING"))["errors"] == []

    data = payload(
        await gql(JOB_CANCEL, {"input": {"id": job["rowId"]}}, cast.ws_admin), "trainingJobCancel"
    )

    assert data["errors"] == []
    assert data["trainingJob"]["status"] == "CANCELLED"
    row = await conn.fetchrow("SELECT * FROM training_jobs WHERE id = $1", job["rowId"])
    assert row["status"] == "cancelled"
    assert row["completed_at"] >= row["started_at"]
    assert (
        await conn.fetchval(
            "SELECT count(*) FROM notifications WHERE customer_id = $1"
            " AND title = 'Training job long was cancelled'",
            cast.alice.customer_id,
        )
        == 1
    )
    await assert_consistent(conn)


@pytest.mark.parametrize(
    ("who", "code"), [("bob", "FORBIDDEN"), ("ws_viewer", "FORBIDDEN"), ("stranger", "NOT_FOUND")]
)
async def test_training_job_cancel_by_non_manager_refused(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, who: str, code: str
) -> None:
    """Members who see the job may not cancel another's; strangers do not see it at all."""
    job = await create_job(gql, cast.alice, workspaceId=cast.workspace)

    data = payload(
        await gql(JOB_CANCEL, {"input": {"id": job["rowId"]}}, getattr(cast, who)),
        "trainingJobCancel",
    )

    assert data["trainingJob"] is None
    assert only_error(data)["code"] == code
    assert await conn.fetchval("SELECT status FROM training_jobs WHERE id = $1", job["rowId"]) == (
        "pending"
    )
    assert await last_audit_of(conn, "training_job.cancel", "status_code", "resource_id") == (
        403 if code == "FORBIDDEN" else 404,
        job["rowId"],
    )


async def test_training_job_cancel_finished_job_invalid_transition(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast
) -> None:
    job = await create_job(gql, cast.alice)
    for step in ("RUNNING", "COMPLETED"):
        assert (await transition(gql, cast.staff, job["rowId"], step))["errors"] == []
    before = await conn.fetchrow("SELECT * FROM training_jobs WHERE id = $1", job["rowId"])

    data = payload(
        await gql(JOB_CANCEL, {"input": {"id": job["rowId"]}}, cast.root), "trainingJobCancel"
    )

    error = only_error(data)
    assert (error["code"], error["field"]) == ("INVALID_TRANSITION", ["input", "id"])
    assert await conn.fetchrow("SELECT * FROM training_jobs WHERE id = $1", job["rowId"]) == before
    assert (await last_audit(conn, "training_job.cancel"))["status_code"] == 409


# --- inference services -----------------------------------------------------------------------


async def service_in(
    gql: GraphQLRunner, cast: Cast, refs: Refs, status: str, **fields: Any
) -> dict[str, Any]:
    """A service of alice's, brought to `status` through the mutations."""
    service = await create_service(gql, cast.alice, modelId=refs.own_model, **fields)
    if status == "creating":
        return service
    reported = "ERROR" if status == "error" else "RUNNING"
    report = payload(
        await gql(SVC_REPORT, {"input": {"id": service["rowId"], "status": reported}}, cast.staff),
        "inferenceServiceStatusReport",
    )
    assert report["errors"] == []
    if status == "stopped":
        stop = payload(
            await gql(SVC_STOP, {"input": {"id": service["rowId"]}}, cast.alice),
            "inferenceServiceStop",
        )
        assert stop["errors"] == []
    return service


async def test_inference_service_create_public_model_version_is_creating(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, refs: Refs
) -> None:
    service = await create_service(
        gql,
        cast.alice,
        modelId=refs.public_model,
        modelVersion="v1.0",
        workspaceId=cast.workspace,
        replicas=3,
        cpu=4,
        memory=str(8 * 1024**3),
        gpu=1,
    )

    assert service["rowId"].startswith("svc-")
    assert {k: service[k] for k in ("status", "replicas", "modelVersionName", "framework")} == {
        "status": "CREATING",
        "replicas": 3,
        "modelVersionName": "v1.0",
        "framework": "onnx",  # the model's, as none was given
    }
    row = await conn.fetchrow("SELECT * FROM inference_services WHERE id = $1", service["rowId"])
    assert (row["customer_id"], row["workspace_id"], row["model_id"], row["status"]) == (
        cast.alice.customer_id,
        cast.workspace,
        refs.public_model,
        "creating",
    )
    audit = tuple(await last_audit(conn, "inference_service.create"))
    assert audit == (cast.alice.customer_id, "inference_service", service["rowId"], 200, None)
    await assert_consistent(conn)


@pytest.mark.parametrize(
    ("field", "which", "code"),
    [
        ("modelId", "foreign_model", "NOT_FOUND"),
        ("modelId", "missing", "NOT_FOUND"),
        ("modelVersion", "v9.9", "NOT_FOUND"),
        ("replicas", 0, "INVALID_INPUT"),
        ("replicas", -3, "INVALID_INPUT"),
        ("gpu", -1, "INVALID_INPUT"),
        ("name", "", "INVALID_INPUT"),
    ],
)
async def test_inference_service_create_bad_reference_or_input_refused(
    gql: GraphQLRunner,
    conn: asyncpg.Connection,
    cast: Cast,
    refs: Refs,
    field: str,
    which: Any,
    code: str,
) -> None:
    fields: dict[str, Any] = {"name": "serve", "modelId": refs.public_model}
    fields[field] = {"foreign_model": refs.foreign_model, "missing": 999_999}.get(which, which)
    before = await table_rows(conn, "inference_services")

    data = payload(await gql(SVC_CREATE, {"input": fields}, cast.alice), "inferenceServiceCreate")

    assert data["inferenceService"] is None
    error = only_error(data)
    assert (error["code"], error["field"]) == (code, ["input", field])
    assert await table_rows(conn, "inference_services") == before
    audit = await last_audit(conn, "inference_service.create")
    assert audit["status_code"] == (404 if code == "NOT_FOUND" else 422)


async def test_inference_service_create_shared_model_in_workspace_succeeds(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, refs: Refs
) -> None:
    service = await create_service(
        gql, cast.alice, modelId=refs.shared_model, workspaceId=cast.workspace
    )

    assert service["modelId"] == refs.shared_model
    await assert_consistent(conn)


async def test_inference_service_status_report_running_sets_endpoint_and_notifies(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, refs: Refs
) -> None:
    service = await create_service(gql, cast.alice, name="bert", modelId=refs.own_model)
    url = "https://bert.serve.example.com/v1"

    data = payload(
        await gql(
            SVC_REPORT,
            {"input": {"id": service["rowId"], "status": "RUNNING", "endpointUrl": url}},
            cast.staff,
        ),
        "inferenceServiceStatusReport",
    )

    assert data["errors"] == []
    assert (data["inferenceService"]["status"], data["inferenceService"]["endpointUrl"]) == (
        "RUNNING",
        url,
    )
    row = await conn.fetchrow("SELECT * FROM inference_services WHERE id = $1", service["rowId"])
    assert (row["status"], row["endpoint_url"]) == ("running", url)
    note = await conn.fetchrow(
        "SELECT title, content, level FROM notifications WHERE customer_id = $1"
        " ORDER BY id DESC LIMIT 1",
        cast.alice.customer_id,
    )
    assert tuple(note) == ("Inference service bert is running", url, "info")
    audit = tuple(await last_audit(conn, "inference_service.status_report"))
    assert audit == (cast.staff.customer_id, "inference_service", service["rowId"], 200, None)
    await assert_consistent(conn)


async def test_inference_service_status_report_error_marks_error(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, refs: Refs
) -> None:
    service = await service_in(gql, cast, refs, "error")

    row = await conn.fetchrow(
        "SELECT status FROM inference_services WHERE id = $1", service["rowId"]
    )
    assert row["status"] == "error"
    await assert_consistent(conn)


@pytest.mark.parametrize(
    ("who", "status", "endpoint", "code", "field"),
    [
        ("alice", "creating", None, "FORBIDDEN", None),
        ("staff", "running", None, "INVALID_TRANSITION", ["input", "status"]),
        ("staff", "error", None, "INVALID_TRANSITION", ["input", "status"]),
        ("staff", "creating", "ftp://x.example.com", "INVALID_INPUT", ["input", "endpointUrl"]),
    ],
)
async def test_inference_service_status_report_refused(
    gql: GraphQLRunner,
    conn: asyncpg.Connection,
    cast: Cast,
    refs: Refs,
    who: str,
    status: str,
    endpoint: str | None,
    code: str,
    field: list[str] | None,
) -> None:
    service = await service_in(gql, cast, refs, status)
    before = await table_rows(conn, "inference_services")
    report = {"id": service["rowId"], "status": "RUNNING", "endpointUrl": endpoint}

    data = payload(
        await gql(SVC_REPORT, {"input": report}, getattr(cast, who)),
        "inferenceServiceStatusReport",
    )

    error = only_error(data)
    assert (error["code"], error["field"]) == (code, field)
    assert await table_rows(conn, "inference_services") == before
    audit = await last_audit(conn, "inference_service.status_report")
    assert audit["resource_id"] == service["rowId"]
    assert audit["status_code"] in (403, 409, 422)


async def test_inference_service_stop_start_scale_cycle(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, refs: Refs
) -> None:
    service = await service_in(gql, cast, refs, "running")
    sid = service["rowId"]

    stopped = payload(
        await gql(SVC_STOP, {"input": {"id": sid}}, cast.alice), "inferenceServiceStop"
    )
    assert (stopped["errors"], stopped["inferenceService"]["status"]) == ([], "STOPPED")
    assert await conn.fetchval("SELECT status FROM inference_services WHERE id = $1", sid) == (
        "stopped"
    )

    scaled = payload(
        await gql(SVC_SCALE, {"input": {"id": sid, "replicas": 5}}, cast.alice),
        "inferenceServiceScale",
    )
    assert (scaled["errors"], scaled["inferenceService"]["replicas"]) == ([], 5)

    started = payload(
        await gql(SVC_START, {"input": {"id": sid}}, cast.alice), "inferenceServiceStart"
    )
    assert (started["errors"], started["inferenceService"]["status"]) == ([], "RUNNING")
    row = await conn.fetchrow("SELECT status, replicas FROM inference_services WHERE id = $1", sid)
    assert tuple(row) == ("running", 5)
    for action in ("stop", "scale", "start"):
        audit = await last_audit(conn, f"inference_service.{action}")
        assert tuple(audit) == (cast.alice.customer_id, "inference_service", sid, 200, None)
    await assert_consistent(conn)


@pytest.mark.parametrize(
    ("document", "name", "status", "extra"),
    [
        (SVC_START, "inferenceServiceStart", "creating", {}),
        (SVC_START, "inferenceServiceStart", "running", {}),
        (SVC_STOP, "inferenceServiceStop", "stopped", {}),
        (SVC_STOP, "inferenceServiceStop", "creating", {}),
        (SVC_SCALE, "inferenceServiceScale", "creating", {"replicas": 2}),
        (SVC_SCALE, "inferenceServiceScale", "error", {"replicas": 2}),
        (SVC_DELETE, "inferenceServiceDelete", "running", {}),
    ],
)
async def test_inference_service_change_in_wrong_state_invalid_transition(
    gql: GraphQLRunner,
    conn: asyncpg.Connection,
    cast: Cast,
    refs: Refs,
    document: str,
    name: str,
    status: str,
    extra: dict[str, Any],
) -> None:
    service = await service_in(gql, cast, refs, status)
    before = await table_rows(conn, "inference_services")

    data = payload(
        await gql(document, {"input": {"id": service["rowId"], **extra}}, cast.alice), name
    )

    error = only_error(data)
    assert (error["code"], error["field"]) == ("INVALID_TRANSITION", ["input", "id"])
    assert await table_rows(conn, "inference_services") == before
    action = {
        "inferenceServiceStart": "start",
        "inferenceServiceStop": "stop",
        "inferenceServiceScale": "scale",
        "inferenceServiceDelete": "delete",
    }[name]
    assert (await last_audit(conn, f"inference_service.{action}"))["status_code"] == 409


async def test_inference_service_scale_below_one_invalid_input(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, refs: Refs
) -> None:
    service = await service_in(gql, cast, refs, "running")
    before = await table_rows(conn, "inference_services")

    data = payload(
        await gql(SVC_SCALE, {"input": {"id": service["rowId"], "replicas": 0}}, cast.alice),
        "inferenceServiceScale",
    )

    error = only_error(data)
    assert (error["code"], error["field"]) == ("INVALID_INPUT", ["input", "replicas"])
    assert await table_rows(conn, "inference_services") == before
    await assert_consistent(conn)


@pytest.mark.parametrize(("who", "code"), [("bob", "FORBIDDEN"), ("stranger", "NOT_FOUND")])
async def test_inference_service_stop_by_non_manager_refused(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, refs: Refs, who: str, code: str
) -> None:
    service = await service_in(gql, cast, refs, "running", workspaceId=cast.workspace)

    data = payload(
        await gql(SVC_STOP, {"input": {"id": service["rowId"]}}, getattr(cast, who)),
        "inferenceServiceStop",
    )

    assert data["inferenceService"] is None
    assert only_error(data)["code"] == code
    assert await conn.fetchval(
        "SELECT status FROM inference_services WHERE id = $1", service["rowId"]
    ) == ("running")


async def test_inference_service_stop_by_workspace_admin_succeeds(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, refs: Refs
) -> None:
    service = await service_in(gql, cast, refs, "running", workspaceId=cast.workspace)

    data = payload(
        await gql(SVC_STOP, {"input": {"id": service["rowId"]}}, cast.ws_admin),
        "inferenceServiceStop",
    )

    assert (data["errors"], data["inferenceService"]["status"]) == ([], "STOPPED")
    await assert_consistent(conn)


@pytest.mark.parametrize("status", ["creating", "stopped", "error"])
async def test_inference_service_delete_not_running_removes_row(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, refs: Refs, status: str
) -> None:
    service = await service_in(gql, cast, refs, status)

    data = payload(
        await gql(SVC_DELETE, {"input": {"id": service["rowId"]}}, cast.alice),
        "inferenceServiceDelete",
    )

    assert data == {"deletedInferenceServiceId": service["rowId"], "errors": []}
    assert (
        await conn.fetchval(
            "SELECT count(*) FROM inference_services WHERE id = $1", service["rowId"]
        )
        == 0
    )
    audit = tuple(await last_audit(conn, "inference_service.delete"))
    assert audit == (cast.alice.customer_id, "inference_service", service["rowId"], 200, None)
    await assert_consistent(conn)


async def test_inference_service_delete_with_artifacts_in_use(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, refs: Refs
) -> None:
    service = await service_in(gql, cast, refs, "stopped")
    await conn.execute(
        "INSERT INTO artifacts (customer_id, name, type, storage_path, source_type, source_id)"
        " VALUES ($1, 'report', 'report', 's3://test/r', 'inference_service', $2)",
        cast.alice.customer_id,
        service["rowId"],
    )
    before = await table_rows(conn, "inference_services")

    data = payload(
        await gql(SVC_DELETE, {"input": {"id": service["rowId"]}}, cast.alice),
        "inferenceServiceDelete",
    )

    error = only_error(data)
    assert (error["code"], error["field"]) == ("IN_USE", ["input", "id"])
    assert await table_rows(conn, "inference_services") == before
    assert (await last_audit(conn, "inference_service.delete"))["status_code"] == 409
    await assert_consistent(conn)


async def test_inference_service_delete_by_stranger_not_found(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, refs: Refs
) -> None:
    service = await service_in(gql, cast, refs, "stopped")
    before = await table_rows(conn, "inference_services")

    data = payload(
        await gql(SVC_DELETE, {"input": {"id": service["rowId"]}}, cast.stranger),
        "inferenceServiceDelete",
    )

    error = only_error(data)
    assert (error["code"], error["message"]) == ("NOT_FOUND", "inference service not found")
    assert await table_rows(conn, "inference_services") == before
    audited = await last_audit_of(conn, "inference_service.delete", "customer_id", "status_code")
    assert audited == (cast.stranger.customer_id, 404)


async def test_training_job_transition_concurrent_starts_one_wins(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast
) -> None:
    """The job row is locked: two runners starting one job cannot both succeed."""
    job = await create_job(gql, cast.alice)

    results = await asyncio.gather(
        *(transition(gql, cast.staff, job["rowId"], "RUNNING") for _ in range(2))
    )

    codes = [e["code"] for r in results for e in r["errors"]]
    assert codes == ["INVALID_TRANSITION"]
    assert (
        await conn.fetchval(
            "SELECT count(*) FROM event_outbox WHERE resource_id = $1", job["rowId"]
        )
        == 1
    )
    await assert_consistent(conn)


async def test_workload_runs_by_an_internal_user_are_forbidden(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: Cast, refs: Refs
) -> None:
    """Internal users are customers: they may not move or deploy another tenant's workload."""
    internal = await conn.fetchval(
        "SELECT min(id) FROM customers WHERE user_type = 'internal' AND status = 'active'"
        " AND deleted_at IS NULL"
    )
    insider = customer_viewer(internal, "internal")
    job = await create_job(gql, cast.alice)
    service = await create_service(gql, cast.alice, name="bert", modelId=refs.own_model)

    moved = await transition(gql, insider, job["rowId"], "RUNNING")
    deployed = payload(
        await gql(SVC_REPORT, {"input": {"id": service["rowId"], "status": "RUNNING"}}, insider),
        "inferenceServiceStatusReport",
    )

    assert [e["code"] for e in moved["errors"]] == ["FORBIDDEN"]
    assert [e["code"] for e in deployed["errors"]] == ["FORBIDDEN"]
    assert (
        await conn.fetchval("SELECT status FROM training_jobs WHERE id = $1", job["rowId"])
        == "pending"
    )
    assert (
        await conn.fetchval("SELECT status FROM inference_services WHERE id = $1", service["rowId"])
        == "creating"
    )
