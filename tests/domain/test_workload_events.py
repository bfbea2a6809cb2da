"""Events of training jobs and inference services: one per state change, in the transaction
of the change (catalogue: training.*, inference.*), none for a refused change."""

from __future__ import annotations

import asyncpg

from tests.graphql import GraphQLRunner
from tests.support import workloads_world as world

# The workload tests' fixtures (a seeded fleet's cast of viewers, models and datasets).
conn, cast, refs = world.conn, world.cast, world.refs


async def events_of(conn: asyncpg.Connection, resource_id: str) -> list[tuple[str, str]]:
    rows = await conn.fetch(
        "SELECT event_type, payload->>'status' FROM event_outbox WHERE resource_id = $1"
        " ORDER BY id",
        resource_id,
    )
    return [(r[0], r[1]) for r in rows]


async def test_training_job_cancel_emits_one_training_cancelled_and_a_refusal_none(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: world.Cast
) -> None:
    job = await world.create_job(gql, cast.alice)
    for _ in range(2):  # the second is refused: a cancelled job cannot be cancelled
        await gql(world.JOB_CANCEL, {"input": {"id": job["rowId"]}}, cast.alice)
    assert await events_of(conn, job["rowId"]) == [("training.cancelled", "cancelled")]


async def test_inference_service_lifecycle_emits_one_event_per_change(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: world.Cast, refs: world.Refs
) -> None:
    service = await world.create_service(gql, cast.alice, name="svc", modelId=refs.own_model)
    key = {"id": service["rowId"]}
    await gql(world.SVC_REPORT, {"input": {**key, "status": "RUNNING"}}, cast.staff)
    await gql(world.SVC_STOP, {"input": key}, cast.alice)
    await gql(world.SVC_STOP, {"input": key}, cast.alice)  # refused: already stopped
    await gql(world.SVC_START, {"input": key}, cast.alice)
    await gql(world.SVC_STOP, {"input": key}, cast.alice)
    await gql(world.SVC_DELETE, {"input": key}, cast.alice)
    assert await events_of(conn, service["rowId"]) == [
        ("inference.created", "creating"),
        ("inference.started", "running"),
        ("inference.stopped", "stopped"),
        ("inference.started", "running"),
        ("inference.stopped", "stopped"),
        ("inference.deleted", "deleted"),
    ]


async def test_inference_service_report_error_emits_inference_failed(
    gql: GraphQLRunner, conn: asyncpg.Connection, cast: world.Cast, refs: world.Refs
) -> None:
    service = await world.create_service(gql, cast.alice, name="svc", modelId=refs.own_model)
    await gql(world.SVC_REPORT, {"input": {"id": service["rowId"], "status": "ERROR"}}, cast.staff)
    assert await events_of(conn, service["rowId"]) == [
        ("inference.created", "creating"),
        ("inference.failed", "error"),
    ]
