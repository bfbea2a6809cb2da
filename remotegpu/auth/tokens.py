"""Access tokens (JWT HS256), rotating refresh tokens ("rgr_"), and API tokens ("rgp_").

Only access tokens are self-contained; refresh and API tokens are opaque random strings whose
SHA-256 is stored, so a database leak reveals no usable token.
"""

from __future__ import annotations

import hashlib
import secrets
import string
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TypeGuard

import jwt
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.models import Customer, RefreshToken
from remotegpu.settings import Settings

JWT_ALGORITHM = "HS256"
# Markers, not secrets.
ACCESS_TOKEN_TYPE = "access"  # noqa: S105
REFRESH_TOKEN_PREFIX = "rgr_"  # noqa: S105
API_TOKEN_PREFIX = "rgp_"  # noqa: S105
API_TOKEN_PREFIX_LENGTH = 8
_PREFIX_ALPHABET = string.ascii_lowercase + string.digits
EPOCH_CLAIM = "epoch"
# Access tokens whose verification a process remembers (decode_access_token).
VERIFIED_TOKENS_REMEMBERED = 4096
_REQUIRED_CLAIMS = ["sub", EPOCH_CLAIM, "iat", "exp", "iss", "jti"]
# Column ranges: customers.id is BIGINT, customers.token_epoch INTEGER.
INT64_MAX = 2**63 - 1
INT32_MAX = 2**31 - 1


class InvalidTokenError(Exception):
    """A presented token is malformed, forged, expired, revoked or unknown; `str()` says which."""


def utcnow() -> datetime:
    return datetime.now(UTC)


def token_hash(token: str) -> str:
    """SHA-256 hex of a refresh or API token: what the database stores and looks up."""
    return hashlib.sha256(token.encode()).hexdigest()


# --- access tokens ---------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuedAccessToken:
    token: str
    expires_at: datetime
    jti: str


@dataclass(frozen=True)
class AccessClaims:
    customer_id: int
    token_epoch: int  # customers.token_epoch when issued: refused once the customer's moved on
    jti: str


def create_access_token(
    settings: Settings, customer_id: int, *, token_epoch: int = 0, now: datetime | None = None
) -> IssuedAccessToken:
    """A signed access token; `token_epoch` is the customer's current customers.token_epoch."""
    now = now or utcnow()
    expires_at = now + timedelta(seconds=settings.access_token_ttl_seconds)
    jti = uuid.uuid4().hex
    claims = {
        "sub": str(customer_id),
        EPOCH_CLAIM: token_epoch,
        "iat": int(now.timestamp()),
        "exp": int(expires_at.timestamp()),
        "iss": settings.jwt_issuer,
        "jti": jti,
        "typ": ACCESS_TOKEN_TYPE,
    }
    token = jwt.encode(claims, settings.jwt_secret, algorithm=JWT_ALGORITHM)
    return IssuedAccessToken(token=token, expires_at=expires_at.replace(microsecond=0), jti=jti)


def decode_access_token(settings: Settings, token: str) -> AccessClaims:
    """Verify signature (HS256 only: `none` and every other algorithm are refused) and claims.

    Every malformed claim is an InvalidTokenError, never another exception: a token signed
    with our key but carrying nonsense (a `sub` past int64, "²", a float epoch) is just invalid.

    Verifying costs more CPU than the rest of authenticating a cached session, and a client
    sends the same token on every request: a token verified before (this exact text, with
    this key and issuer) is remembered, and only the one check whose answer changes with time,
    its expiry, runs again. An expired one is decoded afresh, for PyJWT's own verdict.
    """
    claims, expires = _verified(settings.jwt_secret, settings.jwt_issuer, token)
    if time.time() < expires:
        return claims
    return _verify(settings.jwt_secret, settings.jwt_issuer, token)[0]


