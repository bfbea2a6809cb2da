"""Suspension and deletion end every session for good: customers.token_epoch.

An access token, API token or refresh token issued before a suspension stays refused after
the customer is activated again; tokens issued after the reactivation work.
"""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
import httpx
import pytest

from remotegpu.auth.authenticate import AuthenticationError, viewer_from_request
from remotegpu.auth.tokens import create_access_token
from remotegpu.db.engine import transaction
from remotegpu.domain import accounts_auth
from remotegpu.domain.customers import delete_customer, set_customer_status
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.settings import Settings
from tests.auth.conftest import (
    META,
    PASSWORD,
    CustomerRow,
    MakeCustomer,
    Sessions,
    http_request,
    make_api_token,
)

# A platform admin (root) and the customer whose sessions end (alice).
RootAndAlice = tuple[CustomerRow, CustomerRow]


@pytest.fixture
async def root_and_alice(make_customer: MakeCustomer) -> RootAndAlice:
    return await make_customer("root", user_type="admin"), await make_customer("alice")


async def _authenticates(sessions: Sessions, settings: Settings, token: str) -> bool:
    try:
        await viewer_from_request(http_request(f"Bearer {token}"), sessions, settings)
    except AuthenticationError:
        return False
    return True


async def _set_status(
    sessions: Sessions, admin: CustomerRow, who: CustomerRow, status: str
) -> None:
    async with transaction(sessions) as session:
        await set_customer_status(session, admin.viewer(), who.id, status)


async def _suspend_and_activate(sessions: Sessions, admin: CustomerRow, who: CustomerRow) -> None:
    await _set_status(sessions, admin, who, "suspended")
    await _set_status(sessions, admin, who, "active")


async def _api_token(sessions: Sessions, owner: CustomerRow) -> str:
    return (await make_api_token(sessions, owner)).plaintext


async def _login(sessions: Sessions, settings: Settings, username: str) -> accounts_auth.TokenPair:
    return await accounts_auth.login(
        sessions, settings, login=username, password=PASSWORD, request_meta=META
    )


async def test_customer_activate_after_suspend_old_access_token_stays_refused(
    sessions: Sessions, settings: Settings, root_and_alice: RootAndAlice
) -> None:
    admin, alice = root_and_alice
    before = await _login(sessions, settings, "alice")
    assert await _authenticates(sessions, settings, before.access_token)
    # Suspended and activated again within the same second as the token was issued: a
    # comparison of whole-second `iat` values could not tell the token from a new one.
    await _suspend_and_activate(sessions, admin, alice)
    assert not await _authenticates(sessions, settings, before.access_token)
    after = await _login(sessions, settings, "alice")
    assert await _authenticates(sessions, settings, after.access_token)
    assert not await _authenticates(sessions, settings, before.access_token)


async def test_customer_activate_after_suspend_old_api_token_stays_refused_even_unrevoked(
    sessions: Sessions, settings: Settings, root_and_alice: RootAndAlice, db: asyncpg.Connection
) -> None:
    admin, alice = root_and_alice
    old = await _api_token(sessions, alice)
    assert await _authenticates(sessions, settings, old)
    await _suspend_and_activate(sessions, admin, alice)
    assert await db.fetchval("SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL") == 0
    assert not await _authenticates(sessions, settings, old)
    # The epoch alone keeps it dead, should its revocation ever be undone.
    await db.execute("UPDATE api_tokens SET revoked_at = NULL")
    assert not await _authenticates(sessions, settings, old)
    assert await _authenticates(sessions, settings, await _api_token(sessions, alice))


async def test_customer_activate_after_suspend_old_refresh_token_stays_refused(
    sessions: Sessions, settings: Settings, root_and_alice: RootAndAlice
) -> None:
    admin, alice = root_and_alice
    before = await _login(sessions, settings, "alice")
    await _suspend_and_activate(sessions, admin, alice)
    with pytest.raises(DomainError) as excinfo:
        await accounts_auth.refresh(
            sessions, settings, refresh_token=before.refresh_token, request_meta=META
        )
    assert excinfo.value.code is ErrorCode.INVALID_TOKEN


async def test_customer_suspend_increments_the_token_epoch_and_refresh_carries_it(
    sessions: Sessions, settings: Settings, root_and_alice: RootAndAlice, db: asyncpg.Connection
) -> None:
    admin, alice = root_and_alice
    await _suspend_and_activate(sessions, admin, alice)
    await _suspend_and_activate(sessions, admin, alice)
    assert await db.fetchval("SELECT token_epoch FROM customers WHERE id = $1", alice.id) == 2
    # Tokens issued now carry the current epoch, through login and through refresh.
    pair = await _login(sessions, settings, "alice")
    rotated = await accounts_auth.refresh(
        sessions, settings, refresh_token=pair.refresh_token, request_meta=META
    )
    assert await _authenticates(sessions, settings, rotated.access_token)
    # A token of the right customer with a stale epoch is refused.
    stale = create_access_token(settings, alice.id, token_epoch=1).token
    assert not await _authenticates(sessions, settings, stale)


