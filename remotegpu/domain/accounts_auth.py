"""Sessions: login, token refresh, logout, and ending every session of a customer.

API tokens and the first admin are in identity.py.

`login` and `refresh` take the session factory rather than a session: a refused login must
still commit its audit row, and a reused refresh token must commit the revocation of its
family, although the operation itself fails. Everything else works inside the caller's
transaction, like every other domain function.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.auth.passwords import dummy_verify, verify_password
from remotegpu.auth.tokens import (
    InvalidTokenError,
    RefreshTokenReusedError,
    create_access_token,
    find_refresh_token,
    issue_refresh_token,
    lock_token_owner,
    refresh_token_owner,
    revoke_customer_refresh_tokens,
    revoke_refresh_family,
    rotate_refresh_token,
    utcnow,
)
from remotegpu.auth.viewer import ANONYMOUS, Scope, Viewer
from remotegpu.db.engine import transaction
from remotegpu.db.models import ApiToken, Customer
from remotegpu.domain.audit import RequestMeta, record_audit, record_audit_separately
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.events import announce_access_revoked
from remotegpu.domain.permissions import require_scope
from remotegpu.settings import Settings

__all__ = [
    "INVALID_CREDENTIALS_MESSAGE",
    "TokenPair",
    "login",
    "logout",
    "refresh",
    "revoke_customer_tokens",
]

INVALID_CREDENTIALS_MESSAGE = "invalid login or password"
_MAX_LOGIN_LENGTH = 256


@dataclass(frozen=True)
class TokenPair:
    """What a login or a refresh hands to the client."""

    customer_id: int
    access_token: str
    expires_at: datetime  # of the access token
    refresh_token: str
    refresh_expires_at: datetime


@dataclass(frozen=True)
class _LoginCandidate:
    id: int
    username: str
    user_type: str | None
    status: str | None
    password_hash: str


async def _find_login_candidate(
    sessions: async_sessionmaker[AsyncSession], login_name: str
) -> _LoginCandidate | None:
    """The non-deleted customer whose username or e-mail is `login_name` (case-insensitive).

    A username match wins over an e-mail match, should the two name different customers.
    """
    if not login_name or len(login_name) > _MAX_LOGIN_LENGTH:
        return None
    key = login_name.lower()
    by_username = func.lower(Customer.username) == key
    stmt = (
        select(
            Customer.id,
            Customer.username,
            Customer.user_type,
            Customer.status,
            Customer.password_hash,
        )
        .where(
            Customer.deleted_at.is_(None),
            or_(by_username, func.lower(Customer.email) == key),
        )
        .order_by(by_username.desc())
        .limit(1)
    )
    async with sessions() as session:
        row = (await session.execute(stmt)).one_or_none()
    if row is None:
        return None
    return _LoginCandidate(row.id, row.username, row.user_type, row.status, row.password_hash)


async def login(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    *,
    login: str,
    password: str,
    request_meta: RequestMeta,
) -> TokenPair:
    """Username or e-mail plus password -> access and refresh token; every attempt is audited.

    Unknown login, wrong password and an account that is not active (suspended, deleted) fail
    alike: INVALID_CREDENTIALS, same message, same Argon2 work. Answering a suspended account
    differently would tell whoever guesses that the password is right; the audit row says why.
    """
    login_name = login.strip()
    candidate = await _find_login_candidate(sessions, login_name)
    failure: DomainError | None = None
    audit_note: str | None = None
    new_hash: str | None = None
    if candidate is None:
        await dummy_verify(password)
        failure = DomainError(ErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS_MESSAGE)
        audit_note = "unknown login"
    else:
        # Verified whatever the status, so a suspended account costs the same time.
        check = await verify_password(candidate.password_hash, password)
        new_hash = check.new_hash
        if not check.ok:
            failure = DomainError(ErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS_MESSAGE)
            audit_note = "wrong password"
        elif candidate.status != "active":
            failure = DomainError(ErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS_MESSAGE)
            audit_note = f"account {candidate.status}"

    if failure is None and candidate is not None:
        pair = await _open_session(sessions, settings, candidate, new_hash, request_meta)
        if pair is not None:
            return pair
        # Suspended or deleted between the look-up and now.
        failure = DomainError(ErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS_MESSAGE)
        audit_note = "account changed during login"

    assert failure is not None
    await record_audit_separately(
        sessions,
        viewer=ANONYMOUS,
        action="login",
        resource_type="customer",
        resource_id=str(candidate.id) if candidate else None,
        request_meta=request_meta,
        status_code=401,
        error_message=audit_note,
        username=candidate.username if candidate else login_name,
        customer_id=candidate.id if candidate else None,
    )
    raise failure


async def _open_session(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    candidate: _LoginCandidate,
    new_hash: str | None,
    request_meta: RequestMeta,
) -> TokenPair | None:
    """Record the login and issue tokens; None if the account stopped being active meanwhile."""
    now = utcnow()
    values: dict[str, object] = {"last_login_at": now}
    if new_hash is not None:
        values["password_hash"] = new_hash
    async with transaction(sessions) as session:
        # The row lock this UPDATE takes orders the login with any suspension: the epoch it
        # returns is current until this transaction commits.
        epoch = (
            await session.execute(
                update(Customer)
                .where(
                    Customer.id == candidate.id,
                    Customer.deleted_at.is_(None),
                    Customer.status == "active",
                )
                .values(**values)
                .returning(Customer.token_epoch)
            )
        ).scalar_one_or_none()
        if epoch is None:
            return None
        refresh_token = await issue_refresh_token(session, settings, candidate.id, now=now)
        access = create_access_token(settings, candidate.id, token_epoch=epoch, now=now)
        viewer = Viewer(
            customer_id=candidate.id, username=candidate.username, user_type=candidate.user_type
        )
        await record_audit(
            session,
            viewer=viewer,
            action="login",
            resource_type="customer",
            resource_id=str(candidate.id),
            request_meta=request_meta,
            status_code=200,
        )
    return TokenPair(
        customer_id=candidate.id,
        access_token=access.token,
        expires_at=access.expires_at,
        refresh_token=refresh_token.token,
        refresh_expires_at=refresh_token.expires_at,
    )


async def refresh(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    *,
    refresh_token: str,
    request_meta: RequestMeta,
) -> TokenPair:
    """Rotate a refresh token: the presented one becomes used, a new pair is issued.

    A refresh token presented a second time revokes every token of its login (the newest
    too) and is refused: one of the two holders is not the customer.
    """
    field = "refresh_token"
    now = utcnow()
    reused: RefreshTokenReusedError | None = None
    async with transaction(sessions) as session:
        # The owner first (FOR SHARE), then the token: the order a suspension locks them in.
        owner_id = await refresh_token_owner(session, refresh_token)
        account = None if owner_id is None else await lock_token_owner(session, owner_id)
        try:
            issued = await rotate_refresh_token(session, settings, refresh_token, now=now)
        except RefreshTokenReusedError as exc:
            reused = exc  # fall out of the block: the family revocation commits
        except InvalidTokenError as exc:
            raise DomainError(ErrorCode.INVALID_TOKEN, str(exc), field) from None
        else:
            if account is None or account.deleted_at is not None or account.status == "deleted":
                raise DomainError(ErrorCode.INVALID_TOKEN, "this account no longer exists", field)
            if account.status != "active":
                raise DomainError(ErrorCode.FORBIDDEN, "this account is suspended", field)
            access = create_access_token(
                settings, issued.customer_id, token_epoch=account.token_epoch, now=now
            )
            return TokenPair(
                customer_id=issued.customer_id,
                access_token=access.token,
                expires_at=access.expires_at,
                refresh_token=issued.token,
                refresh_expires_at=issued.expires_at,
            )
    await record_audit_separately(
        sessions,
        viewer=ANONYMOUS,
        action="token_refresh",
        resource_type="refresh_token_family",
        resource_id=str(reused.family_id),
        request_meta=request_meta,
        status_code=401,
        error_message="refresh token reused; every token of the session revoked",
        customer_id=reused.customer_id,
    )
    raise DomainError(ErrorCode.INVALID_TOKEN, str(reused), field)


async def logout(
    session: AsyncSession,
    *,
    viewer: Viewer,
    refresh_token: str | None,
    request_meta: RequestMeta,
) -> int:
    """Revoke the session of `refresh_token` (its whole family), or, without one, every
    session of the viewer. Returns the number of refresh tokens revoked.

    Holding the refresh token is enough to end its session (the access token may already
    have expired). Access tokens already issued stay valid until they expire (minutes).
    """
    now = utcnow()
    if refresh_token is not None:
        row = await find_refresh_token(session, refresh_token)
        if row is None or (
            viewer.customer_id is not None and row.customer_id != viewer.customer_id
        ):
            raise DomainError(ErrorCode.INVALID_TOKEN, "invalid refresh token", "refresh_token")
        count = await revoke_refresh_family(session, row.family_id, reason="logout", now=now)
        customer_id = row.customer_id
    else:
        customer_id = require_scope(viewer, Scope.WRITE)
        count = await revoke_customer_refresh_tokens(session, customer_id, reason="logout", now=now)
    await record_audit(
        session,
        viewer=viewer,
        action="logout",
        resource_type="customer",
        resource_id=str(customer_id),
        request_meta=request_meta,
        status_code=200,
        customer_id=customer_id,
    )
    return count


async def revoke_customer_tokens(
    session: AsyncSession, customer_id: int, *, reason: str = "account"
) -> None:
    """End every session of a customer for good (suspension, soft delete); the caller holds
    the customer row locked.

    Bumping customers.token_epoch kills every access token and API token issued so far, even
    after a reactivation (authentication compares epochs). Refresh and API tokens are also
    marked revoked, so listings say so and a refresh token cannot mint new access tokens.
    """
    now = utcnow()
    await session.execute(
        update(Customer)
        .where(Customer.id == customer_id)
        .values(token_epoch=Customer.token_epoch + 1)
    )
    await revoke_customer_refresh_tokens(session, customer_id, reason=reason, now=now)
    await session.execute(
        update(ApiToken)
        .where(ApiToken.customer_id == customer_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    # Open GraphQL subscriptions authenticated before this are closed when it commits.
    await announce_access_revoked(session, customer_id, None, reason)
