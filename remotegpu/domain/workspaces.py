"""Workspaces: create, update, archive, delete; the lock and role check every change starts with.

Every function locks the workspace row FOR UPDATE (`lock_workspace`) before it reads or writes
members, so concurrent changes of one workspace run one after another. Members (add, remove,
change roles, transfer ownership, leave) are in workspace_members.py.

Who may do what: the owner everything; an `admin` member manages `member`/`viewer` members
and the settings; platform admins everything. A workspace the viewer does not belong to is
NOT_FOUND, exactly like a missing one; one it belongs to without the right role is FORBIDDEN.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.tokens import utcnow
from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import (
    Artifact,
    Dataset,
    Environment,
    InferenceService,
    MlModel,
    TrainingJob,
    Workspace,
    WorkspaceMember,
)
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.permissions import require_authenticated
from remotegpu.domain.validators import clean_name

WORKSPACE_TYPES = ("team", "enterprise")  # personal ones come with their customer only
NAME_MAX = 128
DESCRIPTION_MAX = 4000
LIVE = ("creating", "running")
WORKSPACE_ID = "workspace_id"


@dataclass(frozen=True)
class Access:
    """A locked workspace and what the viewer is in it."""

    workspace: Workspace
    role: str | None  # the viewer's active role; None for a platform admin who is no member
    platform_admin: bool

    @property
    def is_owner(self) -> bool:
        return self.platform_admin or self.role == "owner"

    @property
    def manages(self) -> bool:
        return self.platform_admin or self.role in ("owner", "admin")

    def require(self, allowed: bool, message: str) -> None:
        if not allowed:
            raise DomainError(ErrorCode.FORBIDDEN, message)


async def lock_workspace(session: AsyncSession, viewer: Viewer, workspace_id: int) -> Access:
    me = require_authenticated(viewer)
    # One round trip for the row and the viewer's role: the lock is held from here on, and
    # every statement inside it lengthens the queue of concurrent membership changes.
    role_of_viewer = (
        select(WorkspaceMember.role)
        .where(
            WorkspaceMember.workspace_id == Workspace.id,
            WorkspaceMember.customer_id == me,
            WorkspaceMember.status == "active",
        )
        .scalar_subquery()
    )
    found = (
        await session.execute(
            select(Workspace, role_of_viewer)
            .where(Workspace.id == workspace_id)
            .with_for_update(of=Workspace)
        )
    ).first()
    workspace, role = (None, None) if found is None else (found[0], found[1])
    if workspace is not None and workspace.owner_id == me:
        role = "owner"
    if workspace is None or (role is None and not viewer.is_admin):
        raise DomainError(ErrorCode.NOT_FOUND, "workspace not found", WORKSPACE_ID)
    return Access(workspace, role, viewer.is_admin)


def _clean_description(description: str | None) -> str | None:
    description = description.strip() if description is not None else None
    if description is not None and len(description) > DESCRIPTION_MAX:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"description must be at most {DESCRIPTION_MAX} characters",
            "description",
        )
    return description or None


async def create_workspace(
    session: AsyncSession,
    viewer: Viewer,
    name: str,
    workspace_type: str,
    description: str | None,
) -> Workspace:
    """A team or enterprise workspace owned by the viewer, who is its one (owner) member."""
    me = require_authenticated(viewer)
    if workspace_type not in WORKSPACE_TYPES:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            "type must be team or enterprise (personal workspaces come with their customer)",
            "type",
        )
    workspace = Workspace(
        owner_id=me,
        name=clean_name(name, NAME_MAX),
        description=_clean_description(description),
        type=workspace_type,
        member_count=1,
        status="active",
    )
    session.add(workspace)
    await session.flush()
    session.add(
        WorkspaceMember(workspace_id=workspace.id, customer_id=me, role="owner", status="active")
    )
    await session.flush()
    return workspace


async def update_workspace(
    session: AsyncSession, viewer: Viewer, workspace_id: int, changes: dict[str, str | None]
) -> Workspace:
    """Rename or describe; `changes` holds "name" and/or "description" (None clears it)."""
    access = await lock_workspace(session, viewer, workspace_id)
    access.require(access.manages, "only the owner and admins change workspace settings")
    workspace = access.workspace
    if "name" in changes:
        workspace.name = clean_name(changes["name"] or "", NAME_MAX)
    if "description" in changes:
        workspace.description = _clean_description(changes["description"])
    workspace.updated_at = utcnow()
    await session.flush()
    return workspace


async def _refuse_live_environments(session: AsyncSession, workspace: Workspace) -> None:
    live = await session.scalar(
        select(func.count())
        .select_from(Environment)
        .where(Environment.workspace_id == workspace.id, Environment.status.in_(LIVE))
    )
    if live:
        raise DomainError(
            ErrorCode.IN_USE,
            f"workspace holds {live} live environment(s) (creating or running); stop them first",
            WORKSPACE_ID,
        )


async def archive_workspace(session: AsyncSession, viewer: Viewer, workspace_id: int) -> Workspace:
    access = await lock_workspace(session, viewer, workspace_id)
    access.require(access.is_owner, "only the owner archives a workspace")
    workspace = access.workspace
    if workspace.status != "active":
        raise DomainError(ErrorCode.INVALID_TRANSITION, f"workspace is {workspace.status}")
    await _refuse_live_environments(session, workspace)
    workspace.status = "archived"
    workspace.updated_at = utcnow()
    await session.flush()
    return workspace


async def delete_workspace(session: AsyncSession, viewer: Viewer, workspace_id: int) -> int:
    """Remove the workspace and its member rows; refused while anything still refers to it
    (so every workspace_id stays resolvable). Returns the deleted id."""
    access = await lock_workspace(session, viewer, workspace_id)
    access.require(access.is_owner, "only the owner deletes a workspace")
    workspace = access.workspace
    if workspace.type == "personal":
        raise DomainError(ErrorCode.FORBIDDEN, "a personal workspace cannot be deleted")
    await _refuse_live_environments(session, workspace)
    referring = {
        "environments": select(Environment.id).where(
            Environment.workspace_id == workspace.id, Environment.status != "deleted"
        ),
        "datasets": select(Dataset.id).where(Dataset.workspace_id == workspace.id),
        "models": select(MlModel.id).where(MlModel.workspace_id == workspace.id),
        "artifacts": select(Artifact.id).where(Artifact.workspace_id == workspace.id),
        "training jobs": select(TrainingJob.id).where(TrainingJob.workspace_id == workspace.id),
        "inference services": select(InferenceService.id).where(
            InferenceService.workspace_id == workspace.id
        ),
    }
    for what, stmt in referring.items():
        if (await session.execute(stmt.limit(1))).first() is not None:
            raise DomainError(
                ErrorCode.IN_USE,
                f"workspace still has {what}; delete or move them first",
                WORKSPACE_ID,
            )
    await session.execute(
        delete(WorkspaceMember).where(WorkspaceMember.workspace_id == workspace.id)
    )
    await session.delete(workspace)
    await session.flush()
    return workspace_id
