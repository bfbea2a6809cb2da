"""Identity use cases besides sessions: accounts that are not created through `customerCreate`
(the first platform admin, `remotegpu create-admin`) and API tokens (create with the plaintext
shown once, revoke, list: the rules of `apiTokenCreate/Revoke`).

Log-in, refresh and log-out are in accounts_auth.py; `remotegpu.auth` only turns credentials
into a Viewer and never imports the domain. Work inside the caller's transaction (but
`create_admin_command`, which owns its engine); expected failures raise DomainError.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import NullPool

from remotegpu.auth.tokens import generate_api_token, lock_token_owner, utcnow
from remotegpu.auth.viewer import ANONYMOUS, Scope, Viewer
from remotegpu.db.engine import transaction
from remotegpu.db.models import ApiToken, Customer, Host
from remotegpu.db.urls import sqlalchemy_url
from remotegpu.domain.audit import SYSTEM, RequestMeta, record_audit
from remotegpu.domain.customer_inputs import NewCustomer
from remotegpu.domain.customers import create_customer
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.events import announce_access_revoked
from remotegpu.domain.permissions import require_scope

MAX_NAME_LENGTH = 128
RESOURCE_TYPE = "api_token"


@dataclass(frozen=True)
class CreatedApiToken:
    token: ApiToken  # the stored row (hash only)
    plaintext: str  # "rgp_<prefix>_<secret>": give it to the client once, never store it


def _as_utc(value: datetime) -> datetime:
    """A naive datetime from a client is taken as UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _parse_scopes(scopes: Iterable[Scope | str]) -> frozenset[Scope]:
    try:
        parsed = frozenset(Scope(s) for s in scopes)
    except ValueError:
        raise DomainError(
            ErrorCode.INVALID_INPUT, "scopes are read, write and agent", "scopes"
        ) from None
    if not parsed:
        raise DomainError(ErrorCode.INVALID_INPUT, "give at least one scope", "scopes")
    return parsed


async def create_api_token(
    session: AsyncSession,
    *,
    viewer: Viewer,
    name: str,
    scopes: Iterable[Scope | str],
    host_id: str | None = None,
    expires_at: datetime | None = None,
    request_meta: RequestMeta,
) -> CreatedApiToken:
    """A new token of the viewer. Needs the write scope; read/write tokens carry at most the
    viewer's own scopes; an agent token (scope agent alone) needs an admin and an existing host.
    """
    customer_id = require_scope(viewer, Scope.WRITE)
    now = utcnow()
    name = name.strip()
    if not name or len(name) > MAX_NAME_LENGTH:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"name must be 1 to {MAX_NAME_LENGTH} characters",
            "name",
        )
    granted = _parse_scopes(scopes)
    if Scope.AGENT in granted:
        if granted != {Scope.AGENT}:
            raise DomainError(
                ErrorCode.INVALID_INPUT,
                "an agent token carries the agent scope only",
                "scopes",
            )
        if not viewer.is_admin:
            raise DomainError(
                ErrorCode.FORBIDDEN, "only platform admins create agent tokens", "scopes"
            )
        if not host_id:
            raise DomainError(ErrorCode.INVALID_INPUT, "an agent token needs a host", "host_id")
        exists = (
            await session.execute(select(Host.id).where(Host.id == host_id))
        ).scalar_one_or_none()
        if exists is None:
            raise DomainError(ErrorCode.NOT_FOUND, "no such host", "host_id")
    else:
        if host_id is not None:
            raise DomainError(
                ErrorCode.INVALID_INPUT,
                "only agent tokens are bound to a host",
                "host_id",
            )
        if not granted <= viewer.scopes:
            raise DomainError(
                ErrorCode.FORBIDDEN,
                "a token cannot grant scopes its creator does not have",
                "scopes",
            )
    if expires_at is not None:
        expires_at = _as_utc(expires_at)
        if expires_at <= now:
            raise DomainError(
                ErrorCode.INVALID_INPUT, "expiresAt must be in the future", "expires_at"
            )

    owner = await lock_token_owner(session, customer_id)
    if owner is None or not owner.is_active:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "this account is not active")
    generated = generate_api_token()
    row = ApiToken(
        customer_id=customer_id,
        name=name,
        prefix=generated.prefix,
        token_hash=generated.token_hash,
        scopes=sorted(s.value for s in granted),
        host_id=host_id if Scope.AGENT in granted else None,
        expires_at=expires_at,
        created_at=now,
        token_epoch=owner.token_epoch,
    )
    session.add(row)
    await session.flush()
    await record_audit(
        session,
        viewer=viewer,
        action="create",
        resource_type=RESOURCE_TYPE,
        resource_id=str(row.id),
        request_meta=request_meta,
        status_code=200,
    )
    return CreatedApiToken(token=row, plaintext=generated.plaintext)


async def revoke_api_token(
    session: AsyncSession, *, viewer: Viewer, token_id: int, request_meta: RequestMeta
) -> ApiToken:
    """Revoke one token (the viewer's own; admins any). Idempotent: revoking twice is fine.

    Another customer's token is reported exactly like a missing one (NOT_FOUND).
    """
    customer_id = require_scope(viewer, Scope.WRITE)
    row = (
        await session.execute(select(ApiToken).where(ApiToken.id == token_id).with_for_update())
    ).scalar_one_or_none()
    if row is None or (row.customer_id != customer_id and not viewer.is_admin):
        raise DomainError(ErrorCode.NOT_FOUND, "no such API token", "row_id")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        await session.flush()
        await announce_access_revoked(session, row.customer_id, row.id, "token revoked")
        await record_audit(
            session,
            viewer=viewer,
            action="revoke",
            resource_type=RESOURCE_TYPE,
            resource_id=str(row.id),
            request_meta=request_meta,
            status_code=200,
        )
    return row


async def list_api_tokens(session: AsyncSession, *, viewer: Viewer) -> list[ApiToken]:
    """The viewer's own tokens, newest first, revoked and expired ones included."""
    customer_id = require_scope(viewer, Scope.READ)
    stmt = (
        select(ApiToken)
        .where(ApiToken.customer_id == customer_id)
        .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    )
    return list((await session.execute(stmt)).scalars().all())


async def create_admin(session: AsyncSession, username: str, email: str, password: str) -> Customer:
    """Create an active `admin` customer with its quota row and personal workspace.

    Raises DomainError INVALID_INPUT (bad username, e-mail or password) or CONFLICT (username
    or e-mail taken by a non-deleted customer, case-insensitively). The same rules as the
    `customerCreate` mutation (`remotegpu.domain.customers.create_customer`).
    """
    customer = await create_customer(
        session, NewCustomer(username=username, email=email, password=password, user_type="admin")
    )
    await record_audit(
        session,
        viewer=ANONYMOUS,
        action="create",
        resource_type="customer",
        resource_id=str(customer.id),
        request_meta=SYSTEM,
        status_code=200,
        username="create-admin",
    )
    return customer


async def create_admin_command(url: str, username: str, email: str, password: str) -> str:
    """`remotegpu create-admin`: create the admin in one transaction; returns a line to print.

    Raises DomainError (print its `.message`, exit non-zero) when refused.
    """
    engine = create_async_engine(sqlalchemy_url(url), poolclass=NullPool)
    try:
        sessions = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
        async with transaction(sessions) as session:
            customer = await create_admin(session, username, email, password)
        return f"created admin {customer.username} (customer id {customer.id})"
    finally:
        await engine.dispose()
