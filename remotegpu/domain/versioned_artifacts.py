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
from typing import Any, Generic, TypeVar

from sqlalchemy import Executable, Select, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Dataset, DatasetVersion, MlModel, MlModelVersion, TrainingJob
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.storage import (
    MAX_BIGINT,
    MAX_NAME,
    STATUSES,
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


# What every kind's inputs hold; a kind's drafts subclass these with its own fields (keyword
# only, so a subclass's fields cannot shift the order of a positional call).
@dataclass(frozen=True, kw_only=True)
class Draft:
    name: str
    storage_path: str
    description: str | None = None
    visibility: str = "private"
    workspace_id: int | None = None
    owner_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class Changes:
    """Fields to change; None leaves a field as it is."""

    name: str | None = None
    description: str | None = None
    status: str | None = None
    visibility: str | None = None


@dataclass(frozen=True, kw_only=True)
class NewVersion:
    version: str
    storage_path: str
    size: int = 0
    description: str | None = None


@dataclass(frozen=True)
class Total:
    """A counter of the row that sums a field of its versions (datasets.total_size += size)."""

    column: str  # of the row, e.g. "total_size"
    field: str  # of the version and its draft, where a bad value is reported: "size"
    limit: int  # of the column's type, for the version's value and for the sum
    overflow: str  # what a sum over the limit means: "would grow too large"


# The counter every kind keeps: the bytes of its versions.
SIZE = Total("total_size", "size", MAX_BIGINT, "would grow too large")


@dataclass(frozen=True)
class InUse:
    """Rows that keep an artifact from being deleted: how to count them, what to say."""

    count: Callable[[int], Select[int]]  # given the artifact's id
    message: str  # with {n}, the count


def training_jobs_using(column: Any, label: str) -> InUse:
    """Pending or running training jobs whose `column` (dataset_id, model_id) names it."""

    def count(row_id: int) -> Select[int]:
        return (
            select(func.count())
            .select_from(TrainingJob)
            .where(column == row_id, TrainingJob.status.in_(OPEN_JOB_STATES))
        )

    return InUse(count, f"{{n}} pending or running training job(s) use the {label}")


def no_fields(_: object) -> dict[str, object]:
    """A kind without fields of its own at that step."""
    return {}


def clean_version(value: str) -> str:
    if not VERSION_PATTERN.fullmatch(value):
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            "version must be 1-64 characters of letters, digits, '.', '_' or '-' (e.g. v1.0)",
            "version",
        )
    return value


