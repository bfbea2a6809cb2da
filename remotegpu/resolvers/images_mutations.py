"""Mutations of the image catalogue (platform admins only): create, update, deprecate, delete."""

from __future__ import annotations

import strawberry

from remotegpu.domain import images
from remotegpu.domain.images import KEEP, ImageChanges, ImageFields
from remotegpu.resolvers.mutate import Reload, mutation, returned
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

# The image as the viewer may see it now (the loaders were cleared after commit).
IMAGE = Reload(lambda loaders: loaders.storage.image_by_id, Image.from_row)


@strawberry.type
class ImagesMutation:
    image_create = mutation(
        "Add an image to the catalogue (platform admins). The name is a unique image reference "
        "with a tag or digest; CONFLICT if taken.",
        "image.create",
        ImageCreateInput,
        ImageCreatePayload,
        lambda session, viewer, input: images.create_image(
            session, viewer, input.name, to_draft(ImageFields, input)
        ),
        image=IMAGE,
    )
    image_update = mutation(
        "Change an image's description (platform admins). Omitted fields stay; the name cannot "
        "change.",
        "image.update",
        ImageUpdateInput,
        ImageUpdatePayload,
        lambda session, viewer, input: images.update_image(
            session, viewer, input.id, to_draft(ImageChanges, input, absent=KEEP)
        ),
        resource_id=lambda input: input.id,
        image=IMAGE,
    )
    image_deprecate = mutation(
        "Deprecate an active image (platform admins): no new environments start from it; "
        "existing ones are untouched.",
        "image.deprecate",
        ImageDeprecateInput,
        ImageDeprecatePayload,
        lambda session, viewer, input: images.deprecate_image(session, viewer, input.id),
        resource_id=lambda input: input.id,
        image=IMAGE,
    )
    image_delete = mutation(
        "Delete an image (platform admins); IN_USE while any environment, deleted ones "
        "included, refers to it (deprecate it instead).",
        "image.delete",
        ImageDeleteInput,
        ImageDeletePayload,
        lambda session, viewer, input: images.delete_image(session, viewer, input.id),
        resource_id=lambda input: input.id,
        deleted_image_id=returned,
    )
