"""The first platform admin: `remotegpu create-admin` and the rule it follows."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import NullPool

from remotegpu.auth.passwords import check_password_policy, hash_password
from remotegpu.auth.viewer import ANONYMOUS
from remotegpu.db.engine import transaction
from remotegpu.db.models import Customer, ResourceQuota, Workspace, WorkspaceMember
from remotegpu.db.urls import sqlalchemy_url
from remotegpu.domain.audit import SYSTEM, record_audit
from remotegpu.domain.errors import DomainError, ErrorCode

_TIB = 1024**4
# Admins are unlimited in the domain rules; this is the seed's "effectively unlimited" quota.
ADMIN_QUOTA = {
    "quota_level": "enterprise",
    "cpu_quota": 4096,
    "memory_quota": 16_777_216,
    "gpu_quota": 512,
    "storage_quota": 1024 * _TIB,
    "environment_quota": 100,
}


async def create_admin(session: AsyncSession, username: str, email: str, password: str) -> Customer:
    """Create an active `admin` customer with its quota row and personal workspace.

    Raises DomainError INVALID_INPUT (bad username, e-mail or password) or CONFLICT (username
    or e-mail taken by a non-deleted customer, case-insensitively).
    """
    username = username.strip()
    email = email.strip()
    if not username or len(username) > 64 or "@" in username:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            "username must be 1 to 64 characters, without '@'",
            ["input", "username"],
        )
    local, at, domain = email.rpartition("@")
    if not at or not local or "." not in domain or len(email) > 128:
        raise DomainError(ErrorCode.INVALID_INPUT, "not an e-mail address", ["input", "email"])
    check_password_policy(password)
    taken = (
        await session.execute(
            select(Customer.id).where(
                Customer.deleted_at.is_(None),
                or_(
                    func.lower(Customer.username) == username.lower(),
                    func.lower(Customer.email) == email.lower(),
                ),
            )
        )
    ).first()
    if taken is not None:
        raise DomainError(ErrorCode.CONFLICT, "username or e-mail already in use")

    customer = Customer(
        username=username,
        email=email,
        password_hash=await hash_password(password),
        user_type="admin",
        account_type="individual",
        status="active",
    )
    session.add(customer)
    try:
        await session.flush()
    except IntegrityError:
        raise DomainError(ErrorCode.CONFLICT, "username or e-mail already in use") from None
    workspace = Workspace(
        owner_id=customer.id,
        name=f"{username}'s workspace",
        description="Personal workspace",
        type="personal",
        member_count=1,
        status="active",
    )
    session.add(workspace)
    session.add(ResourceQuota(user_id=customer.id, **ADMIN_QUOTA))
    await session.flush()
    session.add(
        WorkspaceMember(
            workspace_id=workspace.id, customer_id=customer.id, role="owner", status="active"
        )
    )
    await session.flush()
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
