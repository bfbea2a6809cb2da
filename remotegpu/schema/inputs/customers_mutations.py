"""Inputs of the account mutations: customerCreate/Update/Suspend/Activate/Delete,
passwordChange and resourceQuotaUpdate.

Optional fields of the update inputs distinguish "absent" (left alone) from null (cleared).
"""

from __future__ import annotations

from typing import Optional

import strawberry

from remotegpu.schema.enums import AccountType, QuotaLevel, UserType
from remotegpu.schema.scalars import BigInt

# Strawberry needs Optional[...] spelled out when the default is UNSET.
# ruff: noqa: UP045


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
    display_name: str | None = strawberry.field(default=None, description="Name shown in the UI.")
    full_name: str | None = strawberry.field(default=None, description="Legal name.")
    phone: str | None = strawberry.field(default=None, description="Phone number.")
    company: str | None = strawberry.field(default=None, description="Company.")


@strawberry.input(
    description="Changes to a customer (itself, or any customer for platform admins). "
    "An absent field is left alone; null clears a profile field."
)
class CustomerUpdateInput:
    customer_id: int | None = strawberry.field(
        default=None, description="The customer (customers.id); the viewer itself if omitted."
    )
    display_name: Optional[str] = strawberry.field(
        default=strawberry.UNSET, description="Name shown in the UI (at most 128 characters)."
    )
    full_name: Optional[str] = strawberry.field(
        default=strawberry.UNSET, description="Legal name (at most 256 characters)."
    )
    phone: Optional[str] = strawberry.field(
        default=strawberry.UNSET, description="Phone number (at most 32 characters)."
    )
    company: Optional[str] = strawberry.field(
        default=strawberry.UNSET, description="Company (at most 256 characters)."
    )
    avatar_url: Optional[str] = strawberry.field(
        default=strawberry.UNSET, description="http(s) URL of a picture (at most 512 characters)."
    )
    email: Optional[str] = strawberry.field(
        default=strawberry.UNSET,
        description="New e-mail address, unique case-insensitively; marks it unverified.",
    )
    user_type: Optional[UserType] = strawberry.field(
        default=strawberry.UNSET, description="Platform admins only."
    )
    account_type: Optional[AccountType] = strawberry.field(
        default=strawberry.UNSET, description="Platform admins only."
    )


@strawberry.input(description="The customer to suspend (platform admins only).")
class CustomerSuspendInput:
    customer_id: int = strawberry.field(description="The customer (customers.id).")


@strawberry.input(description="The suspended customer to reactivate (platform admins only).")
class CustomerActivateInput:
    customer_id: int = strawberry.field(description="The customer (customers.id).")


@strawberry.input(description="The customer to soft-delete (itself, or any for admins).")
class CustomerDeleteInput:
    customer_id: int | None = strawberry.field(
        default=None, description="The customer (customers.id); the viewer itself if omitted."
    )


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
    customer_id: int = strawberry.field(description="The customer (customers.id).")
    quota_level: QuotaLevel | None = strawberry.field(default=None, description="The tier.")
    cpu_quota: int | None = strawberry.field(default=None, description="CPU cores.")
    memory_quota: int | None = strawberry.field(default=None, description="Memory, MB.")
    gpu_quota: int | None = strawberry.field(default=None, description="GPUs.")
    storage_quota: BigInt | None = strawberry.field(default=None, description="Storage, bytes.")
    environment_quota: int | None = strawberry.field(
        default=None, description="Environments (non-deleted)."
    )
