"""Datasets and their versions: the dataset configuration of `versioned_artifacts`.

A dataset adds its storage type; its versions add to its total_size and file_count; open
mounts and pending or running training jobs keep it from being deleted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Executable, Select, delete, func, select, update

from remotegpu.db.models import Dataset, DatasetUsage, DatasetVersion, TrainingJob
from remotegpu.domain import versioned_artifacts as service
from remotegpu.domain.storage import MAX_INT, check_choice
from remotegpu.domain.versioned_artifacts import (
    OPEN_JOB_STATES,
    SIZE,
    VERSION_PATTERN,
    ArtifactKind,
    InUse,
    Total,
    clean_version,
    training_jobs_using,
)

__all__ = [
    "DATASET",
    "OPEN_JOB_STATES",
    "STORAGE_TYPES",
    "VERSION_PATTERN",
    "DatasetChanges",
    "DatasetDraft",
    "VersionDraft",
    "clean_version",
    "create_dataset",
    "create_dataset_version",
    "delete_dataset",
    "update_dataset",
]

STORAGE_TYPES = frozenset({"minio", "s3", "nfs"})


@dataclass(frozen=True, kw_only=True)
class DatasetDraft(service.Draft):
    storage_type: str = "minio"


DatasetChanges = service.Changes


@dataclass(frozen=True, kw_only=True)
class VersionDraft(service.NewVersion):
    file_count: int = 0


def _open_mounts(dataset_id: int) -> Select[int]:
    return (
        select(func.count())
        .select_from(DatasetUsage)
        .where(DatasetUsage.dataset_id == dataset_id, DatasetUsage.unmounted_at.is_(None))
    )


def _detach(dataset_id: int) -> Sequence[Executable]:
    # Finished jobs and closed mounts keep their history but must not point at nothing.
    return (
        update(TrainingJob).where(TrainingJob.dataset_id == dataset_id).values(dataset_id=None),
        delete(DatasetUsage).where(DatasetUsage.dataset_id == dataset_id),
    )


def _own_fields(draft: DatasetDraft) -> dict[str, object]:
    return {"storage_type": check_choice(draft.storage_type, STORAGE_TYPES, "storage_type")}


DATASET: ArtifactKind[Dataset, DatasetVersion] = ArtifactKind(
    label="dataset",
    table=Dataset,
    version_table=DatasetVersion,
    totals=(
        SIZE,
        Total("file_count", "file_count", MAX_INT, "would hold too many files"),
    ),
    in_use=(
        InUse(_open_mounts, "the dataset is mounted in {n} environment(s); unmount it first"),
        training_jobs_using(TrainingJob.dataset_id, "dataset"),
    ),
    detach=_detach,
    own_fields=_own_fields,
)


create_dataset = DATASET.create
update_dataset = DATASET.change
# Removes the dataset and its versions; IN_USE while mounted or used by a live job.
delete_dataset = DATASET.remove
create_dataset_version = DATASET.add_version
