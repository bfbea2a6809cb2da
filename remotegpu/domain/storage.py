"""Rules shared by datasets, models, mounts and artifacts: input checks, ownership, access.

The area is split by object: `datasets`, `models`, `mounts`, `artifacts`; this module holds
what they share. Access follows domain-rules.md: a customer reads what it owns, `public`
objects, and `workspace` objects of workspaces it is an active member of; it manages (changes
visibility, deletes) what it owns or what lives in a workspace where it is owner or admin.
Anything the viewer cannot read is NOT_FOUND, exactly like a missing row. Those rules are
stated once, as SQL, in `remotegpu.access` (the loaders filter with the same predicates);
`lock_checked` applies them to the row a mutation locks.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.access import managed, shared_readable
from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Customer, Workspace, WorkspaceMember
from remotegpu.domain.errors import DomainError, ErrorCode

MAX_BIGINT = 2**63 - 1
MAX_INT = 2**31 - 1
MAX_DESCRIPTION = 10_000
MAX_NAME = 256
MAX_PATH = 512

# Roles that may create resources in a workspace (those that manage everyone's: access.py).
WRITE_ROLES = frozenset({"owner", "admin", "member"})

STATUSES = frozenset({"uploading", "ready", "error"})
VISIBILITIES = frozenset({"private", "workspace", "public"})


def at(name: str) -> list[str]:
    """The input path of a field of the mutation's `input` argument."""
    return ["input", name]


def viewer_id(viewer: Viewer) -> int:
    if viewer.customer_id is None:  # run_mutation has already refused anonymous viewers
        raise DomainError(ErrorCode.UNAUTHENTICATED, "log in first")
    return viewer.customer_id


def _has_control(value: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in value)


def clean_text(value: str, name: str, *, limit: int, label: str | None = None) -> str:
    """A required single-line text: stripped, non-empty, no control characters, <= limit."""
    label = label or name
    text = value.strip()
    if not text:
        raise DomainError(ErrorCode.INVALID_INPUT, f"{label} must not be empty", at(name))
    if len(text) > limit:
        raise DomainError(
            ErrorCode.INVALID_INPUT, f"{label} is longer than {limit} characters", at(name)
        )
    if _has_control(text):
        raise DomainError(ErrorCode.INVALID_INPUT, f"{label} contains control characters", at(name))
    return text


def clean_description(value: str | None, name: str = "description") -> str | None:
    """Free text up to MAX_DESCRIPTION characters; blank means none."""
    if value is None or not value.strip():
        return None
    if len(value) > MAX_DESCRIPTION:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"description is longer than {MAX_DESCRIPTION} characters",
            at(name),
        )
    return value


def clean_storage_path(value: str, name: str = "storagePath") -> str:
    """Where the bytes live, e.g. s3://bucket/prefix: required, one line, <= 512 characters."""
    return clean_text(value, name, limit=MAX_PATH, label="storage path")


def check_count(value: int, name: str, *, limit: int = MAX_BIGINT) -> int:
    if value < 0:
        raise DomainError(ErrorCode.INVALID_INPUT, f"{name} must not be negative", at(name))
    if value > limit:
        raise DomainError(ErrorCode.INVALID_INPUT, f"{name} is larger than {limit}", at(name))
    return value


def check_choice(value: str, allowed: frozenset[str], name: str) -> str:
    if value not in allowed:
        raise DomainError(ErrorCode.INVALID_INPUT, f"unknown {name} {value!r}", at(name))
    return value


async def membership_role(
    session: AsyncSession, customer_id: int, workspace_id: int | None
) -> str | None:
    """The customer's role in the workspace if its membership is active, else None."""
    if workspace_id is None:
        return None
    role: str | None = await session.scalar(
        select(WorkspaceMember.role).where(
            WorkspaceMember.workspace_id == workspace_id,
            WorkspaceMember.customer_id == customer_id,
            WorkspaceMember.status == "active",
        )
    )
    return role


