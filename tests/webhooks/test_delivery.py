"""Webhook delivery on the real job engine and a real HTTPS receiver: jobs queued in the
event's transaction, Standard Webhooks signatures checked with the `standardwebhooks`
verifier, the retry schedule as queued (execute_after), the log rows, timeouts, the SSRF
guard at delivery, and the failing / disabled states."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from uuid import uuid4

import pytest
from standardwebhooks import Webhook as Verifier

from remotegpu.db.engine import transaction
from remotegpu.domain.errors import DomainError
from remotegpu.domain.events import EventType, emit
from remotegpu.domain.webhook_delivery import JITTER, RETRY_DELAYS, deliver, retry_delay
from remotegpu.domain.webhook_dispatch import Delivery
from remotegpu.domain.webhook_sender import RESPONSE_BODY_MAX
from remotegpu.domain.webhooks import delivery_addresses
from remotegpu.jobs.engine import WorkerOptions
from remotegpu.jobs.process import worker_main
from tests.graphql import customer_viewer, runner_for
from tests.support.fleet import GIB, IMAGE, add_host, add_image
from tests.webhooks.conftest import SECRET, Hooks

FAST = WorkerOptions(poll_interval=timedelta(milliseconds=100))


async def wait_for_logs(hooks: Hooks, count: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while len(await hooks.logs()) < count:
        assert time.monotonic() < deadline, f"waited for {count} webhook_logs rows"
        await asyncio.sleep(0.05)


@asynccontextmanager
async def delivery_worker(hooks: Hooks) -> AsyncIterator[None]:
    """A worker as `remotegpu worker` and `serve` start it (the queued jobs its settings
    make), with the tests' settings and no recurring jobs."""
    stop = asyncio.Event()
    worker = asyncio.create_task(worker_main(hooks.url, hooks.settings(), stop, (), FAST))
    try:
        yield
    finally:
        stop.set()
        await asyncio.wait_for(worker, timeout=30)


def within_jitter(delay: timedelta, nominal: timedelta) -> bool:
    return nominal * (1 - JITTER) <= delay <= nominal * (1 + JITTER)


async def test_deliver_event_on_worker_receiver_verifies_signature(hooks: Hooks) -> None:
    hook_id = await hooks.add_webhook(hooks.alice)
    async with delivery_worker(hooks):
        await hooks.emit(hooks.alice)
        await wait_for_logs(hooks, 1)

    [received] = hooks.receiver.requests
    body = Verifier(SECRET).verify(received.body, received.headers)
    event_id = await hooks.value("SELECT event_id FROM event_outbox")
    assert body == {
        "id": str(event_id),
        "type": "environment.created",
        "timestamp": body["timestamp"],
        "data": {"id": "env-1", "status": "creating"},
    }
    assert received.headers["webhook-id"] == f"msg_{event_id.hex}_{hook_id}"
    # Pinned to 127.0.0.1, yet the request names the host (Host header; SNI, since the
    # certificate of `localhost` verified).
    assert received.headers["host"] == hooks.receiver.url.split("/")[2]
    [log] = await hooks.logs()
    assert (log["webhook_id"], log["event_id"], log["attempt"], log["status"]) == (
        hook_id, event_id, 1, "succeeded",
    )  # fmt: skip
    assert (log["status_code"], log["response_body"], log["error_class"]) == (200, "thanks", None)
    assert log["duration_ms"] >= 0
    assert log["next_attempt_at"] is None
    assert json.loads(log["payload"]) == body
    assert await hooks.queued() == []


