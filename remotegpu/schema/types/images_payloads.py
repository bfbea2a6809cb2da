"""Payloads of the image mutations: the image as the viewer sees it after commit, and errors."""

from __future__ import annotations

import strawberry

from remotegpu.schema.errors import UserError
from remotegpu.schema.types.storage import Image

_IMAGE = "The image after the change; null if the mutation failed."
_ERRORS = "Why the mutation did not happen; empty on success."


@strawberry.type(description="Result of imageCreate.")
class ImageCreatePayload:
    image: Image | None = strawberry.field(default=None, description=_IMAGE)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of imageUpdate.")
class ImageUpdatePayload:
    image: Image | None = strawberry.field(default=None, description=_IMAGE)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of imageDeprecate.")
class ImageDeprecatePayload:
    image: Image | None = strawberry.field(default=None, description=_IMAGE)
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)


@strawberry.type(description="Result of imageDelete.")
class ImageDeletePayload:
    deleted_image_id: int | None = strawberry.field(
        default=None, description="The key (rowId) of the deleted image; null if it failed."
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description=_ERRORS)
