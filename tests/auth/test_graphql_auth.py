"""The identity root fields, executed on a schema of just AuthQuery + AuthMutation."""

from __future__ import annotations

from typing import Any

import asyncpg
import pytest
import strawberry
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.auth.authenticate import viewer_from_request
from remotegpu.auth.viewer import ANONYMOUS, Viewer
from remotegpu.context import Context
from remotegpu.resolvers.auth import AuthMutation, AuthQuery
from remotegpu.settings import Settings
from tests.auth.conftest import PASSWORD, MakeCustomer, http_request
from tests.support.documents import mutation_documents

SCHEMA = strawberry.Schema(query=AuthQuery, mutation=AuthMutation)

LOGIN, REFRESH, LOGOUT, CREATE, REVOKE = mutation_documents(
    """
    login: accessToken refreshToken expiresAt refreshExpiresAt
    tokenRefresh: accessToken refreshToken
    logout: revokedCount
    apiTokenCreate: token apiToken { rowId name prefix scopes hostId expiresAt lastUsedAt revokedAt
                    createdAt }
    apiTokenRevoke: apiToken { rowId revokedAt }
    """
)
LIST = "query { apiTokens { rowId name prefix scopes } }"


class Client:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], settings: Settings) -> None:
        self.sessions = sessions
        self.settings = settings

    async def run(
        self, document: str, variables: dict[str, Any] | None = None, *, token: str | None = None
    ) -> Any:
        request = http_request(f"Bearer {token}" if token else None)
        viewer: Viewer = (
            await viewer_from_request(request, self.sessions, self.settings) if token else ANONYMOUS
        )
        context = Context(
            settings=self.settings, sessions=self.sessions, request=request, viewer=viewer
        )
        return await SCHEMA.execute(document, variable_values=variables, context_value=context)


@pytest.fixture
def client(sessions: async_sessionmaker[AsyncSession], settings: Settings) -> Client:
    return Client(sessions, settings)


@pytest.fixture
async def alice_login(client: Client, make_customer: MakeCustomer) -> dict[str, Any]:
    """alice exists and has logged in: her login payload (access and refresh tokens)."""
    await make_customer("alice")
    data = (await client.run(LOGIN, {"input": {"login": "alice", "password": PASSWORD}})).data
    login: dict[str, Any] = data["login"]
    return login


async def test_login_payload_carries_tokens(client: Client, make_customer: MakeCustomer) -> None:
    await make_customer("alice")
    result = await client.run(LOGIN, {"input": {"login": "alice", "password": PASSWORD}})
    assert result.errors is None
    payload = result.data["login"]
    assert payload["errors"] == []
    assert payload["refreshToken"].startswith("rgr_")
    assert payload["accessToken"].count(".") == 2
    assert payload["expiresAt"]
    assert payload["refreshExpiresAt"]


async def test_login_failure_is_data_not_a_graphql_error(
    client: Client, make_customer: MakeCustomer
) -> None:
    await make_customer("alice")
    result = await client.run(LOGIN, {"input": {"login": "alice", "password": "wrong one!"}})
    assert result.errors is None
    payload = result.data["login"]
    assert payload["accessToken"] is None
    assert payload["refreshToken"] is None
    assert payload["errors"] == [
        {"field": None, "code": "INVALID_CREDENTIALS", "message": "invalid login or password"}
    ]


async def test_refresh_and_logout_through_graphql(
    client: Client, alice_login: dict[str, Any]
) -> None:
    first = alice_login["refreshToken"]
    refreshed = (await client.run(REFRESH, {"input": {"refreshToken": first}})).data
    second = refreshed["tokenRefresh"]["refreshToken"]
    assert refreshed["tokenRefresh"]["errors"] == []
    assert second != first
    replay = (await client.run(REFRESH, {"input": {"refreshToken": first}})).data
    assert replay["tokenRefresh"]["errors"][0]["code"] == "INVALID_TOKEN"
    assert replay["tokenRefresh"]["errors"][0]["field"] == ["input", "refreshToken"]
    # The reuse ended the session: logging out of it revokes nothing more.
    out = (await client.run(LOGOUT, {"input": {"refreshToken": second}})).data
    assert out["logout"] == {"revokedCount": 0, "errors": []}
    anonymous_all = (await client.run(LOGOUT, {"input": {}})).data
    assert anonymous_all["logout"]["errors"][0]["code"] == "UNAUTHENTICATED"


