"""Root fields of the identity area: login, tokenRefresh, logout, apiTokenCreate/Revoke,
apiTokens. Expected failures come back in `errors`, never as GraphQL errors.

The domain writes these mutations' audit rows itself (a failed login is recorded although it
changes nothing; a token's row names the token), so they tell `mutate` which rows are left to
it (`Audit`); login and tokenRefresh run their own transactions and go through `answer`.
"""

from __future__ import annotations

import strawberry
from graphql import GraphQLError

from remotegpu.context import Context
from remotegpu.domain import accounts_auth, identity
from remotegpu.domain.audit import RequestMeta
from remotegpu.domain.errors import DomainError
from remotegpu.resolvers.mutate import answer, attribute, mutate, returned, returned_as
from remotegpu.resolvers.support import Audit
from remotegpu.schema.types.auth import (
    ApiToken,
    ApiTokenCreateInput,
    ApiTokenCreatePayload,
    ApiTokenRevokeInput,
    ApiTokenRevokePayload,
    LoginInput,
    LoginPayload,
    LogoutInput,
    LogoutPayload,
    TokenRefreshInput,
    TokenRefreshPayload,
)

Info = strawberry.Info[Context, None]

# The fields of a token pair (login, tokenRefresh), from the domain's TokenPair.
_PAIR = {
    name: attribute(name)
    for name in ("access_token", "refresh_token", "expires_at", "refresh_expires_at")
}


def _meta(info: Info) -> RequestMeta:
    return RequestMeta.from_request(info.context.request)


@strawberry.type
class AuthMutation:
    @strawberry.mutation(
        description="Log in with a username or e-mail and a password: get a token pair."
    )
    async def login(self, info: Info, input: LoginInput) -> LoginPayload:
        pair = accounts_auth.login(
            info.context.sessions,
            info.context.settings,
            login=input.login,
            password=input.password,
            request_meta=_meta(info),
        )
        return await answer(info, LoginPayload, pair, **_PAIR)

    @strawberry.mutation(
        description=(
            "Exchange a refresh token for a new token pair. Each refresh token works once; "
            "presenting a spent one ends the whole session."
        )
    )
    async def token_refresh(self, info: Info, input: TokenRefreshInput) -> TokenRefreshPayload:
        pair = accounts_auth.refresh(
            info.context.sessions,
            info.context.settings,
            refresh_token=input.refresh_token,
            request_meta=_meta(info),
        )
        return await answer(info, TokenRefreshPayload, pair, **_PAIR)

    @strawberry.mutation(
        description=(
            "End the session of a refresh token, or every session of the viewer. Access "
            "tokens already issued stay valid until they expire."
        )
    )
    async def logout(self, info: Info, input: LogoutInput) -> LogoutPayload:
        meta = _meta(info)
        # Holding the refresh token is enough (no write scope); the domain checks the rest.
        return await mutate(
            info,
            "logout",
            lambda session, viewer: accounts_auth.logout(
                session, viewer=viewer, refresh_token=input.refresh_token, request_meta=meta
            ),
            LogoutPayload,
            resource_type="customer",
            require_write=False,
            audit=Audit.DOMAIN,
            revoked_count=returned,
        )

    @strawberry.mutation(
        description=(
            "Create an API token of the viewer (needs the write scope; AGENT tokens need a "
            "platform admin). The secret is in the payload, once."
        )
    )
    async def api_token_create(
        self, info: Info, input: ApiTokenCreateInput
    ) -> ApiTokenCreatePayload:
        meta = _meta(info)
        return await mutate(
            info,
            "create",
            lambda session, viewer: identity.create_api_token(
                session,
                viewer=viewer,
                name=input.name,
                scopes=[s.value for s in input.scopes],
                host_id=input.host_id,
                expires_at=input.expires_at,
                request_meta=meta,
            ),
            ApiTokenCreatePayload,
            resource_type="api_token",
            require_write=False,  # create_api_token checks the scope
            audit=Audit.FAILURES,
            audit_id=lambda created: created.token.id,
            api_token=lambda _ctx, created: ApiToken.from_row(created.token),
            token=attribute("plaintext"),
        )

    @strawberry.mutation(
        description="Revoke an API token (the viewer's own; admins any). Takes effect at once."
    )
    async def api_token_revoke(
        self, info: Info, input: ApiTokenRevokeInput
    ) -> ApiTokenRevokePayload:
        meta = _meta(info)
        return await mutate(
            info,
            "revoke",
            lambda session, viewer: identity.revoke_api_token(
                session, viewer=viewer, token_id=input.row_id, request_meta=meta
            ),
            ApiTokenRevokePayload,
            resource_type="api_token",
            resource_id=input.row_id,
            require_write=False,  # revoke_api_token checks the scope
            audit=Audit.FAILURES,
            api_token=returned_as(ApiToken.from_row),
        )


@strawberry.type
class AuthQuery:
    @strawberry.field(description="The viewer's own API tokens, newest first.")
    async def api_tokens(self, info: Info) -> list[ApiToken]:
        try:
            async with info.context.sessions() as session:
                rows = await identity.list_api_tokens(session, viewer=info.context.viewer)
        except DomainError as error:
            raise GraphQLError(error.message, extensions={"code": error.code.value}) from None
        return [ApiToken.from_row(row) for row in rows]
