"""Mounting datasets into environments (dataset_usage rows) and unmounting them.

The environment row is locked FOR UPDATE first, so concurrent mounts into one environment are
serialised (no two open mounts at one path); the dataset row is then share-locked, so a
concurrent datasetDelete either sees the new mount (IN_USE) or the mount sees no dataset.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.access import shared_readable, shared_readable_by
from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Dataset, DatasetUsage, Environment
from remotegpu.domain.environment_access import GONE, lock_for_action, may_see
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.storage import MAX_PATH

SYSTEM_DIRECTORIES = ("/bin", "/boot", "/dev", "/etc", "/proc", "/root", "/sbin", "/sys", "/usr")


def normalise_mount_path(value: str) -> str:
    """An absolute path without '.', empty or '..' segments and no trailing slash, outside the
    system directories; INVALID_INPUT at input.mountPath otherwise."""
    where = "mount_path"
    if not value.startswith("/"):
        raise DomainError(ErrorCode.INVALID_INPUT, "the mount path must be absolute", where)
    if any(ch == "\x00" or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise DomainError(
            ErrorCode.INVALID_INPUT, "the mount path contains control characters", where
        )
    segments = [s for s in value.split("/") if s not in ("", ".")]
    if ".." in segments:
        raise DomainError(ErrorCode.INVALID_INPUT, "the mount path must not contain '..'", where)
    path = "/" + "/".join(segments)
    if len(path) > MAX_PATH:
        raise DomainError(
            ErrorCode.INVALID_INPUT, f"the mount path is longer than {MAX_PATH} characters", where
        )
    if path == "/" or any(path == d or path.startswith(d + "/") for d in SYSTEM_DIRECTORIES):
        raise DomainError(
            ErrorCode.INVALID_INPUT, f"cannot mount over the system directory {path}", where
        )
    return path


async def mount_dataset(
    session: AsyncSession,
    viewer: Viewer,
    *,
    env_id: str,
    dataset_id: int,
    mount_path: str,
    readonly: bool = True,
) -> DatasetUsage:
    path = normalise_mount_path(mount_path)
    env = await lock_for_action(session, viewer, env_id, field="environment_id")
    if env.status in GONE:
        raise DomainError(
            ErrorCode.INVALID_INPUT, f"the environment is {env.status}", "environment_id"
        )
    # The environment's owner reads the data; the viewer must not learn of datasets it cannot
    # see either, so both must be able to read it.
    readable = shared_readable(viewer, Dataset) & shared_readable_by(Dataset, env.user_id)
    found = (
        await session.execute(
            select(Dataset, readable.label("readable"))
            .where(Dataset.id == dataset_id)
            .with_for_update(read=True, of=Dataset)
        )
    ).one_or_none()
    if found is None or not found[1]:
        raise DomainError(ErrorCode.NOT_FOUND, "no such dataset", "dataset_id")
    dataset: Dataset = found[0]
    if dataset.status != "ready":
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"the dataset is not ready (status {dataset.status})",
            "dataset_id",
        )
    taken = await session.scalar(
        select(DatasetUsage.id).where(
            DatasetUsage.env_id == env.id,
            DatasetUsage.mount_path == path,
            DatasetUsage.unmounted_at.is_(None),
        )
    )
    if taken is not None:
        raise DomainError(
            ErrorCode.CONFLICT, f"something is already mounted at {path}", "mount_path"
        )
    usage = DatasetUsage(env_id=env.id, dataset_id=dataset.id, mount_path=path, readonly=readonly)
    session.add(usage)
    await session.flush()
    return usage


async def unmount_dataset(session: AsyncSession, viewer: Viewer, mount_id: int) -> DatasetUsage:
    env_id = await session.scalar(select(DatasetUsage.env_id).where(DatasetUsage.id == mount_id))
    # Environment first, then the mount: the order mount_dataset and environment delete use.
    env = (
        None
        if env_id is None
        else await session.scalar(
            select(Environment).where(Environment.id == env_id).with_for_update()
        )
    )
    if env is None or not await may_see(session, viewer, env):
        raise DomainError(ErrorCode.NOT_FOUND, "no such mount", "mount_id")
    if not await may_see(session, viewer, env, manage=True):
        raise DomainError(
            ErrorCode.FORBIDDEN, "you may not change this environment's mounts", "mount_id"
        )
    usage = await session.scalar(
        select(DatasetUsage)
        .where(DatasetUsage.id == mount_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if usage is None:
        raise DomainError(ErrorCode.NOT_FOUND, "no such mount", "mount_id")
    if usage.unmounted_at is not None:
        raise DomainError(ErrorCode.INVALID_TRANSITION, "already unmounted", "mount_id")
    await session.execute(
        update(DatasetUsage)
        .where(DatasetUsage.id == usage.id)
        .values(unmounted_at=datetime.now(UTC))
    )
    return usage
