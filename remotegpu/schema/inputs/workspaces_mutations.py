"""Inputs of the workspace mutations: workspaceCreate/Update/Archive/Delete, the member
mutations, workspaceOwnershipTransfer and workspaceLeave."""

from __future__ import annotations

from typing import Optional

import strawberry

from remotegpu.schema.enums import WorkspaceRole, WorkspaceType
from remotegpu.schema.inputs.fields import keep, optional

# Strawberry needs Optional[...] spelled out when the default is UNSET.
# ruff: noqa: UP045

# Descriptions that more than one field shares.
_NAME = "1 to 128 characters."
_DESCRIPTION = "Free text (at most 4000 characters)."
_MEMBER = "The member's customer key (customers.id)."

_WORKSPACE = "The workspace (workspaces.id)."


@strawberry.input(description="A new team or enterprise workspace, owned by the viewer.")
class WorkspaceCreateInput:
    name: str = strawberry.field(description=_NAME)
    type: WorkspaceType = strawberry.field(
        default=WorkspaceType.TEAM,
        description="TEAM or ENTERPRISE (a personal workspace comes with each customer).",
    )
    description: str | None = optional(_DESCRIPTION)


@strawberry.input(
    description="New settings of a workspace (owner or admin members); an absent field is "
    "left alone, a null description clears it."
)
class WorkspaceUpdateInput:
    workspace_id: int = strawberry.field(description=_WORKSPACE)
    name: Optional[str] = keep(_NAME)
    description: Optional[str] = keep(_DESCRIPTION)


@strawberry.input(description="The workspace to archive (its owner only).")
class WorkspaceArchiveInput:
    workspace_id: int = strawberry.field(description=_WORKSPACE)


@strawberry.input(description="The team or enterprise workspace to delete (its owner only).")
class WorkspaceDeleteInput:
    workspace_id: int = strawberry.field(description=_WORKSPACE)


@strawberry.input(
    description="A customer to add to a team or enterprise workspace, named by exactly one "
    "of customerId and username."
)
class WorkspaceMemberAddInput:
    workspace_id: int = strawberry.field(description=_WORKSPACE)
    customer_id: int | None = optional("The customer to add (customers.id).")
    username: str | None = optional("The customer to add, by username (case-insensitive).")
    role: WorkspaceRole = strawberry.field(
        default=WorkspaceRole.MEMBER,
        description="ADMIN (owner only), MEMBER or VIEWER; never OWNER.",
    )


@strawberry.input(description="The member to remove from a workspace.")
class WorkspaceMemberRemoveInput:
    workspace_id: int = strawberry.field(description=_WORKSPACE)
    customer_id: int = strawberry.field(description=_MEMBER)


@strawberry.input(description="A member's new role.")
class WorkspaceMemberRoleChangeInput:
    workspace_id: int = strawberry.field(description=_WORKSPACE)
    customer_id: int = strawberry.field(description=_MEMBER)
    role: WorkspaceRole = strawberry.field(
        description="ADMIN, MEMBER or VIEWER (admins: MEMBER or VIEWER); OWNER only through "
        "workspaceOwnershipTransfer."
    )


@strawberry.input(description="The active member to become the workspace's owner.")
class WorkspaceOwnershipTransferInput:
    workspace_id: int = strawberry.field(description=_WORKSPACE)
    new_owner_id: int = strawberry.field(
        description="The new owner's customer key (customers.id); an active member."
    )


@strawberry.input(description="The workspace the viewer leaves.")
class WorkspaceLeaveInput:
    workspace_id: int = strawberry.field(description=_WORKSPACE)
