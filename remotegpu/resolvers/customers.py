"""Root fields of the `customers` area: the viewer, customers and resource quotas."""

from __future__ import annotations

from typing import Annotated

import strawberry

from remotegpu.context import Context
from remotegpu.db.models import Customer as CustomerRow
from remotegpu.db.models import ResourceQuota as ResourceQuotaRow
from remotegpu.loaders.customers import visible_customers, visible_resource_quotas
from remotegpu.schema.inputs.customers import (
    CUSTOMER_ORDERINGS,
    RESOURCE_QUOTA_ORDERINGS,
    CustomerOrder,
    CustomerWhere,
    ResourceQuotaOrder,
    ResourceQuotaWhere,
)
from remotegpu.schema.relations import root_connection_field, root_lookup
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

    customers = root_connection_field(
        Customer,
        CustomerRow,
        visible_customers,
        CUSTOMER_ORDERINGS,
        CustomerWhere,
        default=CustomerOrder.ID_ASC,
        description="Customers (admins: all, soft-deleted included; customers: themselves and "
        "the people of their workspaces).",
    )

    customer = root_lookup(
        Customer,
        "customers.customer_by_username",
        "username",
        _USERNAME,
        description="One customer by its login name, if visible.",
        compiled=False,
    )

    resource_quotas = root_connection_field(
        ResourceQuota,
        ResourceQuotaRow,
        visible_resource_quotas,
        RESOURCE_QUOTA_ORDERINGS,
        ResourceQuotaWhere,
        default=ResourceQuotaOrder.ID_ASC,
        description="Resource quotas (admins: all; customers: their own).",
    )
