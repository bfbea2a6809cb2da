"""Mutations of the accounts area: thin wrappers of remotegpu.domain.customers."""

from __future__ import annotations

from typing import Any

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.context import Context
from remotegpu.domain import customers as domain
from remotegpu.domain.customer_inputs import (
    PROFILE_LIMITS,
    CustomerChanges,
    NewCustomer,
    QuotaChanges,
)
from remotegpu.resolvers.support import run_mutation
from remotegpu.schema.inputs.customers_mutations import (
    CustomerActivateInput,
    CustomerCreateInput,
    CustomerDeleteInput,
    CustomerSuspendInput,
    CustomerUpdateInput,
    PasswordChangeInput,
    ResourceQuotaUpdateInput,
)
from remotegpu.schema.types.customers import Customer, ResourceQuota
from remotegpu.schema.types.customers_payloads import (
    CustomerActivatePayload,
    CustomerCreatePayload,
    CustomerDeletePayload,
    CustomerSuspendPayload,
    CustomerUpdatePayload,
    PasswordChangePayload,
    ResourceQuotaUpdatePayload,
)

Info = strawberry.Info[Context, None]


def _given(value: Any) -> bool:
    return value is not strawberry.UNSET


async def _customer(info: Info, customer_id: int | None) -> Customer | None:
    if customer_id is None:
        return None
    row = await info.context.loaders.customers.customer_by_id.load(customer_id)
    return None if row is None else Customer.from_row(row)


def _target(info: Info, customer_id: int | None) -> int:
    """The customer an input names, or the viewer (run_mutation has checked one is logged in)."""
    if customer_id is not None:
        return customer_id
    assert info.context.viewer.customer_id is not None
    return info.context.viewer.customer_id


def _key(customer_id: int | None) -> str | None:
    return None if customer_id is None else str(customer_id)


@strawberry.type
class CustomersMutation:
    @strawberry.mutation(
        description="Create a customer with its default quota (by user type) and a personal "
        "workspace it owns. Platform admins only."
    )
    async def customer_create(
        self, info: Info, input: CustomerCreateInput
    ) -> CustomerCreatePayload:
        new = NewCustomer(
            username=input.username,
            email=input.email,
            password=input.password,
            user_type=input.user_type.value,
            account_type=input.account_type.value,
            profile={
                "display_name": input.display_name,
                "full_name": input.full_name,
                "phone": input.phone,
                "company": input.company,
            },
        )

        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await domain.customer_create(session, info.context.viewer, new)
            return row.id, str(row.id)

        outcome = await run_mutation(info, "customer.create", "customer", work)
        return CustomerCreatePayload(
            customer=await _customer(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Change a customer's profile or e-mail (itself; platform admins anyone). "
        "Only platform admins change userType and accountType."
    )
    async def customer_update(
        self, info: Info, input: CustomerUpdateInput
    ) -> CustomerUpdatePayload:
        profile = {
            name: getattr(input, name) for name in PROFILE_LIMITS if _given(getattr(input, name))
        }
        changes = CustomerChanges(
            profile=profile,
            email=input.email if _given(input.email) else None,
            user_type=input.user_type.value
            if _given(input.user_type) and input.user_type
            else None,
            account_type=(
                input.account_type.value
                if _given(input.account_type) and input.account_type
                else None
            ),
        )

        async def work(session: AsyncSession) -> tuple[int, str]:
            customer_id = _target(info, input.customer_id)
            row = await domain.update_customer(session, info.context.viewer, customer_id, changes)
            return row.id, str(row.id)

        outcome = await run_mutation(
            info, "customer.update", "customer", work, resource_id=_key(input.customer_id)
        )
        return CustomerUpdatePayload(
            customer=await _customer(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Suspend an active customer: it can no longer log in, its tokens are "
        "revoked and stop working at once. Platform admins only."
    )
    async def customer_suspend(
        self, info: Info, input: CustomerSuspendInput
    ) -> CustomerSuspendPayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await domain.set_customer_status(
                session, info.context.viewer, input.customer_id, "suspended"
            )
            return row.id, str(row.id)

        outcome = await run_mutation(
            info, "customer.suspend", "customer", work, resource_id=str(input.customer_id)
        )
        return CustomerSuspendPayload(
            customer=await _customer(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Reactivate a suspended customer (it logs in anew). Platform admins only."
    )
    async def customer_activate(
        self, info: Info, input: CustomerActivateInput
    ) -> CustomerActivatePayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await domain.set_customer_status(
                session, info.context.viewer, input.customer_id, "active"
            )
            return row.id, str(row.id)

        outcome = await run_mutation(
            info, "customer.activate", "customer", work, resource_id=str(input.customer_id)
        )
        return CustomerActivatePayload(
            customer=await _customer(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Soft-delete a customer (itself; platform admins anyone): status deleted, "
        "tokens revoked, rows kept for billing. Refused (IN_USE) while it has creating or "
        "running environments."
    )
    async def customer_delete(
        self, info: Info, input: CustomerDeleteInput
    ) -> CustomerDeletePayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            customer_id = _target(info, input.customer_id)
            row = await domain.delete_customer(session, info.context.viewer, customer_id)
            return row.id, str(row.id)

        outcome = await run_mutation(
            info, "customer.delete", "customer", work, resource_id=_key(input.customer_id)
        )
        return CustomerDeletePayload(
            deleted_customer_id=outcome.value,
            customer=await _customer(info, outcome.value),
            errors=outcome.errors,
        )

    @strawberry.mutation(
        description="Change the viewer's password. Every refresh token of the viewer is "
        "revoked: other sessions end when their access token expires."
    )
    async def password_change(
        self, info: Info, input: PasswordChangeInput
    ) -> PasswordChangePayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await domain.change_password(
                session, info.context.viewer, input.current_password, input.new_password
            )
            return row.id, str(row.id)

        outcome = await run_mutation(
            info,
            "customer.password_change",
            "customer",
            work,
            resource_id=_key(info.context.viewer.customer_id),
        )
        return PasswordChangePayload(
            customer=await _customer(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Set a customer's resource limits. Platform admins only; a limit below "
        "current usage is refused with QUOTA_EXCEEDED."
    )
    async def resource_quota_update(
        self, info: Info, input: ResourceQuotaUpdateInput
    ) -> ResourceQuotaUpdatePayload:
        changes = QuotaChanges(
            quota_level=input.quota_level.value if input.quota_level else None,
            cpu_quota=input.cpu_quota,
            memory_quota=input.memory_quota,
            gpu_quota=input.gpu_quota,
            storage_quota=input.storage_quota,
            environment_quota=input.environment_quota,
        )

        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await domain.update_quota(
                session, info.context.viewer, input.customer_id, changes
            )
            return row.id, str(row.id)

        outcome = await run_mutation(info, "resource_quota.update", "resource_quota", work)
        quota = None
        if outcome.value is not None:
            row = await info.context.loaders.customers.resource_quota_by_id.load(outcome.value)
            quota = None if row is None else ResourceQuota.from_row(row)
        return ResourceQuotaUpdatePayload(resource_quota=quota, errors=outcome.errors)
