"""Account mutations on the seeded small fleet: customerCreate/Update/Suspend/Activate/Delete,
passwordChange, resourceQuotaUpdate. Each rule: a passing and a failing case, the payload and
the database afterwards (rows, audit_logs, invariants)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest
from argon2 import PasswordHasher

from remotegpu.seed.passwords import DEMO_PASSWORD
from tests.graphql import GraphQLRunner, admin_viewer, customer_viewer
from tests.support.db import assert_consistent, audits_since_mark, connection, mark_audit_log
from tests.support.documents import mutation_documents
from tests.support.results import code_and_field, mutate

ADMIN = admin_viewer(1)  # seeded: 1 admin, 2 alice (external), 3 bob (internal)
ALICE = customer_viewer(2, "external", "alice")
BOB = customer_viewer(3, "internal", "bob")
GIB = 1024**3

CREATE, UPDATE, SUSPEND, ACTIVATE, DELETE, PASSWORD, QUOTA = mutation_documents(
    """
    customerCreate: customer { rowId username email userType accountType status displayName quota {
                    quotaLevel cpuQuota memoryQuota gpuQuota storageQuota environmentQuota } }
    customerUpdate: customer { rowId email displayName company phone userType emailVerified }
    customerSuspend: customer { rowId status }
    customerActivate: customer { rowId status }
    customerDelete: deletedCustomerId customer { rowId status deletedAt }
    passwordChange: customer { rowId }
    resourceQuotaUpdate: resourceQuota { userId quotaLevel cpuQuota memoryQuota gpuQuota
                         storageQuota environmentQuota }
    """
)


@pytest.fixture
async def conn(seeded_url: str) -> AsyncIterator[asyncpg.Connection]:
    async with connection(seeded_url) as c:
        await mark_audit_log(c)
        yield c


async def snapshot(conn: asyncpg.Connection, customer_id: int) -> tuple[Any, ...]:
    row = await conn.fetchrow("SELECT * FROM customers WHERE id = $1", customer_id)
    quota = await conn.fetchrow("SELECT * FROM resource_quotas WHERE user_id = $1", customer_id)
    return (tuple(row), tuple(quota))


async def add_tokens(conn: asyncpg.Connection, customer_id: int) -> None:
    await conn.execute(
        "INSERT INTO refresh_tokens (customer_id, token_hash, family_id, expires_at)"
        " VALUES ($1, $2, $3, NOW() + interval '1 day')",
        customer_id,
        uuid.uuid4().hex * 2,
        uuid.uuid4(),
    )
    await conn.execute(
        "INSERT INTO api_tokens (customer_id, name, prefix, token_hash, scopes)"
        " VALUES ($1, 'ci', 'abcd', $2, '{read}')",
        customer_id,
        uuid.uuid4().hex * 2,
    )


async def live_tokens(conn: asyncpg.Connection, customer_id: int) -> tuple[int, int]:
    refresh = await conn.fetchval(
        "SELECT count(*) FROM refresh_tokens WHERE customer_id = $1 AND revoked_at IS NULL",
        customer_id,
    )
    api = await conn.fetchval(
        "SELECT count(*) FROM api_tokens WHERE customer_id = $1 AND revoked_at IS NULL",
        customer_id,
    )
    return refresh, api


async def idle_customer(conn: asyncpg.Connection) -> int:
    """An active external customer without live environments."""
    customer_id: int = await conn.fetchval(
        "SELECT c.id FROM customers c WHERE c.status = 'active' AND c.user_type = 'external'"
        " AND NOT EXISTS (SELECT 1 FROM environments e WHERE e.user_id = c.id"
        "                 AND e.status IN ('creating', 'running')) ORDER BY c.id LIMIT 1"
    )
    return customer_id


# --- customerCreate --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("user_type", "quota"),
    [
        ("EXTERNAL", ("FREE", 4, 8192, 0, str(10 * GIB), 1)),
        ("INTERNAL", ("BASIC", 16, 32768, 2, str(200 * GIB), 10)),
        ("ADMIN", ("ENTERPRISE", 4096, 16777216, 512, str(1024 * 1024 * GIB), 100)),
    ],
)
async def test_customer_create_by_admin_creates_quota_and_personal_workspace(
    gql: GraphQLRunner, conn: asyncpg.Connection, user_type: str, quota: tuple[Any, ...]
) -> None:
    payload = await mutate(
        gql,
        CREATE,
        ADMIN,
        username=" New.User_1 ",
        email="new.user@example.com",
        password="long enough pw",
        userType=user_type,
        displayName="New User",
    )
    assert payload["errors"] == []
    customer = payload["customer"]
    assert (customer["username"], customer["userType"], customer["status"]) == (
        "new.user_1",
        user_type,
        "ACTIVE",
    )
    assert tuple(customer["quota"].values()) == quota
    row = await conn.fetchrow("SELECT * FROM customers WHERE id = $1", customer["rowId"])
    assert row["password_hash"].startswith("$argon2id$")
    assert PasswordHasher().verify(row["password_hash"], "long enough pw")
    assert row["display_name"] == "New User"
    ws = await conn.fetchrow("SELECT * FROM workspaces WHERE owner_id = $1", row["id"])
    assert (ws["type"], ws["member_count"], ws["status"]) == ("personal", 1, "active")
    members = await conn.fetch("SELECT * FROM workspace_members WHERE workspace_id = $1", ws["id"])
    assert [(m["customer_id"], m["role"], m["status"]) for m in members] == [
        (row["id"], "owner", "active")
    ]
    assert await audits_since_mark(conn, "customer.create") == [(200, 1, str(row["id"]))]
    await assert_consistent(conn)


async def test_customer_create_by_non_admin_is_forbidden(
    gql: GraphQLRunner, conn: asyncpg.Connection
) -> None:
    before = await conn.fetchval("SELECT count(*) FROM customers")
    payload = await mutate(
        gql, CREATE, ALICE, username="sneaky", email="s@example.com", password="long enough pw"
    )
    assert payload["customer"] is None
    assert code_and_field(payload) == ("FORBIDDEN", None)
    assert await conn.fetchval("SELECT count(*) FROM customers") == before
    assert await audits_since_mark(conn, "customer.create") == [(403, 2, None)]


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"username": "ab"}, "username"),
        ({"username": "has space"}, "username"),
        ({"username": "x" * 65}, "username"),
        ({"username": "ümlaut"}, "username"),
        ({"email": "not-an-email"}, "email"),
        ({"email": "a@b"}, "email"),
        ({"email": "x" * 120 + "@example.com"}, "email"),
        ({"password": "short"}, "password"),
        ({"displayName": "d" * 129}, "displayName"),
    ],
)
async def test_customer_create_invalid_input_changes_nothing(
    gql: GraphQLRunner, conn: asyncpg.Connection, fields: dict[str, str], path: str
) -> None:
    before = await conn.fetchval("SELECT count(*) FROM customers")
    values = {"username": "valid", "email": "v@example.com", "password": "long enough pw"}
    payload = await mutate(gql, CREATE, ADMIN, **{**values, **fields})
    assert code_and_field(payload) == ("INVALID_INPUT", ["input", path])
    assert await conn.fetchval("SELECT count(*) FROM customers") == before
    assert await audits_since_mark(conn, "customer.create") == [(422, 1, None)]


@pytest.mark.parametrize(
    ("username", "email", "path"),
    [("ALICE", "fresh@example.com", "username"), ("fresh", "ALICE@remotegpu.example", "email")],
)
async def test_customer_create_taken_username_or_email_is_a_conflict(
    gql: GraphQLRunner, conn: asyncpg.Connection, username: str, email: str, path: str
) -> None:
    before = await conn.fetchval("SELECT count(*) FROM customers")
    payload = await mutate(
        gql, CREATE, ADMIN, username=username, email=email, password="long enough pw"
    )
    assert code_and_field(payload) == ("CONFLICT", ["input", path])
    assert await conn.fetchval("SELECT count(*) FROM customers") == before
    assert await audits_since_mark(conn, "customer.create") == [(409, 1, None)]


# --- customerUpdate --------------------------------------------------------------------------


async def test_customer_update_self_changes_profile_and_clears_with_null(
    gql: GraphQLRunner, conn: asyncpg.Connection
) -> None:
    payload = await mutate(
        gql,
        UPDATE,
        ALICE,
        displayName="  Alice A.  ",
        company=None,
        email="alice.new@example.com",
    )
    assert payload["errors"] == []
    assert payload["customer"]["displayName"] == "Alice A."
    assert payload["customer"]["company"] is None
    row = await conn.fetchrow("SELECT * FROM customers WHERE id = 2")
    assert (row["display_name"], row["company"], row["email"]) == (
        "Alice A.",
        None,
        "alice.new@example.com",
    )
    assert row["email_verified"] is False
    assert row["phone"] is not None  # absent: left alone
    assert await audits_since_mark(conn, "customer.update") == [(200, 2, "2")]
    await assert_consistent(conn)


async def test_customer_update_other_customer_is_not_found(
    gql: GraphQLRunner, conn: asyncpg.Connection
) -> None:
    before = await snapshot(conn, 3)
    payload = await mutate(gql, UPDATE, ALICE, customerId=3, displayName="hacked")
    assert payload["customer"] is None
    assert code_and_field(payload) == ("NOT_FOUND", ["input", "customerId"])
    assert await snapshot(conn, 3) == before
    assert await audits_since_mark(conn, "customer.update") == [(404, 2, "3")]


async def test_customer_update_user_type_by_non_admin_is_forbidden(
    gql: GraphQLRunner, conn: asyncpg.Connection
) -> None:
    before = await snapshot(conn, 2)
    payload = await mutate(gql, UPDATE, ALICE, userType="ADMIN", displayName="x")
    assert code_and_field(payload) == ("FORBIDDEN", ["input", "userType"])
    assert await snapshot(conn, 2) == before
    assert await audits_since_mark(conn, "customer.update") == [(403, 2, None)]


async def test_customer_update_user_type_by_admin_succeeds(
    gql: GraphQLRunner, conn: asyncpg.Connection
) -> None:
    payload = await mutate(gql, UPDATE, ADMIN, customerId=2, userType="INTERNAL")
    assert payload["errors"] == []
    assert payload["customer"]["userType"] == "INTERNAL"
    assert await conn.fetchval("SELECT user_type FROM customers WHERE id = 2") == "internal"
    assert await audits_since_mark(conn, "customer.update") == [(200, 1, "2")]
    await assert_consistent(conn)


@pytest.mark.parametrize(
    ("fields", "code", "path"),
    [
        ({"email": "BOB@remotegpu.example"}, "CONFLICT", "email"),
        ({"email": "nope"}, "INVALID_INPUT", "email"),
        ({"phone": "1" * 33}, "INVALID_INPUT", "phone"),
        ({"avatarUrl": "javascript:alert(1)"}, "INVALID_INPUT", "avatarUrl"),
    ],
)
async def test_customer_update_bad_or_taken_value_changes_nothing(
    gql: GraphQLRunner, conn: asyncpg.Connection, fields: dict[str, str], code: str, path: str
) -> None:
    before = await snapshot(conn, 2)
    payload = await mutate(gql, UPDATE, ALICE, displayName="changed", **fields)
    assert code_and_field(payload) == (code, ["input", path])
    assert await snapshot(conn, 2) == before
    assert len(await audits_since_mark(conn, "customer.update")) == 1


# --- customerSuspend / customerActivate ------------------------------------------------------


async def test_customer_suspend_revokes_tokens_and_activate_restores(
    gql: GraphQLRunner, conn: asyncpg.Connection
) -> None:
    await add_tokens(conn, 2)
    assert await live_tokens(conn, 2) == (1, 1)
    payload = await mutate(gql, SUSPEND, ADMIN, customerId=2)
    assert payload == {"customer": {"rowId": 2, "status": "SUSPENDED"}, "errors": []}
    assert await conn.fetchval("SELECT status FROM customers WHERE id = 2") == "suspended"
    assert await live_tokens(conn, 2) == (0, 0)
    payload = await mutate(gql, ACTIVATE, ADMIN, customerId=2)
    assert payload == {"customer": {"rowId": 2, "status": "ACTIVE"}, "errors": []}
    assert await conn.fetchval("SELECT status FROM customers WHERE id = 2") == "active"
    assert await live_tokens(conn, 2) == (0, 0)  # revoked tokens stay revoked
    assert await audits_since_mark(conn, "customer.suspend") == [(200, 1, "2")]
    assert await audits_since_mark(conn, "customer.activate") == [(200, 1, "2")]
    await assert_consistent(conn)


async def test_customer_suspend_by_non_admin_is_forbidden(
    gql: GraphQLRunner, conn: asyncpg.Connection
) -> None:
    await add_tokens(conn, 3)
    payload = await mutate(gql, SUSPEND, ALICE, customerId=3)
    assert payload["customer"] is None
    assert code_and_field(payload) == ("FORBIDDEN", None)
    assert await conn.fetchval("SELECT status FROM customers WHERE id = 3") == "active"
    assert await live_tokens(conn, 3) == (1, 1)
    assert await audits_since_mark(conn, "customer.suspend") == [(403, 2, "3")]


async def test_customer_activate_active_customer_is_invalid_transition(
    gql: GraphQLRunner, conn: asyncpg.Connection
) -> None:
    before = await snapshot(conn, 2)
    payload = await mutate(gql, ACTIVATE, ADMIN, customerId=2)
    assert code_and_field(payload) == ("INVALID_TRANSITION", None)
    await mutate(gql, SUSPEND, ADMIN, customerId=2)
    payload = await mutate(gql, SUSPEND, ADMIN, customerId=2)
    assert code_and_field(payload) == ("INVALID_TRANSITION", None)
    assert (await snapshot(conn, 2))[1] == before[1]
    assert await audits_since_mark(conn, "customer.activate") == [(409, 1, "2")]
    assert await audits_since_mark(conn, "customer.suspend") == [(200, 1, "2"), (409, 1, "2")]


# --- customerDelete --------------------------------------------------------------------------


async def test_customer_delete_self_soft_deletes_and_revokes_tokens(
    gql: GraphQLRunner, conn: asyncpg.Connection
) -> None:
    me = await idle_customer(conn)
    await add_tokens(conn, me)
    payload = await mutate(gql, DELETE, customer_viewer(me))
    # The customer no longer sees itself; the id says what happened.
    assert payload == {"deletedCustomerId": me, "customer": None, "errors": []}
    row = await conn.fetchrow("SELECT * FROM customers WHERE id = $1", me)
    assert row["status"] == "deleted"
    assert row["deleted_at"] is not None
    assert await live_tokens(conn, me) == (0, 0)
    assert await conn.fetchval("SELECT count(*) FROM resource_quotas WHERE user_id = $1", me) == 1
    assert await audits_since_mark(conn, "customer.delete") == [(200, me, str(me))]
    await assert_consistent(conn)


async def test_customer_delete_by_admin_shows_the_deleted_customer(
    gql: GraphQLRunner, conn: asyncpg.Connection
) -> None:
    target = await idle_customer(conn)
    payload = await mutate(gql, DELETE, ADMIN, customerId=target)
    assert payload["errors"] == []
    assert payload["customer"]["status"] == "DELETED"
    payload = await mutate(gql, DELETE, ADMIN, customerId=target)
    assert code_and_field(payload) == ("INVALID_TRANSITION", None)
    assert await audits_since_mark(conn, "customer.delete") == [
        (200, 1, str(target)),
        (409, 1, str(target)),
    ]
    await assert_consistent(conn)


async def test_customer_delete_with_live_environments_is_in_use(
    gql: GraphQLRunner, conn: asyncpg.Connection
) -> None:
    await add_tokens(conn, 2)
    before = await snapshot(conn, 2)
    payload = await mutate(gql, DELETE, ALICE)  # alice has a creating and a running environment
    assert payload["deletedCustomerId"] is None
    assert code_and_field(payload) == ("IN_USE", None)
    assert await snapshot(conn, 2) == before
    assert await live_tokens(conn, 2) == (1, 1)
    assert await audits_since_mark(conn, "customer.delete") == [(409, 2, None)]


async def test_customer_delete_other_customer_is_not_found(
    gql: GraphQLRunner, conn: asyncpg.Connection
) -> None:
    target = await idle_customer(conn)
    before = await snapshot(conn, target)
    payload = await mutate(gql, DELETE, ALICE, customerId=target)
    assert code_and_field(payload) == ("NOT_FOUND", ["input", "customerId"])
    assert await snapshot(conn, target) == before
    assert await audits_since_mark(conn, "customer.delete") == [(404, 2, str(target))]


# --- passwordChange --------------------------------------------------------------------------


async def test_password_change_with_right_password_rehashes_and_ends_sessions(
    gql: GraphQLRunner, conn: asyncpg.Connection
) -> None:
    await add_tokens(conn, 2)
    payload = await mutate(
        gql, PASSWORD, ALICE, currentPassword=DEMO_PASSWORD, newPassword="a brand new secret"
    )
    assert payload == {"customer": {"rowId": 2}, "errors": []}
    stored = await conn.fetchval("SELECT password_hash FROM customers WHERE id = 2")
    assert PasswordHasher().verify(stored, "a brand new secret")
    assert await live_tokens(conn, 2) == (0, 1)  # sessions end; API tokens are not sessions
    assert await audits_since_mark(conn, "customer.password_change") == [(200, 2, "2")]
    await assert_consistent(conn)


@pytest.mark.parametrize(
    ("current", "new", "code", "path"),
    [
        ("wrong password", "a brand new secret", "INVALID_CREDENTIALS", "currentPassword"),
        (DEMO_PASSWORD, "short", "INVALID_INPUT", "newPassword"),
        (DEMO_PASSWORD, DEMO_PASSWORD, "INVALID_INPUT", "newPassword"),
    ],
)
async def test_password_change_refused_keeps_password_and_sessions(
    gql: GraphQLRunner, conn: asyncpg.Connection, current: str, new: str, code: str, path: str
) -> None:
    await add_tokens(conn, 2)
    before = await snapshot(conn, 2)
    payload = await mutate(gql, PASSWORD, ALICE, currentPassword=current, newPassword=new)
    assert payload["customer"] is None
    assert code_and_field(payload) == (code, ["input", path])
    assert await snapshot(conn, 2) == before
    assert await live_tokens(conn, 2) == (1, 1)
    assert len(await audits_since_mark(conn, "customer.password_change")) == 1


# --- resourceQuotaUpdate ---------------------------------------------------------------------


async def _busiest(conn: asyncpg.Connection) -> asyncpg.Record:
    """The customer holding the most GPUs in live environments, with its usage."""
    row: asyncpg.Record = await conn.fetchrow(
        "SELECT user_id,"
        " count(*) FILTER (WHERE status NOT IN ('deleted', 'deleting')) AS environments,"
        " sum(cpu) FILTER (WHERE status IN ('creating', 'running'))::bigint AS cpu,"
        " sum(memory) FILTER (WHERE status IN ('creating', 'running'))::bigint AS memory,"
        " sum(gpu) FILTER (WHERE status IN ('creating', 'running'))::bigint AS gpu,"
        " sum(storage) FILTER (WHERE status NOT IN ('deleted', 'deleting'))::bigint AS storage"
        " FROM environments GROUP BY user_id"
        " ORDER BY sum(gpu) FILTER (WHERE status IN ('creating', 'running')) DESC NULLS LAST"
        " LIMIT 1"
    )
    return row


async def test_resource_quota_update_to_exactly_current_usage_succeeds(
    gql: GraphQLRunner, conn: asyncpg.Connection
) -> None:
    u = await _busiest(conn)
    memory_mb = -(-u["memory"] // (1024 * 1024))
    payload = await mutate(
        gql,
        QUOTA,
        ADMIN,
        customerId=u["user_id"],
        quotaLevel="PRO",
        cpuQuota=u["cpu"],
        memoryQuota=memory_mb,
        gpuQuota=u["gpu"],
        storageQuota=str(u["storage"]),
        environmentQuota=u["environments"],
    )
    assert payload["errors"] == []
    expected = (u["user_id"], "PRO", u["cpu"], memory_mb, u["gpu"], str(u["storage"]))
    assert tuple(payload["resourceQuota"].values())[:6] == expected
    row = await conn.fetchrow("SELECT * FROM resource_quotas WHERE user_id = $1", u["user_id"])
    assert (row["quota_level"], row["cpu_quota"], row["gpu_quota"], row["storage_quota"]) == (
        "pro",
        u["cpu"],
        u["gpu"],
        u["storage"],
    )
    assert (row["memory_quota"], row["environment_quota"]) == (memory_mb, u["environments"])
    assert len(await audits_since_mark(conn, "resource_quota.update")) == 1
    await assert_consistent(conn)


@pytest.mark.parametrize(
    ("field", "column"),
    [
        ("cpuQuota", "cpu"),
        ("memoryQuota", "memory"),
        ("gpuQuota", "gpu"),
        ("storageQuota", "storage"),
        ("environmentQuota", "environments"),
    ],
)
async def test_resource_quota_update_below_usage_is_quota_exceeded(
    gql: GraphQLRunner, conn: asyncpg.Connection, field: str, column: str
) -> None:
    u = await _busiest(conn)
    used = u[column]
    value = -(-used // (1024 * 1024)) - 1 if column == "memory" else used - 1
    before = await snapshot(conn, u["user_id"])
    payload = await mutate(
        gql,
        QUOTA,
        ADMIN,
        customerId=u["user_id"],
        quotaLevel="FREE",
        **{field: str(value) if column == "storage" else value},
    )
    assert payload["resourceQuota"] is None
    assert code_and_field(payload) == ("QUOTA_EXCEEDED", ["input", field])
    assert "below current usage" in payload["errors"][0]["message"]
    assert await snapshot(conn, u["user_id"]) == before
    assert await audits_since_mark(conn, "resource_quota.update") == [(422, 1, None)]


@pytest.mark.parametrize(
    ("viewer", "fields", "expected"),
    [
        (BOB, {"cpuQuota": 1000}, ("FORBIDDEN", None)),
        (ADMIN, {"cpuQuota": -1}, ("INVALID_INPUT", ["input", "cpuQuota"])),
        (ADMIN, {"storageQuota": "-5"}, ("INVALID_INPUT", ["input", "storageQuota"])),
    ],
)
async def test_resource_quota_update_refused_changes_nothing(
    gql: GraphQLRunner,
    conn: asyncpg.Connection,
    viewer: Any,
    fields: dict[str, Any],
    expected: tuple[str, Any],
) -> None:
    before = await snapshot(conn, 2)
    payload = await mutate(gql, QUOTA, viewer, customerId=2, **fields)
    assert code_and_field(payload) == expected
    assert await snapshot(conn, 2) == before
    assert len(await audits_since_mark(conn, "resource_quota.update")) == 1


async def test_resource_quota_update_unknown_customer_is_not_found(
    gql: GraphQLRunner, conn: asyncpg.Connection
) -> None:
    payload = await mutate(gql, QUOTA, ADMIN, customerId=999999, cpuQuota=8)
    assert code_and_field(payload) == ("NOT_FOUND", ["input", "customerId"])
    assert await audits_since_mark(conn, "resource_quota.update") == [(404, 1, None)]
