"""The first platform admin: `remotegpu create-admin` and the rule it follows."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import NullPool

from remotegpu.auth.viewer import ANONYMOUS
from remotegpu.db.engine import transaction
from remotegpu.db.models import Customer
from remotegpu.db.urls import sqlalchemy_url
from remotegpu.domain.audit import SYSTEM, record_audit
from remotegpu.domain.customer_inputs import DEFAULT_QUOTAS, NewCustomer
from remotegpu.domain.customers import create_customer

# Admins are unlimited in the domain rules; this is the "effectively unlimited" quota.
ADMIN_QUOTA = asdict(DEFAULT_QUOTAS["admin"])


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