def _verify(secret: str, issuer: str, token: str) -> tuple[AccessClaims, float]:
    """The claims of a valid access token and its `exp`; InvalidTokenError otherwise."""
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[JWT_ALGORITHM],
            issuer=issuer,
            options={"require": _REQUIRED_CLAIMS},
        )
    except jwt.ExpiredSignatureError:
        raise InvalidTokenError("access token expired") from None
    except jwt.PyJWTError:
        raise InvalidTokenError("invalid access token") from None
    customer_id = _customer_id(claims.get("sub"))
    epoch = claims.get(EPOCH_CLAIM)
    if (
        claims.get("typ") != ACCESS_TOKEN_TYPE
        or customer_id is None
        or not _is_epoch(epoch)
        or not isinstance(claims.get("jti"), str)
    ):
        raise InvalidTokenError("invalid access token")
    # PyJWT has checked `exp` is a number; a token is valid while now < exp.
    verified = AccessClaims(customer_id=customer_id, token_epoch=epoch, jti=claims["jti"])
    return verified, float(claims["exp"])


# Failures raise, so they are never remembered: only tokens that verified.
_verified = lru_cache(maxsize=VERIFIED_TOKENS_REMEMBERED)(_verify)


def _customer_id(sub: object) -> int | None:
    """customers.id from a `sub` claim: the canonical decimal of a positive BIGINT, else None.

    str.isdigit() alone accepts "²" and other Unicode digits that int() then refuses.
    """
    if not isinstance(sub, str) or not sub.isascii() or not sub.isdigit():
        return None
    value = int(sub)
    if str(value) != sub or not 0 < value <= INT64_MAX:
        return None
    return value


def _is_epoch(value: object) -> TypeGuard[int]:
    # bool is an int subclass: `true` is not an epoch.
    return type(value) is int and 0 <= value <= INT32_MAX


# --- refresh tokens --------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuedRefreshToken:
    token: str  # plaintext: give it to the client, never store it
    expires_at: datetime
    row_id: int
    family_id: uuid.UUID
    customer_id: int


class RefreshTokenReusedError(InvalidTokenError):
    """An already-used refresh token came back: its whole family has just been revoked.

    The revocation is written in the caller's session, which must COMMIT it before refusing.
    """

    def __init__(self, family_id: uuid.UUID, customer_id: int) -> None:
        super().__init__("refresh token already used; the session has been revoked")
        self.family_id = family_id
        self.customer_id = customer_id


def is_refresh_token(token: str) -> bool:
    return token.startswith(REFRESH_TOKEN_PREFIX)


async def issue_refresh_token(
    session: AsyncSession,
    settings: Settings,
    customer_id: int,
    *,
    family_id: uuid.UUID | None = None,
    parent_id: int | None = None,
    now: datetime | None = None,
) -> IssuedRefreshToken:
    """Insert a new refresh token: a new family (a login) unless `family_id` is given."""
    now = now or utcnow()
    plaintext = REFRESH_TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = RefreshToken(
        customer_id=customer_id,
        token_hash=token_hash(plaintext),
        family_id=family_id or uuid.uuid4(),
        parent_id=parent_id,
        expires_at=now + timedelta(seconds=settings.refresh_token_ttl_seconds),
    )
    session.add(row)
    await session.flush()
    return IssuedRefreshToken(
        token=plaintext,
        expires_at=row.expires_at,
        row_id=row.id,
        family_id=row.family_id,
        customer_id=customer_id,
    )


async def rotate_refresh_token(
    session: AsyncSession, settings: Settings, presented: str, *, now: datetime | None = None
) -> IssuedRefreshToken:
    """Exchange a refresh token for the next one of its family (the old one becomes used).

    Raises InvalidTokenError when unknown, revoked or expired, and RefreshTokenReusedError
    (after revoking every token of the family in `session`) when it was already used.
    """
    now = now or utcnow()
    if not is_refresh_token(presented):
        raise InvalidTokenError("invalid refresh token")
    row = (
        await session.execute(
            select(RefreshToken)
            .where(RefreshToken.token_hash == token_hash(presented))
            .with_for_update()
        )
    ).scalar_one_or_none()
    if row is None:
        raise InvalidTokenError("invalid refresh token")
    if row.revoked_at is not None:
        raise InvalidTokenError("refresh token revoked")
    if row.used_at is not None:
        await revoke_refresh_family(session, row.family_id, reason="reuse", now=now)
        raise RefreshTokenReusedError(row.family_id, row.customer_id)
    if row.expires_at <= now:
        raise InvalidTokenError("refresh token expired")
    row.used_at = now
    return await issue_refresh_token(
        session,
        settings,
        row.customer_id,
        family_id=row.family_id,
        parent_id=row.id,
        now=now,
    )


