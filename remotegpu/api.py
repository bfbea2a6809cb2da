"""The assembled GraphQL schema: root types merged from resolvers/, plus extensions.

Every module of `remotegpu.resolvers` contributes its `<Area>Query` / `<Area>Mutation`
classes; they are discovered rather than listed so an area is added in one place.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Any

import strawberry
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import DEFAULT_ALLOWED_OPERATION_TYPES
from strawberry.types.graphql import OperationType

from remotegpu import resolvers
from remotegpu.observability.operations import OperationObserver
from remotegpu.resolvers.subscriptions import Subscription
from remotegpu.schema.enum_values import describe_enum_values
from remotegpu.schema.inputs.text_check import TextInputCheck
from remotegpu.schema.pagination import describe_repeated_arguments
from remotegpu.schema.protection import protection_extensions
from remotegpu.schema.scalars import SCALAR_MAP
from remotegpu.settings import Settings


def _root_types(suffix: str) -> tuple[type[Any], ...]:
    found: list[type[Any]] = []
    for module_info in sorted(pkgutil.iter_modules(resolvers.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{resolvers.__name__}.{module_info.name}")
        for name, value in sorted(vars(module).items()):
            if (
                name.endswith(suffix)
                and isinstance(value, type)
                and value.__module__ == module.__name__
                and hasattr(value, "__strawberry_definition__")
            ):
                found.append(value)
    return tuple(found)


def _merge(name: str, types: tuple[type[Any], ...], description: str) -> type[Any]:
    # merge_types gives no way to describe the merged type; build the same class ourselves.
    return strawberry.type(type(name, types, {}), description=description)


Query = _merge(
    "Query",
    _root_types("Query"),
    "Everything readable: each table as a connection scoped to the viewer, single objects by "
    "natural key, and any object by global ID (`node`).",
)
Mutation = _merge(
    "Mutation",
    _root_types("Mutation"),
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
