"""Mutations of the image catalogue (platform admins only): create, update, deprecate, delete."""

from __future__ import annotations

import strawberry

from remotegpu.context import Context
from remotegpu.domain import images
from remotegpu.domain.images import KEEP, ImageChanges, ImageFields
from remotegpu.resolvers.mutate import Reload, mutate, returned
from remotegpu.schema.inputs.drafts import to_draft
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

# The image as the viewer may see it now (the loaders were cleared after commit).
IMAGE = Reload(lambda loaders: loaders.storage.image_by_id, Image.from_row)


@strawberry.type
class ImagesMutation:
    @strawberry.mutation(
        description=(
            "Add an image to the catalogue (platform admins). The name is a unique image "
            "reference with a tag or digest; CONFLICT if taken."
        )
    )
    async def image_create(self, info: Info, input: ImageCreateInput) -> ImageCreatePayload:
        given = to_draft(ImageFields, input)
        return await mutate(
            info,
            "image.create",
            lambda session, viewer: images.create_image(session, viewer, input.name, given),
            ImageCreatePayload,
            image=IMAGE,
        )

    @strawberry.mutation(
        description=(
            "Change an image's description (platform admins). Omitted fields stay; the name "
            "cannot change."
        )
    )
    async def image_update(self, info: Info, input: ImageUpdateInput) -> ImageUpdatePayload:
        changes = to_draft(ImageChanges, input, absent=KEEP)
        return await mutate(
            info,
            "image.update",
            lambda session, viewer: images.update_image(session, viewer, input.id, changes),
            ImageUpdatePayload,
            resource_id=input.id,
            image=IMAGE,
        )

    @strawberry.mutation(
        description=(
            "Deprecate an active image (platform admins): no new environments start from it; "
            "existing ones are untouched."
        )
    )
    async def image_deprecate(
        self, info: Info, input: ImageDeprecateInput
    ) -> ImageDeprecatePayload:
        return await mutate(
            info,
            "image.deprecate",
            lambda session, viewer: images.deprecate_image(session, viewer, input.id),
            ImageDeprecatePayload,
            resource_id=input.id,
            image=IMAGE,
        )

    @strawberry.mutation(
        description=(
            "Delete an image (platform admins); IN_USE while any environment, deleted ones "
            "included, refers to it (deprecate it instead)."
        )
    )
    async def image_delete(self, info: Info, input: ImageDeleteInput) -> ImageDeletePayload:
        return await mutate(
            info,
            "image.delete",
            lambda session, viewer: images.delete_image(session, viewer, input.id),
            ImageDeletePayload,
            resource_id=input.id,
            deleted_image_id=returned,
        )
