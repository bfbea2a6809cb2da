"""login: by username or e-mail, same failure for unknown users and wrong passwords, audit."""

from __future__ import annotations

import asyncpg
import pytest
from argon2 import PasswordHasher, Type

from remotegpu.auth.passwords import PasswordCheck
from remotegpu.auth.tokens import decode_access_token, token_hash
from remotegpu.domain import accounts_auth
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.settings import Settings
from tests.auth.conftest import META, PASSWORD, CustomerRow, MakeCustomer, Sessions


async def _login(
    sessions: Sessions, settings: Settings, login: str, password: str
) -> accounts_auth.TokenPair:
    return await accounts_auth.login(
        sessions, settings, login=login, password=password, request_meta=META
    )


async def _login_error(
    sessions: Sessions, settings: Settings, login: str, password: str
) -> DomainError:
    with pytest.raises(DomainError) as excinfo:
        await _login(sessions, settings, login, password)
    return excinfo.value


async def test_login_by_username_issues_a_token_pair(
    sessions: Sessions, settings: Settings, alice: CustomerRow, db: asyncpg.Connection
) -> None:
    pair = await _login(sessions, settings, "alice", PASSWORD)
    assert pair.customer_id == alice.id
    assert decode_access_token(settings, pair.access_token).customer_id == alice.id
    assert pair.refresh_token.startswith("rgr_")
    stored = await db.fetchrow(
        "SELECT customer_id, token_hash, parent_id, used_at, revoked_at FROM refresh_tokens"
    )
    assert stored["customer_id"] == alice.id
    assert stored["token_hash"] == token_hash(pair.refresh_token)
    assert stored["parent_id"] is None
    assert stored["used_at"] is None
    assert stored["revoked_at"] is None


async def test_login_by_email_case_insensitive(
    sessions: Sessions, settings: Settings, make_customer: MakeCustomer
) -> None:
    bob = await make_customer("Bob", email="Bob.Smith@Example.com")
    assert (await _login(sessions, settings, "bob.smith@example.COM", PASSWORD)).customer_id == (
        bob.id
    )
    assert (await _login(sessions, settings, "  BOB ", PASSWORD)).customer_id == bob.id


async def test_login_sets_last_login_at(
    sessions: Sessions, settings: Settings, alice: CustomerRow, db: asyncpg.Connection
) -> None:
    assert await db.fetchval("SELECT last_login_at FROM customers WHERE id = $1", alice.id) is None
    await _login(sessions, settings, "alice", PASSWORD)
    recent = await db.fetchval(
        "SELECT last_login_at > NOW() - interval '1 minute' FROM customers WHERE id = $1", alice.id
    )
    assert recent is True


async def test_login_wrong_password_and_unknown_user_fail_alike(
    sessions: Sessions, settings: Settings, make_customer: MakeCustomer
) -> None:
    await make_customer("alice")
    wrong = await _login_error(sessions, settings, "alice", "not the password")
    unknown = await _login_error(sessions, settings, "nobody", PASSWORD)
    empty = await _login_error(sessions, settings, "", "")
    for error in (wrong, unknown, empty):
        assert error.code is ErrorCode.INVALID_CREDENTIALS
        assert error.message == accounts_auth.INVALID_CREDENTIALS_MESSAGE
        assert error.field is None


