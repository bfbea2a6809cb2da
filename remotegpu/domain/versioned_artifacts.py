"""One service for the versioned artifacts, datasets and ML models: create, update, delete and
add a version.

Both kinds are a row owned by a customer (optionally in a workspace, with a visibility) and
its immutable versions, unique per row. Adding a version raises the row's totals in the same
transaction, with the row locked FOR UPDATE so concurrent versions keep the sums exact. What
differs between the kinds is data, an `ArtifactKind`: its tables, the word its messages use,
its own fields, the counters its versions add to and the rows that keep it in use.
`datasets.py` and `ml_models.py` are those two configurations.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import Executable, Select, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Dataset, DatasetVersion, MlModel, MlModelVersion, TrainingJob
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

VERSION_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,64}")
# Training jobs in these states still read their dataset (or model).
OPEN_JOB_STATES = ("pending", "running")


# The two kinds: the service is written once for both, and checked by mypy for each.
Row = TypeVar("Row", Dataset, MlModel)
Version = TypeVar("Version", DatasetVersion, MlModelVersion)


class CommonDraft(Protocol):
    """What every kind's create input holds (its own fields are the kind's business)."""

    @property
    def name(self) -> str: ...
    @property
    def storage_path(self) -> str: ...
    @property
    def description(self) -> str | None: ...
    @property
    def visibility(self) -> str: ...
    @property
    def workspace_id(self) -> int | None: ...
    @property
    def owner_id(self) -> int | None: ...


class CommonChanges(Protocol):
    """What every kind's update input holds; None leaves a field as it is."""

    @property
    def name(self) -> str | None: ...
    @property
    def description(self) -> str | None: ...
    @property
    def status(self) -> str | None: ...
    @property
    def visibility(self) -> str | None: ...


class CommonVersionDraft(Protocol):
    """What every kind's version input holds; the counted fields are named by its totals."""

    @property
    def version(self) -> str: ...
    @property
    def storage_path(self) -> str: ...
    @property
    def description(self) -> str | None: ...


@dataclass(frozen=True)
class Total:
    """A counter of the row that sums a field of its versions (datasets.total_size += size)."""

    column: str  # of the row, e.g. "total_size"
    field: str  # of the version and its draft, e.g. "size"
    input_name: str  # where a bad value is reported, e.g. "size"
    limit: int  # of the column's type, for the version's value and for the sum
    overflow: str  # what a sum over the limit means: "would grow too large"


@dataclass(frozen=True)
class InUse:
    """Rows that keep an artifact from being deleted: how to count them, what to say."""

    count: Callable[[int], Select[int]]  # given the artifact's id
    message: str  # with {n}, the count


@dataclass(frozen=True)
class ArtifactKind(Generic[Row, Version]):
    label: str  # the word in messages: "dataset"
    table: type[Row]
    version_table: type[Version]
    version_parent: Any  # the version's column holding the row's id: DatasetVersion.dataset_id
    id_input: str  # where the row's id is reported: "datasetId"
    totals: tuple[Total, ...]
    in_use: tuple[InUse, ...]
    # The kind's own fields, checked: of a create draft (after the storage path), of an update
    # (after the description), of a version draft (after the counted fields).
    own_fields: Callable[[Any], dict[str, object]]
    own_changes: Callable[[Any], dict[str, object]]
    own_version_fields: Callable[[Any], dict[str, object]]
    # Statements that unlink the rows which outlive a deleted artifact (finished jobs, ...).
    detach: Callable[[int], Sequence[Executable]]


def clean_version(value: str) -> str:
    if not VERSION_PATTERN.fullmatch(value):
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            "version must be 1-64 characters of letters, digits, '.', '_' or '-' (e.g. v1.0)",
            at("version"),
        )
    return value


async def _lock(
    kind: ArtifactKind[Row, Version], session: AsyncSession, viewer: Viewer, row_id: int
) -> Row:
    """The row, locked FOR UPDATE, if the viewer manages it (NOT_FOUND, FORBIDDEN otherwise)."""
    row: Row = await lock_shared(
        session, viewer, kind.table, row_id, kind.id_input, label=kind.label
    )
    return row


