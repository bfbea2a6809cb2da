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
from remotegpu.resolvers.mutate import Reload, mutate, mutation
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


def _new_customer(input: CustomerCreateInput) -> NewCustomer:
    profile = {
        "display_name": input.display_name,
        "full_name": input.full_name,
        "phone": input.phone,
        "company": input.company,
    }
    return to_draft(NewCustomer, input, profile=profile)


def _changes(input: CustomerUpdateInput) -> CustomerChanges:
    """The profile fields the input gives (an absent one stays as it is) and the rest."""
    profile = {
        name: getattr(input, name) for name in PROFILE_LIMITS if _given(getattr(input, name))
    }
    return to_draft(CustomerChanges, input, profile=profile)


@strawberry.type
class CustomersMutation:
    customer_create = mutation(
        "Create a customer with its default quota (by user type) and a personal workspace it "
        "owns. Platform admins only.",
        "customer.create",
        CustomerCreateInput,
        CustomerCreatePayload,
        lambda session, viewer, input: domain.customer_create(
            session, viewer, _new_customer(input)
        ),
        customer=CUSTOMER,
    )
    customer_update = mutation(
        "Change a customer's profile or e-mail (itself; platform admins anyone). Only platform "
        "admins change userType and accountType.",
        "customer.update",
        CustomerUpdateInput,
        CustomerUpdatePayload,
        lambda session, viewer, input: domain.update_customer(
            session, viewer, _target(viewer, input.customer_id), _changes(input)
        ),
        resource_id=lambda input: input.customer_id,
        customer=CUSTOMER,
    )
    customer_suspend = mutation(
        "Suspend an active customer: it can no longer log in, its tokens are revoked and stop "
        "working at once. Platform admins only.",
        "customer.suspend",
        CustomerSuspendInput,
        CustomerSuspendPayload,
        lambda session, viewer, input: domain.set_customer_status(
            session, viewer, input.customer_id, "suspended"
        ),
        resource_id=lambda input: input.customer_id,
        customer=CUSTOMER,
    )
    customer_activate = mutation(
        "Reactivate a suspended customer (it logs in anew). Platform admins only.",
        "customer.activate",
        CustomerActivateInput,
        CustomerActivatePayload,
        lambda session, viewer, input: domain.set_customer_status(
            session, viewer, input.customer_id, "active"
        ),
        resource_id=lambda input: input.customer_id,
        customer=CUSTOMER,
    )
    customer_delete = mutation(
        "Soft-delete a customer (itself; platform admins anyone): status deleted, tokens "
        "revoked, rows kept for billing. Refused (IN_USE) while it has creating or running "
        "environments.",
        "customer.delete",
        CustomerDeleteInput,
        CustomerDeletePayload,
        lambda session, viewer, input: domain.delete_customer(
            session, viewer, _target(viewer, input.customer_id)
        ),
        resource_id=lambda input: input.customer_id,
        deleted_customer_id=lambda _ctx, row: row.id,
        customer=CUSTOMER,
    )

    # A function: the audit row names the viewer, not a field of the input.
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

    resource_quota_update = mutation(
        "Set a customer's resource limits. Platform admins only; a limit below current usage "
        "is refused with QUOTA_EXCEEDED.",
        "resource_quota.update",
        ResourceQuotaUpdateInput,
        ResourceQuotaUpdatePayload,
        lambda session, viewer, input: domain.update_quota(
            session, viewer, input.customer_id, to_draft(QuotaChanges, input)
        ),
        resource_quota=QUOTA,
    )