@dataclass(frozen=True)
class ArtifactKind(Generic[Row, Version]):
    """A kind of versioned artifact, and the service for it."""

    label: str  # the word in messages, and the stem of the names below: "dataset"
    table: type[Row]
    version_table: type[Version]
    totals: tuple[Total, ...]
    in_use: tuple[InUse, ...]
    # Statements that unlink the rows which outlive a deleted artifact (finished jobs, ...).
    detach: Callable[[int], Sequence[Executable]]
    # The kind's own fields, checked: of a create draft (after the storage path), of an update
    # (after the description), of a version draft (after the counted fields).
    own_fields: Callable[[Any], dict[str, object]] = no_fields
    own_changes: Callable[[Any], dict[str, object]] = no_fields
    own_version_fields: Callable[[Any], dict[str, object]] = no_fields

    @property
    def id_input(self) -> str:
        """Where the row's id is reported: dataset_id."""
        return f"{self.label}_id"

    @property
    def version_parent(self) -> Any:
        """The version's column holding the row's id: DatasetVersion.dataset_id."""
        return getattr(self.version_table, f"{self.label}_id")

    async def _lock(self, session: AsyncSession, viewer: Viewer, row_id: int) -> Row:
        """The row, locked FOR UPDATE, if the viewer manages it (NOT_FOUND, FORBIDDEN if not)."""
        row: Row = await lock_shared(
            session, viewer, self.table, row_id, self.id_input, label=self.label
        )
        return row

    async def create(self, session: AsyncSession, viewer: Viewer, draft: Draft) -> Row:
        """A new artifact owned by the viewer (admins: any customer); it starts `uploading`."""
        name = clean_text(draft.name, "name", limit=MAX_NAME)
        storage_path = clean_storage_path(draft.storage_path)
        own = self.own_fields(draft)
        description = clean_description(draft.description)
        visibility = check_visibility(draft.visibility, draft.workspace_id)
        owner_id = await resolve_owner(session, viewer, draft.owner_id)
        if draft.workspace_id is not None:
            await check_workspace_for_create(session, viewer, owner_id, draft.workspace_id)
        row = self.table(
            customer_id=owner_id,
            workspace_id=draft.workspace_id,
            name=name,
            description=description,
            storage_path=storage_path,
            status="uploading",
            visibility=visibility,
            **{total.column: 0 for total in self.totals},
            **own,
        )
        session.add(row)
        await session.flush()
        return row

    async def change(
        self, session: AsyncSession, viewer: Viewer, row_id: int, changes: Changes
    ) -> Row:
        row = await self._lock(session, viewer, row_id)
        values: dict[str, object] = {}
        if changes.name is not None:
            values["name"] = clean_text(changes.name, "name", limit=MAX_NAME)
        if changes.description is not None:
            values["description"] = clean_description(changes.description)
        values.update(self.own_changes(changes))
        if changes.status is not None:
            values["status"] = check_choice(changes.status, STATUSES, "status")
        if changes.visibility is not None:
            values["visibility"] = check_visibility(changes.visibility, row.workspace_id)
        if values:
            await session.execute(
                update(self.table).where(self.table.id == row.id).values(**values)
            )
        return row

    async def remove(self, session: AsyncSession, viewer: Viewer, row_id: int) -> int:
        """Remove the artifact and its versions; IN_USE while a rule of `in_use` counts rows."""
        await self._lock(session, viewer, row_id)
        for rule in self.in_use:
            count = await session.scalar(rule.count(row_id))
            if count:
                raise DomainError(ErrorCode.IN_USE, rule.message.format(n=count), self.id_input)
        for statement in self.detach(row_id):
            await session.execute(statement)
        await session.execute(delete(self.version_table).where(self.version_parent == row_id))
        await session.execute(delete(self.table).where(self.table.id == row_id))
        return row_id

    async def add_version(
        self, session: AsyncSession, viewer: Viewer, row_id: int, draft: NewVersion
    ) -> Version:
        version = clean_version(draft.version)
        storage_path = clean_storage_path(draft.storage_path)
        description = clean_description(draft.description)
        counted = {
            total.field: check_count(getattr(draft, total.field), total.field, limit=total.limit)
            for total in self.totals
        }
        own = self.own_version_fields(draft)
        # The lock serialises versions of one artifact: the sums below stay exact.
        row = await self._lock(session, viewer, row_id)
        versions = self.version_table
        taken = await session.scalar(
            select(versions.id).where(self.version_parent == row_id, versions.version == version)
        )
        if taken is not None:
            raise DomainError(
                ErrorCode.CONFLICT,
                f"the {self.label} already has a version {version!r}",
                "version",
            )
        sums: dict[str, object] = {}
        for total in self.totals:
            new_sum = (getattr(row, total.column) or 0) + counted[total.field]
            if new_sum > total.limit:
                raise DomainError(
                    ErrorCode.INVALID_INPUT,
                    f"the {self.label} {total.overflow}",
                    total.field,
                )
            sums[total.column] = new_sum
        added = versions(
            **{self.version_parent.key: row_id},
            version=version,
            description=description,
            storage_path=storage_path,
            **counted,
            **own,
        )
        session.add(added)
        await session.flush()
        await session.execute(update(self.table).where(self.table.id == row_id).values(**sums))
        return added
