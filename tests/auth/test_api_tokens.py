"""apiTokenCreate / apiTokenRevoke / apiTokens: plaintext once, hashes only, the scope rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from remotegpu.auth.tokens import token_hash
from remotegpu.auth.viewer import ANONYMOUS, Scope, Viewer
from remotegpu.db.engine import transaction
from remotegpu.domain import accounts_auth, identity
from remotegpu.domain.errors import DomainError, ErrorCode
from tests.auth.conftest import META, CustomerRow, MakeCustomer, MakeHost, Sessions


async def _create(
    sessions: Sessions,
    viewer: Viewer,
    *,
    name: str = "ci",
    scopes: tuple[str, ...] = ("read", "write"),
    host_id: str | None = None,
    expires_at: datetime | None = None,
) -> identity.CreatedApiToken:
    async with transaction(sessions) as session:
        return await identity.create_api_token(
            session,
            viewer=viewer,
            name=name,
            scopes=scopes,
            host_id=host_id,
            expires_at=expires_at,
            request_meta=META,
        )


async def _create_error(sessions: Sessions, viewer: Viewer, **kwargs: object) -> DomainError:
    with pytest.raises(DomainError) as excinfo:
        await _create(sessions, viewer, **kwargs)  # type: ignore[arg-type]
    return excinfo.value


async def _revoke(sessions: Sessions, viewer: Viewer, token_id: int) -> object:
    async with transaction(sessions) as session:
        return await identity.revoke_api_token(
            session, viewer=viewer, token_id=token_id, request_meta=META
        )


async def test_create_api_token_shows_plaintext_once_and_stores_only_its_hash(
    sessions: Sessions, alice: CustomerRow, db: asyncpg.Connection
) -> None:
    created = await _create(sessions, alice.viewer(), name="  laptop  ")
    plaintext = created.plaintext
    assert plaintext.startswith(f"rgp_{created.token.prefix}_")
    secret = plaintext.split("_", 2)[2]
    row = await db.fetchrow("SELECT * FROM api_tokens WHERE id = $1", created.token.id)
    assert row["token_hash"] == token_hash(plaintext)
    assert row["name"] == "laptop"
    assert sorted(row["scopes"]) == ["read", "write"]
    assert row["customer_id"] == alice.id
    # No column of the table, nor any other table's text, holds the plaintext or the secret.
    dump = await db.fetchval("SELECT string_agg(t::text, '|') FROM api_tokens t")
    assert plaintext not in dump
    assert secret not in dump
    audit_dump = await db.fetchval("SELECT string_agg(a::text, '|') FROM audit_logs a")
    assert secret not in (audit_dump or "")
    # The list shows the token without any secret.
    async with sessions() as session:
        listed = await identity.list_api_tokens(session, viewer=alice.viewer())
    assert [t.id for t in listed] == [created.token.id]


async def test_create_api_token_is_audited(
    sessions: Sessions, alice: CustomerRow, db: asyncpg.Connection
) -> None:
    created = await _create(sessions, alice.viewer())
    audit = await db.fetchrow("SELECT * FROM audit_logs WHERE resource_type = 'api_token'")
    assert audit["action"] == "create"
    assert audit["resource_id"] == str(created.token.id)
    assert (audit["customer_id"], audit["status_code"]) == (alice.id, 200)


async def test_list_api_tokens_shows_only_the_viewers_own(
    sessions: Sessions, make_customer: MakeCustomer, alice: CustomerRow
) -> None:
    bob = await make_customer("bob")
    first = await _create(sessions, alice.viewer(), name="one")
    second = await _create(sessions, alice.viewer(), name="two")
    await _create(sessions, bob.viewer(), name="bob's")
    async with sessions() as session:
        listed = await identity.list_api_tokens(session, viewer=alice.viewer())
    assert [t.id for t in listed] == [second.token.id, first.token.id]


async def test_revoke_own_token_sets_revoked_at_and_is_idempotent(
    sessions: Sessions, alice: CustomerRow, db: asyncpg.Connection
) -> None:
    created = await _create(sessions, alice.viewer())
    await _revoke(sessions, alice.viewer(), created.token.id)
    revoked_at = await db.fetchval(
        "SELECT revoked_at FROM api_tokens WHERE id = $1", created.token.id
    )
    assert revoked_at is not None
    await _revoke(sessions, alice.viewer(), created.token.id)
    assert (
        await db.fetchval("SELECT revoked_at FROM api_tokens WHERE id = $1", created.token.id)
        == revoked_at
    )
    assert await db.fetchval("SELECT count(*) FROM audit_logs WHERE action = 'revoke'") == 1


async def test_revoke_other_customers_token_is_not_found(
    sessions: Sessions, make_customer: MakeCustomer, alice: CustomerRow, db: asyncpg.Connection
) -> None:
    bob = await make_customer("bob")
    created = await _create(sessions, alice.viewer())
    for token_id in (created.token.id, 999_999):
        with pytest.raises(DomainError) as excinfo:
            await _revoke(sessions, bob.viewer(), token_id)
        assert excinfo.value.code is ErrorCode.NOT_FOUND
        assert excinfo.value.field == "row_id"
    assert await db.fetchval(
        "SELECT revoked_at IS NULL FROM api_tokens WHERE id = $1", created.token.id
    )


async def test_admin_revokes_any_token(
    sessions: Sessions, make_customer: MakeCustomer, alice: CustomerRow, db: asyncpg.Connection
) -> None:
    root = await make_customer("root", user_type="admin")
    created = await _create(sessions, alice.viewer())
    await _revoke(sessions, root.viewer(), created.token.id)
    assert await db.fetchval(
        "SELECT revoked_at IS NOT NULL FROM api_tokens WHERE id = $1", created.token.id
    )


async def test_create_api_token_needs_authentication_and_write_scope(
    sessions: Sessions, alice: CustomerRow
) -> None:
    assert (await _create_error(sessions, ANONYMOUS)).code is ErrorCode.UNAUTHENTICATED
    read_only = alice.viewer(frozenset({Scope.READ}))
    assert (await _create_error(sessions, read_only, scopes=("read",))).code is (
        ErrorCode.FORBIDDEN
    )


async def test_create_api_token_cannot_grant_more_than_the_creator_has(
    sessions: Sessions, alice: CustomerRow
) -> None:
    write_only = alice.viewer(frozenset({Scope.WRITE}))
    error = await _create_error(sessions, write_only, scopes=("read", "write"))
    assert error.code is ErrorCode.FORBIDDEN
    assert error.field == "scopes"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * 129}, "name"),
        ({"scopes": ()}, "scopes"),
        ({"scopes": ("admin",)}, "scopes"),
        ({"host_id": "host-a"}, "host_id"),
        ({"expires_at": datetime.now(UTC) - timedelta(minutes=1)}, "expires_at"),
    ],
)
async def test_create_api_token_invalid_input(
    sessions: Sessions, alice: CustomerRow, kwargs: dict[str, object], field: str
) -> None:
    error = await _create_error(sessions, alice.viewer(), **kwargs)
    assert error.code is ErrorCode.INVALID_INPUT
    assert error.field == field


async def test_create_api_token_naive_expiry_is_utc(sessions: Sessions, alice: CustomerRow) -> None:
    naive = (datetime.now(UTC) + timedelta(days=1)).replace(tzinfo=None, microsecond=0)
    created = await _create(sessions, alice.viewer(), expires_at=naive)
    assert created.token.expires_at == naive.replace(tzinfo=UTC)


async def test_agent_token_needs_an_admin(
    sessions: Sessions, alice: CustomerRow, make_host: MakeHost
) -> None:
    await make_host("host-a")
    error = await _create_error(sessions, alice.viewer(), scopes=("agent",), host_id="host-a")
    assert error.code is ErrorCode.FORBIDDEN


async def test_agent_token_needs_an_existing_host(
    sessions: Sessions, make_customer: MakeCustomer
) -> None:
    root = await make_customer("root", user_type="admin")
    missing = await _create_error(sessions, root.viewer(), scopes=("agent",), host_id="nope")
    assert missing.code is ErrorCode.NOT_FOUND
    assert missing.field == "host_id"
    no_host = await _create_error(sessions, root.viewer(), scopes=("agent",))
    assert no_host.code is ErrorCode.INVALID_INPUT
    assert no_host.field == "host_id"


async def test_agent_token_carries_the_agent_scope_only(
    sessions: Sessions, make_customer: MakeCustomer, make_host: MakeHost
) -> None:
    root = await make_customer("root", user_type="admin")
    await make_host("host-a")
    error = await _create_error(sessions, root.viewer(), scopes=("agent", "read"), host_id="host-a")
    assert error.code is ErrorCode.INVALID_INPUT


async def test_agent_token_is_stored_with_its_host(
    sessions: Sessions, make_customer: MakeCustomer, make_host: MakeHost, db: asyncpg.Connection
) -> None:
    root = await make_customer("root", user_type="admin")
    await make_host("host-a")
    created = await _create(sessions, root.viewer(), scopes=("agent",), host_id="host-a")
    row = await db.fetchrow(
        "SELECT scopes, host_id FROM api_tokens WHERE id = $1", created.token.id
    )
    assert (row["scopes"], row["host_id"]) == (["agent"], "host-a")


async def test_database_refuses_host_on_non_agent_token(db: asyncpg.Connection) -> None:
    with pytest.raises(asyncpg.CheckViolationError):
        await db.execute(
            "INSERT INTO api_tokens (customer_id, name, prefix, token_hash, scopes, host_id)"
            " VALUES (1, 'x', 'abcdefgh', repeat('0', 64), ARRAY['read'], 'host-a')"
        )
    with pytest.raises(asyncpg.CheckViolationError):
        await db.execute(
            "INSERT INTO api_tokens (customer_id, name, prefix, token_hash, scopes)"
            " VALUES (1, 'x', 'abcdefgh', repeat('0', 64), ARRAY['agent'])"
        )


async def test_revoke_customer_tokens_revokes_refresh_and_api_tokens(
    sessions: Sessions, alice: CustomerRow, db: asyncpg.Connection
) -> None:
    await _create(sessions, alice.viewer())
    await db.execute(
        "INSERT INTO refresh_tokens (customer_id, token_hash, family_id, expires_at)"
        " VALUES ($1, repeat('1', 64), gen_random_uuid(), NOW() + interval '1 day')",
        alice.id,
    )
    async with transaction(sessions) as session:
        await accounts_auth.revoke_customer_tokens(session, alice.id)
    assert await db.fetchval("SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL") == 0
    assert await db.fetchval("SELECT count(*) FROM refresh_tokens WHERE revoked_at IS NULL") == 0
