"""Root fields of the identity area: login, tokenRefresh, logout, apiTokenCreate/Revoke,
apiTokens. Expected failures come back in `errors`, never as GraphQL errors."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError

from remotegpu.context import Context
from remotegpu.db.engine import transaction
from remotegpu.domain import accounts_auth, identity
from remotegpu.domain.audit import RequestMeta, record_audit_separately, status_for
from remotegpu.domain.errors import DomainError
from remotegpu.schema.errors import UserError
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


def _meta(info: Info) -> RequestMeta:
    return RequestMeta.from_request(info.context.request)


async def _audit_failure(
    info: Info, error: DomainError, *, action: str, resource_id: str | None
) -> None:
    """A failed mutation rolled back; its audit row commits on its own."""
    await record_audit_separately(
        info.context.sessions,
        viewer=info.context.viewer,
        action=action,
        resource_type="api_token",
        resource_id=resource_id,
        request_meta=_meta(info),
        status_code=status_for(error.code),
        error_message=error.message,
    )


@strawberry.type
class AuthMutation:
    @strawberry.mutation(
        description="Log in with a username or e-mail and a password: get a token pair."
    )
    async def login(self, info: Info, input: LoginInput) -> LoginPayload:
        try:
            pair = await accounts_auth.login(
                info.context.sessions,
                info.context.settings,
                login=input.login,
                password=input.password,
                request_meta=_meta(info),
            )
        except DomainError as error:
            return LoginPayload(errors=[UserError.from_domain(error)])
        return LoginPayload(
            access_token=pair.access_token,
            refresh_token=pair.refresh_token,
            expires_at=pair.expires_at,
            refresh_expires_at=pair.refresh_expires_at,
        )

    @strawberry.mutation(
        description=(
            "Exchange a refresh token for a new token pair. Each refresh token works once; "
            "presenting a spent one ends the whole session."
        )
    )
    async def token_refresh(self, info: Info, input: TokenRefreshInput) -> TokenRefreshPayload:
        try:
            pair = await accounts_auth.refresh(
                info.context.sessions,
                info.context.settings,
                refresh_token=input.refresh_token,
                request_meta=_meta(info),
            )
        except DomainError as error:
            return TokenRefreshPayload(errors=[UserError.from_domain(error)])
        return TokenRefreshPayload(
            access_token=pair.access_token,
            refresh_token=pair.refresh_token,
            expires_at=pair.expires_at,
            refresh_expires_at=pair.refresh_expires_at,
        )

    @strawberry.mutation(
        description=(
            "End the session of a refresh token, or every session of the viewer. Access "
            "tokens already issued stay valid until they expire."
        )
    )
    async def logout(self, info: Info, input: LogoutInput) -> LogoutPayload:
        try:
            async with transaction(info.context.sessions) as session:
                count = await accounts_auth.logout(
                    session,
                    viewer=info.context.viewer,
                    refresh_token=input.refresh_token,
                    request_meta=_meta(info),
                )
        except DomainError as error:
            return LogoutPayload(errors=[UserError.from_domain(error)])
        return LogoutPayload(revoked_count=count)

    @strawberry.mutation(
        description=(
            "Create an API token of the viewer (needs the write scope; AGENT tokens need a "
            "platform admin). The secret is in the payload, once."
        )
    )
    async def api_token_create(
        self, info: Info, input: ApiTokenCreateInput
    ) -> ApiTokenCreatePayload:
        try:
            async with transaction(info.context.sessions) as session:
                created = await identity.create_api_token(
                    session,
                    viewer=info.context.viewer,
                    name=input.name,
                    scopes=[s.value for s in input.scopes],
                    host_id=input.host_id,
                    expires_at=input.expires_at,
                    request_meta=_meta(info),
                )
        except DomainError as error:
            await _audit_failure(info, error, action="create", resource_id=None)
            return ApiTokenCreatePayload(errors=[UserError.from_domain(error)])
        return ApiTokenCreatePayload(
            api_token=ApiToken.from_row(created.token), token=created.plaintext
        )

    @strawberry.mutation(
        description="Revoke an API token (the viewer's own; admins any). Takes effect at once."
    )
    async def api_token_revoke(
        self, info: Info, input: ApiTokenRevokeInput
    ) -> ApiTokenRevokePayload:
        try:
            async with transaction(info.context.sessions) as session:
                row = await identity.revoke_api_token(
                    session,
                    viewer=info.context.viewer,
                    token_id=input.row_id,
                    request_meta=_meta(info),
                )
        except DomainError as error:
            await _audit_failure(info, error, action="revoke", resource_id=str(input.row_id))
            return ApiTokenRevokePayload(errors=[UserError.from_domain(error)])
        return ApiTokenRevokePayload(api_token=ApiToken.from_row(row))


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
