"""Mutations of the viewer's inbox: thin wrappers of remotegpu.domain.notification_inbox."""

from __future__ import annotations

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.context import Context
from remotegpu.domain import notification_inbox as domain
from remotegpu.domain.errors import ErrorCode
from remotegpu.resolvers.support import run_mutation
from remotegpu.schema.errors import UserError
from remotegpu.schema.inputs.tickets_mutations import (
    NotificationMarkAllReadInput,
    NotificationMarkReadInput,
)
from remotegpu.schema.types.activity import Notification
from remotegpu.schema.types.tickets_payloads import (
    NotificationMarkAllReadPayload,
    NotificationMarkReadPayload,
)

Info = strawberry.Info[Context, None]


@strawberry.type
class NotificationsMutation:
    @strawberry.mutation(
        description="Mark some of the viewer's notifications read (readAt set once). If any id "
        "is not the viewer's, nothing is marked and each such id is a NOT_FOUND error."
    )
    async def notification_mark_read(
        self, info: Info, input: NotificationMarkReadInput
    ) -> NotificationMarkReadPayload:
        missing: list[domain.NotificationsNotFound] = []

        async def work(session: AsyncSession) -> tuple[list[int], str]:
            try:
                ids = await domain.mark_read(session, info.context.viewer, input.ids)
            except domain.NotificationsNotFound as error:
                missing.append(error)
                raise
            return ids, ",".join(map(str, ids))[:128]

        key = ",".join(map(str, input.ids))[:128]
        outcome = await run_mutation(
            info, "notification.mark_read", "notification", work, resource_id=key
        )
        errors = outcome.errors
        if missing:  # one error per foreign id, each pointing at its place in the list
            errors = [
                UserError(
                    field=["input", "ids", str(position)],
                    code=ErrorCode.NOT_FOUND,
                    message=f"no notification {notification_id}",
                )
                for notification_id, position in zip(
                    missing[0].ids, missing[0].positions, strict=True
                )
            ]
        if outcome.value is None:
            return NotificationMarkReadPayload(notifications=None, errors=errors)
        loader = info.context.loaders.activity.notification_by_id
        rows = await loader.load_many(outcome.value)
        return NotificationMarkReadPayload(
            notifications=[Notification.from_row(r) for r in rows if r is not None],
            errors=errors,
        )

    @strawberry.mutation(
        description="Mark all of the viewer's unread notifications read (optionally only "
        "those created up to a given instant); returns how many were marked."
    )
    async def notification_mark_all_read(
        self, info: Info, input: NotificationMarkAllReadInput
    ) -> NotificationMarkAllReadPayload:
        async def work(session: AsyncSession) -> tuple[int, str | None]:
            viewer = info.context.viewer
            count = await domain.mark_all_read(session, viewer, input.created_before)
            return count, None

        outcome = await run_mutation(info, "notification.mark_all_read", "notification", work)
        return NotificationMarkAllReadPayload(count=outcome.value, errors=outcome.errors)
