"""Mutations of the workspaces area: thin wrappers of remotegpu.domain.workspaces and
remotegpu.domain.workspace_members.

Audit rows name the workspace (resource_type "workspace") for member changes too, so one
workspace's history is one query.
"""

from __future__ import annotations

from typing import Any

import strawberry

from remotegpu.domain import workspace_members as members
from remotegpu.domain import workspaces as domain
from remotegpu.resolvers.mutate import Reload, constant, mutation, per_input, returned
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

WORKSPACE = Reload(lambda loaders: loaders.workspaces.workspace_by_id, Workspace.from_row)
MEMBER = Reload(lambda loaders: loaders.workspaces.workspace_member_by_id, WorkspaceMember.from_row)


def _given(value: Any) -> bool:
    return value is not strawberry.UNSET


def _changes(input: WorkspaceUpdateInput) -> dict[str, Any]:
    """The fields the input gives (an absent one stays as it is)."""
    return {
        name: getattr(input, name)
        for name in ("name", "description")
        if _given(getattr(input, name))
    }


def _workspace_id(member: Any) -> int:
    """A membership's workspace: what the audit row of a member change names."""
    return int(member.workspace_id)


@strawberry.type
class WorkspacesMutation:
    workspace_create = mutation(
        "Create a team or enterprise workspace; the viewer becomes its owner.",
        "workspace.create",
        WorkspaceCreateInput,
        WorkspaceCreatePayload,
        lambda session, viewer, input: domain.create_workspace(
            session, viewer, input.name, input.type.value, input.description
        ),
        workspace=WORKSPACE,
    )
    workspace_update = mutation(
        "Rename or describe a workspace (owner or admin members).",
        "workspace.update",
        WorkspaceUpdateInput,
        WorkspaceUpdatePayload,
        lambda session, viewer, input: domain.update_workspace(
            session, viewer, input.workspace_id, _changes(input)
        ),
        resource_id=lambda input: input.workspace_id,
        workspace=WORKSPACE,
    )
    workspace_archive = mutation(
        "Archive a workspace (owner only). Refused (IN_USE) while it holds creating or running "
        "environments.",
        "workspace.archive",
        WorkspaceArchiveInput,
        WorkspaceArchivePayload,
        lambda session, viewer, input: domain.archive_workspace(
            session, viewer, input.workspace_id
        ),
        resource_id=lambda input: input.workspace_id,
        workspace=WORKSPACE,
    )
    workspace_delete = mutation(
        "Delete a team or enterprise workspace and its memberships (owner only). Refused "
        "(IN_USE) while environments, datasets, models, artifacts, training jobs or inference "
        "services still belong to it.",
        "workspace.delete",
        WorkspaceDeleteInput,
        WorkspaceDeletePayload,
        lambda session, viewer, input: domain.delete_workspace(session, viewer, input.workspace_id),
        resource_id=lambda input: input.workspace_id,
        deleted_workspace_id=returned,
    )
    workspace_member_add = mutation(
        "Add a customer to a team or enterprise workspace (owner or admin members; only the "
        "owner adds admins). An existing membership is a CONFLICT.",
        "workspace.member_add",
        WorkspaceMemberAddInput,
        WorkspaceMemberAddPayload,
        lambda session, viewer, input: members.add_member(
            session,
            viewer,
            input.workspace_id,
            customer_id=input.customer_id,
            username=input.username,
            role=input.role.value,
        ),
        resource_id=lambda input: input.workspace_id,
        audit_id=_workspace_id,
        member=MEMBER,
        workspace=WORKSPACE.of(_workspace_id),
    )
    # The call returns the workspace row.
    workspace_member_remove = mutation(
        "Remove a member (the owner: anyone but itself; admin members: members and viewers). "
        "The owner is never removed (LAST_OWNER): transfer ownership first.",
        "workspace.member_remove",
        WorkspaceMemberRemoveInput,
        WorkspaceMemberRemovePayload,
        lambda session, viewer, input: members.remove_member(
            session, viewer, input.workspace_id, input.customer_id
        ),
        resource_id=lambda input: input.workspace_id,
        removed_customer_id=per_input(lambda input: constant(input.customer_id)),
        workspace=WORKSPACE,
    )
    workspace_member_role_change = mutation(
        "Change a member's role (the owner: any non-owner to ADMIN, MEMBER or VIEWER; admin "
        "members: between MEMBER and VIEWER). The owner is never demoted (LAST_OWNER): "
        "transfer ownership instead.",
        "workspace.member_role_change",
        WorkspaceMemberRoleChangeInput,
        WorkspaceMemberRoleChangePayload,
        lambda session, viewer, input: members.change_member_role(
            session, viewer, input.workspace_id, input.customer_id, input.role.value
        ),
        resource_id=lambda input: input.workspace_id,
        audit_id=_workspace_id,
        member=MEMBER,
        workspace=WORKSPACE.of(_workspace_id),
    )
    workspace_ownership_transfer = mutation(
        "Make an active member the owner (owner only); the old owner becomes an admin member. "
        "A workspace always has exactly one owner.",
        "workspace.ownership_transfer",
        WorkspaceOwnershipTransferInput,
        WorkspaceOwnershipTransferPayload,
        lambda session, viewer, input: members.transfer_ownership(
            session, viewer, input.workspace_id, input.new_owner_id
        ),
        resource_id=lambda input: input.workspace_id,
        workspace=WORKSPACE,
    )
    workspace_leave = mutation(
        "Leave a workspace (or decline an invitation). The owner cannot leave (LAST_OWNER): "
        "transfer ownership first.",
        "workspace.leave",
        WorkspaceLeaveInput,
        WorkspaceLeavePayload,
        lambda session, viewer, input: members.leave_workspace(session, viewer, input.workspace_id),
        resource_id=lambda input: input.workspace_id,
        left_workspace_id=returned,
    )
