"""Accounts: create, update, suspend and activate, soft delete, password change, quota changes.

Each function works inside the caller's transaction and raises DomainError; rows whose state a
concurrent request could change between the check and the write are locked FOR UPDATE. The
inputs, the default quotas and the validation of plain values are in customer_inputs.py.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.passwords import hash_password, verify_password
from remotegpu.auth.tokens import revoke_customer_refresh_tokens, utcnow
from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Customer, Environment, ResourceQuota, Workspace, WorkspaceMember
from remotegpu.domain.accounts_auth import revoke_customer_tokens
from remotegpu.domain.customer_inputs import (
    ACCOUNT_TYPES,
    DEFAULT_QUOTAS,
    INT32_MAX,
    INT64_MAX,
    QUOTA_LEVELS,
    USER_TYPES,
    CustomerChanges,
    NewCustomer,
    QuotaChanges,
    check_password_policy,
    clean_email,
    clean_profile,
    clean_username,
)
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.permissions import require_admin, require_authenticated
from remotegpu.domain.validators import check_choice, spelled

LIVE = ("creating", "running")
GONE = ("deleted", "deleting")  # as the quota check of environment creation counts


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
    username = clean_username(new.username)
    email = clean_email(new.email)
    user_type = check_choice(new.user_type, USER_TYPES, "user_type")
    account_type = check_choice(new.account_type, ACCOUNT_TYPES, "account_type")
    profile = clean_profile(new.profile)
    check_password_policy(new.password)
    if await _taken(session, Customer.username, username, None):
        raise DomainError(ErrorCode.CONFLICT, "username already in use", "username")
    if await _taken(session, Customer.email, email, None):
        raise DomainError(ErrorCode.CONFLICT, "e-mail already in use", "email")
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
        raise DomainError(ErrorCode.NOT_FOUND, "customer not found", "customer_id")
    row = await session.scalar(select(Customer).where(Customer.id == customer_id).with_for_update())
    if row is None or (row.deleted_at is not None and not viewer.is_admin):
        raise DomainError(ErrorCode.NOT_FOUND, "customer not found", "customer_id")
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
        which = "user_type" if changes.user_type is not None else "account_type"
        raise DomainError(
            ErrorCode.FORBIDDEN, f"only platform admins change {spelled(which)}", which
        )
    for name, value in clean_profile(changes.profile).items():
        setattr(customer, name, value)
    if changes.email is not None:
        email = clean_email(changes.email)
        if await _taken(session, Customer.email, email, customer.id):
            raise DomainError(ErrorCode.CONFLICT, "e-mail already in use", "email")
        if email != customer.email:
            customer.email = email
            customer.email_verified = False
    if changes.user_type is not None:
        customer.user_type = check_choice(changes.user_type, USER_TYPES, "user_type")
    if changes.account_type is not None:
        customer.account_type = check_choice(changes.account_type, ACCOUNT_TYPES, "account_type")
    customer.updated_at = utcnow()
    await _flush_unique(session)
    return customer


async def revoke_all_tokens(session: AsyncSession, customer_id: int) -> None:
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
            "current_password",
        )
    check_password_policy(new_password, "new_password")
    if new_password == current_password:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            "the new password must differ from the current one",
            "new_password",
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
        raise DomainError(ErrorCode.NOT_FOUND, "customer not found", "customer_id")
    if changes.quota_level is not None:
        quota.quota_level = check_choice(changes.quota_level, QUOTA_LEVELS, "quota_level")
    usage = await _usage(session, customer_id)
    for name, (what, held_by) in QUOTA_UNITS.items():
        value: int | None = getattr(changes, name)
        if value is None:
            continue
        path = name
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
