"""Mutations of the workspaces area: thin wrappers of remotegpu.domain.workspaces and
remotegpu.domain.workspace_members.

Audit rows name the workspace (resource_type "workspace") for member changes too, so one
workspace's history is one query.
"""

from __future__ import annotations

from typing import Any

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.context import Context
from remotegpu.domain import workspace_members as members
from remotegpu.domain import workspaces as domain
from remotegpu.resolvers.support import run_mutation
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
W = "workspace"


async def _workspace(info: Info, workspace_id: int | None) -> Workspace | None:
    if workspace_id is None:
        return None
    row = await info.context.loaders.workspaces.workspace_by_id.load(workspace_id)
    return None if row is None else Workspace.from_row(row)


async def _member(info: Info, member_id: int | None) -> WorkspaceMember | None:
    if member_id is None:
        return None
    row = await info.context.loaders.workspaces.workspace_member_by_id.load(member_id)
    return None if row is None else WorkspaceMember.from_row(row)


def _first(value: tuple[int, int] | None) -> int | None:
    return None if value is None else value[0]


def _given(value: Any) -> bool:
    return value is not strawberry.UNSET


@strawberry.type
class WorkspacesMutation:
    @strawberry.mutation(
        description="Create a team or enterprise workspace; the viewer becomes its owner."
    )
    async def workspace_create(
        self, info: Info, input: WorkspaceCreateInput
    ) -> WorkspaceCreatePayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await domain.create_workspace(
                session, info.context.viewer, input.name, input.type.value, input.description
            )
            return row.id, str(row.id)

        outcome = await run_mutation(info, "workspace.create", W, work)
        return WorkspaceCreatePayload(
            workspace=await _workspace(info, outcome.value), errors=outcome.errors
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

        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await domain.update_workspace(
                session, info.context.viewer, input.workspace_id, changes
            )
            return row.id, str(row.id)

        outcome = await run_mutation(
            info, "workspace.update", W, work, resource_id=str(input.workspace_id)
        )
        return WorkspaceUpdatePayload(
            workspace=await _workspace(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Archive a workspace (owner only). Refused (IN_USE) while it holds "
        "creating or running environments."
    )
    async def workspace_archive(
        self, info: Info, input: WorkspaceArchiveInput
    ) -> WorkspaceArchivePayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await domain.archive_workspace(session, info.context.viewer, input.workspace_id)
            return row.id, str(row.id)

        outcome = await run_mutation(
            info, "workspace.archive", W, work, resource_id=str(input.workspace_id)
        )
        return WorkspaceArchivePayload(
            workspace=await _workspace(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Delete a team or enterprise workspace and its memberships (owner only). "
        "Refused (IN_USE) while environments, datasets, models, artifacts, training jobs or "
        "inference services still belong to it."
    )
    async def workspace_delete(
        self, info: Info, input: WorkspaceDeleteInput
    ) -> WorkspaceDeletePayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            deleted = await domain.delete_workspace(
                session, info.context.viewer, input.workspace_id
            )
            return deleted, str(deleted)

        outcome = await run_mutation(
            info, "workspace.delete", W, work, resource_id=str(input.workspace_id)
        )
        return WorkspaceDeletePayload(deleted_workspace_id=outcome.value, errors=outcome.errors)

    @strawberry.mutation(
        description="Add a customer to a team or enterprise workspace (owner or admin "
        "members; only the owner adds admins). An existing membership is a CONFLICT."
    )
    async def workspace_member_add(
        self, info: Info, input: WorkspaceMemberAddInput
    ) -> WorkspaceMemberAddPayload:
        async def work(session: AsyncSession) -> tuple[tuple[int, int], str]:
            row = await members.add_member(
                session,
                info.context.viewer,
                input.workspace_id,
                customer_id=input.customer_id,
                username=input.username,
                role=input.role.value,
            )
            return (row.id, row.workspace_id), str(row.workspace_id)

        outcome = await run_mutation(
            info, "workspace.member_add", W, work, resource_id=str(input.workspace_id)
        )
        return WorkspaceMemberAddPayload(
            member=await _member(info, _first(outcome.value)),
            workspace=await _workspace(info, outcome.value and outcome.value[1]),
            errors=outcome.errors,
        )

    @strawberry.mutation(
        description="Remove a member (the owner: anyone but itself; admin members: members "
        "and viewers). The owner is never removed (LAST_OWNER): transfer ownership first."
    )
    async def workspace_member_remove(
        self, info: Info, input: WorkspaceMemberRemoveInput
    ) -> WorkspaceMemberRemovePayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await members.remove_member(
                session, info.context.viewer, input.workspace_id, input.customer_id
            )
            return row.id, str(row.id)

        outcome = await run_mutation(
            info, "workspace.member_remove", W, work, resource_id=str(input.workspace_id)
        )
        return WorkspaceMemberRemovePayload(
            removed_customer_id=None if outcome.value is None else input.customer_id,
            workspace=await _workspace(info, outcome.value),
            errors=outcome.errors,
        )

    @strawberry.mutation(
        description="Change a member's role (the owner: any non-owner to ADMIN, MEMBER or "
        "VIEWER; admin members: between MEMBER and VIEWER). The owner is never demoted "
        "(LAST_OWNER): transfer ownership instead."
    )
    async def workspace_member_role_change(
        self, info: Info, input: WorkspaceMemberRoleChangeInput
    ) -> WorkspaceMemberRoleChangePayload:
        async def work(session: AsyncSession) -> tuple[tuple[int, int], str]:
            row = await members.change_member_role(
                session,
                info.context.viewer,
                input.workspace_id,
                input.customer_id,
                input.role.value,
            )
            return (row.id, row.workspace_id), str(row.workspace_id)

        outcome = await run_mutation(
            info, "workspace.member_role_change", W, work, resource_id=str(input.workspace_id)
        )
        return WorkspaceMemberRoleChangePayload(
            member=await _member(info, _first(outcome.value)),
            workspace=await _workspace(info, outcome.value and outcome.value[1]),
            errors=outcome.errors,
        )

    @strawberry.mutation(
        description="Make an active member the owner (owner only); the old owner becomes an "
        "admin member. A workspace always has exactly one owner."
    )
    async def workspace_ownership_transfer(
        self, info: Info, input: WorkspaceOwnershipTransferInput
    ) -> WorkspaceOwnershipTransferPayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            row = await members.transfer_ownership(
                session, info.context.viewer, input.workspace_id, input.new_owner_id
            )
            return row.id, str(row.id)

        outcome = await run_mutation(
            info, "workspace.ownership_transfer", W, work, resource_id=str(input.workspace_id)
        )
        return WorkspaceOwnershipTransferPayload(
            workspace=await _workspace(info, outcome.value), errors=outcome.errors
        )

    @strawberry.mutation(
        description="Leave a workspace (or decline an invitation). The owner cannot leave "
        "(LAST_OWNER): transfer ownership first."
    )
    async def workspace_leave(
        self, info: Info, input: WorkspaceLeaveInput
    ) -> WorkspaceLeavePayload:
        async def work(session: AsyncSession) -> tuple[int, str]:
            left = await members.leave_workspace(session, info.context.viewer, input.workspace_id)
            return left, str(left)

        outcome = await run_mutation(
            info, "workspace.leave", W, work, resource_id=str(input.workspace_id)
        )
        return WorkspaceLeavePayload(left_workspace_id=outcome.value, errors=outcome.errors)
