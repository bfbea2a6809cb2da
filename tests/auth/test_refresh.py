"""tokenRefresh rotation, reuse detection (the whole chain is revoked), and logout."""

from __future__ import annotations

import asyncpg
import pytest

from remotegpu.auth.authenticate import AuthenticationError, viewer_from_request
from remotegpu.auth.tokens import decode_access_token, token_hash
from remotegpu.auth.viewer import ANONYMOUS, Scope, Viewer
from remotegpu.db.engine import transaction
from remotegpu.domain import accounts_auth
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.settings import Settings
from tests.auth.conftest import META, PASSWORD, CustomerRow, MakeCustomer, Sessions, http_request


async def _login(sessions: Sessions, settings: Settings, name: str) -> accounts_auth.TokenPair:
    return await accounts_auth.login(
        sessions, settings, login=name, password=PASSWORD, request_meta=META
    )


async def _refresh(sessions: Sessions, settings: Settings, token: str) -> accounts_auth.TokenPair:
    return await accounts_auth.refresh(sessions, settings, refresh_token=token, request_meta=META)


async def _refresh_error(sessions: Sessions, settings: Settings, token: str) -> DomainError:
    with pytest.raises(DomainError) as excinfo:
        await _refresh(sessions, settings, token)
    return excinfo.value


async def _logout(sessions: Sessions, viewer: Viewer, refresh_token: str | None) -> int:
    async with transaction(sessions) as session:
        return await accounts_auth.logout(
            session, viewer=viewer, refresh_token=refresh_token, request_meta=META
        )


async def test_refresh_rotates_the_token_in_the_same_family(
    sessions: Sessions, settings: Settings, alice: CustomerRow, db: asyncpg.Connection
) -> None:
    first = await _login(sessions, settings, "alice")
    second = await _refresh(sessions, settings, first.refresh_token)
    assert second.customer_id == alice.id
    assert second.refresh_token != first.refresh_token
    assert decode_access_token(settings, second.access_token).customer_id == alice.id
    rows = await db.fetch(
        "SELECT id, token_hash, family_id, parent_id, used_at FROM refresh_tokens ORDER BY id"
    )
    assert len(rows) == 2
    assert rows[0]["token_hash"] == token_hash(first.refresh_token)
    assert rows[1]["token_hash"] == token_hash(second.refresh_token)
    assert rows[0]["family_id"] == rows[1]["family_id"]
    assert rows[1]["parent_id"] == rows[0]["id"]
    assert rows[0]["used_at"] is not None
    assert rows[1]["used_at"] is None
    third = await _refresh(sessions, settings, second.refresh_token)
    assert third.customer_id == alice.id


async def test_refresh_reuse_revokes_the_whole_chain(
    sessions: Sessions, settings: Settings, alice: CustomerRow, db: asyncpg.Connection
) -> None:
    first = await _login(sessions, settings, "alice")
    second = await _refresh(sessions, settings, first.refresh_token)
    third = await _refresh(sessions, settings, second.refresh_token)
    other_session = await _login(sessions, settings, "alice")

    error = await _refresh_error(sessions, settings, first.refresh_token)  # replayed
    assert error.code is ErrorCode.INVALID_TOKEN
    assert error.field == "refresh_token"
    # The newest token of the chain, never used, is dead too.
    assert (await _refresh_error(sessions, settings, third.refresh_token)).code is (
        ErrorCode.INVALID_TOKEN
    )
    family = await db.fetch(
        "SELECT revoked_at, revoked_reason FROM refresh_tokens WHERE family_id ="
        " (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)",
        token_hash(first.refresh_token),
    )
    assert len(family) == 3
    assert all(r["revoked_at"] is not None and r["revoked_reason"] == "reuse" for r in family)
    # Another login of the same customer is a separate family and keeps working.
    assert (await _refresh(sessions, settings, other_session.refresh_token)).customer_id == (
        alice.id
    )
    audit = await db.fetchrow(
        "SELECT customer_id, action, status_code FROM audit_logs WHERE action = 'token_refresh'"
    )
    assert (audit["customer_id"], audit["status_code"]) == (alice.id, 401)


async def test_refresh_unknown_or_malformed_token_is_invalid(
    sessions: Sessions, settings: Settings
) -> None:
    for token in ("rgr_doesnotexist", "", "not-a-token", "rgp_abcdefgh_secret"):
        assert (await _refresh_error(sessions, settings, token)).code is ErrorCode.INVALID_TOKEN


async def test_refresh_expired_token_is_invalid(
    sessions: Sessions, settings: Settings, make_customer: MakeCustomer, db: asyncpg.Connection
) -> None:
    await make_customer("alice")
    pair = await _login(sessions, settings, "alice")
    await db.execute("UPDATE refresh_tokens SET expires_at = NOW() - interval '1 second'")
    error = await _refresh_error(sessions, settings, pair.refresh_token)
    assert error.code is ErrorCode.INVALID_TOKEN
    assert "expired" in error.message