async def test_customer_delete_refuses_every_token_issued_before(
    sessions: Sessions, settings: Settings, alice: CustomerRow, db: asyncpg.Connection
) -> None:
    pair = await _login(sessions, settings, "alice")
    api_token = await _api_token(sessions, alice)
    async with transaction(sessions) as session:
        await delete_customer(session, alice.viewer(), alice.id)
    assert await db.fetchval("SELECT token_epoch FROM customers WHERE id = $1", alice.id) == 1
    assert not await _authenticates(sessions, settings, pair.access_token)
    assert not await _authenticates(sessions, settings, api_token)
    # Even were the row brought back to life by hand, the old tokens stay dead.
    await db.execute(
        "UPDATE customers SET status = 'active', deleted_at = NULL WHERE id = $1", alice.id
    )
    assert not await _authenticates(sessions, settings, pair.access_token)
    assert not await _authenticates(sessions, settings, api_token)


async def test_api_token_create_racing_a_suspension_never_survives_the_reactivation(
    sessions: Sessions, settings: Settings, root_and_alice: RootAndAlice
) -> None:
    admin, alice = root_and_alice
    survivors = []
    for _ in range(5):
        created, _suspended = await asyncio.gather(
            _api_token(sessions, alice),
            _set_status(sessions, admin, alice, "suspended"),
            return_exceptions=True,
        )
        await _set_status(sessions, admin, alice, "active")
        if isinstance(created, str) and await _authenticates(sessions, settings, created):
            survivors.append(created)
    assert survivors == []


async def test_token_refresh_racing_a_suspension_never_survives_the_reactivation(
    sessions: Sessions, settings: Settings, root_and_alice: RootAndAlice
) -> None:
    admin, alice = root_and_alice
    survivors = []
    for _ in range(5):
        pair = await _login(sessions, settings, "alice")
        rotated, _suspended = await asyncio.gather(
            accounts_auth.refresh(
                sessions, settings, refresh_token=pair.refresh_token, request_meta=META
            ),
            _set_status(sessions, admin, alice, "suspended"),
            return_exceptions=True,
        )
        await _set_status(sessions, admin, alice, "active")
        if isinstance(rotated, accounts_auth.TokenPair):
            if await _authenticates(sessions, settings, rotated.access_token):
                survivors.append("access")
            try:
                await accounts_auth.refresh(
                    sessions, settings, refresh_token=rotated.refresh_token, request_meta=META
                )
                survivors.append("refresh")
            except DomainError:
                pass
    assert survivors == []


# --- over HTTP, through the real app and its auth middleware -----------------------------------

LOGIN = """
mutation L($login: String!, $password: String!) {
  login(input: { login: $login, password: $password }) { accessToken errors { code message } }
}
"""
SUSPEND = (
    "mutation S($id: Int!) { customerSuspend(input: { customerId: $id }) { errors { code } } }"
)
ACTIVATE = (
    "mutation A($id: Int!) { customerActivate(input: { customerId: $id }) { errors { code } } }"
)
WHOAMI = "query { viewer { username } }"


async def _graphql(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any], token: str | None = None
) -> httpx.Response:
    headers = {} if token is None else {"Authorization": f"Bearer {token}"}
    return await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )


async def test_customer_suspend_then_activate_over_http_old_session_gets_401(
    client: httpx.AsyncClient, settings: Settings, root_and_alice: RootAndAlice
) -> None:
    admin, alice = root_and_alice
    admin_token = create_access_token(settings, admin.id).token
    credentials = {"login": "alice", "password": PASSWORD}
    login = (await _graphql(client, LOGIN, credentials)).json()["data"]["login"]
    old = login["accessToken"]
    assert (await _graphql(client, WHOAMI, {}, old)).json() == {
        "data": {"viewer": {"username": "alice"}}
    }
    suspended = await _graphql(client, SUSPEND, {"id": alice.id}, admin_token)
    assert suspended.json()["data"]["customerSuspend"]["errors"] == []
    assert (await _graphql(client, WHOAMI, {}, old)).status_code == 401
    # Suspended: the right password answers exactly like a wrong one.
    right = (await _graphql(client, LOGIN, credentials)).json()["data"]["login"]
    wrong = (await _graphql(client, LOGIN, {**credentials, "password": "nope-nope-nope"})).json()
    assert right == wrong["data"]["login"]
    assert right["errors"][0]["code"] == "INVALID_CREDENTIALS"
    activated = await _graphql(client, ACTIVATE, {"id": alice.id}, admin_token)
    assert activated.json()["data"]["customerActivate"]["errors"] == []
    refused = await _graphql(client, WHOAMI, {}, old)
    assert refused.status_code == 401
    assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    fresh = (await _graphql(client, LOGIN, credentials)).json()["data"]["login"]["accessToken"]
    assert (await _graphql(client, WHOAMI, {}, fresh)).status_code == 200
