"""Images: the admin-managed catalogue environments start from (`images.name` is the image
reference that `environments.image` holds).

Only platform admins change it. `name` is unique and never changes once created (environments
refer to it); `active -> deprecated` stops new environments (checked by environmentCreate) while
existing ones keep running; an image is deleted only while no environment row names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from enum import Enum
from typing import Literal, TypeAlias, TypeVar, Union

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Environment, Image
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.permissions import require_admin
from remotegpu.domain.validators import invalid, spelled

BIGINT_MAX = 2**63 - 1


class Keep(Enum):
    """Marks a field of an update that was not given (None means: clear it)."""

    KEEP = "keep"


KEEP = Keep.KEEP
T = TypeVar("T")
Patch: TypeAlias = Union[T, Literal[Keep.KEEP]]  # noqa: UP007  # a generic alias needs Union

# The Docker/OCI reference grammar (distribution/reference), restricted to pinned references:
# [registry[:port]/]path[/path...](:tag | @digest | :tag@digest). A registry is told apart
# from a first path component by a dot, a port or being `localhost`.
_HOST = r"(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)"
_REGISTRY = rf"(?:localhost(?::[0-9]+)?|{_HOST}(?:\.{_HOST})+(?::[0-9]+)?|{_HOST}:[0-9]+)"
_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_TAG = r"[\w][\w.-]{0,127}"
_DIGEST = r"[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}"
IMAGE_REFERENCE = re.compile(
    rf"(?:{_REGISTRY}/)?{_COMPONENT}(?:/{_COMPONENT})*(?::{_TAG}(?:@{_DIGEST})?|@{_DIGEST})"
)

# text column (= field of the input) -> its size
_TEXT_SIZES: dict[str, int] = {
    "display_name": 256,
    "category": 64,
    "framework": 64,
    "framework_version": 64,
    "cuda_version": 32,
    "python_version": 32,
    "registry_url": 512,
}


@dataclass(frozen=True)
class ImageFields:
    """Everything but the name, as given to imageCreate (None: not set)."""

    display_name: str | None = None
    description: str | None = None
    category: str | None = None
    framework: str | None = None
    framework_version: str | None = None
    cuda_version: str | None = None
    python_version: str | None = None
    is_official: bool = False
    size: int | None = None
    registry_url: str | None = None


@dataclass(frozen=True)
class ImageChanges:
    """What imageUpdate changes: KEEP leaves a column as it is, None clears it."""

    display_name: Patch[str | None] = KEEP
    description: Patch[str | None] = KEEP
    category: Patch[str | None] = KEEP
    framework: Patch[str | None] = KEEP
    framework_version: Patch[str | None] = KEEP
    cuda_version: Patch[str | None] = KEEP
    python_version: Patch[str | None] = KEEP
    is_official: Patch[bool] = KEEP
    size: Patch[int | None] = KEEP
    registry_url: Patch[str | None] = KEEP


def _not_found() -> DomainError:
    return DomainError(ErrorCode.NOT_FOUND, "image not found", "id")


def _clean(column: str, value: object) -> object:
    """One column's value checked against its rules and size; blank text is None."""
    if column == "is_official":
        if not isinstance(value, bool):
            raise invalid(column, "isOfficial must be true or false")
        return value
    if column == "size":
        if value is not None and not (isinstance(value, int) and 0 <= value <= BIGINT_MAX):
            raise invalid(column, f"size must be between 0 and {BIGINT_MAX} bytes")
        return value
    if value is None:
        return None
    assert isinstance(value, str)
    text = value.strip()
    if not text:
        return None
    size = _TEXT_SIZES.get(column)
    if size is not None and len(text) > size:
        raise invalid(column, f"{spelled(column)} is longer than {size} characters")
    if column == "registry_url" and any(c.isspace() for c in text):
        raise invalid(column, "registryUrl must not contain whitespace")
    return text


def check_reference(name: str) -> str:
    """The image reference, trimmed, if it is a pinned reference such as registry/repo:tag."""
    name = name.strip()
    if not name:
        raise invalid("name", "name must not be blank")
    if len(name) > 256:
        raise invalid("name", "name is longer than 256 characters")
    if not IMAGE_REFERENCE.fullmatch(name):
        raise invalid(
            "name",
            "name must be an image reference with a tag or digest, such as "
            "registry.example.com/team/pytorch:2.4-cuda12.4",
        )
    return name


async def _locked(session: AsyncSession, image_id: int) -> Image:
    image = await session.scalar(select(Image).where(Image.id == image_id).with_for_update())
    if image is None:
        raise _not_found()
    return image


async def create_image(
    session: AsyncSession, viewer: Viewer, name: str, given: ImageFields
) -> Image:
    """An active image; CONFLICT if the name is taken."""
    require_admin(viewer)
    reference = check_reference(name)
    values = {f.name: _clean(f.name, getattr(given, f.name)) for f in fields(ImageFields)}
    # ON CONFLICT instead of look-then-insert: two concurrent creates of one name cannot both
    # pass, and the loser gets CONFLICT rather than a unique-violation crash.
    stmt = (
        insert(Image)
        .values(name=reference, status="active", **values)
        .on_conflict_do_nothing(index_elements=[Image.name])
        .returning(Image)
    )
    image = await session.scalar(stmt)
    if image is None:
        raise DomainError(ErrorCode.CONFLICT, f"an image named {reference} already exists", "name")
    return image


async def update_image(
    session: AsyncSession, viewer: Viewer, image_id: int, changes: ImageChanges
) -> Image:
    """Change the descriptive columns; the name (what environments refer to) stays."""
    require_admin(viewer)
    values = {
        f.name: _clean(f.name, value)
        for f in fields(ImageChanges)
        if (value := getattr(changes, f.name)) is not KEEP
    }
    image = await _locked(session, image_id)
    for column, value in values.items():
        setattr(image, column, value)
    image.updated_at = func.now()
    await session.flush()
    await session.refresh(image)
    return image


async def deprecate_image(session: AsyncSession, viewer: Viewer, image_id: int) -> Image:
    """active -> deprecated: no new environments from it; running ones are untouched."""
    require_admin(viewer)
    image = await _locked(session, image_id)
    if image.status != "active":
        raise DomainError(
            ErrorCode.INVALID_TRANSITION,
            f"a {image.status} image cannot be deprecated (only active ones)",
            "id",
        )
    image.status = "deprecated"
    image.updated_at = func.now()
    await session.flush()
    await session.refresh(image)
    return image


async def delete_image(session: AsyncSession, viewer: Viewer, image_id: int) -> int:
    """Remove an image no environment names. Deleted environments count too: their rows stay
    for billing and must keep pointing at an image; deprecate instead."""
    require_admin(viewer)
    image = await _locked(session, image_id)
    live, kept = (
        await session.execute(
            select(
                func.count().filter(Environment.status.is_distinct_from("deleted")),
                func.count().filter(Environment.status == "deleted"),
            ).where(Environment.image == image.name)
        )
    ).one()
    if live or kept:
        detail = f"{live} environment(s)" if live else f"{kept} deleted environment(s)"
        raise DomainError(
            ErrorCode.IN_USE,
            f"{detail} still refer to this image; deprecate it instead",
            "id",
        )
    await session.delete(image)
    return image_id
