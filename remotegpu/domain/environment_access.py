"""Who may see, create and act on an environment; inputs every operation shares.

See: platform admins all; an agent the environments of its host; a customer its own and those
of workspaces it is an active member of. Act (start, stop, delete, update, ports): the owner,
active workspace owners/admins for workspace environments, and platform admins. Someone who
cannot see an environment gets NOT_FOUND (exactly like a missing one); someone who can see it
but not act on it gets FORBIDDEN.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Environment, WorkspaceMember
from remotegpu.domain import validators
from remotegpu.domain.errors import DomainError, ErrorCode, FieldRef

LIVE = ("creating", "running")  # statuses that hold CPU, memory, disk and GPUs
GONE = ("deleted", "deleting")
MANAGERS = ("owner", "admin")  # workspace roles that may act on others' environments
CREATORS = ("owner", "admin", "member")  # workspace roles that may create environments there
NAME_MAX = 128
DESCRIPTION_MAX = 4000

_ID = "id"


def not_found(what: str, key: str, field: FieldRef | None = None) -> DomainError:
    return DomainError(ErrorCode.NOT_FOUND, f"{what} {key} not found", field or _ID)


async def role_in(session: AsyncSession, workspace_id: int, customer_id: int | None) -> str | None:
    """The customer's role in the workspace if it is an active member, else None."""
    if customer_id is None:
        return None
    role: str | None = await session.scalar(
        select(WorkspaceMember.role).where(
            WorkspaceMember.workspace_id == workspace_id,
            WorkspaceMember.customer_id == customer_id,
            WorkspaceMember.status == "active",
        )
    )
    return role


async def may_see(
    session: AsyncSession, viewer: Viewer, env: Environment, *, manage: bool = False
) -> bool:
    """Whether the viewer sees the environment (or, with `manage`, may act on it)."""
    if viewer.is_agent:
        return not manage and env.host_id == viewer.agent_host_id
    if viewer.is_admin:
        return True
    if viewer.customer_id is None:
        return False
    if env.user_id == viewer.customer_id:
        return True
    if env.workspace_id is None:
        return False
    role = await role_in(session, env.workspace_id, viewer.customer_id)
    return role is not None and (not manage or role in MANAGERS)


# Built once: building a statement per call cost more of the API's CPU than running it.
_LOCK = (
    select(Environment)
    .where(Environment.id == bindparam("env_id"))
    .with_for_update()
    .execution_options(populate_existing=True)
)


async def lock_visible(
    session: AsyncSession,
    viewer: Viewer,
    env_id: str,
    *,
    field: FieldRef | None = None,
    what: tuple[str, str] | None = None,
) -> Environment:
    """The environment row, locked FOR UPDATE; NOT_FOUND unless the viewer sees it."""
    env = (await session.execute(_LOCK, {"env_id": env_id})).scalar_one_or_none()
    if env is None or not await may_see(session, viewer, env):
        raise not_found(*(what or ("environment", env_id)), field)
    return env


async def lock_for_action(
    session: AsyncSession, viewer: Viewer, env_id: str, *, field: FieldRef | None = None
) -> Environment:
    """The environment row, locked; NOT_FOUND if invisible, FORBIDDEN if only visible."""
    env = await lock_visible(session, viewer, env_id, field=field)
    if not await may_see(session, viewer, env, manage=True):
        raise DomainError(
            ErrorCode.FORBIDDEN, f"you may not change environment {env_id}", field or _ID
        )
    return env


def clean_name(name: str) -> str:
    return validators.clean_name(name, NAME_MAX)


def clean_description(description: str | None) -> str | None:
    if description is not None and len(description) > DESCRIPTION_MAX:
        raise validators.invalid(
            "description", f"description must be at most {DESCRIPTION_MAX} characters"
        )
    return description or None