async def test_api_token_create_list_revoke_through_graphql(
    client: Client, alice_login: dict[str, Any], db: asyncpg.Connection
) -> None:
    access = alice_login["accessToken"]
    created = await client.run(CREATE, {"input": {"name": "ci", "scopes": ["READ"]}}, token=access)
    assert created.errors is None
    payload = created.data["apiTokenCreate"]
    assert payload["errors"] == []
    plaintext = payload["token"]
    token = payload["apiToken"]
    assert plaintext.startswith(f"rgp_{token['prefix']}_")
    assert token["scopes"] == ["READ"]
    assert token["revokedAt"] is None
    # The plaintext works as a bearer token, and is never shown again.
    listed = await client.run(LIST, token=plaintext)
    assert listed.errors is None
    assert listed.data["apiTokens"] == [
        {"rowId": token["rowId"], "name": "ci", "prefix": token["prefix"], "scopes": ["READ"]}
    ]
    assert plaintext not in str(listed.data)
    # A READ token cannot revoke; the session can; the token then stops working.
    denied = await client.run(REVOKE, {"input": {"rowId": token["rowId"]}}, token=plaintext)
    assert denied.data["apiTokenRevoke"]["errors"][0]["code"] == "FORBIDDEN"
    revoked = await client.run(REVOKE, {"input": {"rowId": token["rowId"]}}, token=access)
    assert revoked.data["apiTokenRevoke"]["apiToken"]["revokedAt"] is not None
    with pytest.raises(Exception, match="revoked"):
        await client.run(LIST, token=plaintext)
    # The refused revoke was audited although it changed nothing.
    statuses = await db.fetch(
        "SELECT action, status_code FROM audit_logs WHERE resource_type = 'api_token' ORDER BY id"
    )
    assert [(r["action"], r["status_code"]) for r in statuses] == [
        ("create", 200),
        ("revoke", 403),
        ("revoke", 200),
    ]


async def test_api_token_create_anonymous_gets_unauthenticated(client: Client) -> None:
    result = await client.run(CREATE, {"input": {"name": "ci", "scopes": ["READ"]}})
    assert result.errors is None
    assert result.data["apiTokenCreate"]["errors"][0]["code"] == "UNAUTHENTICATED"


async def test_api_tokens_query_anonymous_is_an_unauthenticated_error(client: Client) -> None:
    result = await client.run(LIST)
    assert result.errors is not None
    assert result.errors[0].extensions == {"code": "UNAUTHENTICATED"}


def test_schema_never_exposes_a_hash() -> None:
    sdl = SCHEMA.as_str()
    assert "hash" not in sdl.lower()
    assert "password" in sdl  # LoginInput.password is an input, never an output field
    api_token = SCHEMA.get_type_by_name("ApiToken")
    assert api_token is not None
    assert {f.python_name for f in api_token.fields} == {  # type: ignore[union-attr]
        "row_id",
        "name",
        "prefix",
        "scopes",
        "host_id",
        "expires_at",
        "last_used_at",
        "revoked_at",
        "created_at",
    }


def test_every_identity_type_and_field_has_a_description() -> None:
    from graphql import GraphQLInputObjectType, GraphQLObjectType

    names = [
        "ApiToken", "ApiTokenScope", "LoginInput", "TokenRefreshInput", "LogoutInput",
        "ApiTokenCreateInput", "ApiTokenRevokeInput", "LoginPayload", "TokenRefreshPayload",
        "LogoutPayload", "ApiTokenCreatePayload", "ApiTokenRevokePayload",
    ]  # fmt: skip
    schema = SCHEMA._schema
    missing = []
    for name in names:
        gql_type = schema.get_type(name)
        assert gql_type is not None, name
        if not gql_type.description:
            missing.append(name)
        if isinstance(gql_type, GraphQLObjectType | GraphQLInputObjectType):
            missing += [f"{name}.{f}" for f, d in gql_type.fields.items() if not d.description]
    for root_type in (schema.query_type, schema.mutation_type):
        assert isinstance(root_type, GraphQLObjectType)
        missing += [f"{root_type}.{f}" for f, d in root_type.fields.items() if not d.description]
    assert missing == []


async def test_api_token_create_refused_audit_row_has_the_bare_message(
    client: Client, alice_login: dict[str, Any], db: asyncpg.Connection
) -> None:
    access = alice_login["accessToken"]
    refused = await client.run(CREATE, {"input": {"name": " ", "scopes": ["READ"]}}, token=access)
    error = refused.data["apiTokenCreate"]["errors"][0]
    assert (error["code"], error["field"]) == ("INVALID_INPUT", ["input", "name"])
    # The identity mutations' failure rows carry the message alone (no "CODE: " prefix).
    rows = await db.fetch(
        "SELECT action, resource_id, status_code, error_message FROM audit_logs"
        " WHERE resource_type = 'api_token'"
    )
    assert [tuple(r) for r in rows] == [("create", None, 422, error["message"])]


async def test_logout_refused_writes_no_audit_row(
    client: Client, make_customer: MakeCustomer, db: asyncpg.Connection
) -> None:
    await make_customer("alice")
    refused = await client.run(LOGOUT, {"input": {"refreshToken": "not-a-token"}})
    assert refused.data["logout"]["errors"][0]["code"] == "INVALID_TOKEN"
    assert refused.data["logout"]["revokedCount"] == 0
    assert await db.fetchval("SELECT count(*) FROM audit_logs WHERE action = 'logout'") == 0
