"""Filters and orderings of the `customers` area."""

from __future__ import annotations

from enum import Enum

import strawberry

from remotegpu.db.models import Customer, ResourceQuota
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.enums import AccountType, CustomerStatus, UserType
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    KeyFilter,
    StringFilter,
)
from remotegpu.schema.inputs.filters import Where, filter_on


@strawberry.input(description="Filter customers (every field is an indexed column).")
class CustomerWhere(Where):
    status: EnumFilter[CustomerStatus] | None = filter_on(Customer.status, "Account status.")
    user_type: EnumFilter[UserType] | None = filter_on(
        Customer.user_type, "Admin (platform staff), internal or external."
    )
    account_type: EnumFilter[AccountType] | None = filter_on(
        Customer.account_type, "Individual or enterprise account."
    )
    username: StringFilter | None = filter_on(
        Customer.username, "Login name (use `startsWith` for a prefix)."
    )
    email: StringFilter | None = filter_on(Customer.email, "Email address.")
    created_at: DateTimeFilter | None = filter_on(
        Customer.created_at, "When the account was created."
    )


@strawberry.enum(description="Orderings of customers.")
class CustomerOrder(Enum):
    ID_ASC = "id_asc"
    USERNAME_ASC = "username_asc"
    CREATED_AT_DESC = "created_at_desc"


CUSTOMER_ORDERINGS: dict[CustomerOrder, Ordering] = {
    CustomerOrder.ID_ASC: Ordering("id", (Customer.id,)),
    CustomerOrder.USERNAME_ASC: Ordering("username", (Customer.username, Customer.id)),
    CustomerOrder.CREATED_AT_DESC: Ordering(
        "created", (Customer.created_at, Customer.id), descending=True
    ),
}


@strawberry.input(description="Filter resource quotas.")
class ResourceQuotaWhere(Where):
    user_id: KeyFilter | None = filter_on(
        ResourceQuota.user_id, "The customer (resource_quotas.user_id = customers.id)."
    )


@strawberry.enum(description="Orderings of resource quotas.")
class ResourceQuotaOrder(Enum):
    ID_ASC = "id_asc"
    USER_ID_ASC = "user_id_asc"
    CREATED_AT_DESC = "created_at_desc"


RESOURCE_QUOTA_ORDERINGS: dict[ResourceQuotaOrder, Ordering] = {
    ResourceQuotaOrder.ID_ASC: Ordering("id", (ResourceQuota.id,)),
    ResourceQuotaOrder.USER_ID_ASC: Ordering("user", (ResourceQuota.user_id, ResourceQuota.id)),
    ResourceQuotaOrder.CREATED_AT_DESC: Ordering(
        "created", (ResourceQuota.created_at, ResourceQuota.id), descending=True
    ),
}