async def test_deliver_failures_then_success_follow_retry_schedule(hooks: Hooks) -> None:
    await hooks.add_webhook(hooks.alice)
    hooks.receiver.statuses = [500, 503]
    async with delivery_worker(hooks):
        await hooks.emit(hooks.alice)
        for attempt in (1, 2):
            await wait_for_logs(hooks, attempt)
            [retry] = await hooks.queued()
            assert within_jitter(retry.delay, RETRY_DELAYS[attempt - 1]), retry.delay
            assert Delivery.decode(retry.payload).attempt == attempt + 1
            log = (await hooks.logs())[-1]
            due = await hooks.value(
                "SELECT execute_after FROM pgqueuer WHERE id = $1", retry.job_id
            )
            assert log["next_attempt_at"] == due
            # The controllable clock: the retry is made due now instead of in 5 s / 5 min.
            await hooks.conn.execute(
                "UPDATE pgqueuer SET execute_after = now() WHERE id = $1", retry.job_id
            )
        await wait_for_logs(hooks, 3)

    logs = await hooks.logs()
    assert [(r["attempt"], r["status"], r["status_code"], r["error_class"]) for r in logs] == [
        (1, "failed", 500, "HttpStatus"),
        (2, "failed", 503, "HttpStatus"),
        (3, "succeeded", 200, None),
    ]
    assert logs[-1]["next_attempt_at"] is None
    # One event: the same webhook-id on every attempt, each freshly signed.
    ids = {r.headers["webhook-id"] for r in hooks.receiver.requests}
    assert len(ids) == 1
    assert len(hooks.receiver.requests) == 3
    for received in hooks.receiver.requests:
        Verifier(SECRET).verify(received.body, received.headers)
    assert await hooks.queued() == []


def test_retry_delay_schedule_spans_about_a_day_with_jitter() -> None:
    total = sum(RETRY_DELAYS, timedelta())
    assert timedelta(hours=24) <= total <= timedelta(hours=30)
    assert [retry_delay(n) is None for n in range(1, len(RETRY_DELAYS) + 2)] == [
        *[False] * len(RETRY_DELAYS), True,
    ]  # fmt: skip
    delays = {retry_delay(4) for _ in range(20)}
    assert len(delays) > 1, "jitter spreads retries"
    assert all(d is not None and within_jitter(d, RETRY_DELAYS[3]) for d in delays)


async def test_deliver_hanging_receiver_cut_by_read_timeout(hooks: Hooks) -> None:
    await hooks.add_webhook(hooks.alice)
    hooks.receiver.hang = True
    await hooks.emit(hooks.alice)
    started = time.monotonic()
    _, result = await hooks.run_next(read_timeout=0.3)
    assert time.monotonic() - started < 5
    assert result is not None
    assert result.error_class == "ReadTimeout"
    [log] = await hooks.logs()
    assert (log["status"], log["status_code"], log["error_class"]) == (
        "failed",
        None,
        "ReadTimeout",
    )
    assert 300 <= log["duration_ms"] < 5000
    [retry] = await hooks.queued()
    assert within_jitter(retry.delay, RETRY_DELAYS[0])


async def test_deliver_localhost_without_allowlist_refused_before_connecting(
    hooks: Hooks,
) -> None:
    await hooks.add_webhook(hooks.alice)  # registered while `localhost` was allow-listed
    await hooks.emit(hooks.alice)
    _, result = await hooks.run_next(allowlist=())
    assert result is not None
    assert result.error_class == "AddressRefused"
    assert hooks.receiver.requests == []
    [log] = await hooks.logs()
    assert (log["status"], log["error_class"], log["duration_ms"]) == (
        "failed", "AddressRefused", None,
    )  # fmt: skip
    assert "127.0.0.1" in log["error_message"] or "::1" in log["error_message"]
    assert len(await hooks.queued()) == 1  # refused like any failure: retried later


