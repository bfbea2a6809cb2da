"""Payloads of the image mutations: the image as the viewer sees it after commit, and errors."""

from __future__ import annotations

import strawberry

from remotegpu.schema.types.payload import Payload, payload
from remotegpu.schema.types.storage import Image

_IMAGE = "The image after the change; null if the mutation failed."
_ERRORS = "Why the mutation did not happen; empty on success."


@payload("Result of imageCreate.", errors=_ERRORS)
class ImageCreatePayload(Payload):
    image: Image | None = strawberry.field(default=None, description=_IMAGE)


@payload("Result of imageUpdate.", errors=_ERRORS)
class ImageUpdatePayload(Payload):
    image: Image | None = strawberry.field(default=None, description=_IMAGE)


@payload("Result of imageDeprecate.", errors=_ERRORS)
class ImageDeprecatePayload(Payload):
    image: Image | None = strawberry.field(default=None, description=_IMAGE)


@payload("Result of imageDelete.", errors=_ERRORS)
class ImageDeletePayload(Payload):
    deleted_image_id: int | None = strawberry.field(
        default=None, description="The key (rowId) of the deleted image; null if it failed."
    )
