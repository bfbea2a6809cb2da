"""Payloads of the account mutations: the object after commit (as the viewer may see it) and
the typed `errors`."""

from __future__ import annotations

import strawberry

from remotegpu.schema.types.customers import Customer, ResourceQuota
from remotegpu.schema.types.payload import Payload, payload

_ERRORS = "Why nothing was changed; empty on success."
_CUSTOMER = "The customer after the change; null when it failed."


@payload("Result of customerCreate.", errors=_ERRORS)
class CustomerCreatePayload(Payload):
    customer: Customer | None = strawberry.field(default=None, description=_CUSTOMER)


@payload("Result of customerUpdate.", errors=_ERRORS)
class CustomerUpdatePayload(Payload):
    customer: Customer | None = strawberry.field(default=None, description=_CUSTOMER)


@payload("Result of customerSuspend.", errors=_ERRORS)
class CustomerSuspendPayload(Payload):
    customer: Customer | None = strawberry.field(default=None, description=_CUSTOMER)


@payload("Result of customerActivate.", errors=_ERRORS)
class CustomerActivatePayload(Payload):
    customer: Customer | None = strawberry.field(default=None, description=_CUSTOMER)


@payload("Result of customerDelete.", errors=_ERRORS)
class CustomerDeletePayload(Payload):
    deleted_customer_id: int | None = strawberry.field(
        default=None, description="Key of the soft-deleted customer; null when it failed."
    )
    customer: Customer | None = strawberry.field(
        default=None,
        description="The deleted customer (admins only: others no longer see it).",
    )


@payload("Result of passwordChange.", errors=_ERRORS)
class PasswordChangePayload(Payload):
    customer: Customer | None = strawberry.field(default=None, description=_CUSTOMER)


@payload("Result of resourceQuotaUpdate.", errors=_ERRORS)
class ResourceQuotaUpdatePayload(Payload):
    resource_quota: ResourceQuota | None = strawberry.field(
        default=None, description="The limits after the change; null when it failed."
    )
