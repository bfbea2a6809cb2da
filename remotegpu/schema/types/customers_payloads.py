"""Payloads of the account mutations: the object after commit (as the viewer may see it) and
the typed `errors`."""

from __future__ import annotations

import strawberry

from remotegpu.schema.errors import UserError
from remotegpu.schema.types.customers import Customer, ResourceQuota

_ERRORS = "Why nothing was changed; empty on success."
_CUSTOMER = "The customer after the change; null when it failed."


@strawberry.type(description="Result of customerCreate.")
class CustomerCreatePayload:
    customer: Customer | None = strawberry.field(default=None, description=_CUSTOMER)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of customerUpdate.")
class CustomerUpdatePayload:
    customer: Customer | None = strawberry.field(default=None, description=_CUSTOMER)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of customerSuspend.")
class CustomerSuspendPayload:
    customer: Customer | None = strawberry.field(default=None, description=_CUSTOMER)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of customerActivate.")
class CustomerActivatePayload:
    customer: Customer | None = strawberry.field(default=None, description=_CUSTOMER)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of customerDelete.")
class CustomerDeletePayload:
    deleted_customer_id: int | None = strawberry.field(
        default=None, description="Key of the soft-deleted customer; null when it failed."
    )
    customer: Customer | None = strawberry.field(
        default=None,
        description="The deleted customer (admins only: others no longer see it).",
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of passwordChange.")
class PasswordChangePayload:
    customer: Customer | None = strawberry.field(default=None, description=_CUSTOMER)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of resourceQuotaUpdate.")
class ResourceQuotaUpdatePayload:
    resource_quota: ResourceQuota | None = strawberry.field(
        default=None, description="The limits after the change; null when it failed."
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)
