"""viewer_from_request: JWT sessions, API tokens, anonymous, and every way to be refused."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta

import asyncpg
import httpx
import jwt
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from remotegpu.auth.authenticate import (
    AuthenticationError,
    unauthenticated_response,
    viewer_from_request,
)
from remotegpu.auth.tokens import create_access_token
from remotegpu.auth.viewer import ANONYMOUS, Scope
from remotegpu.db.engine import transaction
from remotegpu.domain import accounts_auth, identity
from remotegpu.settings import Settings
from tests.auth.conftest import (
    META,
    PASSWORD,
    CustomerRow,
    MakeCustomer,
    MakeHost,
    Sessions,
    http_request,
    make_api_token,
)

OTHER_KEY = "another-secret-that-is-long-enough-0123456789"


async def _viewer(sessions: Sessions, settings: Settings, authorization: str | None) -> object:
    return await viewer_from_request(http_request(authorization), sessions, settings)


async def _refused(
    sessions: Sessions, settings: Settings, authorization: str
) -> AuthenticationError:
    with pytest.raises(AuthenticationError) as excinfo:
        await viewer_from_request(http_request(authorization), sessions, settings)
    assert excinfo.value.message
    return excinfo.value


# --- no credentials, bad headers ------------------------------------------------------------


async def test_no_authorization_header_is_anonymous(sessions: Sessions, settings: Settings) -> None:
    assert await _viewer(sessions, settings, None) is ANONYMOUS


@pytest.mark.parametrize(
    "header", ["Basic dXNlcjpwYXNz", "Bearer", "Bearer   ", "Token abc", "garbage"]
)
async def test_malformed_authorization_header_is_refused(
    sessions: Sessions, settings: Settings, header: str
) -> None:
    await _refused(sessions, settings, header)


async def test_bearer_scheme_is_case_insensitive(
    sessions: Sessions, settings: Settings, alice_session: AliceSession
) -> None:
    alice_id, token = alice_session
    viewer = await _viewer(sessions, settings, f"bearer {token}")
    assert getattr(viewer, "customer_id", None) == alice_id


# A customer (alice): her id and an access token of hers.
AliceSession = tuple[int, str]


@pytest.fixture
async def alice_session(settings: Settings, alice: CustomerRow) -> AliceSession:
    return alice.id, create_access_token(settings, alice.id).token


# --- JWT sessions ---------------------------------------------------------------------------


async def test_access_token_gives_a_read_write_viewer(
    sessions: Sessions, settings: Settings, make_customer: MakeCustomer
) -> None:
    admin = await make_customer("root", user_type="admin")
    pair = await accounts_auth.login(
        sessions, settings, login="root", password=PASSWORD, request_meta=META
    )
    viewer = await viewer_from_request(
        http_request(f"Bearer {pair.access_token}"), sessions, settings
    )
    assert viewer.customer_id == admin.id
    assert viewer.username == "root"
    assert viewer.is_admin
    assert viewer.scopes == {Scope.READ, Scope.WRITE}
    assert viewer.agent_host_id is None
    assert viewer.token_id is None


async def test_access_token_of_suspended_customer_stops_working_at_once(
    sessions: Sessions, settings: Settings, alice_session: AliceSession, db: asyncpg.Connection
) -> None:
    alice_id, token = alice_session
    await viewer_from_request(http_request(f"Bearer {token}"), sessions, settings)
    await db.execute("UPDATE customers SET status = 'suspended' WHERE id = $1", alice_id)
    await _refused(sessions, settings, f"Bearer {token}")


async def test_access_token_of_soft_deleted_customer_stops_working_at_once(
    sessions: Sessions, settings: Settings, alice_session: AliceSession, db: asyncpg.Connection
) -> None:
    alice_id, token = alice_session
    await db.execute("UPDATE customers SET deleted_at = NOW() WHERE id = $1", alice_id)
    await _refused(sessions, settings, f"Bearer {token}")


async def test_access_token_of_missing_customer_is_refused(
    sessions: Sessions, settings: Settings
) -> None:
    token = create_access_token(settings, 999_999).token
    await _refused(sessions, settings, f"Bearer {token}")


async def test_access_token_expired_is_refused(
    sessions: Sessions, settings: Settings, alice: CustomerRow
) -> None:
    token = create_access_token(
        settings, alice.id, now=datetime.now(UTC) - timedelta(hours=2)
    ).token
    error = await _refused(sessions, settings, f"Bearer {token}")
    assert "expired" in error.message


async def test_access_token_tampered_signature_is_refused(
    sessions: Sessions, settings: Settings, alice_session: AliceSession
) -> None:
    head, body, signature = alice_session[1].split(".")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    await _refused(sessions, settings, f"Bearer {head}.{body}.{flipped}")


async def test_access_token_alg_none_is_refused(
    sessions: Sessions, settings: Settings, alice_session: AliceSession
) -> None:
    real = jwt.decode(alice_session[1], options={"verify_signature": False})

    def b64(value: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    forged = f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(real)}."
    await _refused(sessions, settings, f"Bearer {forged}")


async def test_access_token_signed_with_another_key_is_refused(
    sessions: Sessions, settings: Settings, alice_session: AliceSession
) -> None:
    claims = jwt.decode(alice_session[1], options={"verify_signature": False})
    forged = jwt.encode(claims, OTHER_KEY, algorithm="HS256")
    await _refused(sessions, settings, f"Bearer {forged}")


async def test_refresh_token_is_not_a_bearer_token(
    sessions: Sessions, settings: Settings, make_customer: MakeCustomer
) -> None:
    await make_customer("alice")
    pair = await accounts_auth.login(
        sessions, settings, login="alice", password=PASSWORD, request_meta=META
    )
    await _refused(sessions, settings, f"Bearer {pair.refresh_token}")


# --- API tokens -----------------------------------------------------------------------------


async def test_api_token_gives_a_viewer_with_its_scopes(
    sessions: Sessions, settings: Settings, alice: CustomerRow
) -> None:
    created = await make_api_token(sessions, alice, scopes=("read",))
    viewer = await viewer_from_request(
        http_request(f"Bearer {created.plaintext}"), sessions, settings
    )
    assert viewer.customer_id == alice.id
    assert viewer.username == "alice"
    assert viewer.scopes == {Scope.READ}
    assert viewer.token_id == created.token.id
    assert viewer.agent_host_id is None


async def test_api_token_revoked_is_refused_on_the_next_request(
    sessions: Sessions, settings: Settings, alice: CustomerRow
) -> None:
    created = await make_api_token(sessions, alice)
    await viewer_from_request(http_request(f"Bearer {created.plaintext}"), sessions, settings)
    async with transaction(sessions) as session:
        await identity.revoke_api_token(
            session, viewer=alice.viewer(), token_id=created.token.id, request_meta=META
        )
    error = await _refused(sessions, settings, f"Bearer {created.plaintext}")
    assert "revoked" in error.message


async def test_api_token_expired_is_refused(
    sessions: Sessions, settings: Settings, alice: CustomerRow, db: asyncpg.Connection
) -> None:
    created = await make_api_token(
        sessions, alice, expires_at=datetime.now(UTC) + timedelta(hours=1)
    )
    await viewer_from_request(http_request(f"Bearer {created.plaintext}"), sessions, settings)
    await db.execute(
        "UPDATE api_tokens SET expires_at = NOW() - interval '1 second' WHERE id = $1",
        created.token.id,
    )
    error = await _refused(sessions, settings, f"Bearer {created.plaintext}")
    assert "expired" in error.message


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE customers SET status = 'suspended' WHERE id = $1",
        "UPDATE customers SET status = 'deleted', deleted_at = NOW() WHERE id = $1",
    ],
)
async def test_api_token_of_inactive_customer_is_refused(
    sessions: Sessions, settings: Settings, alice: CustomerRow, db: asyncpg.Connection, change: str
) -> None:
    created = await make_api_token(sessions, alice)
    await db.execute(change, alice.id)
    await _refused(sessions, settings, f"Bearer {created.plaintext}")


async def test_api_token_unknown_or_altered_is_refused(
    sessions: Sessions, settings: Settings, alice: CustomerRow
) -> None:
    created = await make_api_token(sessions, alice)
    altered = created.plaintext[:-1] + ("a" if created.plaintext[-1] != "a" else "b")
    await _refused(sessions, settings, f"Bearer {altered}")
    await _refused(sessions, settings, "Bearer rgp_abcdefgh_nosuchsecret")
    await _refused(sessions, settings, "Bearer rgp_malformed")


async def test_api_token_use_sets_last_used_at_at_most_once_a_minute(
    sessions: Sessions, settings: Settings, alice: CustomerRow, db: asyncpg.Connection
) -> None:
    created = await make_api_token(sessions, alice)
    token_id = created.token.id
    assert await db.fetchval("SELECT last_used_at FROM api_tokens WHERE id = $1", token_id) is None
    header = f"Bearer {created.plaintext}"
    await viewer_from_request(http_request(header), sessions, settings)
    first = await db.fetchval("SELECT last_used_at FROM api_tokens WHERE id = $1", token_id)
    assert first is not None
    await viewer_from_request(http_request(header), sessions, settings)
    assert await db.fetchval("SELECT last_used_at FROM api_tokens WHERE id = $1", token_id) == (
        first
    )
    # A minute later the next request records its use again.
    await db.execute(
        "UPDATE api_tokens SET last_used_at = last_used_at - interval '61 seconds' WHERE id = $1",
        token_id,
    )
    await viewer_from_request(http_request(header), sessions, settings)
    assert await db.fetchval("SELECT last_used_at FROM api_tokens WHERE id = $1", token_id) > (
        first
    )


async def test_agent_token_is_bound_to_its_host(
    sessions: Sessions, settings: Settings, make_customer: MakeCustomer, make_host: MakeHost
) -> None:
    admin = await make_customer("root", user_type="admin")
    await make_host("host-a")
    async with transaction(sessions) as session:
        created = await identity.create_api_token(
            session,
            viewer=admin.viewer(),
            name="agent of host-a",
            scopes=["agent"],
            host_id="host-a",
            request_meta=META,
        )
    viewer = await viewer_from_request(
        http_request(f"Bearer {created.plaintext}"), sessions, settings
    )
    assert viewer.is_agent
    assert viewer.agent_host_id == "host-a"
    assert viewer.scopes == {Scope.AGENT}
    assert not viewer.can(Scope.READ)
    assert not viewer.can(Scope.WRITE)


# --- the 401 response, and the whole thing behind a tiny app ---------------------------------


def test_unauthenticated_response_is_a_graphql_shaped_401() -> None:
    response = unauthenticated_response("access token expired")
    assert response.status_code == 401
    assert json.loads(bytes(response.body)) == {
        "errors": [{"message": "access token expired", "extensions": {"code": "UNAUTHENTICATED"}}]
    }
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_http_app_answers_401_for_a_revoked_token_and_200_before(
    sessions: Sessions, settings: Settings, alice: CustomerRow
) -> None:
    created = await make_api_token(sessions, alice)

    async def whoami(request: Request) -> Response:
        try:
            viewer = await viewer_from_request(request, sessions, settings)
        except AuthenticationError as exc:
            return unauthenticated_response(exc.message)
        return JSONResponse({"customerId": viewer.customer_id})

    app = Starlette(routes=[Route("/whoami", whoami)])
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        headers = {"Authorization": f"Bearer {created.plaintext}"}
        ok = await client.get("/whoami", headers=headers)
        assert ok.status_code == 200
        assert ok.json() == {"customerId": alice.id}
        assert (await client.get("/whoami")).json() == {"customerId": None}
        async with transaction(sessions) as session:
            await identity.revoke_api_token(
                session, viewer=alice.viewer(), token_id=created.token.id, request_meta=META
            )
        refused = await client.get("/whoami", headers=headers)
        assert refused.status_code == 401
        assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