async def create(
    kind: ArtifactKind[Row, Version], session: AsyncSession, viewer: Viewer, draft: CommonDraft
) -> Row:
    """A new artifact owned by the viewer (admins: any customer); it starts `uploading`."""
    name = clean_text(draft.name, "name", limit=MAX_NAME)
    storage_path = clean_storage_path(draft.storage_path)
    own = kind.own_fields(draft)
    description = clean_description(draft.description)
    visibility = check_visibility(draft.visibility, draft.workspace_id)
    owner_id = await resolve_owner(session, viewer, draft.owner_id)
    if draft.workspace_id is not None:
        await check_workspace_for_create(session, viewer, owner_id, draft.workspace_id)
    row = kind.table(
        customer_id=owner_id,
        workspace_id=draft.workspace_id,
        name=name,
        description=description,
        storage_path=storage_path,
        status="uploading",
        visibility=visibility,
        **{total.column: 0 for total in kind.totals},
        **own,
    )
    session.add(row)
    await session.flush()
    return row


async def change(
    kind: ArtifactKind[Row, Version],
    session: AsyncSession,
    viewer: Viewer,
    row_id: int,
    changes: CommonChanges,
) -> Row:
    row = await _lock(kind, session, viewer, row_id)
    values: dict[str, object] = {}
    if changes.name is not None:
        values["name"] = clean_text(changes.name, "name", limit=MAX_NAME)
    if changes.description is not None:
        values["description"] = clean_description(changes.description)
    values.update(kind.own_changes(changes))
    if changes.status is not None:
        values["status"] = check_choice(changes.status, STATUSES, "status")
    if changes.visibility is not None:
        values["visibility"] = check_visibility(changes.visibility, row.workspace_id)
    if values:
        await session.execute(update(kind.table).where(kind.table.id == row.id).values(**values))
    return row


async def remove(
    kind: ArtifactKind[Row, Version], session: AsyncSession, viewer: Viewer, row_id: int
) -> int:
    """Remove the artifact and its versions; IN_USE while any of `kind.in_use` counts rows."""
    await _lock(kind, session, viewer, row_id)
    for rule in kind.in_use:
        count = await session.scalar(rule.count(row_id))
        if count:
            raise DomainError(ErrorCode.IN_USE, rule.message.format(n=count), at(kind.id_input))
    for statement in kind.detach(row_id):
        await session.execute(statement)
    await session.execute(delete(kind.version_table).where(kind.version_parent == row_id))
    await session.execute(delete(kind.table).where(kind.table.id == row_id))
    return row_id


async def add_version(
    kind: ArtifactKind[Row, Version],
    session: AsyncSession,
    viewer: Viewer,
    row_id: int,
    draft: CommonVersionDraft,
) -> Version:
    version = clean_version(draft.version)
    storage_path = clean_storage_path(draft.storage_path)
    description = clean_description(draft.description)
    counted = {
        total.field: check_count(getattr(draft, total.field), total.input_name, limit=total.limit)
        for total in kind.totals
    }
    own = kind.own_version_fields(draft)
    # The lock serialises versions of one artifact: the sums below stay exact.
    row = await _lock(kind, session, viewer, row_id)
    versions = kind.version_table
    taken = await session.scalar(
        select(versions.id).where(kind.version_parent == row_id, versions.version == version)
    )
    if taken is not None:
        raise DomainError(
            ErrorCode.CONFLICT, f"the {kind.label} already has a version {version!r}", at("version")
        )
    sums: dict[str, object] = {}
    for total in kind.totals:
        new_sum = (getattr(row, total.column) or 0) + counted[total.field]
        if new_sum > total.limit:
            raise DomainError(
                ErrorCode.INVALID_INPUT,
                f"the {kind.label} {total.overflow}",
                at(total.input_name),
            )
        sums[total.column] = new_sum
    added = versions(
        **{kind.version_parent.key: row_id},
        version=version,
        description=description,
        storage_path=storage_path,
        **counted,
        **own,
    )
    session.add(added)
    await session.flush()
    await session.execute(update(kind.table).where(kind.table.id == row_id).values(**sums))
    return added


# The counter every kind keeps: the bytes of its versions.
SIZE = Total("total_size", "size", "size", MAX_BIGINT, "would grow too large")


def training_jobs_using(column: Any, label: str) -> InUse:
    """Pending or running training jobs whose `column` (dataset_id, model_id) names the artifact."""

    def count(row_id: int) -> Select[int]:
        return (
            select(func.count())
            .select_from(TrainingJob)
            .where(column == row_id, TrainingJob.status.in_(OPEN_JOB_STATES))
        )

    return InUse(count, f"{{n}} pending or running training job(s) use the {label}")
