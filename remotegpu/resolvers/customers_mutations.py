"""Mutations of the accounts area: thin wrappers of remotegpu.domain.customers."""

from __future__ import annotations

from typing import Any

import strawberry

from remotegpu.auth.viewer import Viewer
from remotegpu.context import Context
from remotegpu.domain import customers as domain
from remotegpu.domain.customer_inputs import (
    PROFILE_LIMITS,
    CustomerChanges,
    NewCustomer,
    QuotaChanges,
)
from remotegpu.resolvers.mutate import Reload, mutate
from remotegpu.schema.inputs.customers_mutations import (
    CustomerActivateInput,
    CustomerCreateInput,
    CustomerDeleteInput,
    CustomerSuspendInput,
    CustomerUpdateInput,
    PasswordChangeInput,
    ResourceQuotaUpdateInput,
)
from remotegpu.schema.inputs.drafts import to_draft
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

CUSTOMER = Reload(lambda loaders: loaders.customers.customer_by_id, Customer.from_row)
QUOTA = Reload(lambda loaders: loaders.customers.resource_quota_by_id, ResourceQuota.from_row)


def _given(value: Any) -> bool:
    return value is not strawberry.UNSET


def _target(viewer: Viewer, customer_id: int | None) -> int:
    """The customer an input names, or the viewer (mutate has checked one is logged in)."""
    if customer_id is not None:
        return customer_id
    assert viewer.customer_id is not None
    return viewer.customer_id


@strawberry.type
class CustomersMutation:
    @strawberry.mutation(
        description="Create a customer with its default quota (by user type) and a personal "
        "workspace it owns. Platform admins only."
    )
    async def customer_create(
        self, info: Info, input: CustomerCreateInput
    ) -> CustomerCreatePayload:
        profile = {
            "display_name": input.display_name,
            "full_name": input.full_name,
            "phone": input.phone,
            "company": input.company,
        }
        new = to_draft(NewCustomer, input, profile=profile)
        return await mutate(
            info,
            "customer.create",
            lambda session, viewer: domain.customer_create(session, viewer, new),
            CustomerCreatePayload,
            customer=CUSTOMER,
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
        changes = to_draft(CustomerChanges, input, profile=profile)
        return await mutate(
            info,
            "customer.update",
            lambda session, viewer: domain.update_customer(
                session, viewer, _target(viewer, input.customer_id), changes
            ),
            CustomerUpdatePayload,
            resource_id=input.customer_id,
            customer=CUSTOMER,
        )

    @strawberry.mutation(
        description="Suspend an active customer: it can no longer log in, its tokens are "
        "revoked and stop working at once. Platform admins only."
    )
    async def customer_suspend(
        self, info: Info, input: CustomerSuspendInput
    ) -> CustomerSuspendPayload:
        return await mutate(
            info,
            "customer.suspend",
            lambda session, viewer: domain.set_customer_status(
                session, viewer, input.customer_id, "suspended"
            ),
            CustomerSuspendPayload,
            resource_id=input.customer_id,
            customer=CUSTOMER,
        )

    @strawberry.mutation(
        description="Reactivate a suspended customer (it logs in anew). Platform admins only."
    )
    async def customer_activate(
        self, info: Info, input: CustomerActivateInput
    ) -> CustomerActivatePayload:
        return await mutate(
            info,
            "customer.activate",
            lambda session, viewer: domain.set_customer_status(
                session, viewer, input.customer_id, "active"
            ),
            CustomerActivatePayload,
            resource_id=input.customer_id,
            customer=CUSTOMER,
        )

    @strawberry.mutation(
        description="Soft-delete a customer (itself; platform admins anyone): status deleted, "
        "tokens revoked, rows kept for billing. Refused (IN_USE) while it has creating or "
        "running environments."
    )
    async def customer_delete(
        self, info: Info, input: CustomerDeleteInput
    ) -> CustomerDeletePayload:
        return await mutate(
            info,
            "customer.delete",
            lambda session, viewer: domain.delete_customer(
                session, viewer, _target(viewer, input.customer_id)
            ),
            CustomerDeletePayload,
            resource_id=input.customer_id,
            deleted_customer_id=lambda _ctx, row: row.id,
            customer=CUSTOMER,
        )

    @strawberry.mutation(
        description="Change the viewer's password. Every refresh token of the viewer is "
        "revoked: other sessions end when their access token expires."
    )
    async def password_change(
        self, info: Info, input: PasswordChangeInput
    ) -> PasswordChangePayload:
        return await mutate(
            info,
            "customer.password_change",
            lambda session, viewer: domain.change_password(
                session, viewer, input.current_password, input.new_password
            ),
            PasswordChangePayload,
            resource_id=info.context.viewer.customer_id,
            customer=CUSTOMER,
        )

    @strawberry.mutation(
        description="Set a customer's resource limits. Platform admins only; a limit below "
        "current usage is refused with QUOTA_EXCEEDED."
    )
    async def resource_quota_update(
        self, info: Info, input: ResourceQuotaUpdateInput
    ) -> ResourceQuotaUpdatePayload:
        changes = to_draft(QuotaChanges, input)
        return await mutate(
            info,
            "resource_quota.update",
            lambda session, viewer: domain.update_quota(
                session, viewer, input.customer_id, changes
            ),
            ResourceQuotaUpdatePayload,
            resource_quota=QUOTA,
        )
