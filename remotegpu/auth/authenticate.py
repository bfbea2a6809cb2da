"""Turn the credentials of a request into a Viewer: a JWT session, an API token, or anonymous.

Every authenticated request reads the database (one indexed query), so a suspended or deleted
customer, or a revoked API token, is refused on the very next request.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse

from remotegpu.auth.tokens import (
    InvalidTokenError,
    decode_access_token,
    is_api_token,
    is_refresh_token,
    parse_api_token,
    token_hash,
    utcnow,
)
from remotegpu.auth.viewer import ANONYMOUS, Scope, Viewer
from remotegpu.db.models import ApiToken, Customer
from remotegpu.settings import Settings

SESSION_SCOPES = frozenset({Scope.READ, Scope.WRITE})
# last_used_at is written at most this often per token, not on every request.
LAST_USED_RESOLUTION = timedelta(seconds=60)
_SCOPE_VALUES = frozenset(s.value for s in Scope)


class AuthenticationError(Exception):
    """Credentials were presented but are not valid: the request gets HTTP 401."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def unauthenticated_response(message: str) -> JSONResponse:
    """HTTP 401 with a GraphQL-shaped body, for requests refused before GraphQL runs."""
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": "UNAUTHENTICATED"}}]},
        status_code=401,
        headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
    )


def bearer_token(connection: HTTPConnection) -> str | None:
    """The token of `Authorization: Bearer <token>`; None without the header."""
    header = connection.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "bearer":
        raise AuthenticationError("unsupported authorization scheme; use 'Bearer <token>'")
    token = token.strip()
    if not token:
        raise AuthenticationError("empty bearer token")
    return token


async def viewer_from_request(
    request: HTTPConnection,
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> Viewer:
    """The Viewer of an HTTP request or WebSocket; ANONYMOUS when no credentials are sent.

    Raises AuthenticationError for a malformed, forged, expired or revoked token, or one whose
    customer is missing, soft-deleted or not active.
    """
    token = bearer_token(request)
    if token is None:
        return ANONYMOUS
    return await viewer_from_token(token, sessions, settings)


async def viewer_from_token(
    token: str, sessions: async_sessionmaker[AsyncSession], settings: Settings
) -> Viewer:
    """The Viewer a bearer token stands for (also for WebSocket connection params)."""
    if is_api_token(token):
        return await _viewer_from_api_token(token, sessions)
    if is_refresh_token(token):
        raise AuthenticationError("a refresh token is not an access token; use tokenRefresh")
    try:
        claims = decode_access_token(settings, token)
    except InvalidTokenError as exc:
        raise AuthenticationError(str(exc)) from None
    stmt = select(
        Customer.username, Customer.user_type, Customer.status, Customer.deleted_at
    ).where(Customer.id == claims.customer_id)
    async with sessions() as session:
        row = (await session.execute(stmt)).one_or_none()
    if row is None or row.deleted_at is not None or row.status != "active":
        raise AuthenticationError("account is not active")
    return Viewer(
        customer_id=claims.customer_id,
        username=row.username,
        user_type=row.user_type,
        scopes=SESSION_SCOPES,
    )


async def _viewer_from_api_token(token: str, sessions: async_sessionmaker[AsyncSession]) -> Viewer:
    try:
        parse_api_token(token)
    except InvalidTokenError as exc:
        raise AuthenticationError(str(exc)) from None
    stmt = (
        select(
            ApiToken.id,
            ApiToken.customer_id,
            ApiToken.scopes,
            ApiToken.host_id,
            ApiToken.expires_at,
            ApiToken.last_used_at,
            ApiToken.revoked_at,
            Customer.username,
            Customer.user_type,
            Customer.status,
            Customer.deleted_at,
        )
        .join(Customer, Customer.id == ApiToken.customer_id)
        .where(ApiToken.token_hash == token_hash(token))
    )
    now = utcnow()
    async with sessions() as session:
        row = (await session.execute(stmt)).one_or_none()
        if row is None:
            raise AuthenticationError("invalid API token")
        if row.revoked_at is not None:
            raise AuthenticationError("API token revoked")
        if row.expires_at is not None and row.expires_at <= now:
            raise AuthenticationError("API token expired")
        if row.deleted_at is not None or row.status != "active":
            raise AuthenticationError("account is not active")
        if row.last_used_at is None or row.last_used_at <= now - LAST_USED_RESOLUTION:
            await _touch(session, row.id, now)
    scopes = frozenset(Scope(s) for s in row.scopes if s in _SCOPE_VALUES)
    return Viewer(
        customer_id=row.customer_id,
        username=row.username,
        user_type=row.user_type,
        scopes=scopes,
        agent_host_id=row.host_id if Scope.AGENT in scopes else None,
        token_id=row.id,
    )


async def _touch(session: AsyncSession, token_id: int, now: datetime) -> None:
    """Record use; the WHERE keeps concurrent requests from all writing within one minute."""
    await session.execute(
        update(ApiToken)
        .where(
            ApiToken.id == token_id,
            (ApiToken.last_used_at.is_(None))
            | (ApiToken.last_used_at <= now - LAST_USED_RESOLUTION),
        )
        .values(last_used_at=now)
    )
    await session.commit()
