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
from remotegpu.domain.errors import DomainError, ErrorCode, FieldRef
from remotegpu.domain.validators import invalid, spelled

MAX_BIGINT = 2**63 - 1
MAX_INT = 2**31 - 1
MAX_DESCRIPTION = 10_000
MAX_NAME = 256
MAX_PATH = 512

# Roles that may create resources in a workspace (those that manage everyone's: access.py).
WRITE_ROLES = frozenset({"owner", "admin", "member"})

STATUSES = frozenset({"uploading", "ready", "error"})
VISIBILITIES = frozenset({"private", "workspace", "public"})


def viewer_id(viewer: Viewer) -> int:
    if viewer.customer_id is None:  # run_mutation has already refused anonymous viewers
        raise DomainError(ErrorCode.UNAUTHENTICATED, "log in first")
    return viewer.customer_id


def _has_control(value: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in value)


# The checks below name their field in the domain's terms (snake_case, see DomainError) and
# keep the messages these operations have always given, which differ from the shared ones of
# `validators` ("must not be empty", control characters refused, "unknown x 'y'").


def clean_text(value: str, field: str, *, limit: int, label: str | None = None) -> str:
    """A required single-line text: stripped, non-empty, no control characters, <= limit."""
    label = label or spelled(field)
    text = value.strip()
    if not text:
        raise invalid(field, f"{label} must not be empty")
    if len(text) > limit:
        raise invalid(field, f"{label} is longer than {limit} characters")
    if _has_control(text):
        raise invalid(field, f"{label} contains control characters")
    return text


def clean_description(value: str | None, field: str = "description") -> str | None:
    """Free text up to MAX_DESCRIPTION characters; blank means none."""
    if value is None or not value.strip():
        return None
    if len(value) > MAX_DESCRIPTION:
        raise invalid(field, f"description is longer than {MAX_DESCRIPTION} characters")
    return value


def clean_storage_path(value: str, field: str = "storage_path") -> str:
    """Where the bytes live, e.g. s3://bucket/prefix: required, one line, <= 512 characters."""
    return clean_text(value, field, limit=MAX_PATH, label="storage path")


def check_count(value: int, field: str, *, limit: int = MAX_BIGINT) -> int:
    if value < 0:
        raise invalid(field, f"{spelled(field)} must not be negative")
    if value > limit:
        raise invalid(field, f"{spelled(field)} is larger than {limit}")
    return value


def check_choice(value: str, allowed: frozenset[str], field: str) -> str:
    if value not in allowed:
        raise invalid(field, f"unknown {spelled(field)} {value!r}")
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
            ErrorCode.FORBIDDEN, "only platform admins may create for someone else", "owner_id"
        )
    found = await session.scalar(
        select(Customer.id).where(Customer.id == owner_id, Customer.deleted_at.is_(None))
    )
    if found is None:
        raise DomainError(ErrorCode.NOT_FOUND, "no such customer", "owner_id")
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
        raise DomainError(ErrorCode.NOT_FOUND, "no such workspace", "workspace_id")
    if viewer.is_admin:
        if await membership_role(session, owner_id, workspace_id) not in WRITE_ROLES:
            raise DomainError(
                ErrorCode.INVALID_INPUT,
                "the owner is not an active owner, admin or member of this workspace",
                "workspace_id",
            )
    else:
        role = await membership_role(session, viewer_id(viewer), workspace_id)
        if role is None:
            raise DomainError(ErrorCode.NOT_FOUND, "no such workspace", "workspace_id")
        if role not in WRITE_ROLES:
            raise DomainError(
                ErrorCode.FORBIDDEN,
                f"a workspace {role} may not create resources there",
                "workspace_id",
            )
    if workspace.status != "active":
        raise DomainError(ErrorCode.INVALID_INPUT, "the workspace is not active", "workspace_id")


def check_visibility(visibility: str, workspace_id: int | None) -> str:
    check_choice(visibility, VISIBILITIES, "visibility")
    if visibility == "workspace" and workspace_id is None:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            "visibility WORKSPACE needs a workspace (workspaceId)",
            "visibility",
        )
    return visibility


async def lock_checked(
    session: AsyncSession,
    table: Any,
    row_id: int,
    *,
    readable: ColumnElement[bool],
    manageable: ColumnElement[bool],
    field: FieldRef,
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
    session: AsyncSession, viewer: Viewer, table: Any, row_id: int, field: str, *, label: str
) -> Any:
    """The dataset or model row, locked FOR UPDATE, if the viewer may manage it: NOT_FOUND when
    it cannot read it, FORBIDDEN when it only reads."""
    return await lock_checked(
        session,
        table,
        row_id,
        readable=shared_readable(viewer, table),
        manageable=managed(viewer, table.customer_id, table.workspace_id),
        field=field,
        label=label,
    )
