"""The assembled GraphQL schema: root types merged from resolvers/, plus extensions.

Every module of `remotegpu.resolvers` contributes `<Area>Query` / `<Area>Mutation` classes,
listed below by name so that grep finds where each part of the schema joins it. A new area
adds its import and one entry to QUERY_ROOTS or MUTATION_ROOTS (the order of the entries is
the order of the fields in schema.graphql).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import strawberry
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import DEFAULT_ALLOWED_OPERATION_TYPES
from strawberry.types.graphql import OperationType

from remotegpu.compiled.execute import CompiledReadsExecutor
from remotegpu.observability.operations import OperationObserver
from remotegpu.resolvers.activity import ActivityQuery
from remotegpu.resolvers.alerts import AlertsQuery
from remotegpu.resolvers.alerts_mutations import AlertsMutation
from remotegpu.resolvers.auth import AuthMutation, AuthQuery
from remotegpu.resolvers.billing import BillingQuery
from remotegpu.resolvers.billing_mutations import BillingMutation
from remotegpu.resolvers.config import ConfigQuery
from remotegpu.resolvers.config_mutations import ConfigMutation
from remotegpu.resolvers.customers import CustomersQuery
from remotegpu.resolvers.customers_mutations import CustomersMutation
from remotegpu.resolvers.environments import EnvironmentsQuery
from remotegpu.resolvers.environments_mutations import EnvironmentsMutation
from remotegpu.resolvers.hosts import HostsQuery
from remotegpu.resolvers.hosts_mutations import HostsMutation
from remotegpu.resolvers.images_mutations import ImagesMutation
from remotegpu.resolvers.jobs import JobsQuery
from remotegpu.resolvers.metrics import MetricsQuery
from remotegpu.resolvers.metrics_mutations import MetricsMutation
from remotegpu.resolvers.node import NodeQuery
from remotegpu.resolvers.notifications_mutations import NotificationsMutation
from remotegpu.resolvers.storage import StorageQuery
from remotegpu.resolvers.storage_mutations import StorageMutation
from remotegpu.resolvers.subscriptions import Subscription
from remotegpu.resolvers.tickets import TicketsQuery
from remotegpu.resolvers.tickets_mutations import TicketsMutation
from remotegpu.resolvers.webhooks import WebhooksQuery
from remotegpu.resolvers.webhooks_mutations import WebhooksMutation
from remotegpu.resolvers.workloads import WorkloadsQuery
from remotegpu.resolvers.workloads_mutations import WorkloadsMutation
from remotegpu.resolvers.workspaces import WorkspacesQuery
from remotegpu.resolvers.workspaces_mutations import WorkspacesMutation
from remotegpu.schema.enum_values import describe_enum_values
from remotegpu.schema.inputs.text_check import TextInputCheck
from remotegpu.schema.pagination import describe_repeated_arguments
from remotegpu.schema.protection import protection_extensions
from remotegpu.schema.scalars import SCALAR_MAP
from remotegpu.settings import Settings

QUERY_ROOTS: tuple[type[Any], ...] = (
    ActivityQuery,
    AlertsQuery,
    AuthQuery,
    BillingQuery,
    ConfigQuery,
    CustomersQuery,
    EnvironmentsQuery,
    HostsQuery,
    JobsQuery,
    MetricsQuery,
    NodeQuery,
    StorageQuery,
    TicketsQuery,
    WebhooksQuery,
    WorkloadsQuery,
    WorkspacesQuery,
)
MUTATION_ROOTS: tuple[type[Any], ...] = (
    AlertsMutation,
    AuthMutation,
    BillingMutation,
    ConfigMutation,
    CustomersMutation,
    EnvironmentsMutation,
    HostsMutation,
    ImagesMutation,
    MetricsMutation,
    NotificationsMutation,
    StorageMutation,
    TicketsMutation,
    WebhooksMutation,
    WorkloadsMutation,
    WorkspacesMutation,
)


def _merge(name: str, types: tuple[type[Any], ...], description: str) -> type[Any]:
    # merge_types gives no way to describe the merged type; build the same class ourselves.
    return strawberry.type(type(name, types, {}), description=description)


Query = _merge(
    "Query",
    QUERY_ROOTS,
    "Everything readable: each table as a connection scoped to the viewer, single objects by "
    "natural key, and any object by global ID (`node`).",
)
Mutation = _merge(
    "Mutation",
    MUTATION_ROOTS,
    "Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`.",
)


class ServedSchema(strawberry.Schema):
    """The schema as served: ErrorHygiene logs each unexpected error once, with its request id.

    Strawberry's own `process_errors` would log the same traceback a second time.
    """

    def process_errors(self, errors: Any, execution_context: Any = None) -> None:
        return None

    async def execute(self, *args: Any, **kwargs: Any) -> Any:
        # `execute` serves HTTP only (WebSockets use `subscribe`): a subscription sent over
        # HTTP is refused with a 400 before it runs, not executed as if it were a query.
        allowed = kwargs.get("allowed_operation_types") or DEFAULT_ALLOWED_OPERATION_TYPES
        kwargs["allowed_operation_types"] = set(allowed) - {OperationType.SUBSCRIPTION}
        return await super().execute(*args, **kwargs)


@cache
def build_schema(settings: Settings) -> strawberry.Schema:
    """The schema with this deployment's limits (depth, aliases, tokens, introspection)."""
    return _described(
        ServedSchema(
            query=Query,
            mutation=Mutation,
            subscription=Subscription,
            # The observer first: it wraps the others, so it sees the final, masked result.
            extensions=[OperationObserver, *protection_extensions(settings), TextInputCheck],
            config=_CONFIG,
            # Compiled reads answer what they can before per-field execution starts.
            execution_context_class=CompiledReadsExecutor if settings.compiled_reads else None,
        )
    )


def _described(built: strawberry.Schema) -> strawberry.Schema:
    """Descriptions declared once for names that repeat across the schema."""
    describe_repeated_arguments(built._schema)
    describe_enum_values(built._schema)
    return built


_CONFIG = StrawberryConfig(scalar_map=SCALAR_MAP)

# The exported SDL does not depend on settings: limits live in extensions, not in types.
schema = _described(
    strawberry.Schema(query=Query, mutation=Mutation, subscription=Subscription, config=_CONFIG)
)
