"""The one way to write a mutation resolver: the domain call, its audit name, its payload.

    DATASET = Reload(lambda loaders: loaders.storage.dataset_by_id, Dataset.from_row)

    dataset_delete = mutation(
        "Delete a dataset ...", "dataset.delete", DatasetDeleteInput, DatasetDeletePayload,
        lambda session, viewer, input: datasets.delete_dataset(session, viewer, input.dataset_id),
        resource_id=lambda input: input.dataset_id, **deleted("Dataset"),
    )

`mutation` declares the Strawberry field (its resolver takes `input: <the input type>` and
returns the payload type) and resolves it through `mutate`; a mutation with more logic than
a call of the input is an `async def` resolver calling `mutate` itself.

`mutate` runs `call(session, viewer)` through `run_mutation` (one transaction with retries,
the audit row, typed errors, loaders cleared: see remotegpu.resolvers.support) and answers
with the payload: on failure `Payload.failed(errors)`, on success the payload whose fields are
the keyword arguments, each computed from the call's result after commit: a `Reload` of the
changed object, `returned`, `attribute(...)`, `returned_as(...)`, `deleted(...)`, or any
`(context, result) -> value` function (async or not).

The audit row's action is `action`, its resource type the action's first part ("dataset" of
"dataset.create") unless `resource_type` says otherwise, and its resource the result's key
(`key_of`: the result itself when it is a key, else its `id`), or `resource_id` when the call
fails or returns nothing to name; `audit_id` picks another key. In `mutation`, the resource
id and the payload fields that depend on the input (`per_input`) are functions of the input.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypedDict, TypeVar

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.context import Context
from remotegpu.domain.errors import DomainError
from remotegpu.loaders.registry import Loaders
from remotegpu.resolvers.support import Audit, run_mutation
from remotegpu.schema.errors import UserError
from remotegpu.schema.node import to_global_id
from remotegpu.schema.types.payload import Payload

T = TypeVar("T")
Obj = TypeVar("Obj")
P = TypeVar("P", bound=Payload)
In = TypeVar("In")

Info = strawberry.Info[Context, Any]
# One payload field, from the context and the domain call's result.
Fill = Callable[[Context, Any], Any]


def key_of(result: object) -> object:
    """The key a domain call's result names: the result itself when it is a key (an id the
    call returns), else the `id` of the row it returns; None for None."""
    if result is None or isinstance(result, int | str):
        return result
    return getattr(result, "id")  # noqa: B009  (a row of any table: the attribute is the point)


@dataclass(frozen=True)
class Reload(Generic[Obj]):
    """A payload field holding the changed object as the viewer sees it after commit: loaded
    through the request's loader (which `run_mutation` cleared), None if it is not visible."""

    loader: Callable[[Loaders], Any]
    convert: Callable[[Any], Obj]
    # When the viewer may not read the object, the committed row the call returned instead
    # (staff and agents move workloads they cannot read; its relations keep the read rules).
    or_returned_row: bool = False

    async def __call__(self, ctx: Context, result: object) -> Obj | None:
        found = await self.load(ctx, key_of(result))
        if found is None and self.or_returned_row and result is not None:
            return self.convert(result)
        return found

    async def load(self, ctx: Context, key: object) -> Obj | None:
        if key is None:
            return None
        row = await self.loader(ctx.loaders).load(key)
        return None if row is None else self.convert(row)

    def of(self, pick: Callable[[Any], object]) -> Fill:
        """This field for the row or key `pick` takes out of the result (a call that returns
        more than the changed row)."""
        return lambda ctx, result: self.load(ctx, key_of(pick(result)))

    def at(self, key: object) -> Fill:
        """This field for a given key rather than the result (e.g. the parent of a version)."""
        return lambda ctx, _result: self.load(ctx, key)


def returned(_ctx: Context, result: object) -> object:
    """A payload field holding the call's result as it is (e.g. the key of a deleted row)."""
    return result


def constant(value: object) -> Fill:
    """A payload field holding a value known before the call (e.g. an id from the input)."""
    return lambda _ctx, _result: value


def attribute(name: str) -> Fill:
    """A payload field holding one attribute of the call's result (e.g. a new secret)."""
    return lambda _ctx, result: getattr(result, name)


