"""Accounts: create, update, suspend and activate, soft delete, password change, quota changes.

Each function works inside the caller's transaction and raises DomainError; rows whose state a
concurrent request could change between the check and the write are locked FOR UPDATE.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.passwords import check_password_policy, hash_password, verify_password
from remotegpu.auth.permissions import require_admin, require_authenticated
from remotegpu.auth.tokens import revoke_customer_refresh_tokens, utcnow
from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Customer, Environment, ResourceQuota, Workspace, WorkspaceMember
from remotegpu.domain.errors import DomainError, ErrorCode

GIB = 1024**3
TIB = 1024**4
USERNAME_PATTERN = re.compile(r"[a-z0-9._-]{3,64}")
# Deliberately loose: one @, a dot in the domain, no whitespace. Delivery proves the rest.
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
EMAIL_MAX = 128
USER_TYPES = ("admin", "internal", "external")
ACCOUNT_TYPES = ("individual", "enterprise")
QUOTA_LEVELS = ("free", "basic", "pro", "enterprise")
LIVE = ("creating", "running")
GONE = ("deleted", "deleting")  # as the quota check of environment creation counts
INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
# Column sizes of the free-text profile fields (customers table).
PROFILE_LIMITS = {
    "display_name": 128,
    "full_name": 256,
    "phone": 32,
    "company": 256,
    "avatar_url": 512,
}


@dataclass(frozen=True)
class QuotaValues:
    quota_level: str
    cpu_quota: int  # cores
    memory_quota: int  # MB
    gpu_quota: int
    storage_quota: int  # bytes
    environment_quota: int


# What a new customer gets (domain rules); admins are "unlimited": values no host reaches.
DEFAULT_QUOTAS: dict[str, QuotaValues] = {
    "external": QuotaValues("free", 4, 8192, 0, 10 * GIB, 1),
    "internal": QuotaValues("basic", 16, 32768, 2, 200 * GIB, 10),
    "admin": QuotaValues("enterprise", 4096, 16_777_216, 512, 1024 * TIB, 100),
}


@dataclass(frozen=True)
class NewCustomer:
    username: str
    email: str
    password: str
    user_type: str = "external"
    account_type: str = "individual"
    profile: dict[str, str | None] = field(default_factory=dict)  # PROFILE_LIMITS keys


@dataclass(frozen=True)
class CustomerChanges:
    """What to change; None leaves a value alone, except `profile` where None clears it."""

    profile: dict[str, str | None] = field(default_factory=dict)
    email: str | None = None
    user_type: str | None = None
    account_type: str | None = None


@dataclass(frozen=True)
class QuotaChanges:
    """New limits; None leaves a limit alone."""

    quota_level: str | None = None
    cpu_quota: int | None = None
    memory_quota: int | None = None
    gpu_quota: int | None = None
    storage_quota: int | None = None
    environment_quota: int | None = None


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _clean_username(username: str) -> str:
    # Usernames are unique case-insensitively, so one spelling is stored: lower case.
    username = username.strip().lower()
    if not USERNAME_PATTERN.fullmatch(username):
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            "username must be 3 to 64 characters of a-z, 0-9, '.', '_' and '-'",
            ["input", "username"],
        )
    return username


def _clean_email(email: str) -> str:
    email = email.strip()
    if len(email) > EMAIL_MAX or not EMAIL_PATTERN.fullmatch(email):
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"not an e-mail address (at most {EMAIL_MAX} characters)",
            ["input", "email"],
        )
    return email


def _clean_choice(value: str, allowed: tuple[str, ...], name: str) -> str:
    if value not in allowed:
        raise DomainError(
            ErrorCode.INVALID_INPUT, f"{name} must be one of {', '.join(allowed)}", ["input", name]
        )
    return value


def _clean_profile(profile: dict[str, str | None]) -> dict[str, str | None]:
    cleaned: dict[str, str | None] = {}
    for name, value in profile.items():
        limit = PROFILE_LIMITS[name]
        value = value.strip() if value is not None else None
        path = ["input", _camel(name)]
        if value is not None and len(value) > limit:
            raise DomainError(ErrorCode.INVALID_INPUT, f"at most {limit} characters", path)
        if name == "avatar_url" and value and not value.startswith(("https://", "http://")):
            raise DomainError(ErrorCode.INVALID_INPUT, "must be an http(s) URL", path)
        cleaned[name] = value or None
    return cleaned


async def _taken(session: AsyncSession, column: Any, value: str, except_id: int | None) -> bool:
    stmt = select(Customer.id).where(
        Customer.deleted_at.is_(None), func.lower(column) == value.lower()
    )
    if except_id is not None:
        stmt = stmt.where(Customer.id != except_id)
    return (await session.execute(stmt.limit(1))).first() is not None


async def _flush_unique(session: AsyncSession) -> None:
    """Flush; a unique index firing means a concurrent request took the name first."""
    try:
        await session.flush()
    except IntegrityError:
        raise DomainError(ErrorCode.CONFLICT, "username or e-mail already in use") from None


async def create_customer(session: AsyncSession, new: NewCustomer) -> Customer:
    """An active customer with its quota row and a personal workspace (no permission check:
    `customer_create` and the create-admin command check who may)."""
    username = _clean_username(new.username)
    email = _clean_email(new.email)
    user_type = _clean_choice(new.user_type, USER_TYPES, "userType")
    account_type = _clean_choice(new.account_type, ACCOUNT_TYPES, "accountType")
    profile = _clean_profile(new.profile)
    check_password_policy(new.password)
    if await _taken(session, Customer.username, username, None):
        raise DomainError(ErrorCode.CONFLICT, "username already in use", ["input", "username"])
    if await _taken(session, Customer.email, email, None):
        raise DomainError(ErrorCode.CONFLICT, "e-mail already in use", ["input", "email"])
    customer = Customer(
        username=username,
        email=email,
        password_hash=await hash_password(new.password),
        user_type=user_type,
        account_type=account_type,
        status="active",
        **profile,
    )
    session.add(customer)
    await _flush_unique(session)
    quota = DEFAULT_QUOTAS[user_type]
    session.add(ResourceQuota(user_id=customer.id, **asdict(quota)))
    workspace = Workspace(
        owner_id=customer.id,
        name=f"{username}'s workspace",
        description="Personal workspace",
        type="personal",
        member_count=1,
        status="active",
    )
    session.add(workspace)
    await session.flush()
    session.add(
        WorkspaceMember(
            workspace_id=workspace.id, customer_id=customer.id, role="owner", status="active"
        )
    )
    await session.flush()
    return customer


async def customer_create(session: AsyncSession, viewer: Viewer, new: NewCustomer) -> Customer:
    require_admin(viewer)
    return await create_customer(session, new)


async def _lock_customer(session: AsyncSession, viewer: Viewer, customer_id: int) -> Customer:
    """The customer row, locked; NOT_FOUND unless it is the viewer itself or the viewer is an
    admin (customers never change each other, so whether they could see it does not matter)."""
    me = require_authenticated(viewer)
    if not viewer.is_admin and customer_id != me:
        raise DomainError(ErrorCode.NOT_FOUND, "customer not found", ["input", "customerId"])
    row = await session.scalar(select(Customer).where(Customer.id == customer_id).with_for_update())
    if row is None or (row.deleted_at is not None and not viewer.is_admin):
        raise DomainError(ErrorCode.NOT_FOUND, "customer not found", ["input", "customerId"])
    return row


async def update_customer(
    session: AsyncSession, viewer: Viewer, customer_id: int, changes: CustomerChanges
) -> Customer:
    customer = await _lock_customer(session, viewer, customer_id)
    if customer.deleted_at is not None:
        raise DomainError(ErrorCode.INVALID_TRANSITION, "a deleted customer cannot be changed")
    if (changes.user_type is not None or changes.account_type is not None) and not (
        viewer.is_admin
    ):
        which = "userType" if changes.user_type is not None else "accountType"
        raise DomainError(
            ErrorCode.FORBIDDEN, f"only platform admins change {which}", ["input", which]
        )
    for name, value in _clean_profile(changes.profile).items():
        setattr(customer, name, value)
    if changes.email is not None:
        email = _clean_email(changes.email)
        if await _taken(session, Customer.email, email, customer.id):
            raise DomainError(ErrorCode.CONFLICT, "e-mail already in use", ["input", "email"])
        if email != customer.email:
            customer.email = email
            customer.email_verified = False
    if changes.user_type is not None:
        customer.user_type = _clean_choice(changes.user_type, USER_TYPES, "userType")
    if changes.account_type is not None:
        customer.account_type = _clean_choice(changes.account_type, ACCOUNT_TYPES, "accountType")
    customer.updated_at = utcnow()
    await _flush_unique(session)
    return customer


async def revoke_all_tokens(session: AsyncSession, customer_id: int) -> None:
    # Imported here: accounts_auth imports auth.admin, which builds on this module.
    from remotegpu.domain.accounts_auth import revoke_customer_tokens

    await revoke_customer_tokens(session, customer_id, reason="account")


async def set_customer_status(
    session: AsyncSession, viewer: Viewer, customer_id: int, status: str
) -> Customer:
    """Suspend (active -> suspended, tokens revoked) or activate (suspended -> active)."""
    require_admin(viewer)
    customer = await _lock_customer(session, viewer, customer_id)
    source = "active" if status == "suspended" else "suspended"
    if customer.status != source or customer.deleted_at is not None:
        raise DomainError(
            ErrorCode.INVALID_TRANSITION,
            f"customer is {customer.status}; only a {source} customer can become {status}",
        )
    customer.status = status
    customer.updated_at = utcnow()
    if status == "suspended":
        await revoke_all_tokens(session, customer.id)
    await session.flush()
    return customer


async def delete_customer(session: AsyncSession, viewer: Viewer, customer_id: int) -> Customer:
    """Soft delete (rows stay for billing); refused while the customer holds live environments.

    Environment creation checks the owner's status under a lock, so none can start after this.
    """
    customer = await _lock_customer(session, viewer, customer_id)
    if customer.deleted_at is not None:
        raise DomainError(ErrorCode.INVALID_TRANSITION, "customer is already deleted")
    live = await session.scalar(
        select(func.count())
        .select_from(Environment)
        .where(Environment.user_id == customer.id, Environment.status.in_(LIVE))
    )
    if live:
        raise DomainError(
            ErrorCode.IN_USE,
            f"customer has {live} live environment(s) (creating or running); stop them first",
        )
    now = utcnow()
    customer.deleted_at = now
    customer.status = "deleted"
    customer.updated_at = now
    await revoke_all_tokens(session, customer.id)
    await session.flush()
    return customer


async def change_password(
    session: AsyncSession, viewer: Viewer, current_password: str, new_password: str
) -> Customer:
    """The viewer's own password. Every refresh token is revoked, so other sessions end when
    their access token expires (an access token does not say which session it belongs to)."""
    me = require_authenticated(viewer)
    customer = await _lock_customer(session, viewer, me)
    check = await verify_password(customer.password_hash, current_password)
    if not check.ok:
        raise DomainError(
            ErrorCode.INVALID_CREDENTIALS,
            "the current password is wrong",
            ["input", "currentPassword"],
        )
    check_password_policy(new_password, ["input", "newPassword"])
    if new_password == current_password:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            "the new password must differ from the current one",
            ["input", "newPassword"],
        )
    now = utcnow()
    customer.password_hash = await hash_password(new_password)
    customer.updated_at = now
    await revoke_customer_refresh_tokens(session, customer.id, reason="password_change", now=now)
    await session.flush()
    return customer


async def _usage(session: AsyncSession, customer_id: int) -> dict[str, int]:
    """What the quota must still cover, counted as environment creation counts it: live
    environments hold CPU, memory and GPUs; every other one not deleted(-ing) counts and keeps
    its storage."""
    live = Environment.status.in_(LIVE)
    kept = Environment.status.not_in(GONE)
    row = (
        await session.execute(
            select(
                func.count().filter(kept),
                func.coalesce(func.sum(Environment.cpu).filter(live), 0),
                func.coalesce(func.sum(Environment.memory).filter(live), 0),
                func.coalesce(func.sum(Environment.gpu).filter(live), 0),
                func.coalesce(func.sum(Environment.storage).filter(kept), 0),
            ).where(Environment.user_id == customer_id)
        )
    ).one()
    n, cpu, memory, gpu, storage = (int(v) for v in row)
    return {
        "environment_quota": n,
        "cpu_quota": cpu,
        "memory_quota": memory,  # bytes; the quota is in MB
        "gpu_quota": gpu,
        "storage_quota": storage,
    }


QUOTA_UNITS = {
    "environment_quota": ("environments", "non-deleted environments"),
    "cpu_quota": ("CPU cores", "live environments hold"),
    "memory_quota": ("memory", "live environments hold"),
    "gpu_quota": ("GPUs", "live environments hold"),
    "storage_quota": ("storage", "non-deleted environments hold"),
}


async def update_quota(
    session: AsyncSession, viewer: Viewer, customer_id: int, changes: QuotaChanges
) -> ResourceQuota:
    """Admins set limits; a limit below what the customer already uses is refused."""
    require_admin(viewer)
    quota = await session.scalar(
        select(ResourceQuota).where(ResourceQuota.user_id == customer_id).with_for_update()
    )
    if quota is None:
        raise DomainError(ErrorCode.NOT_FOUND, "customer not found", ["input", "customerId"])
    if changes.quota_level is not None:
        quota.quota_level = _clean_choice(changes.quota_level, QUOTA_LEVELS, "quotaLevel")
    usage = await _usage(session, customer_id)
    for name, (what, held_by) in QUOTA_UNITS.items():
        value: int | None = getattr(changes, name)
        if value is None:
            continue
        path = ["input", _camel(name)]
        top = INT64_MAX if name == "storage_quota" else INT32_MAX
        if not 0 <= value <= top:
            raise DomainError(ErrorCode.INVALID_INPUT, f"must be between 0 and {top}", path)
        used = usage[name]
        limit = value * 1024 * 1024 if name == "memory_quota" else value
        if limit < used:
            shown = f"{-(-used // (1024 * 1024))} MB" if name == "memory_quota" else str(used)
            raise DomainError(
                ErrorCode.QUOTA_EXCEEDED,
                f"{what} quota {value} is below current usage: {held_by} {shown}",
                path,
            )
        setattr(quota, name, value)
    quota.updated_at = utcnow()
    await session.flush()
    return quota
