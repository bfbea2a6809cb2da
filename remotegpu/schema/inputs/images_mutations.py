"""Inputs of the image mutations (platform admins only)."""

from __future__ import annotations

import strawberry

from remotegpu.schema.scalars import BigInt


@strawberry.input(description="A new image for the catalogue (imageCreate).")
class ImageCreateInput:
    name: str = strawberry.field(
        description=(
            "The image reference, unique, with a tag or digest (registry/repo:tag); "
            "environments refer to the image by it and it cannot change later."
        )
    )
    display_name: str | None = strawberry.field(
        default=None, description="Name shown to people (at most 256 characters)."
    )
    description: str | None = strawberry.field(default=None, description="What the image holds.")
    category: str | None = strawberry.field(
        default=None, description="base, pytorch, tensorflow, custom, ... (at most 64)."
    )
    framework: str | None = strawberry.field(
        default=None, description="The ML framework inside, if any (at most 64)."
    )
    framework_version: str | None = strawberry.field(
        default=None, description="Version of the framework (at most 64)."
    )
    cuda_version: str | None = strawberry.field(
        default=None, description="CUDA version, e.g. 12.4 (at most 32)."
    )
    python_version: str | None = strawberry.field(
        default=None, description="Python version, e.g. 3.11 (at most 32)."
    )
    is_official: bool = strawberry.field(default=False, description="Maintained by the platform.")
    size: BigInt | None = strawberry.field(default=None, description="Size in bytes (>= 0).")
    registry_url: str | None = strawberry.field(
        default=None, description="Where to pull it from (at most 512, no whitespace)."
    )


@strawberry.input(
    description=(
        "Changes to an image's description (imageUpdate). Omitted fields stay as they are; "
        "null clears a field. The name cannot change: environments refer to it."
    )
)
class ImageUpdateInput:
    id: int = strawberry.field(description="The image (images.id, its rowId).")
    display_name: str | None = strawberry.field(
        default=strawberry.UNSET, description="Name shown to people (at most 256 characters)."
    )
    description: str | None = strawberry.field(
        default=strawberry.UNSET, description="What the image holds."
    )
    category: str | None = strawberry.field(
        default=strawberry.UNSET, description="base, pytorch, tensorflow, custom, ... (at most 64)."
    )
    framework: str | None = strawberry.field(
        default=strawberry.UNSET, description="The ML framework inside, if any (at most 64)."
    )
    framework_version: str | None = strawberry.field(
        default=strawberry.UNSET, description="Version of the framework (at most 64)."
    )
    cuda_version: str | None = strawberry.field(
        default=strawberry.UNSET, description="CUDA version, e.g. 12.4 (at most 32)."
    )
    python_version: str | None = strawberry.field(
        default=strawberry.UNSET, description="Python version, e.g. 3.11 (at most 32)."
    )
    is_official: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Maintained by the platform (not null)."
    )
    size: BigInt | None = strawberry.field(
        default=strawberry.UNSET, description="Size in bytes (>= 0)."
    )
    registry_url: str | None = strawberry.field(
        default=strawberry.UNSET, description="Where to pull it from (at most 512)."
    )


@strawberry.input(description="The image to deprecate (imageDeprecate).")
class ImageDeprecateInput:
    id: int = strawberry.field(description="The image (images.id, its rowId).")


@strawberry.input(description="The image to delete (imageDelete).")
class ImageDeleteInput:
    id: int = strawberry.field(description="The image (images.id, its rowId).")
