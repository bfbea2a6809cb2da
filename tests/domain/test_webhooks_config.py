"""Webhook mutations: the URL guard, event subscriptions, and a secret that is shown once.

No test makes a network request: public and private hosts are IP literals, names resolve
from /etc/hosts (localhost) or not at all (.invalid), and the allow-list covers the rest.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest

from remotegpu.api import schema
from remotegpu.auth.viewer import Viewer
from remotegpu.domain.events import CATALOGUE, WEBHOOK_EVENTS, EventType
from remotegpu.schema.inputs.webhooks_mutations import WebhookEvent
from tests.graphql import GraphQLRunner, customer_viewer, runner_for
from tests.support.db import (
    fetch,
    first_admin,
    last_audit,
    last_audit_of,
    last_audit_outcome,
    value,
    violations,
)
from tests.support.documents import mutation_document

PUBLIC_URL = "https://93.184.216.34/hook"
ALLOWED_HOST = "hooks.internal.test"
ALLOWED_NET = "10.20.0.0/16"

HOOK_FIELDS = "webhook { rowId customerId name url events enabled hasSecret }"

CREATE = mutation_document("webhookCreate", f"{HOOK_FIELDS} secret")

UPDATE = mutation_document("webhookUpdate", f"{HOOK_FIELDS}")

ROTATE = mutation_document("webhookRotateSecret", f"{HOOK_FIELDS} secret")

DELETE = mutation_document("webhookDelete", f"{HOOK_FIELDS}")

HOOKS = """
query Hooks {
  webhooks(first: 100) {
    nodes { id rowId customerId name url events enabled hasSecret createdAt updatedAt
            owner { rowId } logs(first: 5) { totalCount } }
  }
}
"""

NODE = """
query Node($id: ID!) { node(id: $id) { id ... on Webhook { rowId url hasSecret } } }
"""

HOOK_COLUMNS = "customer_id, name, url, secret, events, enabled"


# --- helpers -------------------------------------------------------------------------------


async def customers(url: str, n: int = 2) -> list[Viewer]:
    rows = await fetch(
        url,
        "SELECT id FROM customers WHERE user_type <> 'admin' AND status = 'active'"
        " AND deleted_at IS NULL ORDER BY id LIMIT $1",
        n,
    )
    return [customer_viewer(r[0]) for r in rows]


async def hook_row(url: str, webhook_id: int) -> asyncpg.Record | None:
    rows = await fetch(url, f"SELECT {HOOK_COLUMNS} FROM webhooks WHERE id = $1", webhook_id)
    return rows[0] if rows else None


async def snapshot(url: str) -> list[asyncpg.Record]:
    return await fetch(url, f"SELECT id, {HOOK_COLUMNS}, updated_at FROM webhooks ORDER BY id")


def spec(**overrides: Any) -> dict[str, Any]:
    return {"name": "ci", "url": PUBLIC_URL, "events": ["ALERT_FIRED"], **overrides}


async def create(gql: GraphQLRunner, viewer: Viewer, **overrides: Any) -> dict[str, Any]:
    data = await gql.ok(CREATE, {"input": spec(**overrides)}, viewer)
    payload: dict[str, Any] = data["webhookCreate"]
    assert payload["errors"] == [], payload["errors"]
    return payload


def codes(payload: dict[str, Any]) -> list[tuple[str, list[str] | None]]:
    return [(e["code"], e["field"]) for e in payload["errors"]]


@pytest.fixture
async def gql_allow(seeded_url: str) -> AsyncIterator[GraphQLRunner]:
    """Like `gql`, with a deployment allow-list of one private host name and one network."""
    async for runner in runner_for(seeded_url, webhook_url_allowlist=(ALLOWED_HOST, ALLOWED_NET)):
        yield runner


# --- webhookCreate --------------------------------------------------------------------------


async def test_webhook_create_generated_secret_shown_once(gql: GraphQLRunner) -> None:
    owner = (await customers(gql.url, 1))[0]
    payload = await create(
        gql,
        owner,
        name="  deploys  ",
        events=["INVOICE_PAID", "ENVIRONMENT_CREATED", "INVOICE_PAID"],
    )

    secret = payload["secret"]
    assert re.fullmatch(r"whsec_[A-Za-z0-9+/]{43}=", secret)
    assert len(base64.b64decode(secret.removeprefix("whsec_"))) == 32
    hook = payload["webhook"]
    assert hook["customerId"] == owner.customer_id
    assert hook["hasSecret"] is True
    # Stored as the dotted event names, once each, in the event enum's order.
    assert hook["events"] == ["environment.created", "invoice.paid"]
    row = await hook_row(gql.url, hook["rowId"])
    assert row is not None
    assert dict(row) == {
        "customer_id": owner.customer_id,
        "name": "deploys",
        "url": PUBLIC_URL,
        "secret": secret,
        "events": ["environment.created", "invoice.paid"],
        "enabled": True,
    }
    audited = (owner.customer_id, "webhook", str(hook["rowId"]), 200)
    assert await last_audit_outcome(gql.url, "webhook.create") == audited
    assert secret not in json.dumps(
        [list(r.values()) for r in await fetch(gql.url, "SELECT * FROM audit_logs")], default=str
    )

    # Never readable again: not by the owner, not by an admin, not through any later payload.
    staff = await first_admin(gql.url)
    later = [
        await gql.ok(HOOKS, viewer=owner),
        await gql.ok(HOOKS, viewer=staff),
        await gql.ok(
            NODE, {"id": (await gql.ok(HOOKS, viewer=owner))["webhooks"]["nodes"][0]["id"]}, owner
        ),
        await gql.ok(UPDATE, {"input": {"rowId": hook["rowId"], "name": "renamed"}}, owner),
        await gql.ok(DELETE, {"input": {"rowId": hook["rowId"]}}, staff),
    ]
    assert hook["rowId"] in [n["rowId"] for n in later[1]["webhooks"]["nodes"]]
    for response in later:
        assert secret not in json.dumps(response)
        assert "whsec_" not in json.dumps(response)
    assert await violations(gql.url) == []


async def test_webhook_create_own_secret_stored(gql: GraphQLRunner) -> None:
    owner = (await customers(gql.url, 1))[0]
    mine = "s3cr3t-that-is-long-enough-0123"
    payload = await create(gql, owner, secret=mine, enabled=False)
    assert payload["secret"] == mine
    row = await hook_row(gql.url, payload["webhook"]["rowId"])
    assert row is not None
    assert (row["secret"], row["enabled"]) == (mine, False)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"secret": "too-short-secret"}, "secret"),
        ({"secret": "has spaces but is long enough to pass"}, "secret"),
        ({"events": []}, "events"),
        ({"name": " "}, "name"),
        ({"name": "n" * 257}, "name"),
    ],
)
async def test_webhook_create_bad_input_invalid_input(
    gql: GraphQLRunner, overrides: dict[str, Any], field: str
) -> None:
    owner = (await customers(gql.url, 1))[0]
    before = await snapshot(gql.url)

    data = await gql.ok(CREATE, {"input": spec(**overrides)}, owner)

    payload = data["webhookCreate"]
    assert (payload["webhook"], payload["secret"]) == (None, None)
    assert codes(payload) == [("INVALID_INPUT", ["input", field])]
    assert await snapshot(gql.url) == before
    audited = await last_audit_of(gql.url, "webhook.create", "customer_id", "status_code")
    assert audited == (owner.customer_id, 422)


@pytest.mark.parametrize(
    "url",
    [
        "http://93.184.216.34/hook",  # not https
        "ftp://93.184.216.34/hook",
        "https://user:pw@93.184.216.34/hook",  # credentials
        "https://token@93.184.216.34/hook",
        "https://10.0.0.1/hook",  # private
        "https://192.168.1.10/hook",
        "https://172.16.5.4/hook",
        "https://127.0.0.1/hook",  # loopback
        "https://127.0.0.1:8443/hook",
        "https://169.254.169.254/latest/meta-data",  # link-local (cloud metadata)
        "https://100.64.0.1/hook",  # CGNAT
        "https://0.0.0.0/hook",  # unspecified
        "https://224.0.0.1/hook",  # multicast
        "https://240.0.0.1/hook",  # reserved
        "https://[::1]/hook",
        "https://[fe80::1]/hook",
        "https://[fd00::1]/hook",
        "https://[::ffff:10.0.0.1]/hook",  # IPv4-mapped private
        "https://localhost/hook",  # resolves to loopback
        "https://127.1/hook",  # shorthand of 127.0.0.1
        "https://2130706433/hook",  # 127.0.0.1 as one number
        "https://name.invalid/hook",  # does not resolve
        "https://93.184.216.34:99999/hook",  # bad port
        "https://93.184.216.34/" + "a" * 512,  # too long
        "https:///hook",  # no host
        "https://93.184.216.34/a b",
    ],
)
async def test_webhook_create_refused_url_invalid_input(gql: GraphQLRunner, url: str) -> None:
    owner = (await customers(gql.url, 1))[0]
    before = await snapshot(gql.url)

    data = await gql.ok(CREATE, {"input": spec(url=url)}, owner)

    payload = data["webhookCreate"]
    assert (payload["webhook"], payload["secret"]) == (None, None)
    assert codes(payload) == [("INVALID_INPUT", ["input", "url"])]
    assert payload["errors"][0]["message"].startswith("url ")
    assert await snapshot(gql.url) == before
    assert (await last_audit(gql.url, "webhook.create"))["status_code"] == 422


@pytest.mark.parametrize(
    "url",
    [
        PUBLIC_URL,
        "https://93.184.216.34:8443/hooks?x=1",
        "https://[2606:4700:4700::1111]/hook",
        "HTTPS://93.184.216.34/upper-scheme",
    ],
)
async def test_webhook_create_public_url_accepted(gql: GraphQLRunner, url: str) -> None:
    owner = (await customers(gql.url, 1))[0]
    payload = await create(gql, owner, url=url)
    row = await hook_row(gql.url, payload["webhook"]["rowId"])
    assert row is not None
    assert row["url"] == url


async def test_webhook_create_allow_listed_private_host_accepted(gql_allow: GraphQLRunner) -> None:
    owner = (await customers(gql_allow.url, 1))[0]
    for url in (f"https://{ALLOWED_HOST}/hook", "https://10.20.3.4/hook"):
        payload = await create(gql_allow, owner, url=url)
        row = await hook_row(gql_allow.url, payload["webhook"]["rowId"])
        assert row is not None
        assert row["url"] == url
    # The allow-list opens exactly what it names.
    for url in ("https://10.21.0.1/hook", "https://other.internal.test/hook"):
        data = await gql_allow.ok(CREATE, {"input": spec(url=url)}, owner)
        assert codes(data["webhookCreate"]) == [("INVALID_INPUT", ["input", "url"])]
    assert await violations(gql_allow.url) == []


# --- webhookUpdate --------------------------------------------------------------------------


async def test_webhook_update_changes_given_fields(gql: GraphQLRunner) -> None:
    owner = (await customers(gql.url, 1))[0]
    created = await create(gql, owner)
    hook_id = created["webhook"]["rowId"]

    data = await gql.ok(
        UPDATE,
        {
            "input": {
                "rowId": hook_id,
                "url": "https://93.184.216.35/new",
                "events": ["QUOTA_EXCEEDED", "TRAINING_FAILED"],
                "enabled": False,
            }
        },
        owner,
    )

    payload = data["webhookUpdate"]
    assert payload["errors"] == []
    assert payload["webhook"]["events"] == ["training.failed", "quota.exceeded"]
    row = await hook_row(gql.url, hook_id)
    assert row is not None
    assert dict(row) == {
        "customer_id": owner.customer_id,
        "name": "ci",
        "url": "https://93.184.216.35/new",
        "secret": created["secret"],
        "events": ["training.failed", "quota.exceeded"],
        "enabled": False,
    }
    audited = await last_audit_of(gql.url, "webhook.update", "resource_id", "status_code")
    assert audited == (str(hook_id), 200)
    assert await violations(gql.url) == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"url": "https://127.0.0.1/hook"}, "url"),
        ({"url": "http://93.184.216.34/hook"}, "url"),
        ({"events": []}, "events"),
        ({"name": ""}, "name"),
    ],
)
async def test_webhook_update_bad_input_nothing_changed(
    gql: GraphQLRunner, change: dict[str, Any], field: str
) -> None:
    owner = (await customers(gql.url, 1))[0]
    hook_id = (await create(gql, owner))["webhook"]["rowId"]
    before = await snapshot(gql.url)

    data = await gql.ok(UPDATE, {"input": {"rowId": hook_id, "enabled": False, **change}}, owner)

    assert data["webhookUpdate"]["webhook"] is None
    assert codes(data["webhookUpdate"]) == [("INVALID_INPUT", ["input", field])]
    assert await snapshot(gql.url) == before
    audited = await last_audit_of(gql.url, "webhook.update", "resource_id", "status_code")
    assert audited == (str(hook_id), 422)


async def test_webhook_mutations_other_tenants_webhook_not_found(gql: GraphQLRunner) -> None:
    owner, other = await customers(gql.url, 2)
    hook_id = (await create(gql, owner))["webhook"]["rowId"]
    before = await snapshot(gql.url)

    for doc, field, extra in (
        (UPDATE, "webhookUpdate", {"name": "taken"}),
        (ROTATE, "webhookRotateSecret", {}),
        (DELETE, "webhookDelete", {}),
    ):
        data = await gql.ok(doc, {"input": {"rowId": hook_id, **extra}}, other)
        missing = await gql.ok(doc, {"input": {"rowId": 2**31 - 1, **extra}}, other)
        assert data[field]["webhook"] is None
        assert codes(data[field]) == codes(missing[field]) == [("NOT_FOUND", ["input", "rowId"])]
        assert "secret" not in data[field] or data[field]["secret"] is None
    assert await snapshot(gql.url) == before
    audits = await fetch(
        gql.url,
        "SELECT action, customer_id, status_code FROM audit_logs"
        " WHERE resource_type = 'webhook' AND resource_id = $1 AND status_code <> 200 ORDER BY id",
        str(hook_id),
    )
    assert [tuple(a) for a in audits] == [
        (action, other.customer_id, 404)
        for action in ("webhook.update", "webhook.rotate_secret", "webhook.delete")
    ]


# --- webhookRotateSecret --------------------------------------------------------------------


async def test_webhook_rotate_secret_new_secret_shown_once(gql: GraphQLRunner) -> None:
    owner = (await customers(gql.url, 1))[0]
    created = await create(gql, owner)
    hook_id = created["webhook"]["rowId"]

    data = await gql.ok(ROTATE, {"input": {"rowId": hook_id}}, owner)

    payload = data["webhookRotateSecret"]
    assert payload["errors"] == []
    new_secret = payload["secret"]
    assert new_secret.startswith("whsec_")
    assert new_secret != created["secret"]
    row = await hook_row(gql.url, hook_id)
    assert row is not None
    assert row["secret"] == new_secret
    audited = await last_audit_of(gql.url, "webhook.rotate_secret", "resource_id", "status_code")
    assert audited == (str(hook_id), 200)
    listing = json.dumps(await gql.ok(HOOKS, viewer=owner))
    assert new_secret not in listing
    assert created["secret"] not in listing


async def test_webhook_rotate_secret_short_secret_invalid_input(gql: GraphQLRunner) -> None:
    owner = (await customers(gql.url, 1))[0]
    created = await create(gql, owner)
    hook_id = created["webhook"]["rowId"]

    data = await gql.ok(ROTATE, {"input": {"rowId": hook_id, "secret": "short"}}, owner)

    payload = data["webhookRotateSecret"]
    assert (payload["webhook"], payload["secret"]) == (None, None)
    assert codes(payload) == [("INVALID_INPUT", ["input", "secret"])]
    row = await hook_row(gql.url, hook_id)
    assert row is not None
    assert row["secret"] == created["secret"]
    assert (await last_audit(gql.url, "webhook.rotate_secret"))["status_code"] == 422


# --- webhookDelete --------------------------------------------------------------------------


async def test_webhook_delete_by_admin_removes_webhook_and_its_logs(gql: GraphQLRunner) -> None:
    staff = await first_admin(gql.url)
    [(hook_id, owner_id)] = await fetch(
        gql.url,
        "SELECT w.id, w.customer_id FROM webhooks w WHERE EXISTS"
        " (SELECT 1 FROM webhook_logs l WHERE l.webhook_id = w.id) ORDER BY w.id LIMIT 1",
    )
    other_logs = await value(
        gql.url, "SELECT count(*) FROM webhook_logs WHERE webhook_id <> $1", hook_id
    )

    data = await gql.ok(DELETE, {"input": {"rowId": hook_id}}, staff)

    payload = data["webhookDelete"]
    assert payload["errors"] == []
    assert (payload["webhook"]["rowId"], payload["webhook"]["customerId"]) == (hook_id, owner_id)
    assert await hook_row(gql.url, hook_id) is None
    assert (
        await value(gql.url, "SELECT count(*) FROM webhook_logs WHERE webhook_id=$1", hook_id) == 0
    )
    assert (
        await value(gql.url, "SELECT count(*) FROM webhook_logs WHERE webhook_id <> $1", hook_id)
        == other_logs
    )
    audit = await last_audit(gql.url, "webhook.delete")
    assert (audit["customer_id"], audit["resource_id"], audit["status_code"]) == (
        staff.customer_id,
        str(hook_id),
        200,
    )
    assert await violations(gql.url) == []


async def test_webhook_delete_own_webhook_deleted(gql: GraphQLRunner) -> None:
    owner = (await customers(gql.url, 1))[0]
    hook_id = (await create(gql, owner))["webhook"]["rowId"]

    data = await gql.ok(DELETE, {"input": {"rowId": hook_id}}, owner)

    assert data["webhookDelete"]["errors"] == []
    assert await hook_row(gql.url, hook_id) is None
    assert await violations(gql.url) == []


# --- the schema -----------------------------------------------------------------------------


def test_webhook_schema_secret_only_in_create_and_rotate() -> None:
    sdl = schema.as_str()
    holders = set()
    for match in re.finditer(r"\n(?:type|input|interface) (\w+)[^{]*\{([^}]*)\}", sdl):
        if re.search(r"^\s+secret\b", match.group(2), re.MULTILINE):
            holders.add(match.group(1))
    assert holders == {
        "WebhookCreateInput",
        "WebhookCreatePayload",
        "WebhookRotateSecretInput",
        "WebhookRotateSecretPayload",
    }
    webhook = re.search(r"\ntype Webhook implements Node \{([^}]*)\}", sdl)
    assert webhook is not None
    assert "hasSecret: Boolean!" in webhook.group(1)


def test_webhook_event_enum_matches_event_types() -> None:
    """The enum is the catalogue's webhook events; platform-internal ones stay out of it."""
    assert {e.name: e.value for e in WebhookEvent} == {e.name: e.value for e in WEBHOOK_EVENTS}
    internal = {e for e in EventType if not CATALOGUE[e].webhook}
    assert internal == {
        EventType.HOST_STATUS_CHANGED,
        EventType.NOTIFICATION_CREATED,
        EventType.ACCESS_REVOKED,
    }