async def test_login_suspended_customer_right_password_fails_like_a_wrong_one(
    sessions: Sessions,
    settings: Settings,
    make_customer: MakeCustomer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await make_customer("carol", status="suspended")
    verified: list[str] = []
    real_verify = accounts_auth.verify_password

    async def counting_verify(stored_hash: str, password: str) -> PasswordCheck:
        verified.append(password)
        return await real_verify(stored_hash, password)

    monkeypatch.setattr(accounts_auth, "verify_password", counting_verify)
    right = await _login_error(sessions, settings, "carol", PASSWORD)
    wrong = await _login_error(sessions, settings, "carol", "not the password")
    # Same answer whether or not the password is right: it must not tell an attacker.
    for error in (right, wrong):
        assert error.code is ErrorCode.INVALID_CREDENTIALS
        assert error.message == accounts_auth.INVALID_CREDENTIALS_MESSAGE
        assert error.field is None
    # And the same work: the hash is verified in both cases.
    assert verified == [PASSWORD, "not the password"]


async def test_login_suspended_customer_right_password_writes_a_failed_login_audit_row(
    sessions: Sessions, settings: Settings, make_customer: MakeCustomer, db: asyncpg.Connection
) -> None:
    carol = await make_customer("carol", status="suspended")
    await _login_error(sessions, settings, "carol", PASSWORD)
    row = await db.fetchrow(
        "SELECT customer_id, action, status_code, error_message FROM audit_logs"
    )
    assert dict(row) == {
        "customer_id": carol.id,
        "action": "login",
        "status_code": 401,
        "error_message": "account suspended",
    }
    assert await db.fetchval("SELECT count(*) FROM refresh_tokens") == 0


async def test_login_soft_deleted_customer_is_unknown(
    sessions: Sessions, settings: Settings, make_customer: MakeCustomer
) -> None:
    await make_customer("dave", status="deleted", deleted=True)
    error = await _login_error(sessions, settings, "dave", PASSWORD)
    assert error.code is ErrorCode.INVALID_CREDENTIALS
    assert error.message == accounts_auth.INVALID_CREDENTIALS_MESSAGE


async def test_login_username_reused_after_soft_delete_finds_the_live_account(
    sessions: Sessions, settings: Settings, make_customer: MakeCustomer
) -> None:
    await make_customer("erin", email="old-erin@example.com", deleted=True, status="deleted")
    # The seed column UNIQUE on username is still there, so the new account differs in case.
    live = await make_customer("Erin", email="erin@example.com")
    assert (await _login(sessions, settings, "erin", PASSWORD)).customer_id == live.id


async def test_login_writes_audit_rows_for_success_and_failures(
    sessions: Sessions,
    settings: Settings,
    make_customer: MakeCustomer,
    alice: CustomerRow,
    db: asyncpg.Connection,
) -> None:
    carol = await make_customer("carol", status="suspended")
    await _login(sessions, settings, "alice", PASSWORD)
    await _login_error(sessions, settings, "alice", "not the password")
    await _login_error(sessions, settings, "mallory", "whatever password")
    await _login_error(sessions, settings, "carol", PASSWORD)
    rows = await db.fetch(
        "SELECT customer_id, username, action, resource_type, resource_id, status_code,"
        " ip_address, user_agent, request_method, request_path, error_message"
        " FROM audit_logs ORDER BY id"
    )
    assert [(r["action"], r["status_code"], r["customer_id"]) for r in rows] == [
        ("login", 200, alice.id),
        ("login", 401, alice.id),
        ("login", 401, None),
        ("login", 401, carol.id),
    ]
    assert rows[2]["username"] == "mallory"
    assert rows[0]["resource_type"] == "customer"
    assert rows[0]["resource_id"] == str(alice.id)
    assert all(r["ip_address"] == "203.0.113.7" for r in rows)
    assert all(r["user_agent"] == "pytest" and r["request_method"] == "POST" for r in rows)
    assert all(r["request_path"] == "/graphql" for r in rows)
    assert rows[0]["error_message"] is None
    assert rows[1]["error_message"] == "wrong password"
    # Audit rows never hold the password tried.
    assert not any(PASSWORD in str(dict(r)) for r in rows)


async def test_login_outdated_hash_is_upgraded(
    sessions: Sessions, settings: Settings, make_customer: MakeCustomer, db: asyncpg.Connection
) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1, type=Type.ID)
    old_hash = weak.hash(PASSWORD)
    frank = await make_customer("frank", password_hash_value=old_hash)
    await _login(sessions, settings, "frank", PASSWORD)
    new_hash = await db.fetchval("SELECT password_hash FROM customers WHERE id = $1", frank.id)
    assert new_hash != old_hash
    assert "m=65536" in new_hash
    await _login(sessions, settings, "frank", PASSWORD)  # the new hash verifies
