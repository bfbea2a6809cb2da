"""ML models and their versions: the model configuration of `versioned_artifacts`.

A model adds its framework and its versions their evaluation metrics; versions add to its
total_size; creating or running inference services and pending or running training jobs keep
it from being deleted.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Executable, Select, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import InferenceService, MlModel, MlModelVersion, TrainingJob
from remotegpu.domain import versioned_artifacts as service
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.storage import at, clean_text
from remotegpu.domain.versioned_artifacts import (
    SIZE,
    ArtifactKind,
    InUse,
    training_jobs_using,
)

MAX_FRAMEWORK = 64
MAX_METRICS = 100
MAX_METRIC_NAME = 128
# Inference services in these states serve their model.
LIVE_SERVICE_STATES = ("creating", "running")


@dataclass(frozen=True)
class ModelDraft:
    name: str
    storage_path: str
    framework: str | None = None
    description: str | None = None
    visibility: str = "private"
    workspace_id: int | None = None
    owner_id: int | None = None


@dataclass(frozen=True)
class ModelChanges:
    """Fields to change; None leaves a field as it is."""

    name: str | None = None
    description: str | None = None
    framework: str | None = None
    status: str | None = None
    visibility: str | None = None


@dataclass(frozen=True)
class ModelVersionDraft:
    version: str
    storage_path: str
    size: int = 0
    description: str | None = None
    metrics: Any = field(default=None)


def clean_framework(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    return clean_text(value, "framework", limit=MAX_FRAMEWORK)


def clean_metrics(value: Any) -> dict[str, float | int] | None:
    """Evaluation metrics: a JSON object of finite numbers, e.g. {"accuracy": 0.93}."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            'metrics must be a JSON object of numbers, e.g. {"accuracy": 0.93}',
            at("metrics"),
        )
    if len(value) > MAX_METRICS:
        raise DomainError(ErrorCode.INVALID_INPUT, f"at most {MAX_METRICS} metrics", at("metrics"))
    out: dict[str, float | int] = {}
    for key, number in value.items():
        if not isinstance(key, str) or not key.strip() or len(key) > MAX_METRIC_NAME:
            raise DomainError(
                ErrorCode.INVALID_INPUT,
                f"metric names are 1-{MAX_METRIC_NAME} characters",
                at("metrics"),
            )
        # bool is an int in Python, but true/false is no measurement
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise DomainError(
                ErrorCode.INVALID_INPUT, f"metric {key!r} is not a number", at("metrics")
            )
        if isinstance(number, float) and not math.isfinite(number):
            raise DomainError(
                ErrorCode.INVALID_INPUT, f"metric {key!r} is not finite", at("metrics")
            )
        out[key] = number
    return out


def _live_services(model_id: int) -> Select[int]:
    return (
        select(func.count())
        .select_from(InferenceService)
        .where(
            InferenceService.model_id == model_id,
            InferenceService.status.in_(LIVE_SERVICE_STATES),
        )
    )


def _detach(model_id: int) -> Sequence[Executable]:
    # Stopped services and finished jobs stay, but must not point at a missing model.
    return (
        update(InferenceService)
        .where(InferenceService.model_id == model_id)
        .values(model_id=None, model_version=None),
        update(TrainingJob).where(TrainingJob.model_id == model_id).values(model_id=None),
    )


def _own_changes(changes: ModelChanges) -> dict[str, object]:
    if changes.framework is None:
        return {}
    return {"framework": clean_framework(changes.framework)}


MODEL: ArtifactKind[MlModel, MlModelVersion] = ArtifactKind(
    label="model",
    table=MlModel,
    version_table=MlModelVersion,
    version_parent=MlModelVersion.model_id,
    id_input="modelId",
    totals=(SIZE,),
    in_use=(
        InUse(_live_services, "{n} creating or running inference service(s) serve the model"),
        training_jobs_using(TrainingJob.model_id, "model"),
    ),
    own_fields=lambda draft: {"framework": clean_framework(draft.framework)},
    own_changes=_own_changes,
    own_version_fields=lambda draft: {"metrics": clean_metrics(draft.metrics)},
    detach=_detach,
)


async def create_model(session: AsyncSession, viewer: Viewer, draft: ModelDraft) -> MlModel:
    return await service.create(MODEL, session, viewer, draft)


async def update_model(
    session: AsyncSession, viewer: Viewer, model_id: int, changes: ModelChanges
) -> MlModel:
    return await service.change(MODEL, session, viewer, model_id, changes)


async def delete_model(session: AsyncSession, viewer: Viewer, model_id: int) -> int:
    """Remove the model and its versions; IN_USE while a live service or job uses it."""
    return await service.remove(MODEL, session, viewer, model_id)


async def create_model_version(
    session: AsyncSession, viewer: Viewer, model_id: int, draft: ModelVersionDraft
) -> MlModelVersion:
    return await service.add_version(MODEL, session, viewer, model_id, draft)
