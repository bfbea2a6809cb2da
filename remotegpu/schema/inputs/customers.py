"""Filters and orderings of the `customers` area."""

from __future__ import annotations

from enum import Enum

import strawberry
from sqlalchemy import ColumnElement

from remotegpu.db.models import Customer, ResourceQuota
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.enums import AccountType, CustomerStatus, UserType
from remotegpu.schema.inputs.common import (
    DateTimeFilter,
    EnumFilter,
    KeyFilter,
    StringFilter,
    datetime_conditions,
    enum_conditions,
    key_conditions,
    string_conditions,
)


@strawberry.input(description="Filter customers (every field is an indexed column).")
class CustomerWhere:
    status: EnumFilter[CustomerStatus] | None = strawberry.field(
        default=None, description="Account status."
    )
    user_type: EnumFilter[UserType] | None = strawberry.field(
        default=None, description="Admin (platform staff), internal or external."
    )
    account_type: EnumFilter[AccountType] | None = strawberry.field(
        default=None, description="Individual or enterprise account."
    )
    username: StringFilter | None = strawberry.field(
        default=None, description="Login name (use `startsWith` for a prefix)."
    )
    email: StringFilter | None = strawberry.field(default=None, description="Email address.")
    created_at: DateTimeFilter | None = strawberry.field(
        default=None, description="When the account was created."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return [
            *enum_conditions(Customer.status, self.status),
            *enum_conditions(Customer.user_type, self.user_type),
            *enum_conditions(Customer.account_type, self.account_type),
            *string_conditions(Customer.username, self.username),
            *string_conditions(Customer.email, self.email),
            *datetime_conditions(Customer.created_at, self.created_at),
        ]


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
class ResourceQuotaWhere:
    user_id: KeyFilter | None = strawberry.field(
        default=None, description="The customer (resource_quotas.user_id = customers.id)."
    )

    def conditions(self) -> list[ColumnElement[bool]]:
        return key_conditions(ResourceQuota.user_id, self.user_id, int)


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
