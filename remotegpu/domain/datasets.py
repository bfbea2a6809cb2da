"""Datasets and their versions: create, update, delete, add a version.

Versions are immutable and unique per dataset; adding one raises the dataset's total_size and
file_count in the same transaction, with the dataset row locked FOR UPDATE so concurrent
versions keep the sums exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Dataset, DatasetUsage, DatasetVersion, TrainingJob
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.storage import (
    MAX_BIGINT,
    MAX_INT,
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

STORAGE_TYPES = frozenset({"minio", "s3", "nfs"})
VERSION_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,64}")
# Training jobs in these states still read their dataset (or model).
OPEN_JOB_STATES = ("pending", "running")


@dataclass(frozen=True)
class DatasetDraft:
    name: str
    storage_path: str
    storage_type: str = "minio"
    description: str | None = None
    visibility: str = "private"
    workspace_id: int | None = None
    owner_id: int | None = None


@dataclass(frozen=True)
class DatasetChanges:
    """Fields to change; None leaves a field as it is."""

    name: str | None = None
    description: str | None = None
    status: str | None = None
    visibility: str | None = None


@dataclass(frozen=True)
class VersionDraft:
    version: str
    storage_path: str
    size: int = 0
    file_count: int = 0
    description: str | None = None


def clean_version(value: str) -> str:
    if not VERSION_PATTERN.fullmatch(value):
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            "version must be 1-64 characters of letters, digits, '.', '_' or '-' (e.g. v1.0)",
            at("version"),
        )
    return value


async def create_dataset(session: AsyncSession, viewer: Viewer, draft: DatasetDraft) -> Dataset:
    name = clean_text(draft.name, "name", limit=MAX_NAME)
    storage_path = clean_storage_path(draft.storage_path)
    storage_type = check_choice(draft.storage_type, STORAGE_TYPES, "storageType")
    description = clean_description(draft.description)
    visibility = check_visibility(draft.visibility, draft.workspace_id)
    owner_id = await resolve_owner(session, viewer, draft.owner_id)
    if draft.workspace_id is not None:
        await check_workspace_for_create(session, viewer, owner_id, draft.workspace_id)
    dataset = Dataset(
        customer_id=owner_id,
        workspace_id=draft.workspace_id,
        name=name,
        description=description,
        storage_path=storage_path,
        storage_type=storage_type,
        total_size=0,
        file_count=0,
        status="uploading",
        visibility=visibility,
    )
    session.add(dataset)
    await session.flush()
    return dataset


async def update_dataset(
    session: AsyncSession, viewer: Viewer, dataset_id: int, changes: DatasetChanges
) -> Dataset:
    dataset: Dataset = await lock_shared(
        session, viewer, Dataset, dataset_id, "datasetId", manage=True, label="dataset"
    )
    values: dict[str, object] = {}
    if changes.name is not None:
        values["name"] = clean_text(changes.name, "name", limit=MAX_NAME)
    if changes.description is not None:
        values["description"] = clean_description(changes.description)
    if changes.status is not None:
        values["status"] = check_choice(changes.status, STATUSES, "status")
    if changes.visibility is not None:
        values["visibility"] = check_visibility(changes.visibility, dataset.workspace_id)
    if values:
        await session.execute(update(Dataset).where(Dataset.id == dataset.id).values(**values))
    return dataset


async def delete_dataset(session: AsyncSession, viewer: Viewer, dataset_id: int) -> int:
    """Remove the dataset and its versions; IN_USE while mounted or used by a live job."""
    await lock_shared(
        session, viewer, Dataset, dataset_id, "datasetId", manage=True, label="dataset"
    )
    mounts = await session.scalar(
        select(func.count())
        .select_from(DatasetUsage)
        .where(DatasetUsage.dataset_id == dataset_id, DatasetUsage.unmounted_at.is_(None))
    )
    if mounts:
        raise DomainError(
            ErrorCode.IN_USE,
            f"the dataset is mounted in {mounts} environment(s); unmount it first",
            at("datasetId"),
        )
    jobs = await session.scalar(
        select(func.count())
        .select_from(TrainingJob)
        .where(TrainingJob.dataset_id == dataset_id, TrainingJob.status.in_(OPEN_JOB_STATES))
    )
    if jobs:
        raise DomainError(
            ErrorCode.IN_USE,
            f"{jobs} pending or running training job(s) use the dataset",
            at("datasetId"),
        )
    # Finished jobs and closed mounts keep their history but must not point at nothing.
    await session.execute(
        update(TrainingJob).where(TrainingJob.dataset_id == dataset_id).values(dataset_id=None)
    )
    await session.execute(delete(DatasetUsage).where(DatasetUsage.dataset_id == dataset_id))
    await session.execute(delete(DatasetVersion).where(DatasetVersion.dataset_id == dataset_id))
    await session.execute(delete(Dataset).where(Dataset.id == dataset_id))
    return dataset_id


async def create_dataset_version(
    session: AsyncSession, viewer: Viewer, dataset_id: int, draft: VersionDraft
) -> DatasetVersion:
    version = clean_version(draft.version)
    storage_path = clean_storage_path(draft.storage_path)
    description = clean_description(draft.description)
    size = check_count(draft.size, "size")
    file_count = check_count(draft.file_count, "fileCount", limit=MAX_INT)
    # The lock serialises versions of one dataset: the sums below stay exact.
    dataset: Dataset = await lock_shared(
        session, viewer, Dataset, dataset_id, "datasetId", manage=True, label="dataset"
    )
    taken = await session.scalar(
        select(DatasetVersion.id).where(
            DatasetVersion.dataset_id == dataset_id, DatasetVersion.version == version
        )
    )
    if taken is not None:
        raise DomainError(
            ErrorCode.CONFLICT, f"the dataset already has a version {version!r}", at("version")
        )
    total_size = (dataset.total_size or 0) + size
    total_files = (dataset.file_count or 0) + file_count
    if total_size > MAX_BIGINT:
        raise DomainError(ErrorCode.INVALID_INPUT, "the dataset would grow too large", at("size"))
    if total_files > MAX_INT:
        raise DomainError(
            ErrorCode.INVALID_INPUT, "the dataset would hold too many files", at("fileCount")
        )
    row = DatasetVersion(
        dataset_id=dataset_id,
        version=version,
        description=description,
        storage_path=storage_path,
        size=size,
        file_count=file_count,
    )
    session.add(row)
    await session.flush()
    await session.execute(
        update(Dataset)
        .where(Dataset.id == dataset_id)
        .values(total_size=total_size, file_count=total_files)
    )
    return row
