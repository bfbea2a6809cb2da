"""Mutations of the workspaces area: thin wrappers of remotegpu.domain.workspaces and
remotegpu.domain.workspace_members.

Audit rows name the workspace (resource_type "workspace") for member changes too, so one
workspace's history is one query.
"""

from __future__ import annotations

from typing import Any

import strawberry

from remotegpu.context import Context
from remotegpu.domain import workspace_members as members
from remotegpu.domain import workspaces as domain
from remotegpu.resolvers.mutate import Reload, mutate, returned
from remotegpu.schema.inputs.workspaces_mutations import (
    WorkspaceArchiveInput,
    WorkspaceCreateInput,
    WorkspaceDeleteInput,
    WorkspaceLeaveInput,
    WorkspaceMemberAddInput,
    WorkspaceMemberRemoveInput,
    WorkspaceMemberRoleChangeInput,
    WorkspaceOwnershipTransferInput,
    WorkspaceUpdateInput,
)
from remotegpu.schema.types.workspaces import Workspace, WorkspaceMember
from remotegpu.schema.types.workspaces_payloads import (
    WorkspaceArchivePayload,
    WorkspaceCreatePayload,
    WorkspaceDeletePayload,
    WorkspaceLeavePayload,
    WorkspaceMemberAddPayload,
    WorkspaceMemberRemovePayload,
    WorkspaceMemberRoleChangePayload,
    WorkspaceOwnershipTransferPayload,
    WorkspaceUpdatePayload,
)

Info = strawberry.Info[Context, None]

WORKSPACE = Reload(lambda loaders: loaders.workspaces.workspace_by_id, Workspace.from_row)
MEMBER = Reload(lambda loaders: loaders.workspaces.workspace_member_by_id, WorkspaceMember.from_row)


def _given(value: Any) -> bool:
    return value is not strawberry.UNSET


def _workspace_id(member: Any) -> int:
    """A membership's workspace: what the audit row of a member change names."""
    return int(member.workspace_id)


