"""Mutations of the image catalogue (platform admins only): create, update, deprecate, delete."""

from __future__ import annotations

from typing import Any

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.context import Context
from remotegpu.domain import images
from remotegpu.domain.images import KEEP, ImageChanges, ImageFields
from remotegpu.resolvers.support import run_mutation
from remotegpu.schema.inputs.images_mutations import (
    ImageCreateInput,
    ImageDeleteInput,
    ImageDeprecateInput,
    ImageUpdateInput,
)
from remotegpu.schema.types.images_payloads import (
    ImageCreatePayload,
    ImageDeletePayload,
    ImageDeprecatePayload,
    ImageUpdatePayload,
)
from remotegpu.schema.types.storage import Image

Info = strawberry.Info[Context, None]


async def _image(info: Info, image_id: int | None) -> Image | None:
    """The image as the viewer may see it now (the loaders were cleared after commit)."""
    if image_id is None:
        return None
    row = await info.context.loaders.storage.image_by_id.load(image_id)
    return None if row is None else Image.from_row(row)


def _given(value: Any) -> Any:
    return KEEP if value is strawberry.UNSET else value


@strawberry.type
class ImagesMutation:
    @strawberry.mutation(
        description=(
            "Add an image to the catalogue (platform admins). The name is a unique image "
            "reference with a tag or digest; CONFLICT if taken."
        )
    )
    async def image_create(self, info: Info, input: ImageCreateInput) -> ImageCreatePayload:
        viewer = info.context.viewer
        given = ImageFields(
            display_name=input.display_name,
            description=input.description,
            category=input.category,
            framework=input.framework,
            framework_version=input.framework_version,
            cuda_version=input.cuda_version,
            python_version=input.python_version,
            is_official=input.is_official,
            size=input.size,
            registry_url=input.registry_url,
        )

        async def work(session: AsyncSession) -> tuple[int, str | None]:
            image = await images.create_image(session, viewer, input.name, given)
            return image.id, str(image.id)

        outcome = await run_mutation(info, "image.create", "image", work)
        return ImageCreatePayload(image=await _image(info, outcome.value), errors=outcome.errors)

    @strawberry.mutation(
        description=(
            "Change an image's description (platform admins). Omitted fields stay; the name "
            "cannot change."
        )
    )
    async def image_update(self, info: Info, input: ImageUpdateInput) -> ImageUpdatePayload:
        viewer = info.context.viewer
        changes = ImageChanges(
            display_name=_given(input.display_name),
            description=_given(input.description),
            category=_given(input.category),
            framework=_given(input.framework),
            framework_version=_given(input.framework_version),
            cuda_version=_given(input.cuda_version),
            python_version=_given(input.python_version),
            is_official=_given(input.is_official),
            size=_given(input.size),
            registry_url=_given(input.registry_url),
        )

        async def work(session: AsyncSession) -> tuple[int, str | None]:
            image = await images.update_image(session, viewer, input.id, changes)
            return image.id, str(image.id)

        outcome = await run_mutation(info, "image.update", "image", work, resource_id=str(input.id))
        return ImageUpdatePayload(image=await _image(info, outcome.value), errors=outcome.errors)

    @strawberry.mutation(
        description=(
            "Deprecate an active image (platform admins): no new environments start from it; "
            "existing ones are untouched."
        )
    )
    async def image_deprecate(
        self, info: Info, input: ImageDeprecateInput
    ) -> ImageDeprecatePayload:
        viewer = info.context.viewer

        async def work(session: AsyncSession) -> tuple[int, str | None]:
            image = await images.deprecate_image(session, viewer, input.id)
            return image.id, str(image.id)

        outcome = await run_mutation(
            info, "image.deprecate", "image", work, resource_id=str(input.id)
        )
        return ImageDeprecatePayload(image=await _image(info, outcome.value), errors=outcome.errors)

    @strawberry.mutation(
        description=(
            "Delete an image (platform admins); IN_USE while any environment, deleted ones "
            "included, refers to it (deprecate it instead)."
        )
    )
    async def image_delete(self, info: Info, input: ImageDeleteInput) -> ImageDeletePayload:
        viewer = info.context.viewer

        async def work(session: AsyncSession) -> tuple[int, str | None]:
            deleted = await images.delete_image(session, viewer, input.id)
            return deleted, str(deleted)

        outcome = await run_mutation(info, "image.delete", "image", work, resource_id=str(input.id))
        return ImageDeletePayload(deleted_image_id=outcome.value, errors=outcome.errors)
