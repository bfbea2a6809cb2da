"""webhookRedeliver and webhookPing over GraphQL: queued for the owner and admins, refused
(NOT_FOUND, like a missing object) for another customer, delivered by the delivery job with
a signature the `standardwebhooks` verifier accepts; and the new log fields readable."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID

import pytest
from standardwebhooks import Webhook as Verifier

from remotegpu.auth.viewer import Viewer
from remotegpu.domain.webhook_dispatch import Delivery
from tests.graphql import GraphQLRunner, admin_viewer, customer_viewer, runner_for
from tests.support.documents import mutation_document
from tests.webhooks.conftest import SECRET, Hooks

PING = mutation_document("webhookPing", "webhook { rowId } eventId")

REDELIVER = mutation_document("webhookRedeliver", "webhook { rowId } eventId")

LOGS = """
query Logs {
  webhooks(first: 10) {
    nodes {
      rowId consecutiveFailures failingSince
      logs(first: 10, orderBy: ID_ASC) {
        nodes { rowId eventType eventId attempt status statusCode durationMs errorClass
                nextAttemptAt }
      }
    }
  }
}
"""


@pytest.fixture
async def gql(hooks: Hooks) -> AsyncIterator[GraphQLRunner]:
    async for runner in runner_for(hooks.url):
        yield runner


async def mutate(
    gql: GraphQLRunner, document: str, row: dict[str, int], viewer: Viewer
) -> dict[str, Any]:
    data = await gql.ok(document, {"input": row}, viewer)
    (payload,) = data.values()
    result: dict[str, Any] = payload
    return result


async def test_webhook_ping_owner_delivers_signed_ping(hooks: Hooks, gql: GraphQLRunner) -> None:
    hook_id = await hooks.add_webhook(hooks.alice)
    payload = await mutate(gql, PING, {"rowId": hook_id}, customer_viewer(hooks.alice))
    assert payload["errors"] == []
    assert payload["webhook"] == {"rowId": hook_id}
    event_id = UUID(payload["eventId"])
    job, result = await hooks.run_next()
    assert Delivery.decode(job.payload).retry is False
    assert result is not None
    assert result.succeeded

    [received] = hooks.receiver.requests
    body = Verifier(SECRET).verify(received.body, received.headers)
    assert (body["type"], body["id"], body["data"]) == (
        "webhook.ping", str(event_id), {"webhookId": hook_id},
    )  # fmt: skip
    assert received.headers["webhook-id"] == f"msg_{event_id.hex}_{hook_id}"
    data = await gql.ok(LOGS, {}, customer_viewer(hooks.alice))
    [hook] = data["webhooks"]["nodes"]
    [log] = hook["logs"]["nodes"]
    assert (log["eventType"], log["eventId"], log["attempt"], log["status"]) == (
        "webhook.ping", str(event_id), 1, "SUCCEEDED",
    )  # fmt: skip
    assert (log["statusCode"], log["errorClass"], log["nextAttemptAt"]) == (200, None, None)
    assert (hook["consecutiveFailures"], hook["failingSince"]) == (0, None)


async def test_webhook_ping_failure_is_not_retried(hooks: Hooks, gql: GraphQLRunner) -> None:
    hook_id = await hooks.add_webhook(hooks.alice)
    hooks.receiver.statuses = [500]
    await mutate(gql, PING, {"rowId": hook_id}, customer_viewer(hooks.alice))
    await hooks.run_next()
    assert await hooks.queued() == []
    [log] = await hooks.logs()
    assert (log["status"], log["error_class"], log["next_attempt_at"]) == (
        "failed", "HttpStatus", None,
    )  # fmt: skip
    assert await hooks.value("SELECT consecutive_failures FROM webhooks") == 0


async def test_webhook_ping_other_customer_not_found(hooks: Hooks, gql: GraphQLRunner) -> None:
    hook_id = await hooks.add_webhook(hooks.alice)
    theirs = await mutate(gql, PING, {"rowId": hook_id}, customer_viewer(hooks.bob))
    missing = await mutate(gql, PING, {"rowId": hook_id + 100}, customer_viewer(hooks.bob))
    assert theirs["errors"] == [
        {"field": ["input", "rowId"], "code": "NOT_FOUND",
         "message": f"webhook {hook_id} not found"},
    ]  # fmt: skip
    assert missing["errors"][0]["code"] == "NOT_FOUND"
    assert theirs["webhook"] is None
    assert await hooks.queued() == []


async def test_webhook_ping_admin_queues_any_webhook(hooks: Hooks, gql: GraphQLRunner) -> None:
    hook_id = await hooks.add_webhook(hooks.alice)
    payload = await mutate(gql, PING, {"rowId": hook_id}, admin_viewer(hooks.bob))
    assert payload["errors"] == []
    [job] = await hooks.queued()
    assert Delivery.decode(job.payload).webhook_id == hook_id


async def test_webhook_redeliver_owner_resends_same_event_and_id(
    hooks: Hooks, gql: GraphQLRunner
) -> None:
    hook_id = await hooks.add_webhook(hooks.alice)
    await hooks.emit(hooks.alice)
    await hooks.run_next()
    [first_log] = await hooks.logs()

    payload = await mutate(gql, REDELIVER, {"logId": first_log["id"]}, customer_viewer(hooks.alice))
    assert payload["errors"] == []
    assert payload["webhook"] == {"rowId": hook_id}
    assert UUID(payload["eventId"]) == first_log["event_id"]
    job, _ = await hooks.run_next()
    assert Delivery.decode(job.payload).retry is False

    first, again = hooks.receiver.requests
    assert again.body == first.body
    assert again.headers["webhook-id"] == first.headers["webhook-id"]
    Verifier(SECRET).verify(again.body, again.headers)
    logs = await hooks.logs()
    assert [(r["attempt"], r["event_id"], r["status"]) for r in logs] == [
        (1, first_log["event_id"], "succeeded"), (2, first_log["event_id"], "succeeded"),
    ]  # fmt: skip


async def test_webhook_redeliver_other_customer_answers_like_missing_log(
    hooks: Hooks, gql: GraphQLRunner
) -> None:
    await hooks.add_webhook(hooks.alice)
    await hooks.emit(hooks.alice)
    await hooks.run_next()
    [log] = await hooks.logs()

    theirs = await mutate(gql, REDELIVER, {"logId": log["id"]}, customer_viewer(hooks.bob))
    missing = await mutate(gql, REDELIVER, {"logId": log["id"] + 1}, customer_viewer(hooks.bob))
    assert theirs["errors"] == [
        {"field": ["input", "logId"], "code": "NOT_FOUND",
         "message": f"webhook log {log['id']} not found"},
    ]  # fmt: skip
    assert missing["errors"] == [
        {"field": ["input", "logId"], "code": "NOT_FOUND",
         "message": f"webhook log {log['id'] + 1} not found"},
    ]  # fmt: skip
    assert await hooks.queued() == []
    admin = await mutate(gql, REDELIVER, {"logId": log["id"]}, admin_viewer(hooks.bob))
    assert admin["errors"] == []
    assert len(await hooks.queued()) == 1