def returned_as(convert: Callable[[Any], Obj]) -> Fill:
    """A payload field holding the row the call returned, converted (e.g. a deleted row as it
    was: no loader finds it any more)."""
    return lambda _ctx, row: None if row is None else convert(row)


class Deleted(TypedDict):
    deleted_id: Fill
    deleted_row_id: Fill


def deleted(type_name: str) -> Deleted:
    """`deletedId` and `deletedRowId` of a delete mutation whose call returns the gone key:
    `mutate(..., **deleted("Dataset"))`."""
    return Deleted(
        deleted_id=lambda _ctx, gone: to_global_id(type_name, gone),
        deleted_row_id=returned,
    )


async def reply(ctx: Context, payload: type[P], result: Any, fields: Mapping[str, Fill]) -> P:
    """The success payload: each field computed from the call's result."""
    values: dict[str, Any] = {}
    for name, fill in fields.items():
        value = fill(ctx, result)
        values[name] = await value if inspect.isawaitable(value) else value
    return payload(**values)


async def mutate(
    info: Info,
    action: str,
    call: Callable[[AsyncSession, Viewer], Awaitable[T]],
    payload: type[P],
    *,
    resource_type: str | None = None,
    resource_id: object = None,
    require_write: bool = True,
    audit: Audit = Audit.HERE,
    audit_id: Callable[[T], object] = key_of,
    **fields: Fill,
) -> P:
    """Run a mutation and answer with its payload (see the module docstring).

    `require_write=False` for callers without the write scope (agents) whose domain call
    checks who may act; `audit` for the identity mutations whose domain writes audit rows.
    """
    viewer = info.context.viewer

    async def work(session: AsyncSession) -> tuple[T, str | None]:
        result = await call(session, viewer)
        changed = audit_id(result)
        return result, None if changed is None else str(changed)

    outcome = await run_mutation(
        info,
        action,
        resource_type or action.partition(".")[0],
        work,
        resource_id=None if resource_id is None else str(resource_id),
        require_write=require_write,
        audit=audit,
    )
    if outcome.errors:
        return payload.failed(outcome.errors)
    return await reply(info.context, payload, outcome.value, fields)


async def answer(info: Info, payload: type[P], attempt: Awaitable[T], **fields: Fill) -> P:
    """For a domain call that opens its own transactions and writes its own audit rows
    (login, token refresh): its DomainError becomes the payload's errors."""
    try:
        result = await attempt
    except DomainError as error:
        return payload.failed([UserError.from_domain(error)])
    return await reply(info.context, payload, result, fields)


@dataclass(frozen=True)
class PerInput:
    """A payload field of a `mutation` that depends on its input, e.g. the parent a version
    is added to: `dataset=per_input(lambda input: DATASET.at(input.dataset_id))`."""

    fill_for: Callable[[Any], Fill]


def per_input(fill_for: Callable[[Any], Fill]) -> PerInput:
    return PerInput(fill_for)


def mutation(
    description: str,
    action: str,
    input_type: type[In],
    payload: type[P],
    call: Callable[[AsyncSession, Viewer, In], Awaitable[Any]],
    *,
    resource_id: Callable[[In], object] | None = None,
    resource_type: str | None = None,
    require_write: bool = True,
    audit: Audit = Audit.HERE,
    audit_id: Callable[[Any], object] = key_of,
    **fields: Fill | PerInput,
) -> Any:
    """The Strawberry mutation field `async def (info, input: input_type) -> payload` that
    runs `call(session, viewer, input)` through `mutate` (see the module docstring)."""

    async def resolve(info: Info, input: Any) -> Any:
        return await mutate(
            info,
            action,
            lambda session, viewer: call(session, viewer, input),
            payload,
            resource_type=resource_type,
            resource_id=None if resource_id is None else resource_id(input),
            require_write=require_write,
            audit=audit,
            audit_id=audit_id,
            **{
                name: fill.fill_for(input) if isinstance(fill, PerInput) else fill
                for name, fill in fields.items()
            },
        )

    # Strawberry reads the argument and return types from the annotations: the real types
    # here (this module's names would not resolve the input and payload of another area).
    resolve.__annotations__ = {"info": Info, "input": input_type, "return": payload}
    return strawberry.mutation(resolver=resolve, description=description)
