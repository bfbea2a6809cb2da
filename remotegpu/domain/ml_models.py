"""ML models and their versions: the model configuration of `versioned_artifacts`.

A model adds its framework and its versions their evaluation metrics; versions add to its
total_size; creating or running inference services and pending or running training jobs keep
it from being deleted.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Executable, Select, func, select, update

from remotegpu.db.models import InferenceService, MlModel, MlModelVersion, TrainingJob
from remotegpu.domain import versioned_artifacts as service
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.storage import clean_text
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


@dataclass(frozen=True, kw_only=True)
class ModelDraft(service.Draft):
    framework: str | None = None


@dataclass(frozen=True, kw_only=True)
class ModelChanges(service.Changes):
    framework: str | None = None


@dataclass(frozen=True, kw_only=True)
class ModelVersionDraft(service.NewVersion):
    metrics: Any = None


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
            "metrics",
        )
    if len(value) > MAX_METRICS:
        raise DomainError(ErrorCode.INVALID_INPUT, f"at most {MAX_METRICS} metrics", "metrics")
    out: dict[str, float | int] = {}
    for key, number in value.items():
        if not isinstance(key, str) or not key.strip() or len(key) > MAX_METRIC_NAME:
            raise DomainError(
                ErrorCode.INVALID_INPUT,
                f"metric names are 1-{MAX_METRIC_NAME} characters",
                "metrics",
            )
        # bool is an int in Python, but true/false is no measurement
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise DomainError(ErrorCode.INVALID_INPUT, f"metric {key!r} is not a number", "metrics")
        if isinstance(number, float) and not math.isfinite(number):
            raise DomainError(ErrorCode.INVALID_INPUT, f"metric {key!r} is not finite", "metrics")
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
    totals=(SIZE,),
    in_use=(
        InUse(_live_services, "{n} creating or running inference service(s) serve the model"),
        training_jobs_using(TrainingJob.model_id, "model"),
    ),
    detach=_detach,
    own_fields=lambda draft: {"framework": clean_framework(draft.framework)},
    own_changes=_own_changes,
    own_version_fields=lambda draft: {"metrics": clean_metrics(draft.metrics)},
)


create_model = MODEL.create
update_model = MODEL.change
# Removes the model and its versions; IN_USE while a live service or job uses it.
delete_model = MODEL.remove
create_model_version = MODEL.add_version