@dataclass(frozen=True)
class TokenOwner:
    """What issuing a token needs to know of its customer."""

    status: str | None
    deleted_at: datetime | None
    token_epoch: int

    @property
    def is_active(self) -> bool:
        return self.deleted_at is None and self.status == "active"


async def lock_token_owner(session: AsyncSession, customer_id: int) -> TokenOwner | None:
    """The customer a token is about to be issued to, locked FOR SHARE until commit.

    Suspension and deletion lock the customer FOR UPDATE before they revoke its tokens, so one
    of the two waits for the other: either the token is issued first and then revoked with the
    rest, or the suspension is seen here. Lock the owner before any token row, in that order,
    or the two can deadlock.
    """
    row = (
        await session.execute(
            select(Customer.status, Customer.deleted_at, Customer.token_epoch)
            .where(Customer.id == customer_id)
            .with_for_update(read=True)
        )
    ).one_or_none()
    return None if row is None else TokenOwner(row.status, row.deleted_at, row.token_epoch)


async def refresh_token_owner(session: AsyncSession, presented: str) -> int | None:
    """The customer id of a refresh token, read without loading (or locking) the token row."""
    if not is_refresh_token(presented):
        return None
    stmt = select(RefreshToken.customer_id).where(RefreshToken.token_hash == token_hash(presented))
    owner: int | None = (await session.execute(stmt)).scalar_one_or_none()
    return owner


async def find_refresh_token(session: AsyncSession, presented: str) -> RefreshToken | None:
    if not is_refresh_token(presented):
        return None
    return (
        await session.execute(
            select(RefreshToken).where(RefreshToken.token_hash == token_hash(presented))
        )
    ).scalar_one_or_none()


async def revoke_refresh_family(
    session: AsyncSession, family_id: uuid.UUID, *, reason: str, now: datetime | None = None
) -> int:
    """Revoke every not yet revoked token of one session; returns how many."""
    result = await session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now or utcnow(), revoked_reason=reason)
        .returning(RefreshToken.id)
    )
    return len(result.all())


async def revoke_customer_refresh_tokens(
    session: AsyncSession, customer_id: int, *, reason: str, now: datetime | None = None
) -> int:
    """Revoke every live refresh token of a customer (logout everywhere, account closure)."""
    result = await session.execute(
        update(RefreshToken)
        .where(RefreshToken.customer_id == customer_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now or utcnow(), revoked_reason=reason)
        .returning(RefreshToken.id)
    )
    return len(result.all())


# --- API tokens ------------------------------------------------------------------------------


@dataclass(frozen=True)
class GeneratedApiToken:
    plaintext: str  # "rgp_<prefix>_<secret>": shown once, never stored
    prefix: str
    token_hash: str


def generate_api_token() -> GeneratedApiToken:
    prefix = "".join(secrets.choice(_PREFIX_ALPHABET) for _ in range(API_TOKEN_PREFIX_LENGTH))
    plaintext = f"{API_TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    return GeneratedApiToken(plaintext=plaintext, prefix=prefix, token_hash=token_hash(plaintext))


def is_api_token(token: str) -> bool:
    return token.startswith(API_TOKEN_PREFIX)


def parse_api_token(token: str) -> str:
    """The visible prefix of a well-formed API token; InvalidTokenError otherwise."""
    start = len(API_TOKEN_PREFIX)
    end = start + API_TOKEN_PREFIX_LENGTH
    prefix = token[start:end]
    if (
        not is_api_token(token)
        or len(token) <= end + 1
        or token[end] != "_"
        or len(prefix) != API_TOKEN_PREFIX_LENGTH
        or any(c not in _PREFIX_ALPHABET for c in prefix)
    ):
        raise InvalidTokenError("malformed API token")
    return prefix