async def test_deliver_retries_used_up_marks_failing_and_notifies_owner(hooks: Hooks) -> None:
    hook_id = await hooks.add_webhook(hooks.alice)
    hooks.receiver.statuses = [500] * (len(RETRY_DELAYS) + 1)
    await hooks.emit(hooks.alice)
    for _ in range(len(RETRY_DELAYS) + 1):
        await hooks.run_next()
    assert await hooks.queued() == []
    logs = await hooks.logs()
    assert [r["attempt"] for r in logs] == list(range(1, len(RETRY_DELAYS) + 2))
    assert {r["status"] for r in logs} == {"failed"}
    hook = await hooks.conn.fetchrow("SELECT * FROM webhooks WHERE id = $1", hook_id)
    assert (hook["enabled"], hook["consecutive_failures"]) == (True, 1)
    assert hook["failing_since"] is not None
    [note] = await hooks.conn.fetch("SELECT * FROM notifications WHERE customer_id = $1",
                                    hooks.alice)  # fmt: skip
    assert (note["title"], note["level"]) == ("Webhook ci is failing", "warning")

    # A later success (here: the next event's first attempt) clears the failing state.
    await hooks.emit(hooks.alice)
    await hooks.run_next()
    hook = await hooks.conn.fetchrow("SELECT * FROM webhooks WHERE id = $1", hook_id)
    assert (hook["consecutive_failures"], hook["failing_since"]) == (0, None)


async def test_deliver_failures_past_threshold_disable_webhook(hooks: Hooks) -> None:
    hook_id = await hooks.add_webhook(hooks.alice)
    hooks.receiver.statuses = [502] * 100
    for _ in range(2):
        await hooks.emit(hooks.alice)
        while await hooks.queued():
            await hooks.run_next(disable_after=2)
    hook = await hooks.conn.fetchrow("SELECT * FROM webhooks WHERE id = $1", hook_id)
    assert (hook["enabled"], hook["consecutive_failures"]) == (False, 2)
    titles = await hooks.conn.fetch(
        "SELECT title, level FROM notifications WHERE customer_id = $1 ORDER BY id", hooks.alice
    )
    assert [tuple(t) for t in titles] == [
        ("Webhook ci is failing", "warning"), ("Webhook ci was disabled", "error"),
    ]  # fmt: skip
    await hooks.emit(hooks.alice)
    assert await hooks.queued() == []  # a disabled webhook gets no new deliveries


async def test_deliver_webhook_disabled_meanwhile_drops_queued_retry(hooks: Hooks) -> None:
    hook_id = await hooks.add_webhook(hooks.alice)
    await hooks.emit(hooks.alice)
    await hooks.conn.execute("UPDATE webhooks SET enabled = false WHERE id = $1", hook_id)
    _, result = await hooks.run_next()
    assert result is None
    assert hooks.receiver.requests == []
    assert await hooks.logs() == []


async def test_emit_enqueues_one_job_per_subscribed_enabled_webhook_of_owner(
    hooks: Hooks,
) -> None:
    wanted = await hooks.add_webhook(hooks.alice)
    both = await hooks.add_webhook(
        hooks.alice, (EventType.ENVIRONMENT_STOPPED, EventType.ENVIRONMENT_CREATED)
    )
    await hooks.add_webhook(hooks.alice, (EventType.ENVIRONMENT_DELETED,))  # other type
    await hooks.add_webhook(hooks.bob)  # another customer's
    paused = await hooks.add_webhook(hooks.alice)
    await hooks.conn.execute("UPDATE webhooks SET enabled = false WHERE id = $1", paused)

    await hooks.emit(hooks.alice)
    jobs = [Delivery.decode(j.payload) for j in await hooks.queued()]
    assert sorted(d.webhook_id for d in jobs) == sorted([wanted, both])
    assert {(d.event_type, d.attempt, d.retry) for d in jobs} == {("environment.created", 1, True)}


async def test_emit_rolled_back_enqueues_nothing(hooks: Hooks) -> None:
    await hooks.add_webhook(hooks.alice)

    class Abort(Exception):
        pass

    async def emit_then_fail() -> None:
        async with transaction(hooks.sessions) as session:
            await emit(session, EventType.ENVIRONMENT_CREATED, customer_id=hooks.alice,
                       resource_type="environment", resource_id="env-1", payload={})  # fmt: skip
            raise Abort

    with pytest.raises(Abort):
        await emit_then_fail()
    assert await hooks.queued() == []
    assert await hooks.value("SELECT count(*) FROM event_outbox") == 0


CREATE_ENVIRONMENT = """
mutation Create($input: EnvironmentCreateInput!) {
  environmentCreate(input: $input) { environment { rowId } errors { code message } }
}"""


