"""create-admin: an active admin with quota and personal workspace, who can then log in."""

from __future__ import annotations

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.domain import accounts_auth
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.identity import create_admin_command
from remotegpu.settings import Settings
from tests.auth.conftest import META, MakeCustomer


async def test_create_admin_command_creates_an_admin_who_can_log_in(
    migrated_url: str,
    db: asyncpg.Connection,
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> None:
    line = await create_admin_command(migrated_url, "root", "root@example.com", "a strong secret")
    customer = await db.fetchrow("SELECT * FROM customers WHERE username = 'root'")
    assert line == f"created admin root (customer id {customer['id']})"
    assert customer["user_type"] == "admin"
    assert customer["status"] == "active"
    assert customer["password_hash"].startswith("$argon2id$")
    quota = await db.fetchrow("SELECT * FROM resource_quotas WHERE user_id = $1", customer["id"])
    assert quota is not None
    assert quota["gpu_quota"] > 0
    workspace = await db.fetchrow("SELECT * FROM workspaces WHERE owner_id = $1", customer["id"])
    assert (workspace["type"], workspace["member_count"]) == ("personal", 1)
    member = await db.fetchrow(
        "SELECT role, status FROM workspace_members WHERE workspace_id = $1 AND customer_id = $2",
        workspace["id"],
        customer["id"],
    )
    assert (member["role"], member["status"]) == ("owner", "active")
    pair = await accounts_auth.login(
        sessions, settings, login="ROOT@example.com", password="a strong secret", request_meta=META
    )
    assert pair.customer_id == customer["id"]


async def test_create_admin_short_password_is_refused(
    migrated_url: str, db: asyncpg.Connection
) -> None:
    with pytest.raises(DomainError) as excinfo:
        await create_admin_command(migrated_url, "root", "root@example.com", "short")
    assert excinfo.value.code is ErrorCode.INVALID_INPUT
    assert await db.fetchval("SELECT count(*) FROM customers") == 0


@pytest.mark.parametrize(
    ("username", "email"), [("ALICE", "new@example.com"), ("new", "Alice@Example.com")]
)
async def test_create_admin_taken_username_or_email_is_a_conflict(
    migrated_url: str, make_customer: MakeCustomer, username: str, email: str
) -> None:
    await make_customer("alice", email="alice@example.com")
    with pytest.raises(DomainError) as excinfo:
        await create_admin_command(migrated_url, username, email, "a strong secret")
    assert excinfo.value.code is ErrorCode.CONFLICT


@pytest.mark.parametrize(("username", "email"), [("", "a@b.io"), ("x", "not-an-email")])
async def test_create_admin_bad_username_or_email_is_invalid(
    migrated_url: str, username: str, email: str
) -> None:
    with pytest.raises(DomainError) as excinfo:
        await create_admin_command(migrated_url, username, email, "a strong secret")
    assert excinfo.value.code is ErrorCode.INVALID_INPUT
