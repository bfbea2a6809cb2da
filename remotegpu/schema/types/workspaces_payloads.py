"""Payloads of the workspace mutations: the objects after commit (as the viewer may see them)
and the typed `errors`."""

from __future__ import annotations

import strawberry

from remotegpu.schema.errors import UserError
from remotegpu.schema.types.workspaces import Workspace, WorkspaceMember

_ERRORS = "Why nothing was changed; empty on success."
_WORKSPACE = "The workspace after the change; null when it failed."
_MEMBER = "The membership after the change; null when it failed."


@strawberry.type(description="Result of workspaceCreate.")
class WorkspaceCreatePayload:
    workspace: Workspace | None = strawberry.field(default=None, description=_WORKSPACE)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of workspaceUpdate.")
class WorkspaceUpdatePayload:
    workspace: Workspace | None = strawberry.field(default=None, description=_WORKSPACE)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of workspaceArchive.")
class WorkspaceArchivePayload:
    workspace: Workspace | None = strawberry.field(default=None, description=_WORKSPACE)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of workspaceDelete.")
class WorkspaceDeletePayload:
    deleted_workspace_id: int | None = strawberry.field(
        default=None, description="Key of the deleted workspace; null when it failed."
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of workspaceMemberAdd.")
class WorkspaceMemberAddPayload:
    member: WorkspaceMember | None = strawberry.field(default=None, description=_MEMBER)
    workspace: Workspace | None = strawberry.field(default=None, description=_WORKSPACE)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of workspaceMemberRemove.")
class WorkspaceMemberRemovePayload:
    removed_customer_id: int | None = strawberry.field(
        default=None, description="Customer key of the removed member; null when it failed."
    )
    workspace: Workspace | None = strawberry.field(default=None, description=_WORKSPACE)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of workspaceMemberRoleChange.")
class WorkspaceMemberRoleChangePayload:
    member: WorkspaceMember | None = strawberry.field(default=None, description=_MEMBER)
    workspace: Workspace | None = strawberry.field(default=None, description=_WORKSPACE)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of workspaceOwnershipTransfer.")
class WorkspaceOwnershipTransferPayload:
    workspace: Workspace | None = strawberry.field(default=None, description=_WORKSPACE)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of workspaceLeave.")
class WorkspaceLeavePayload:
    left_workspace_id: int | None = strawberry.field(
        default=None, description="Key of the workspace left; null when it failed."
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)
