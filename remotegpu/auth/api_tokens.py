"""API tokens: create (plaintext shown once), revoke, list. Rules of `apiTokenCreate/Revoke`.

Work inside the caller's transaction; expected failures raise DomainError.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.permissions import require_scope
from remotegpu.auth.tokens import generate_api_token, lock_token_owner, utcnow
from remotegpu.auth.viewer import Scope, Viewer
from remotegpu.db.models import ApiToken, Host
from remotegpu.domain.audit import RequestMeta, record_audit
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.events import announce_access_revoked

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
            ErrorCode.INVALID_INPUT, "scopes are read, write and agent", ["input", "scopes"]
        ) from None
    if not parsed:
        raise DomainError(ErrorCode.INVALID_INPUT, "give at least one scope", ["input", "scopes"])
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
            ["input", "name"],
        )
    granted = _parse_scopes(scopes)
    if Scope.AGENT in granted:
        if granted != {Scope.AGENT}:
            raise DomainError(
                ErrorCode.INVALID_INPUT,
                "an agent token carries the agent scope only",
                ["input", "scopes"],
            )
        if not viewer.is_admin:
            raise DomainError(
                ErrorCode.FORBIDDEN, "only platform admins create agent tokens", ["input", "scopes"]
            )
        if not host_id:
            raise DomainError(
                ErrorCode.INVALID_INPUT, "an agent token needs a host", ["input", "hostId"]
            )
        exists = (
            await session.execute(select(Host.id).where(Host.id == host_id))
        ).scalar_one_or_none()
        if exists is None:
            raise DomainError(ErrorCode.NOT_FOUND, "no such host", ["input", "hostId"])
    else:
        if host_id is not None:
            raise DomainError(
                ErrorCode.INVALID_INPUT,
                "only agent tokens are bound to a host",
                ["input", "hostId"],
            )
        if not granted <= viewer.scopes:
            raise DomainError(
                ErrorCode.FORBIDDEN,
                "a token cannot grant scopes its creator does not have",
                ["input", "scopes"],
            )
    if expires_at is not None:
        expires_at = _as_utc(expires_at)
        if expires_at <= now:
            raise DomainError(
                ErrorCode.INVALID_INPUT, "expiresAt must be in the future", ["input", "expiresAt"]
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
        raise DomainError(ErrorCode.NOT_FOUND, "no such API token", ["input", "rowId"])
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
