"""Root fields of the `customers` area: the viewer, customers and resource quotas."""

from __future__ import annotations

from typing import Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import Customer as CustomerRow
from remotegpu.db.models import ResourceQuota as ResourceQuotaRow
from remotegpu.loaders.customers import visible_customers, visible_resource_quotas
from remotegpu.schema.connections import root_connection
from remotegpu.schema.inputs.customers import (
    CUSTOMER_ORDERINGS,
    RESOURCE_QUOTA_ORDERINGS,
    CustomerOrder,
    CustomerWhere,
    ResourceQuotaOrder,
    ResourceQuotaWhere,
)
from remotegpu.schema.pagination import Connection
from remotegpu.schema.types.customers import Customer, ResourceQuota

Info = strawberry.Info[Context, None]


_USERNAME = Annotated[str, strawberry.argument(description="The login name (natural key).")]


@strawberry.type
class CustomersQuery:
    @strawberry.field(description="The logged-in customer itself; null when anonymous.")
    async def viewer(self, info: Info) -> Customer | None:
        customer_id = info.context.viewer.customer_id
        if customer_id is None:
            return None
        row = await info.context.loaders.customers.customer_by_id.load(customer_id)
        return None if row is None else Customer.from_row(row)

    @strawberry.field(
        description="Customers (admins: all, soft-deleted included; customers: themselves and "
        "the people of their workspaces)."
    )
    async def customers(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: CustomerWhere | None = None,
        order_by: CustomerOrder = CustomerOrder.ID_ASC,
    ) -> Connection[Customer]:
        return await root_connection(
            info.context,
            CustomerRow,
            visible_customers,
            Customer.from_row,
            CUSTOMER_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )

    @strawberry.field(description="One customer by its login name, if visible.")
    async def customer(self, info: Info, username: _USERNAME) -> Customer | None:
        row = await info.context.loaders.customers.customer_by_username.load(username)
        return None if row is None else Customer.from_row(row)

    @strawberry.field(description="Resource quotas (admins: all; customers: their own).")
    async def resource_quotas(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        where: ResourceQuotaWhere | None = None,
        order_by: ResourceQuotaOrder = ResourceQuotaOrder.ID_ASC,
    ) -> Connection[ResourceQuota]:
        return await root_connection(
            info.context,
            ResourceQuotaRow,
            visible_resource_quotas,
            ResourceQuota.from_row,
            RESOURCE_QUOTA_ORDERINGS[order_by],
            [] if where is None else where.conditions(),
            first=first,
            after=after,
            last=last,
            before=before,
        )
