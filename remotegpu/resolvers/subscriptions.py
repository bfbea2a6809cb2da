"""The Subscription root type: live updates over WebSocket (graphql-transport-ws, graphql-ws).

Every field follows outbox events (remotegpu/events) and yields the object type the queries
use. Who receives what is decided by the loaders: each event's object is loaded under the
subscriber's own viewer, and an object the viewer could not read through a query (another
tenant's, or one gone) is skipped, never sent. The subscribers of one viewer share one load
per event. Nested fields of a yielded object read through that same per-event set of loaders,
so they show the state after the event, not a cached one from the socket's start.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Awaitable, Callable
from typing import Annotated, Any, TypeVar

import strawberry
from graphql import GraphQLError

from remotegpu.context import Context
from remotegpu.domain.events import EventType
from remotegpu.events.hub import OutboxEvent
from remotegpu.loaders.base import LoaderEnv
from remotegpu.loaders.registry import Loaders
from remotegpu.schema.entities import row_key_from_id
from remotegpu.schema.types.activity import Notification
from remotegpu.schema.types.alerts import AlertRecord
from remotegpu.schema.types.environments import Environment
from remotegpu.schema.types.hosts import Host
from remotegpu.schema.types.workloads import TrainingJob

Info = strawberry.Info[Context, None]
T = TypeVar("T")
Load = Callable[[Loaders, OutboxEvent], Awaitable[Any]]

_ENVIRONMENT_ID = Annotated[
    strawberry.ID,
    strawberry.argument(
        description="Global ID of the environment (its `id`); its table key (`rowId`) is "
        "accepted too."
    ),
]


def _int_key(event: OutboxEvent) -> int | None:
    try:
        return int(event.resource_id or "")
    except ValueError:
        return None


async def _environment(loaders: Loaders, event: OutboxEvent) -> Any:
    return await loaders.environments.environment_by_id.load(event.resource_id)


async def _notification(loaders: Loaders, event: OutboxEvent) -> Any:
    key = _int_key(event)
    row = None if key is None else await loaders.activity.notification_by_id.load(key)
    # The viewer's own inbox: an admin may read every notification, but is not sent them.
    return row if row is not None and row.customer_id == loaders.env.viewer.customer_id else None


async def _alert(loaders: Loaders, event: OutboxEvent) -> Any:
    if event.event_type != EventType.ALERT_FIRED.value:
        return None  # alertFired: resolutions are not firings
    key = _int_key(event)
    return None if key is None else await loaders.alerts.alert_record_by_id.load(key)


async def _host(loaders: Loaders, event: OutboxEvent) -> Any:
    viewer = loaders.env.viewer
    # Host status is for the platform's staff and the host's own agent, not for customers
    # (who may read a host their environment runs on, but not follow the fleet's status).
    if not (viewer.is_admin or viewer.agent_host_id == event.resource_id):
        return None
    return await loaders.hosts.host_by_id.load(event.resource_id)


async def _training_job(loaders: Loaders, event: OutboxEvent) -> Any:
    return await loaders.workloads.training_job_by_id.load(event.resource_id)


async def _follow(
    info: Info, resource_type: str, load: Load, resource_id: str | None = None
) -> AsyncGenerator[Any, None]:
    """The rows, loaded under the subscriber's viewer, of the events on `resource_type`."""
    ctx = info.context
    if ctx.hub is None or ctx.live is None:
        raise GraphQLError(
            "Subscriptions run over a WebSocket at /graphql (graphql-transport-ws or graphql-ws).",
            extensions={"code": "BAD_REQUEST"},
        )
    subscriber = ctx.hub.subscribe(ctx.live, frozenset({resource_type}), resource_id)
    try:
        while True:
            delivery = await subscriber.queue.get()
            loaders = delivery.shared.get(ctx.viewer)
            if loaders is None:
                loaders = Loaders(LoaderEnv(ctx.sessions, ctx.viewer, ctx.settings))
                delivery.shared[ctx.viewer] = loaders
            row = await load(loaders, delivery.event)
            if row is None:
                continue  # not this viewer's to see
            ctx.__dict__["loaders"] = loaders  # nested fields: the same per-event snapshot
            yield row
    finally:
        ctx.hub.unsubscribe(subscriber)


@strawberry.type(
    description="Live updates, over a WebSocket at /graphql (graphql-transport-ws or graphql-ws; "
    "authenticate in `connection_init` with `{authorization: 'Bearer <token>'}`). Each event is "
    "sent only to subscribers allowed to read its object, as the queries decide. Close codes: "
    "4403 refused or access revoked, 4508 subscriber too slow."
)
class Subscription:
    @strawberry.subscription(
        description="One environment, after each change of its state (created, started, "
        "stopped, failed, deleted)."
    )
    async def environment_updated(
        self, info: Info, id: _ENVIRONMENT_ID
    ) -> AsyncGenerator[Environment, None]:
        key = row_key_from_id(id, "Environment")
        if key is None:
            raise GraphQLError("Not an Environment ID.", extensions={"code": "INVALID_INPUT"})
        async for row in _follow(info, "environment", _environment, key):
            yield Environment.from_row(row)

    @strawberry.subscription(
        description="Every environment the viewer can see (admins: all; customers: their own "
        "and their workspaces'), after each change of its state."
    )
    async def environments_updated(self, info: Info) -> AsyncGenerator[Environment, None]:
        async for row in _follow(info, "environment", _environment):
            yield Environment.from_row(row)

    @strawberry.subscription(description="Each new notification in the viewer's inbox.")
    async def notification_received(self, info: Info) -> AsyncGenerator[Notification, None]:
        async for row in _follow(info, "notification", _notification):
            yield Notification.from_row(row)

    @strawberry.subscription(
        description="Each alert that fires and the viewer can see (admins: platform-wide ones too)."
    )
    async def alert_fired(self, info: Info) -> AsyncGenerator[AlertRecord, None]:
        async for row in _follow(info, "alert_record", _alert):
            yield AlertRecord.from_row(row)

    @strawberry.subscription(
        description="Hosts going online, offline or into or out of maintenance (admins: every "
        "host; an agent token: its own host; customers: nothing)."
    )
    async def host_status_changed(self, info: Info) -> AsyncGenerator[Host, None]:
        async for row in _follow(info, "host", _host):
            yield Host.for_viewer(row, info.context)

    @strawberry.subscription(
        description="Training jobs the viewer can see, after each change of their state "
        "(started, completed, failed, cancelled)."
    )
    async def job_updated(self, info: Info) -> AsyncGenerator[TrainingJob, None]:
        async for row in _follow(info, "training_job", _training_job):
            yield TrainingJob.from_row(row)
