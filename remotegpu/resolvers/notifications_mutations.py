"""Mutations of the viewer's inbox: thin wrappers of remotegpu.domain.notification_inbox."""

from __future__ import annotations

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.context import Context
from remotegpu.domain import notification_inbox as domain
from remotegpu.domain.errors import ErrorCode
from remotegpu.resolvers.mutate import mutate, mutation, returned
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


def _audit_key(ids: list[int]) -> str:
    """The audit row's resource id: the notification ids, as many as fit."""
    return ",".join(map(str, ids))[:128]


async def _notifications(ctx: Context, ids: list[int]) -> list[Notification]:
    rows = await ctx.loaders.activity.notification_by_id.load_many(ids)
    return [Notification.from_row(r) for r in rows if r is not None]


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

        async def mark(session: AsyncSession, viewer: Viewer) -> list[int]:
            try:
                return await domain.mark_read(session, viewer, input.ids)
            except domain.NotificationsNotFound as error:
                missing.append(error)
                raise

        answer = await mutate(
            info,
            "notification.mark_read",
            mark,
            NotificationMarkReadPayload,
            resource_id=_audit_key(input.ids),
            audit_id=_audit_key,
            notifications=_notifications,
        )
        if missing:  # one error per foreign id, each pointing at its place in the list
            answer.errors = [
                UserError(
                    field=["input", "ids", str(position)],
                    code=ErrorCode.NOT_FOUND,
                    message=f"no notification {notification_id}",
                )
                for notification_id, position in zip(
                    missing[0].ids, missing[0].positions, strict=True
                )
            ]
        return answer

    notification_mark_all_read = mutation(
        "Mark all of the viewer's unread notifications read (optionally only those created up "
        "to a given instant); returns how many were marked.",
        "notification.mark_all_read",
        NotificationMarkAllReadInput,
        NotificationMarkAllReadPayload,
        lambda session, viewer, input: domain.mark_all_read(session, viewer, input.created_before),
        audit_id=lambda _count: None,  # no one resource: the audit row names none
        count=returned,
    )
