"""Building connections for root fields and for parent -> children edges."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement

from remotegpu.context import Context
from remotegpu.loaders.base import (
    CountByParentLoader,
    PageByParentLoader,
    Visibility,
    count_rows,
    fetch_root_page,
)
from remotegpu.loaders.paging import Ordering, PageRequest
from remotegpu.schema.inputs.common import fingerprint
from remotegpu.schema.pagination import Connection, build_connection

RowT = TypeVar("RowT")
NodeT = TypeVar("NodeT")


async def root_connection(
    ctx: Context,
    model: type[RowT],
    visible: Visibility,
    convert: Callable[[RowT], NodeT],
    ordering: Ordering,
    conditions: Sequence[ColumnElement[bool]] = (),
    *,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
) -> Connection[NodeT]:
    """One statement for the page; `totalCount` costs a second one only when selected."""
    request = PageRequest.build(ctx.settings, first, after, last, before, ordering=ordering)
    scoped = [visible(ctx.viewer), *conditions]
    page = await fetch_root_page(ctx.env, model, request, ordering, scoped)

    async def count() -> int:
        return await count_rows(ctx.env, model, scoped)

    return build_connection(page, ordering, convert, count)


async def child_connection(
    ctx: Context,
    pages: PageByParentLoader[RowT],
    counts: CountByParentLoader,
    parent_key: Any,
    convert: Callable[[RowT], NodeT],
    ordering: Ordering,
    where: Any = None,
    *,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
) -> Connection[NodeT]:
    """A page of one parent's children, batched with its siblings' pages by the loader."""
    request = PageRequest.build(ctx.settings, first, after, last, before, ordering=ordering)
    conditions = [] if where is None else list(where.conditions())
    key = fingerprint(where)
    page = await pages.load_page(parent_key, request, ordering, conditions, key)

    async def count() -> int:
        return await counts.count(parent_key, conditions, key)

    return build_connection(page, ordering, convert, count)
