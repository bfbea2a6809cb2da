"""Payloads of the workspace mutations: the objects after commit (as the viewer may see them)
and the typed `errors`."""

from __future__ import annotations

import strawberry

from remotegpu.schema.types.payload import Payload, payload
from remotegpu.schema.types.workspaces import Workspace, WorkspaceMember

_ERRORS = "Why nothing was changed; empty on success."
_WORKSPACE = "The workspace after the change; null when it failed."
_MEMBER = "The membership after the change; null when it failed."


@payload("Result of workspaceCreate.", errors=_ERRORS)
class WorkspaceCreatePayload(Payload):
    workspace: Workspace | None = strawberry.field(default=None, description=_WORKSPACE)


@payload("Result of workspaceUpdate.", errors=_ERRORS)
class WorkspaceUpdatePayload(Payload):
    workspace: Workspace | None = strawberry.field(default=None, description=_WORKSPACE)


@payload("Result of workspaceArchive.", errors=_ERRORS)
class WorkspaceArchivePayload(Payload):
    workspace: Workspace | None = strawberry.field(default=None, description=_WORKSPACE)


@payload("Result of workspaceDelete.", errors=_ERRORS)
class WorkspaceDeletePayload(Payload):
    deleted_workspace_id: int | None = strawberry.field(
        default=None, description="Key of the deleted workspace; null when it failed."
    )


@payload("Result of workspaceMemberAdd.", errors=_ERRORS)
class WorkspaceMemberAddPayload(Payload):
    member: WorkspaceMember | None = strawberry.field(default=None, description=_MEMBER)
    workspace: Workspace | None = strawberry.field(default=None, description=_WORKSPACE)


@payload("Result of workspaceMemberRemove.", errors=_ERRORS)
class WorkspaceMemberRemovePayload(Payload):
    removed_customer_id: int | None = strawberry.field(
        default=None, description="Customer key of the removed member; null when it failed."
    )
    workspace: Workspace | None = strawberry.field(default=None, description=_WORKSPACE)


@payload("Result of workspaceMemberRoleChange.", errors=_ERRORS)
class WorkspaceMemberRoleChangePayload(Payload):
    member: WorkspaceMember | None = strawberry.field(default=None, description=_MEMBER)
    workspace: Workspace | None = strawberry.field(default=None, description=_WORKSPACE)


@payload("Result of workspaceOwnershipTransfer.", errors=_ERRORS)
class WorkspaceOwnershipTransferPayload(Payload):
    workspace: Workspace | None = strawberry.field(default=None, description=_WORKSPACE)


@payload("Result of workspaceLeave.", errors=_ERRORS)
class WorkspaceLeavePayload(Payload):
    left_workspace_id: int | None = strawberry.field(
        default=None, description="Key of the workspace left; null when it failed."
    )
