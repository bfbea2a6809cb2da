"""One declaration per relation: factories for connection, reference and look-up fields.

Each factory builds the Strawberry field (its resolver is generated here, with a signature
Strawberry reads the GraphQL arguments from) and registers what the compiled planner needs
to know of it (`schema.relation_registry`). Loaders are named "<area>.<loader>" as they sit
on `ctx.loaders`; a child connection's count loader is its page loader's twin
(`<table>_page_by_<column>` -> `<table>_count_by_<column>`).

`node` is the object type the field leads to: the Strawberry class itself, or
`Annotated["Name", strawberry.lazy("module")]` when the class cannot be imported yet.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Annotated, Any, Optional

import strawberry
from strawberry.types.field import StrawberryField

from remotegpu.context import Context
from remotegpu.loaders.base import Visibility
from remotegpu.loaders.paging import Ordering
from remotegpu.schema.connections import child_connection, root_connection
from remotegpu.schema.pagination import Connection
from remotegpu.schema.relation_registry import (
    Children,
    Record,
    Reference,
    RootConnection,
    RootLookup,
    Target,
    declare,
)

Info = strawberry.Info[Context, None]
_ARG = inspect.Parameter.POSITIONAL_OR_KEYWORD


def _param(name: str, annotation: Any, default: Any = inspect.Parameter.empty) -> Any:
    return inspect.Parameter(name, _ARG, annotation=annotation, default=default)


_RECEIVER = (_param("self", Any), _param("info", Info))


def connection_arguments(
    where: Any, orderings: Mapping[Any, Ordering] | None, default: Enum | None, nullable: bool
) -> list[inspect.Parameter]:
    """first/after/last/before/where[/orderBy], as every connection field declares them
    (their descriptions are applied schema-wide: `pagination.REPEATED_ARGUMENTS`)."""
    params = [
        _param("first", Optional[int], None),  # noqa: UP045 (a runtime annotation)
        _param("after", Optional[str], None),  # noqa: UP045
        _param("last", Optional[int], None),  # noqa: UP045
        _param("before", Optional[str], None),  # noqa: UP045
        _param("where", Optional[where], None),  # noqa: UP045
    ]
    if orderings is not None:
        assert default is not None
        order = type(default)
        if nullable:  # an explicit null means the default ordering too
            params.append(_param("order_by", Optional[order], default))  # noqa: UP045
        else:
            params.append(_param("order_by", order, default))
    return params


def _field(
    resolve: Callable[..., Any],
    params: list[inspect.Parameter],
    returns: Any,
    description: str,
    target: Target,
    record: Callable[[str], Record],
    compiled: bool,
) -> Any:
    resolve.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [*_RECEIVER, *params], return_annotation=returns
    )
    field = strawberry.field(resolver=resolve, description=description)
    assert isinstance(field, StrawberryField)
    declare(field, target, record, compiled)
    return field


def lazy_type(module: str, name: str) -> Any:
    """`Annotated["Name", strawberry.lazy(module)]`: a type its module declares later, or a
    module that imports this one."""
    return Annotated[name, strawberry.lazy(module)]


def _order(orderings: Mapping[Any, Ordering] | Ordering, default: Enum | None) -> Enum | None:
    """The default ordering: `default`, or the Order enum's first member (the convention)."""
    if isinstance(orderings, Ordering):
        return None
    return default if default is not None else next(iter(orderings))


def _split(loader: str) -> tuple[str, str]:
    area, name = loader.split(".")
    return area, name


def _attr(via: str) -> str:
    """The object's attribute holding column `via` (the table key is `row_id`)."""
    return "row_id" if via == "id" else via


