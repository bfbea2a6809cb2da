"""Inputs of the image mutations (platform admins only)."""

from __future__ import annotations

import strawberry

from remotegpu.schema.inputs.fields import keep, optional
from remotegpu.schema.scalars import BigInt

# Descriptions that more than one field shares.
_CUDA_VERSION = "CUDA version, e.g. 12.4 (at most 32)."
_DISPLAY_NAME = "Name shown to people (at most 256 characters)."
_PYTHON_VERSION = "Python version, e.g. 3.11 (at most 32)."
_SIZE = "Size in bytes (>= 0)."
_FRAMEWORK = "The ML framework inside, if any (at most 64)."
_IMAGE = "The image (images.id, its rowId)."
_FRAMEWORK_VERSION = "Version of the framework (at most 64)."
_DESCRIPTION = "What the image holds."
_CATEGORY = "base, pytorch, tensorflow, custom, ... (at most 64)."


@strawberry.input(description="A new image for the catalogue (imageCreate).")
class ImageCreateInput:
    name: str = strawberry.field(
        description=(
            "The image reference, unique, with a tag or digest (registry/repo:tag); "
            "environments refer to the image by it and it cannot change later."
        )
    )
    display_name: str | None = optional(_DISPLAY_NAME)
    description: str | None = optional(_DESCRIPTION)
    category: str | None = optional(_CATEGORY)
    framework: str | None = optional(_FRAMEWORK)
    framework_version: str | None = optional(_FRAMEWORK_VERSION)
    cuda_version: str | None = optional(_CUDA_VERSION)
    python_version: str | None = optional(_PYTHON_VERSION)
    is_official: bool = strawberry.field(default=False, description="Maintained by the platform.")
    size: BigInt | None = optional(_SIZE)
    registry_url: str | None = optional("Where to pull it from (at most 512, no whitespace).")


@strawberry.input(
    description=(
        "Changes to an image's description (imageUpdate). Omitted fields stay as they are; "
        "null clears a field. The name cannot change: environments refer to it."
    )
)
class ImageUpdateInput:
    id: int = strawberry.field(description=_IMAGE)
    display_name: str | None = keep(_DISPLAY_NAME)
    description: str | None = keep(_DESCRIPTION)
    category: str | None = keep(_CATEGORY)
    framework: str | None = keep(_FRAMEWORK)
    framework_version: str | None = keep(_FRAMEWORK_VERSION)
    cuda_version: str | None = keep(_CUDA_VERSION)
    python_version: str | None = keep(_PYTHON_VERSION)
    is_official: bool | None = keep("Maintained by the platform (not null).")
    size: BigInt | None = keep(_SIZE)
    registry_url: str | None = keep("Where to pull it from (at most 512).")


@strawberry.input(description="The image to deprecate (imageDeprecate).")
class ImageDeprecateInput:
    id: int = strawberry.field(description=_IMAGE)


@strawberry.input(description="The image to delete (imageDelete).")
class ImageDeleteInput:
    id: int = strawberry.field(description=_IMAGE)