async def test_environment_create_mutation_delivers_signed_event(hooks: Hooks) -> None:
    hook_id = await hooks.add_webhook(hooks.alice)
    await add_image(hooks.conn)
    host = await add_host(hooks.conn, gpus=1)
    spec = {"name": "dev", "image": IMAGE, "cpu": 2, "memory": str(4 * GIB), "gpuCount": 1,
            "hostId": host}  # fmt: skip
    async for gql in runner_for(hooks.url):
        data = await gql.ok(CREATE_ENVIRONMENT, {"input": spec}, customer_viewer(hooks.alice))
    env_id = data["environmentCreate"]["environment"]["rowId"]

    [job] = await hooks.queued()
    assert Delivery.decode(job.payload).webhook_id == hook_id
    await hooks.run_next()
    [received] = hooks.receiver.requests
    body = Verifier(SECRET).verify(received.body, received.headers)
    assert (body["type"], body["data"]["id"], body["data"]["status"]) == (
        "environment.created", env_id, "creating",
    )  # fmt: skip


async def test_deliver_long_answer_kept_truncated(hooks: Hooks) -> None:
    await hooks.add_webhook(hooks.alice)
    hooks.receiver.answer = "é" * (RESPONSE_BODY_MAX * 3)
    await hooks.emit(hooks.alice)
    await hooks.run_next()
    [log] = await hooks.logs()
    assert log["response_body"] == "é" * RESPONSE_BODY_MAX


async def test_deliver_redirect_not_followed_counts_as_failure(hooks: Hooks) -> None:
    await hooks.add_webhook(hooks.alice)
    hooks.receiver.statuses = [307]
    await hooks.emit(hooks.alice)
    await hooks.run_next()
    assert len(hooks.receiver.requests) == 1
    [log] = await hooks.logs()
    assert (log["status"], log["status_code"], log["error_class"]) == (
        "failed", 307, "HttpStatus",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("url", "allowlist", "pinned"),
    [
        ("https://127.0.0.1:9/hook", (), None),
        ("https://127.0.0.1:9/hook", ("127.0.0.0/8",), "127.0.0.1"),
        ("https://[::1]:9/hook", (), None),
        ("https://10.1.2.3/hook", ("localhost",), None),
        ("http://localhost/hook", ("localhost",), None),  # https only, allow-listed or not
        ("https://93.184.216.34/hook", (), "93.184.216.34"),
    ],
)
async def test_delivery_addresses_literal_hosts_guarded(
    url: str, allowlist: tuple[str, ...], pinned: str | None
) -> None:
    if pinned is None:
        with pytest.raises(DomainError):
            await delivery_addresses(url, allowlist)
    else:
        assert [str(a) for a in await delivery_addresses(url, allowlist)] == [pinned]


async def test_deliver_parallel_last_failures_counted_and_notified_once(hooks: Hooks) -> None:
    hook_id = await hooks.add_webhook(hooks.alice)
    hooks.receiver.statuses = [500] * 10
    # All ten are in flight (each has read the webhook as enabled) before any is recorded.
    hooks.receiver.gate = 10
    last = len(RETRY_DELAYS) + 1
    payloads = [
        Delivery(hook_id, str(uuid4()), "environment.created", {"n": n}, attempt=last).encode()
        for n in range(10)
    ]
    results = await asyncio.gather(
        *(deliver(hooks.sessions, p, hooks.options(), disable_after=4) for p in payloads)
    )
    assert [r is not None and r.error_class for r in results] == ["HttpStatus"] * 10
    hook = await hooks.conn.fetchrow("SELECT * FROM webhooks WHERE id = $1", hook_id)
    assert (hook["consecutive_failures"], hook["enabled"]) == (10, False)
    titles = await hooks.conn.fetch(
        "SELECT title FROM notifications WHERE customer_id = $1 ORDER BY id", hooks.alice
    )
    assert [t["title"] for t in titles] == ["Webhook ci is failing", "Webhook ci was disabled"]
    assert await hooks.queued() == []
    assert len(await hooks.logs()) == 10
