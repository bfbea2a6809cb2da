"""Workspace members: add, remove, change roles, transfer ownership, leave.

Each function first locks the workspace row (`lock_workspace`, see workspaces.py for who may
do what), so concurrent membership changes of one workspace run one after another;
`member_count` is then recounted from the member rows in the same transaction and cannot drift.
"""

from __future__ import annotations

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Customer, Workspace, WorkspaceMember
from remotegpu.domain.errors import WHOLE_INPUT, DomainError, ErrorCode
from remotegpu.domain.notifications import NotificationKind, notify
from remotegpu.domain.permissions import require_authenticated
from remotegpu.domain.workspaces import WORKSPACE_ID, lock_workspace

MEMBER_ROLES = ("admin", "member", "viewer")  # owner only through an ownership transfer
CUSTOMER_ID = "customer_id"


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


def _clean_role(role: str) -> str:
    if role == "owner":
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            "a workspace has one owner: use workspaceOwnershipTransfer",
            "role",
        )
    if role not in MEMBER_ROLES:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"role must be one of {', '.join(MEMBER_ROLES)}",
            "role",
        )
    return role


async def _find_customer(
    session: AsyncSession, customer_id: int | None, username: str | None
) -> Customer:
    if (customer_id is None) == (username is None):
        raise DomainError(
            ErrorCode.INVALID_INPUT, "give exactly one of customerId and username", WHOLE_INPUT
        )
    path = CUSTOMER_ID if customer_id is not None else "username"
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
    access = await lock_workspace(session, viewer, workspace_id)
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
            CUSTOMER_ID if customer_id is not None else "username",
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
    access = await lock_workspace(session, viewer, workspace_id)
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
    access = await lock_workspace(session, viewer, workspace_id)
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
    access = await lock_workspace(session, viewer, workspace_id)
    access.require(access.is_owner, "only the owner transfers ownership")
    workspace = access.workspace
    if workspace.type == "personal":
        raise DomainError(ErrorCode.FORBIDDEN, "a personal workspace stays with its customer")
    path = "new_owner_id"
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