def children(
    node: Any,
    loader: str,
    orderings: Mapping[Any, Ordering] | Ordering,
    where: Any,
    *,
    description: str,
    default: Enum | None = None,
    nullable: bool = False,
    via: str = "id",
    compiled: bool = True,
) -> Any:
    """A connection to the rows `loader` pages by this object's column `via`.

    `orderings` is the Order enum's table (an `orderBy` argument defaulting to `default`, or
    to the enum's first member, shown in the schema; `nullable` also accepts an explicit null,
    which means that default) or one fixed Ordering (no `orderBy` argument)."""
    target, (area, page) = Target(node), _split(loader)
    count = page.replace("_page_by_", "_count_by_")
    fixed = orderings if isinstance(orderings, Ordering) else None
    table: Mapping[Any, Ordering] = {} if isinstance(orderings, Ordering) else orderings
    order = _order(orderings, default)
    key = _attr(via)

    async def resolve(self: Any, info: Info, **args: Any) -> Any:
        ctx = info.context
        loaders = getattr(ctx.loaders, area)
        paging = {k: args.get(k) for k in ("first", "after", "last", "before")}
        ordering = fixed if fixed is not None else table[args.get("order_by") or order]
        return await child_connection(
            ctx,
            getattr(loaders, page),
            getattr(loaders, count),
            getattr(self, key),
            target.converter(ctx),
            ordering,
            args.get("where"),
            **paging,
        )

    def record(name: str) -> Children:
        # A fixed ordering has no table to choose from (such a field is never compiled).
        return Children(name, (area, page), via, table, order)

    params = connection_arguments(where, None if fixed is not None else table, order, nullable)
    returns = Connection[node]
    return _field(resolve, params, returns, description, target, record, compiled and fixed is None)


def reference(
    node: Any,
    loader: str,
    via: str,
    *,
    description: str,
    attr: str | None = None,
    compiled: bool = True,
) -> Any:
    """The one row `loader` finds by this object's column `via` (held in attribute `attr`,
    by default the column's name); null when the column is null or the row is not visible."""
    target, (area, name) = Target(node), _split(loader)
    key = attr or _attr(via)

    async def resolve(self: Any, info: Info) -> Any:
        value = getattr(self, key)
        if value is None:
            return None
        row = await getattr(getattr(info.context.loaders, area), name).load(value)
        return None if row is None else target.converter(info.context)(row)

    def record(target_name: str) -> Reference:
        return Reference(target_name, (area, name), via)

    returns = Optional[node]  # noqa: UP045
    return _field(resolve, [], returns, description, target, record, compiled)


def root_connection_field(
    node: Any,
    model: type[Any],
    visible: Visibility,
    orderings: Mapping[Any, Ordering],
    where: Any,
    *,
    description: str,
    default: Enum | None = None,
    nullable: bool = False,
    compiled: bool = True,
) -> Any:
    """A root connection over every row of `model` that `visible` lets the viewer see."""
    target = Target(node)
    order = _order(orderings, default)

    async def resolve(self: Any, info: Info, **args: Any) -> Any:
        ctx = info.context
        where_value = args.get("where")
        return await root_connection(
            ctx,
            model,
            visible,
            target.converter(ctx),
            orderings[args.get("order_by") or order],
            [] if where_value is None else list(where_value.conditions()),
            **{k: args.get(k) for k in ("first", "after", "last", "before")},
        )

    def record(name: str) -> RootConnection:
        return RootConnection(name, visible, orderings, order)

    params = connection_arguments(where, orderings, order, nullable)
    returns = Connection[node]
    return _field(resolve, params, returns, description, target, record, compiled)


def root_lookup(
    node: Any,
    loader: str,
    argument: str,
    argument_type: Any,
    *,
    description: str,
    compiled: bool = True,
) -> Any:
    """A root field answering the one row `loader` finds by the key argument, if visible."""
    target, (area, name) = Target(node), _split(loader)

    async def resolve(self: Any, info: Info, **args: Any) -> Any:
        row = await getattr(getattr(info.context.loaders, area), name).load(args[argument])
        return None if row is None else target.converter(info.context)(row)

    def record(target_name: str) -> RootLookup:
        return RootLookup(target_name, (area, name), argument)

    params = [_param(argument, argument_type)]
    returns = Optional[node]  # noqa: UP045
    return _field(resolve, params, returns, description, target, record, compiled)


_CUSTOMER = lazy_type("remotegpu.schema.types.customers", "Customer")
_WORKSPACE = lazy_type("remotegpu.schema.types.workspaces", "Workspace")


def customer_reference(via: str, *, description: str, compiled: bool = True) -> Any:
    """The customer whose key this object holds in column `via` (owner, author, ...)."""
    return reference(
        _CUSTOMER, "customers.customer_by_id", via, description=description, compiled=compiled
    )


def workspace_reference(*, description: str, compiled: bool = True) -> Any:
    """The workspace this object belongs to (its `workspace_id`); null for personal ones."""
    return reference(
        _WORKSPACE,
        "workspaces.workspace_by_id",
        "workspace_id",
        description=description,
        compiled=compiled,
    )
