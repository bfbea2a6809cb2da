"""Turn the credentials of a request into a Viewer: a JWT session, an API token, or anonymous.

Every authenticated request runs exactly one single-row statement (a Core SELECT by primary key
or token hash, on a pooled connection in autocommit mode, no ORM session), so a suspended or
deleted customer, a revoked API token, or a token issued before a suspension (its epoch is
older than customers.token_epoch) is refused on the very next request. With the worker's
credential cache (token_cache.py, emptied by LISTEN/NOTIFY on every change that can end a
credential) a credential seen lately costs no statement, and such a change reaches every
replica within moments instead.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import Any
from weakref import WeakKeyDictionary

import asyncpg
from sqlalchemy import DateTime, Executable, Row, Select, Table, bindparam, or_, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse

from remotegpu.auth.token_cache import CredentialCache
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
from remotegpu.db.raw import RawStatement
from remotegpu.settings import Settings

SESSION_SCOPES = frozenset({Scope.READ, Scope.WRITE})
# last_used_at is written at most this often per token, not on every request.
LAST_USED_RESOLUTION = timedelta(seconds=60)
_SCOPE_VALUES = frozenset(s.value for s in Scope)
# Plain Core tables, not the mapped classes: authentication runs on every request and needs
# neither ORM statement compilation nor ORM row handling.
_customers: Table = Customer.__table__  # type: ignore[assignment]
_api_tokens: Table = ApiToken.__table__  # type: ignore[assignment]


# Both statements are built once: per request only the parameters change (and SQLAlchemy's
# compiled cache and asyncpg's prepared statements are hit every time).
_SESSION_LOOKUP = select(
    _customers.c.username,
    _customers.c.user_type,
    _customers.c.status,
    _customers.c.deleted_at,
    _customers.c.token_epoch,
).where(_customers.c.id == bindparam("customer_id"))


def _api_token_lookup() -> Select[Any]:
    # No parameter is named after a column of api_tokens: in an UPDATE such a name would be
    # taken as a value to SET.
    tokens, customers = _api_tokens, _customers
    now = bindparam("now", type_=DateTime(timezone=True))
    # Recording the use rides along in the same statement, at most once a minute per token
    # and only for a token that authenticates: no second round trip, and (within the
    # minute) no write at all. The main SELECT sees the row as it was before the update.
    touch = (
        update(tokens)
        .where(
            tokens.c.token_hash == bindparam("presented_hash"),
            or_(
                tokens.c.last_used_at.is_(None),
                tokens.c.last_used_at <= bindparam("last_used_before"),
            ),
            tokens.c.revoked_at.is_(None),
            or_(tokens.c.expires_at.is_(None), tokens.c.expires_at > now),
            customers.c.id == tokens.c.customer_id,
            customers.c.status == "active",
            customers.c.deleted_at.is_(None),
            customers.c.token_epoch == tokens.c.token_epoch,
        )
        .values(last_used_at=now)
        .returning(tokens.c.id)
        .cte("touch")
    )
    return (
        select(
            tokens.c.id,
            tokens.c.customer_id,
            tokens.c.scopes,
            tokens.c.host_id,
            tokens.c.expires_at,
            tokens.c.revoked_at,
            tokens.c.token_epoch,
            customers.c.username,
            customers.c.user_type,
            customers.c.status,
            customers.c.deleted_at,
            customers.c.token_epoch.label("customer_epoch"),
        )
        .join_from(tokens, customers, customers.c.id == tokens.c.customer_id)
        .where(tokens.c.token_hash == bindparam("presented_hash"))
        .add_cte(touch)
    )


_API_TOKEN_LOOKUP = _api_token_lookup()
_API_TOKEN_LOOKUP_RAW = RawStatement(_API_TOKEN_LOOKUP)


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
    cache: CredentialCache | None = None,
) -> Viewer:
    """The Viewer of an HTTP request or WebSocket; ANONYMOUS when no credentials are sent.

    Raises AuthenticationError for a malformed, forged, expired or revoked token, or one whose
    customer is missing, soft-deleted or not active.
    """
    token = bearer_token(request)
    if token is None:
        return ANONYMOUS
    return await viewer_from_token(token, sessions, settings, cache)


async def viewer_from_token(
    token: str,
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    cache: CredentialCache | None = None,
) -> Viewer:
    """The Viewer a bearer token stands for (also for WebSocket connection params)."""
    if is_api_token(token):
        return await _viewer_from_api_token(token, sessions, cache)
    if is_refresh_token(token):
        raise AuthenticationError("a refresh token is not an access token; use tokenRefresh")
    try:
        claims = decode_access_token(settings, token)
    except InvalidTokenError as exc:
        raise AuthenticationError(str(exc)) from None

    async def lookup() -> tuple[Viewer, datetime | None]:
        # The JWT's own expiry is checked above on every request: the entry needs none.
        return await _viewer_from_session(sessions, claims.customer_id, claims.token_epoch), None

    # Every token of one session epoch stands for the same Viewer: one entry per customer.
    key = f"session:{claims.customer_id}:{claims.token_epoch}"
    return await _through_cache(cache, key, utcnow(), lookup)


async def _viewer_from_session(
    sessions: async_sessionmaker[AsyncSession], customer_id: int, token_epoch: int
) -> Viewer:
    row = await _one_row(sessions, _SESSION_LOOKUP, {"customer_id": customer_id})
    if row is None or row.deleted_at is not None or row.status != "active":
        raise AuthenticationError("account is not active")
    if row.token_epoch != token_epoch:
        # Issued before a suspension or deletion: dead for good, reactivated account or not.
        raise AuthenticationError("access token revoked; log in again")
    return Viewer(
        customer_id=customer_id,
        username=row.username,
        user_type=row.user_type,
        scopes=SESSION_SCOPES,
    )


async def _viewer_from_api_token(
    token: str, sessions: async_sessionmaker[AsyncSession], cache: CredentialCache | None
) -> Viewer:
    presented, now = _presented_hash(token), utcnow()

    async def lookup() -> tuple[Viewer, datetime | None]:
        row = await _one_row(sessions, _API_TOKEN_LOOKUP, _lookup_params(presented, now))
        found = None if row is None else row._mapping
        return _viewer_from_token_row(found, now), None if found is None else found["expires_at"]

    return await _through_cache(cache, presented, now, lookup)


async def _through_cache(
    cache: CredentialCache | None,
    key: str,
    now: datetime,
    lookup: Callable[[], Awaitable[tuple[Viewer, datetime | None]]],
) -> Viewer:
    """The cached Viewer of `key`, else `lookup`'s (stored unless a credential changed while it
    ran); a refusal (AuthenticationError) is never stored."""
    if cache is None:
        return (await lookup())[0]
    cached = cache.get(key, now)
    if cached is not None:
        return cached
    generation = cache.generation
    viewer, expires_at = await lookup()
    cache.put(key, viewer, expires_at, generation)
    return viewer


async def viewer_from_api_token_on(
    conn: asyncpg.Connection | asyncpg.Pool, token: str, cache: CredentialCache | None = None
) -> Viewer:
    """The Viewer of an API token, looked up on a plain asyncpg connection (the host agents'
    routes): the same statement and the same checks as for /graphql, a fraction of the CPU.
    With a cache, an agent token seen lately is answered from it (see token_cache.py)."""
    presented, now = _presented_hash(token), utcnow()
    if cache is not None:
        cached = cache.get(presented, now)
        if cached is not None:
            return cached
        generation = cache.generation
    row = await conn.fetchrow(
        _API_TOKEN_LOOKUP_RAW.sql, *_API_TOKEN_LOOKUP_RAW.args(**_lookup_params(presented, now))
    )
    viewer = _viewer_from_token_row(row, now)
    if cache is not None and viewer.is_agent:
        cache.put(presented, viewer, row["expires_at"], generation)
    return viewer


def _presented_hash(token: str) -> str:
    try:
        parse_api_token(token)
    except InvalidTokenError as exc:
        raise AuthenticationError(str(exc)) from None
    return token_hash(token)


def _lookup_params(presented_hash: str, now: datetime) -> dict[str, Any]:
    return {
        "presented_hash": presented_hash,
        "now": now,
        "last_used_before": now - LAST_USED_RESOLUTION,
    }


def _viewer_from_token_row(row: Mapping[Any, Any] | None, now: datetime) -> Viewer:
    if row is None:
        raise AuthenticationError("invalid API token")
    if row["revoked_at"] is not None or row["token_epoch"] != row["customer_epoch"]:
        raise AuthenticationError("API token revoked")
    if row["expires_at"] is not None and row["expires_at"] <= now:
        raise AuthenticationError("API token expired")
    if row["deleted_at"] is not None or row["status"] != "active":
        raise AuthenticationError("account is not active")
    scopes = frozenset(Scope(s) for s in row["scopes"] if s in _SCOPE_VALUES)
    return Viewer(
        customer_id=row["customer_id"],
        username=row["username"],
        user_type=row["user_type"],
        scopes=scopes,
        agent_host_id=row["host_id"] if Scope.AGENT in scopes else None,
        token_id=row["id"],
    )


async def _one_row(
    sessions: async_sessionmaker[AsyncSession], stmt: Executable, params: dict[str, Any]
) -> Row[Any] | None:
    """Run one statement on a bare pooled connection in autocommit mode.

    No Session (no identity map, no ORM row processing) and no BEGIN/COMMIT around it: the
    statement is the request's only round trip for authentication (issue 9).
    """
    async with _autocommit_engine(sessions).connect() as conn:
        return (await conn.execute(stmt, params)).one_or_none()


def _autocommit_engine(sessions: async_sessionmaker[AsyncSession]) -> AsyncEngine:
    """The engine the application's session factory is bound to, in autocommit mode: a view
    sharing its pool (authentication opens no pool of its own), made once per engine."""
    bind = sessions.kw.get("bind")
    if not isinstance(bind, AsyncEngine):
        raise TypeError("the session factory must be bound to an AsyncEngine")
    view = _AUTOCOMMIT_VIEWS.get(bind)
    if view is None:
        view = _AUTOCOMMIT_VIEWS[bind] = bind.execution_options(isolation_level="AUTOCOMMIT")
    return view


_AUTOCOMMIT_VIEWS: WeakKeyDictionary[AsyncEngine, AsyncEngine] = WeakKeyDictionary()