@strawberry.type
class WorkspacesMutation:
    @strawberry.mutation(
        description="Create a team or enterprise workspace; the viewer becomes its owner."
    )
    async def workspace_create(
        self, info: Info, input: WorkspaceCreateInput
    ) -> WorkspaceCreatePayload:
        return await mutate(
            info,
            "workspace.create",
            lambda session, viewer: domain.create_workspace(
                session, viewer, input.name, input.type.value, input.description
            ),
            WorkspaceCreatePayload,
            workspace=WORKSPACE,
        )

    @strawberry.mutation(description="Rename or describe a workspace (owner or admin members).")
    async def workspace_update(
        self, info: Info, input: WorkspaceUpdateInput
    ) -> WorkspaceUpdatePayload:
        changes = {
            name: getattr(input, name)
            for name in ("name", "description")
            if _given(getattr(input, name))
        }
        return await mutate(
            info,
            "workspace.update",
            lambda session, viewer: domain.update_workspace(
                session, viewer, input.workspace_id, changes
            ),
            WorkspaceUpdatePayload,
            resource_id=input.workspace_id,
            workspace=WORKSPACE,
        )

    @strawberry.mutation(
        description="Archive a workspace (owner only). Refused (IN_USE) while it holds "
        "creating or running environments."
    )
    async def workspace_archive(
        self, info: Info, input: WorkspaceArchiveInput
    ) -> WorkspaceArchivePayload:
        return await mutate(
            info,
            "workspace.archive",
            lambda session, viewer: domain.archive_workspace(session, viewer, input.workspace_id),
            WorkspaceArchivePayload,
            resource_id=input.workspace_id,
            workspace=WORKSPACE,
        )

    @strawberry.mutation(
        description="Delete a team or enterprise workspace and its memberships (owner only). "
        "Refused (IN_USE) while environments, datasets, models, artifacts, training jobs or "
        "inference services still belong to it."
    )
    async def workspace_delete(
        self, info: Info, input: WorkspaceDeleteInput
    ) -> WorkspaceDeletePayload:
        return await mutate(
            info,
            "workspace.delete",
            lambda session, viewer: domain.delete_workspace(session, viewer, input.workspace_id),
            WorkspaceDeletePayload,
            resource_id=input.workspace_id,
            deleted_workspace_id=returned,
        )

    @strawberry.mutation(
        description="Add a customer to a team or enterprise workspace (owner or admin "
        "members; only the owner adds admins). An existing membership is a CONFLICT."
    )
    async def workspace_member_add(
        self, info: Info, input: WorkspaceMemberAddInput
    ) -> WorkspaceMemberAddPayload:
        return await mutate(
            info,
            "workspace.member_add",
            lambda session, viewer: members.add_member(
                session,
                viewer,
                input.workspace_id,
                customer_id=input.customer_id,
                username=input.username,
                role=input.role.value,
            ),
            WorkspaceMemberAddPayload,
            resource_id=input.workspace_id,
            audit_id=_workspace_id,
            member=MEMBER,
            workspace=WORKSPACE.of(_workspace_id),
        )

    @strawberry.mutation(
        description="Remove a member (the owner: anyone but itself; admin members: members "
        "and viewers). The owner is never removed (LAST_OWNER): transfer ownership first."
    )
    async def workspace_member_remove(
        self, info: Info, input: WorkspaceMemberRemoveInput
    ) -> WorkspaceMemberRemovePayload:
        # The call returns the workspace row.
        return await mutate(
            info,
            "workspace.member_remove",
            lambda session, viewer: members.remove_member(
                session, viewer, input.workspace_id, input.customer_id
            ),
            WorkspaceMemberRemovePayload,
            resource_id=input.workspace_id,
            removed_customer_id=lambda _ctx, _workspace: input.customer_id,
            workspace=WORKSPACE,
        )

    @strawberry.mutation(
        description="Change a member's role (the owner: any non-owner to ADMIN, MEMBER or "
        "VIEWER; admin members: between MEMBER and VIEWER). The owner is never demoted "
        "(LAST_OWNER): transfer ownership instead."
    )
    async def workspace_member_role_change(
        self, info: Info, input: WorkspaceMemberRoleChangeInput
    ) -> WorkspaceMemberRoleChangePayload:
        return await mutate(
            info,
            "workspace.member_role_change",
            lambda session, viewer: members.change_member_role(
                session, viewer, input.workspace_id, input.customer_id, input.role.value
            ),
            WorkspaceMemberRoleChangePayload,
            resource_id=input.workspace_id,
            audit_id=_workspace_id,
            member=MEMBER,
            workspace=WORKSPACE.of(_workspace_id),
        )

    @strawberry.mutation(
        description="Make an active member the owner (owner only); the old owner becomes an "
        "admin member. A workspace always has exactly one owner."
    )
    async def workspace_ownership_transfer(
        self, info: Info, input: WorkspaceOwnershipTransferInput
    ) -> WorkspaceOwnershipTransferPayload:
        return await mutate(
            info,
            "workspace.ownership_transfer",
            lambda session, viewer: members.transfer_ownership(
                session, viewer, input.workspace_id, input.new_owner_id
            ),
            WorkspaceOwnershipTransferPayload,
            resource_id=input.workspace_id,
            workspace=WORKSPACE,
        )

    @strawberry.mutation(
        description="Leave a workspace (or decline an invitation). The owner cannot leave "
        "(LAST_OWNER): transfer ownership first."
    )
    async def workspace_leave(
        self, info: Info, input: WorkspaceLeaveInput
    ) -> WorkspaceLeavePayload:
        return await mutate(
            info,
            "workspace.leave",
            lambda session, viewer: members.leave_workspace(session, viewer, input.workspace_id),
            WorkspaceLeavePayload,
            resource_id=input.workspace_id,
            left_workspace_id=returned,
        )
