"""ML models and their versions: create, update, delete, add a version (with metrics).

Like datasets: versions are immutable and unique per model, and adding one raises the model's
total_size in the same transaction, with the model row locked FOR UPDATE.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import InferenceService, MlModel, MlModelVersion, TrainingJob
from remotegpu.domain.datasets import OPEN_JOB_STATES, clean_version
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.storage import (
    MAX_BIGINT,
    MAX_NAME,
    STATUSES,
    at,
    check_choice,
    check_count,
    check_visibility,
    check_workspace_for_create,
    clean_description,
    clean_storage_path,
    clean_text,
    lock_shared,
    resolve_owner,
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


async def create_model(session: AsyncSession, viewer: Viewer, draft: ModelDraft) -> MlModel:
    name = clean_text(draft.name, "name", limit=MAX_NAME)
    storage_path = clean_storage_path(draft.storage_path)
    framework = clean_framework(draft.framework)
    description = clean_description(draft.description)
    visibility = check_visibility(draft.visibility, draft.workspace_id)
    owner_id = await resolve_owner(session, viewer, draft.owner_id)
    if draft.workspace_id is not None:
        await check_workspace_for_create(session, viewer, owner_id, draft.workspace_id)
    model = MlModel(
        customer_id=owner_id,
        workspace_id=draft.workspace_id,
        name=name,
        description=description,
        framework=framework,
        storage_path=storage_path,
        total_size=0,
        status="uploading",
        visibility=visibility,
    )
    session.add(model)
    await session.flush()
    return model


async def update_model(
    session: AsyncSession, viewer: Viewer, model_id: int, changes: ModelChanges
) -> MlModel:
    model: MlModel = await lock_shared(
        session, viewer, MlModel, model_id, "modelId", manage=True, label="model"
    )
    values: dict[str, object] = {}
    if changes.name is not None:
        values["name"] = clean_text(changes.name, "name", limit=MAX_NAME)
    if changes.description is not None:
        values["description"] = clean_description(changes.description)
    if changes.framework is not None:
        values["framework"] = clean_framework(changes.framework)
    if changes.status is not None:
        values["status"] = check_choice(changes.status, STATUSES, "status")
    if changes.visibility is not None:
        values["visibility"] = check_visibility(changes.visibility, model.workspace_id)
    if values:
        await session.execute(update(MlModel).where(MlModel.id == model.id).values(**values))
    return model


async def delete_model(session: AsyncSession, viewer: Viewer, model_id: int) -> int:
    """Remove the model and its versions; IN_USE while a live service or job uses it."""
    await lock_shared(session, viewer, MlModel, model_id, "modelId", manage=True, label="model")
    services = await session.scalar(
        select(func.count())
        .select_from(InferenceService)
        .where(
            InferenceService.model_id == model_id,
            InferenceService.status.in_(LIVE_SERVICE_STATES),
        )
    )
    if services:
        raise DomainError(
            ErrorCode.IN_USE,
            f"{services} creating or running inference service(s) serve the model",
            at("modelId"),
        )
    jobs = await session.scalar(
        select(func.count())
        .select_from(TrainingJob)
        .where(TrainingJob.model_id == model_id, TrainingJob.status.in_(OPEN_JOB_STATES))
    )
    if jobs:
        raise DomainError(
            ErrorCode.IN_USE,
            f"{jobs} pending or running training job(s) use the model",
            at("modelId"),
        )
    # Stopped services and finished jobs stay, but must not point at a missing model.
    await session.execute(
        update(InferenceService)
        .where(InferenceService.model_id == model_id)
        .values(model_id=None, model_version=None)
    )
    await session.execute(
        update(TrainingJob).where(TrainingJob.model_id == model_id).values(model_id=None)
    )
    await session.execute(delete(MlModelVersion).where(MlModelVersion.model_id == model_id))
    await session.execute(delete(MlModel).where(MlModel.id == model_id))
    return model_id


async def create_model_version(
    session: AsyncSession, viewer: Viewer, model_id: int, draft: ModelVersionDraft
) -> MlModelVersion:
    version = clean_version(draft.version)
    storage_path = clean_storage_path(draft.storage_path)
    description = clean_description(draft.description)
    size = check_count(draft.size, "size")
    metrics = clean_metrics(draft.metrics)
    # The lock serialises versions of one model: the sum below stays exact.
    model: MlModel = await lock_shared(
        session, viewer, MlModel, model_id, "modelId", manage=True, label="model"
    )
    taken = await session.scalar(
        select(MlModelVersion.id).where(
            MlModelVersion.model_id == model_id, MlModelVersion.version == version
        )
    )
    if taken is not None:
        raise DomainError(
            ErrorCode.CONFLICT, f"the model already has a version {version!r}", at("version")
        )
    total_size = (model.total_size or 0) + size
    if total_size > MAX_BIGINT:
        raise DomainError(ErrorCode.INVALID_INPUT, "the model would grow too large", at("size"))
    row = MlModelVersion(
        model_id=model_id,
        version=version,
        description=description,
        storage_path=storage_path,
        size=size,
        metrics=metrics,
    )
    session.add(row)
    await session.flush()
    await session.execute(
        update(MlModel).where(MlModel.id == model_id).values(total_size=total_size)
    )
    return row