async def resolve_owner(session: AsyncSession, viewer: Viewer, owner_id: int | None) -> int:
    """The owner of a new object: the viewer, or (platform admins only) another customer."""
    me = viewer_id(viewer)
    if owner_id is None or owner_id == me:
        return me
    if not viewer.is_admin:
        raise DomainError(
            ErrorCode.FORBIDDEN, "only platform admins may create for someone else", at("ownerId")
        )
    found = await session.scalar(
        select(Customer.id).where(Customer.id == owner_id, Customer.deleted_at.is_(None))
    )
    if found is None:
        raise DomainError(ErrorCode.NOT_FOUND, "no such customer", at("ownerId"))
    return owner_id


async def check_workspace_for_create(
    session: AsyncSession, viewer: Viewer, owner_id: int, workspace_id: int
) -> None:
    """A new object may live in the workspace: it exists and is active; the viewer (or, for a
    platform admin acting for someone, the owner) is an active owner/admin/member there."""
    # A share lock keeps the workspace from being deleted under the new object.
    workspace = await session.scalar(
        select(Workspace).where(Workspace.id == workspace_id).with_for_update(read=True)
    )
    if workspace is None:
        raise DomainError(ErrorCode.NOT_FOUND, "no such workspace", at("workspaceId"))
    if viewer.is_admin:
        if await membership_role(session, owner_id, workspace_id) not in WRITE_ROLES:
            raise DomainError(
                ErrorCode.INVALID_INPUT,
                "the owner is not an active owner, admin or member of this workspace",
                at("workspaceId"),
            )
    else:
        role = await membership_role(session, viewer_id(viewer), workspace_id)
        if role is None:
            raise DomainError(ErrorCode.NOT_FOUND, "no such workspace", at("workspaceId"))
        if role not in WRITE_ROLES:
            raise DomainError(
                ErrorCode.FORBIDDEN,
                f"a workspace {role} may not create resources there",
                at("workspaceId"),
            )
    if workspace.status != "active":
        raise DomainError(ErrorCode.INVALID_INPUT, "the workspace is not active", at("workspaceId"))


def check_visibility(visibility: str, workspace_id: int | None) -> str:
    check_choice(visibility, VISIBILITIES, "visibility")
    if visibility == "workspace" and workspace_id is None:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            "visibility WORKSPACE needs a workspace (workspaceId)",
            at("visibility"),
        )
    return visibility


async def lock_checked(
    session: AsyncSession,
    table: Any,
    row_id: int,
    *,
    readable: ColumnElement[bool],
    manageable: ColumnElement[bool],
    field: list[str],
    label: str,
    action: str = "do this",
) -> Any:
    """The row, locked FOR UPDATE, if the viewer reads it (`readable`; NOT_FOUND otherwise,
    exactly like a missing row) and manages it (`manageable`; FORBIDDEN when it only reads).

    The predicates are remotegpu.access's, the loaders' own; they are selected beside the
    row rather than filtering it, so the row is locked whoever asks (as before the check)."""
    found = (
        await session.execute(
            select(table, readable.label("readable"), manageable.label("manageable"))
            .where(table.id == row_id)
            .with_for_update(of=table)
            .execution_options(populate_existing=True)  # the values as of the lock, not cached
        )
    ).one_or_none()
    if found is None or not found[1]:
        raise DomainError(ErrorCode.NOT_FOUND, f"no such {label}", field)
    if not found[2]:
        raise DomainError(
            ErrorCode.FORBIDDEN,
            f"only the {label}'s owner or its workspace's owner or admin may {action}",
            field,
        )
    return found[0]


async def lock_shared(
    session: AsyncSession, viewer: Viewer, table: Any, row_id: int, name: str, *, label: str
) -> Any:
    """The dataset or model row, locked FOR UPDATE, if the viewer may manage it: NOT_FOUND when
    it cannot read it, FORBIDDEN when it only reads."""
    return await lock_checked(
        session,
        table,
        row_id,
        readable=shared_readable(viewer, table),
        manageable=managed(viewer, table.customer_id, table.workspace_id),
        field=at(name),
        label=label,
    )
