"""Workspaces and their members: create, update, archive, delete; add, remove, change roles,
transfer ownership, leave.

Every function locks the workspace row FOR UPDATE before it reads or writes members, so
concurrent membership changes of one workspace run one after another; `member_count` is then
recounted from the member rows in the same transaction and cannot drift.

Who may do what: the owner everything; an `admin` member manages `member`/`viewer` members
and the settings; platform admins everything. A workspace the viewer does not belong to is
NOT_FOUND, exactly like a missing one; one it belongs to without the right role is FORBIDDEN.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from remotegpu.auth.permissions import require_authenticated
from remotegpu.auth.tokens import utcnow
from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import (
    Artifact,
    Customer,
    Dataset,
    Environment,
    InferenceService,
    MlModel,
    TrainingJob,
    Workspace,
    WorkspaceMember,
)
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.notifications import NotificationKind, notify

WORKSPACE_TYPES = ("team", "enterprise")  # personal ones come with their customer only
MEMBER_ROLES = ("admin", "member", "viewer")  # owner only through an ownership transfer
NAME_MAX = 128
DESCRIPTION_MAX = 4000
LIVE = ("creating", "running")
WORKSPACE_ID = ["input", "workspaceId"]
CUSTOMER_ID = ["input", "customerId"]


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


async def _lock(session: AsyncSession, viewer: Viewer, workspace_id: int) -> Access:
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


async def _recount(session: AsyncSession, workspace: Workspace) -> None:
    """member_count := active member rows (the workspace row is locked, so this is exact)."""
    await session.flush()
    active = (
        select(func.count())
        .select_from(WorkspaceMember)
        .where(WorkspaceMember.workspace_id == workspace.id, WorkspaceMember.status == "active")
        .scalar_subquery()
    )
    count = await session.scalar(
        update(Workspace)
        .where(Workspace.id == workspace.id)
        .values(member_count=active, updated_at=func.now())
        .returning(Workspace.member_count)
        .execution_options(synchronize_session=False)
    )
    set_committed_value(workspace, "member_count", count)


async def _member(session: AsyncSession, workspace_id: int, customer_id: int) -> WorkspaceMember:
    member = await session.scalar(
        select(WorkspaceMember).where(
            WorkspaceMember.workspace_id == workspace_id,
            WorkspaceMember.customer_id == customer_id,
        )
    )
    if member is None:
        raise DomainError(ErrorCode.NOT_FOUND, "no such member of this workspace", CUSTOMER_ID)
    return member


def _clean_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > NAME_MAX:
        raise DomainError(
            ErrorCode.INVALID_INPUT, f"name must be 1 to {NAME_MAX} characters", ["input", "name"]
        )
    return name


def _clean_description(description: str | None) -> str | None:
    description = description.strip() if description is not None else None
    if description is not None and len(description) > DESCRIPTION_MAX:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"description must be at most {DESCRIPTION_MAX} characters",
            ["input", "description"],
        )
    return description or None


def _clean_role(role: str) -> str:
    if role == "owner":
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            "a workspace has one owner: use workspaceOwnershipTransfer",
            ["input", "role"],
        )
    if role not in MEMBER_ROLES:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"role must be one of {', '.join(MEMBER_ROLES)}",
            ["input", "role"],
        )
    return role


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
            ["input", "type"],
        )
    workspace = Workspace(
        owner_id=me,
        name=_clean_name(name),
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
    access = await _lock(session, viewer, workspace_id)
    access.require(access.manages, "only the owner and admins change workspace settings")
    workspace = access.workspace
    if "name" in changes:
        workspace.name = _clean_name(changes["name"] or "")
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
    access = await _lock(session, viewer, workspace_id)
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
    access = await _lock(session, viewer, workspace_id)
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


async def _find_customer(
    session: AsyncSession, customer_id: int | None, username: str | None
) -> Customer:
    if (customer_id is None) == (username is None):
        raise DomainError(
            ErrorCode.INVALID_INPUT, "give exactly one of customerId and username", ["input"]
        )
    path = CUSTOMER_ID if customer_id is not None else ["input", "username"]
    match = (
        Customer.id == customer_id
        if customer_id is not None
        else func.lower(Customer.username) == (username or "").strip().lower()
    )
    customer = await session.scalar(select(Customer).where(match, Customer.deleted_at.is_(None)))
    if customer is None:
        raise DomainError(ErrorCode.NOT_FOUND, "customer not found", path)
    if customer.status != "active":
        raise DomainError(ErrorCode.INVALID_INPUT, f"customer is {customer.status}", path)
    return customer


async def add_member(
    session: AsyncSession,
    viewer: Viewer,
    workspace_id: int,
    *,
    customer_id: int | None,
    username: str | None,
    role: str,
) -> WorkspaceMember:
    access = await _lock(session, viewer, workspace_id)
    access.require(access.manages, "only the owner and admins add members")
    workspace = access.workspace
    if workspace.type == "personal":
        raise DomainError(ErrorCode.FORBIDDEN, "a personal workspace has no other members")
    if workspace.status != "active":
        raise DomainError(ErrorCode.INVALID_TRANSITION, f"workspace is {workspace.status}")
    role = _clean_role(role)
    access.require(access.is_owner or role != "admin", "only the owner adds admins")
    customer = await _find_customer(session, customer_id, username)
    existing = await session.scalar(
        select(WorkspaceMember.status).where(
            WorkspaceMember.workspace_id == workspace.id,
            WorkspaceMember.customer_id == customer.id,
        )
    )
    if existing is not None:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"{customer.username} is already a member ({existing})",
            CUSTOMER_ID if customer_id is not None else ["input", "username"],
        )
    member = WorkspaceMember(
        workspace_id=workspace.id, customer_id=customer.id, role=role, status="active"
    )
    session.add(member)
    await _recount(session, workspace)
    await notify(
        session,
        customer.id,
        NotificationKind.SYSTEM,
        f"You were added to workspace {workspace.name}",
        f"Role: {role}.",
    )
    return member


async def remove_member(
    session: AsyncSession, viewer: Viewer, workspace_id: int, customer_id: int
) -> Workspace:
    access = await _lock(session, viewer, workspace_id)
    access.require(access.manages, "only the owner and admins remove members")
    member = await _member(session, workspace_id, customer_id)
    if member.role == "owner":
        raise DomainError(
            ErrorCode.LAST_OWNER,
            "the owner cannot be removed; transfer ownership first",
            CUSTOMER_ID,
        )
    access.require(access.is_owner or member.role != "admin", "only the owner removes admins")
    await session.delete(member)
    await _recount(session, access.workspace)
    return access.workspace


async def change_member_role(
    session: AsyncSession, viewer: Viewer, workspace_id: int, customer_id: int, role: str
) -> WorkspaceMember:
    access = await _lock(session, viewer, workspace_id)
    access.require(access.manages, "only the owner and admins change roles")
    role = _clean_role(role)
    member = await _member(session, workspace_id, customer_id)
    if member.role == "owner":
        raise DomainError(
            ErrorCode.LAST_OWNER,
            "the owner cannot be demoted; transfer ownership first",
            CUSTOMER_ID,
        )
    access.require(
        access.is_owner or (member.role != "admin" and role != "admin"),
        "admins only move members between member and viewer",
    )
    member.role = role
    await _recount(session, access.workspace)
    return member


async def transfer_ownership(
    session: AsyncSession, viewer: Viewer, workspace_id: int, new_owner_id: int
) -> Workspace:
    """The target (an active member) becomes the one owner; the old owner becomes an admin."""
    access = await _lock(session, viewer, workspace_id)
    access.require(access.is_owner, "only the owner transfers ownership")
    workspace = access.workspace
    if workspace.type == "personal":
        raise DomainError(ErrorCode.FORBIDDEN, "a personal workspace stays with its customer")
    path = ["input", "newOwnerId"]
    target = await session.scalar(
        select(WorkspaceMember).where(
            WorkspaceMember.workspace_id == workspace.id,
            WorkspaceMember.customer_id == new_owner_id,
            WorkspaceMember.status == "active",
        )
    )
    if target is None:
        raise DomainError(ErrorCode.INVALID_INPUT, "the new owner must be an active member", path)
    if target.role == "owner":
        raise DomainError(ErrorCode.INVALID_INPUT, "this member already owns the workspace", path)
    account = await session.scalar(
        select(Customer.status).where(Customer.id == new_owner_id, Customer.deleted_at.is_(None))
    )
    if account != "active":
        raise DomainError(ErrorCode.INVALID_INPUT, "the new owner's account is not active", path)
    old_owners = await session.scalars(
        select(WorkspaceMember).where(
            WorkspaceMember.workspace_id == workspace.id,
            or_(WorkspaceMember.role == "owner", WorkspaceMember.customer_id == workspace.owner_id),
        )
    )
    for old in old_owners:
        old.role = "admin"
    target.role = "owner"
    workspace.owner_id = new_owner_id
    await _recount(session, workspace)
    await notify(
        session,
        new_owner_id,
        NotificationKind.SYSTEM,
        f"You now own workspace {workspace.name}",
    )
    return workspace


async def leave_workspace(session: AsyncSession, viewer: Viewer, workspace_id: int) -> int:
    """The viewer ends its own membership (an invitation too). Returns the workspace id."""
    me = require_authenticated(viewer)
    workspace = await session.scalar(
        select(Workspace).where(Workspace.id == workspace_id).with_for_update()
    )
    member = None
    if workspace is not None:
        member = await session.scalar(
            select(WorkspaceMember).where(
                WorkspaceMember.workspace_id == workspace_id, WorkspaceMember.customer_id == me
            )
        )
    if workspace is None or member is None:
        raise DomainError(ErrorCode.NOT_FOUND, "workspace not found", WORKSPACE_ID)
    if member.role == "owner" or workspace.owner_id == me:
        raise DomainError(
            ErrorCode.LAST_OWNER, "the owner cannot leave; transfer ownership first", WORKSPACE_ID
        )
    await session.delete(member)
    await _recount(session, workspace)
    return workspace_id