async def test_refresh_suspended_customer_is_forbidden(
    sessions: Sessions, settings: Settings, alice: CustomerRow, db: asyncpg.Connection
) -> None:
    pair = await _login(sessions, settings, "alice")
    await db.execute("UPDATE customers SET status = 'suspended' WHERE id = $1", alice.id)
    assert (await _refresh_error(sessions, settings, pair.refresh_token)).code is (
        ErrorCode.FORBIDDEN
    )
    # The refused refresh did not spend the token (its transaction rolled back).
    assert await db.fetchval("SELECT count(*) FROM refresh_tokens WHERE used_at IS NOT NULL") == 0


async def test_refresh_soft_deleted_customer_is_invalid(
    sessions: Sessions, settings: Settings, alice: CustomerRow, db: asyncpg.Connection
) -> None:
    pair = await _login(sessions, settings, "alice")
    await db.execute(
        "UPDATE customers SET status = 'deleted', deleted_at = NOW() WHERE id = $1", alice.id
    )
    assert (await _refresh_error(sessions, settings, pair.refresh_token)).code is (
        ErrorCode.INVALID_TOKEN
    )


async def test_logout_with_refresh_token_ends_that_session_only(
    sessions: Sessions, settings: Settings, alice: CustomerRow, db: asyncpg.Connection
) -> None:
    laptop = await _login(sessions, settings, "alice")
    laptop = await _refresh(sessions, settings, laptop.refresh_token)
    phone = await _login(sessions, settings, "alice")
    # Holding the refresh token is enough: no access token needed. The whole family goes
    # (the spent first token and the live second one).
    assert await _logout(sessions, ANONYMOUS, laptop.refresh_token) == 2
    assert (await _refresh_error(sessions, settings, laptop.refresh_token)).code is (
        ErrorCode.INVALID_TOKEN
    )
    assert (await _refresh(sessions, settings, phone.refresh_token)).customer_id == alice.id
    logout = await db.fetchrow(
        "SELECT customer_id, status_code FROM audit_logs WHERE action = 'logout'"
    )
    assert (logout["customer_id"], logout["status_code"]) == (alice.id, 200)


async def test_logout_without_token_ends_every_session_of_the_viewer(
    sessions: Sessions, settings: Settings, make_customer: MakeCustomer, alice: CustomerRow
) -> None:
    await make_customer("bob")
    one = await _login(sessions, settings, "alice")
    two = await _login(sessions, settings, "alice")
    bob = await _login(sessions, settings, "bob")
    assert await _logout(sessions, alice.viewer(), None) == 2
    for pair in (one, two):
        assert (await _refresh_error(sessions, settings, pair.refresh_token)).code is (
            ErrorCode.INVALID_TOKEN
        )
    assert (await _refresh(sessions, settings, bob.refresh_token)).customer_id != alice.id


async def test_logout_without_token_needs_authentication(sessions: Sessions) -> None:
    with pytest.raises(DomainError) as excinfo:
        await _logout(sessions, ANONYMOUS, None)
    assert excinfo.value.code is ErrorCode.UNAUTHENTICATED


async def test_logout_with_someone_elses_refresh_token_is_refused(
    sessions: Sessions, settings: Settings, make_customer: MakeCustomer, alice: CustomerRow
) -> None:
    await make_customer("bob")
    bob = await _login(sessions, settings, "bob")
    with pytest.raises(DomainError) as excinfo:
        await _logout(sessions, alice.viewer(), bob.refresh_token)
    assert excinfo.value.code is ErrorCode.INVALID_TOKEN
    await _refresh(sessions, settings, bob.refresh_token)  # still alive


async def test_logout_read_only_api_token_cannot_end_all_sessions(
    sessions: Sessions, alice: CustomerRow
) -> None:
    with pytest.raises(DomainError) as excinfo:
        await _logout(sessions, alice.viewer(frozenset({Scope.READ})), None)
    assert excinfo.value.code is ErrorCode.FORBIDDEN


async def test_access_token_still_works_after_refresh_until_it_expires(
    sessions: Sessions, settings: Settings, make_customer: MakeCustomer
) -> None:
    """Documented behaviour: access tokens are stateless; only the account status is checked."""
    await make_customer("alice")
    pair = await _login(sessions, settings, "alice")
    await _refresh(sessions, settings, pair.refresh_token)
    viewer = await viewer_from_request(
        http_request(f"Bearer {pair.access_token}"), sessions, settings
    )
    assert viewer.is_authenticated
    with pytest.raises(AuthenticationError):
        await viewer_from_request(http_request(f"Bearer {pair.refresh_token}"), sessions, settings)
