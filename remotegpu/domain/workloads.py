"""What training jobs and inference services share: who may create or manage them, whether the
rows they reference are readable by their owner, and input checks.

The rules themselves are in `training.py` and `inference.py`.
"""

from __future__ import annotations

import secrets
import string

from sqlalchemy import false, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.access import shared_readable
from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import (
    Dataset,
    Environment,
    MlModel,
    MlModelVersion,
    Workspace,
    WorkspaceMember,
)
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.validators import check_range, invalid

CREATOR_ROLES = frozenset({"owner", "admin", "member"})
MANAGER_ROLES = frozenset({"owner", "admin"})
_ID_ALPHABET = string.ascii_lowercase + string.digits


def new_id(prefix: str) -> str:
    """A text key like the seed's ('job-k3x9q2m7ab'): 36^10 values, collisions negligible."""
    return f"{prefix}-" + "".join(secrets.choice(_ID_ALPHABET) for _ in range(10))


def is_platform_admin(viewer: Viewer) -> bool:
    """Agent tokens may belong to an admin but never act with an admin's reach."""
    return viewer.is_admin and viewer.agent_host_id is None


def not_found(kind: str, field: str) -> DomainError:
    # One message for "missing" and "not yours": another tenant's object must look absent.
    return DomainError(ErrorCode.NOT_FOUND, f"{kind} not found", field)


def check_compute(cpu: int | None, memory: int | None, gpu: int | None) -> None:
    """What a training job or inference service asks for: at least a core and a byte of
    memory, no negative GPU count (an amount not given is the column default)."""
    check_range(cpu, "cpu", minimum=1)
    check_range(memory, "memory", minimum=1)
    check_range(gpu, "gpu", minimum=0)


async def active_role(session: AsyncSession, customer_id: int, workspace_id: int) -> str | None:
    """The customer's role in the workspace if the membership is active; locked against a
    concurrent removal until the transaction ends."""
    stmt = (
        select(WorkspaceMember.role)
        .where(
            WorkspaceMember.workspace_id == workspace_id,
            WorkspaceMember.customer_id == customer_id,
            WorkspaceMember.status == "active",
        )
        .with_for_update(read=True)
    )
    role: str | None = await session.scalar(stmt)
    return role


async def require_creator_in(session: AsyncSession, viewer: Viewer, workspace_id: int) -> None:
    """The viewer may create workloads in the workspace: owner, admin or member (platform
    admins anywhere); the workspace must be active."""
    workspace = await session.scalar(
        select(Workspace).where(Workspace.id == workspace_id).with_for_update(read=True)
    )
    if not is_platform_admin(viewer):
        assert viewer.customer_id is not None
        role = await active_role(session, viewer.customer_id, workspace_id)
        if workspace is None or role is None:
            raise not_found("workspace", "workspace_id")
        if role not in CREATOR_ROLES:
            raise DomainError(
                ErrorCode.FORBIDDEN,
                f"a workspace {role} may not create workloads here",
                "workspace_id",
            )
    if workspace is None:
        raise not_found("workspace", "workspace_id")
    if workspace.status != "active":
        raise invalid("workspace_id", f"the workspace is {workspace.status}")


async def require_manager(
    session: AsyncSession, viewer: Viewer, kind: str, owner_id: int, workspace_id: int | None
) -> None:
    """Changing a workload: its owner, an owner/admin of its workspace, or a platform admin.
    Members who can only see it get FORBIDDEN; anyone else NOT_FOUND."""
    if is_platform_admin(viewer) or (viewer.customer_id == owner_id and not viewer.is_agent):
        return
    role = None
    if workspace_id is not None and viewer.customer_id is not None and not viewer.is_agent:
        role = await active_role(session, viewer.customer_id, workspace_id)
    if role is None:
        raise not_found(kind, "id")
    if role not in MANAGER_ROLES:
        raise DomainError(
            ErrorCode.FORBIDDEN, f"only its owner or a workspace owner/admin may change this {kind}"
        )


async def require_readable_dataset(session: AsyncSession, viewer: Viewer, dataset_id: int) -> None:
    """Locked FOR SHARE: it cannot be deleted or made private before this commits."""
    stmt = (
        select(Dataset.id)
        .where(Dataset.id == dataset_id, shared_readable(viewer, Dataset))
        .with_for_update(read=True)
    )
    if await session.scalar(stmt) is None:
        raise not_found("dataset", "dataset_id")


async def require_readable_model(session: AsyncSession, viewer: Viewer, model_id: int) -> MlModel:
    stmt = (
        select(MlModel)
        .where(MlModel.id == model_id, shared_readable(viewer, MlModel))
        .with_for_update(read=True)
    )
    model = await session.scalar(stmt)
    if model is None:
        raise not_found("model", "model_id")
    return model


async def require_model_version(session: AsyncSession, model_id: int, version: str) -> None:
    stmt = (
        select(MlModelVersion.id)
        .where(MlModelVersion.model_id == model_id, MlModelVersion.version == version)
        .with_for_update(read=True)
    )
    if await session.scalar(stmt) is None:
        raise not_found("model version", "model_version")


async def require_usable_environment(
    session: AsyncSession, viewer: Viewer, env_id: str, workspace_id: int | None
) -> None:
    """An environment the job's owner may run in: its own, or one of the job's workspace;
    not deleted or on its way out."""
    conditions = [
        Environment.id == env_id,
        or_(Environment.status.is_(None), Environment.status.not_in(("deleting", "deleted"))),
    ]
    if not is_platform_admin(viewer):
        in_workspace = (
            Environment.workspace_id == workspace_id if workspace_id is not None else false()
        )
        conditions.append(or_(Environment.user_id == viewer.customer_id, in_workspace))
    stmt = select(Environment.id).where(*conditions).with_for_update(read=True)
    if await session.scalar(stmt) is None:
        raise not_found("environment", "env_id")
