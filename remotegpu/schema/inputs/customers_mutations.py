"""Inputs of the account mutations: customerCreate/Update/Suspend/Activate/Delete,
passwordChange and resourceQuotaUpdate.

Optional fields of the update inputs distinguish "absent" (left alone) from null (cleared).
"""

from __future__ import annotations

from typing import Optional

import strawberry

from remotegpu.schema.enums import AccountType, QuotaLevel, UserType
from remotegpu.schema.inputs.fields import keep, optional
from remotegpu.schema.scalars import BigInt

# Strawberry needs Optional[...] spelled out when the default is UNSET.
# ruff: noqa: UP045


# Descriptions that more than one field shares.
_ADMINS_ONLY = "Platform admins only."
_CUSTOMER = "The customer (customers.id)."
_CUSTOMER_OR_VIEWER = "The customer (customers.id); the viewer itself if omitted."


@strawberry.input(description="A new customer account (platform admins only).")
class CustomerCreateInput:
    username: str = strawberry.field(
        description="3 to 64 characters of a-z, 0-9, '.', '_', '-' (stored in lower case); "
        "unique among non-deleted customers."
    )
    email: str = strawberry.field(
        description="E-mail address (at most 128 characters); unique case-insensitively."
    )
    password: str = strawberry.field(description="Initial password: at least 10 characters.")
    user_type: UserType = strawberry.field(
        default=UserType.EXTERNAL,
        description="admin (platform staff), internal or external; decides the default quota.",
    )
    account_type: AccountType = strawberry.field(
        default=AccountType.INDIVIDUAL, description="individual or enterprise."
    )
    display_name: str | None = optional("Name shown in the UI.")
    full_name: str | None = optional("Legal name.")
    phone: str | None = optional("Phone number.")
    company: str | None = optional("Company.")


@strawberry.input(
    description="Changes to a customer (itself, or any customer for platform admins). "
    "An absent field is left alone; null clears a profile field."
)
class CustomerUpdateInput:
    customer_id: int | None = optional(_CUSTOMER_OR_VIEWER)
    display_name: Optional[str] = keep("Name shown in the UI (at most 128 characters).")
    full_name: Optional[str] = keep("Legal name (at most 256 characters).")
    phone: Optional[str] = keep("Phone number (at most 32 characters).")
    company: Optional[str] = keep("Company (at most 256 characters).")
    avatar_url: Optional[str] = keep("http(s) URL of a picture (at most 512 characters).")
    email: Optional[str] = keep(
        "New e-mail address, unique case-insensitively; marks it unverified."
    )
    user_type: Optional[UserType] = keep(_ADMINS_ONLY)
    account_type: Optional[AccountType] = keep(_ADMINS_ONLY)


@strawberry.input(description="The customer to suspend (platform admins only).")
class CustomerSuspendInput:
    customer_id: int = strawberry.field(description=_CUSTOMER)


@strawberry.input(description="The suspended customer to reactivate (platform admins only).")
class CustomerActivateInput:
    customer_id: int = strawberry.field(description=_CUSTOMER)


@strawberry.input(description="The customer to soft-delete (itself, or any for admins).")
class CustomerDeleteInput:
    customer_id: int | None = optional(_CUSTOMER_OR_VIEWER)


@strawberry.input(description="The viewer's current and new password.")
class PasswordChangeInput:
    current_password: str = strawberry.field(description="The password in use now.")
    new_password: str = strawberry.field(
        description="The new password: at least 10 characters, not the current one."
    )


@strawberry.input(
    description="New limits of a customer (platform admins only); an absent field is left "
    "alone. A limit below what the customer already uses is refused (QUOTA_EXCEEDED)."
)
class ResourceQuotaUpdateInput:
    customer_id: int = strawberry.field(description=_CUSTOMER)
    quota_level: QuotaLevel | None = optional("The tier.")
    cpu_quota: int | None = optional("CPU cores.")
    memory_quota: int | None = optional("Memory, MB.")
    gpu_quota: int | None = optional("GPUs.")
    storage_quota: BigInt | None = optional("Storage, bytes.")
    environment_quota: int | None = optional("Environments (non-deleted).")
