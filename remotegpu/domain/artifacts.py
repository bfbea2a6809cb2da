"""Artifacts: files produced by a training job, inference service or environment."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.access import managed, owned_or_in_workspace
from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Artifact, Environment, InferenceService, TrainingJob
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.storage import (
    MAX_NAME,
    check_choice,
    check_count,
    check_workspace_for_create,
    clean_storage_path,
    clean_text,
    lock_checked,
    resolve_owner,
)

ARTIFACT_TYPES = frozenset({"model", "checkpoint", "log", "report"})
MAX_SOURCE_ID = 128

# Each kind of source: its table's key and owner columns.
_SOURCES: dict[str, tuple[Any, Any]] = {
    "training_job": (TrainingJob.id, TrainingJob.customer_id),
    "inference_service": (InferenceService.id, InferenceService.customer_id),
    "environment": (Environment.id, Environment.user_id),
}


@dataclass(frozen=True)
class ArtifactDraft:
    name: str
    type: str
    storage_path: str
    source_type: str
    source_id: str
    size: int = 0
    workspace_id: int | None = None
    owner_id: int | None = None


async def _check_source(
    session: AsyncSession, owner_id: int, source_type: str, source_id: str
) -> None:
    """The source exists and belongs to the artifact's owner; NOT_FOUND otherwise (another
    customer's job is reported like a missing one). Share-locked so it cannot vanish first."""
    key, owner = _SOURCES[check_choice(source_type, frozenset(_SOURCES), "source_type")]
    found = await session.scalar(
        select(owner).where(key == source_id).with_for_update(read=True, key_share=True)
    )
    if found is None or found != owner_id:
        raise DomainError(
            ErrorCode.NOT_FOUND,
            f"no such {source_type.replace('_', ' ')} of the artifact's owner",
            "source_id",
        )


async def create_artifact(session: AsyncSession, viewer: Viewer, draft: ArtifactDraft) -> Artifact:
    name = clean_text(draft.name, "name", limit=MAX_NAME)
    kind = check_choice(draft.type, ARTIFACT_TYPES, "type")
    storage_path = clean_storage_path(draft.storage_path)
    size = check_count(draft.size, "size")
    source_id = clean_text(draft.source_id, "source_id", limit=MAX_SOURCE_ID, label="source id")
    owner_id = await resolve_owner(session, viewer, draft.owner_id)
    await _check_source(session, owner_id, draft.source_type, source_id)
    if draft.workspace_id is not None:
        await check_workspace_for_create(session, viewer, owner_id, draft.workspace_id)
    artifact = Artifact(
        customer_id=owner_id,
        workspace_id=draft.workspace_id,
        name=name,
        type=kind,
        storage_path=storage_path,
        size=size,
        source_type=draft.source_type,
        source_id=source_id,
    )
    session.add(artifact)
    await session.flush()
    return artifact


async def delete_artifact(session: AsyncSession, viewer: Viewer, artifact_id: int) -> int:
    """Owner, an owner/admin of its workspace, or a platform admin may delete; workspace
    members who only see it get FORBIDDEN; anyone else NOT_FOUND."""
    owner, workspace = Artifact.customer_id, Artifact.workspace_id
    await lock_checked(
        session,
        Artifact,
        artifact_id,
        readable=owned_or_in_workspace(viewer, owner, workspace),
        manageable=managed(viewer, owner, workspace),
        field="artifact_id",
        label="artifact",
        action="delete it",
    )
    await session.execute(delete(Artifact).where(Artifact.id == artifact_id))
    return artifact_id
