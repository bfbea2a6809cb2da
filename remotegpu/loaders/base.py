"""The three loader shapes every area uses.

- `RowByKeyLoader`: child -> parent (and by-id look-ups): one `key = ANY($1)` statement.
- `PageByParentLoader`: parent -> children as a page: one statement for all parents of a tree
  level, numbering each parent's rows with `row_number() OVER (PARTITION BY parent ...)`.
- `CountByParentLoader`: `totalCount` of those children: one `GROUP BY parent` statement.

Each takes a visibility predicate for the viewer, so no edge can reach a row that the root
field would hide.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from aiodataloader import DataLoader
from sqlalchemy import ColumnElement, FromClause, Select, any_, bindparam, func, select, true
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import InstrumentedAttribute, aliased

from remotegpu.auth.viewer import Viewer
from remotegpu.loaders.paging import Ordering, Page, PageRequest
from remotegpu.settings import Settings

RowT = TypeVar("RowT")
Visibility = Callable[[Viewer], ColumnElement[bool]]


@dataclass(frozen=True)
class LoaderEnv:
    """What every loader of one request shares."""

    sessions: async_sessionmaker[AsyncSession]
    viewer: Viewer
    settings: Settings


def everyone(_: Viewer) -> ColumnElement[bool]:
    return true()


def _any(column: InstrumentedAttribute[Any], keys: Sequence[Any]) -> ColumnElement[bool]:
    # One array parameter instead of N placeholders: the statement text is the same for
    # every batch size, so PostgreSQL and asyncpg reuse its prepared plan.
    array = bindparam("keys", value=list(keys), type_=_array_type(column))
    return column == any_(array)


def _array_type(column: InstrumentedAttribute[Any]) -> Any:
    from sqlalchemy.dialects.postgresql import ARRAY

    return ARRAY(column.type)


class RowByKeyLoader(DataLoader, Generic[RowT]):  # type: ignore[type-arg]
    """Rows by a unique key (usually the primary key); None when missing or not visible."""

    def __init__(
        self,
        env: LoaderEnv,
        model: type[RowT],
        key: InstrumentedAttribute[Any],
        visible: Visibility = everyone,
    ) -> None:
        super().__init__()
        self.env, self.model, self.key, self.visible = env, model, key, visible

    async def batch_load_fn(self, keys: Sequence[Any]) -> list[RowT | None]:
        stmt = select(self.model).where(_any(self.key, keys), self.visible(self.env.viewer))
        async with self.env.sessions() as session:
            rows = (await session.scalars(stmt)).all()
        by_key = {getattr(row, self.key.key): row for row in rows}
        return [by_key.get(key) for key in keys]


GroupKey = tuple[PageRequest, str, str]  # request, ordering name, filter fingerprint


class PageByParentLoader(DataLoader, Generic[RowT]):  # type: ignore[type-arg]
    """A page of children for each parent; equal page requests of one level batch together."""

    def __init__(
        self,
        env: LoaderEnv,
        model: type[RowT],
        parent: InstrumentedAttribute[Any],
        visible: Visibility = everyone,
    ) -> None:
        super().__init__()
        self.env, self.model, self.parent, self.visible = env, model, parent, visible
        self._groups: dict[GroupKey, tuple[Ordering, list[ColumnElement[bool]]]] = {}

    async def load_page(
        self,
        parent_key: Any,
        request: PageRequest,
        ordering: Ordering,
        conditions: Sequence[ColumnElement[bool]] = (),
        fingerprint: str = "",
    ) -> Page[RowT]:
        group: GroupKey = (request, ordering.name, fingerprint)
        self._groups[group] = (ordering, [*conditions, *request.conditions(ordering)])
        page: Page[RowT] = await self.load((parent_key, group))
        return page

    async def batch_load_fn(self, keys: Sequence[tuple[Any, GroupKey]]) -> list[Page[RowT]]:
        wanted: dict[GroupKey, list[Any]] = {}
        for parent_key, group in keys:
            wanted.setdefault(group, []).append(parent_key)
        pages: dict[tuple[Any, GroupKey], Page[RowT]] = {}
        async with self.env.sessions() as session:
            for group, parents in wanted.items():
                request = group[0]
                ordering, conditions = self._groups[group]
                rows_by_parent = await self._fetch(session, request, ordering, conditions, parents)
                for parent_key in parents:
                    fetched = rows_by_parent.get(parent_key, [])
                    pages[(parent_key, group)] = Page.from_fetched(fetched, request)
        return [pages[key] for key in keys]

    async def _fetch(
        self,
        session: AsyncSession,
        request: PageRequest,
        ordering: Ordering,
        conditions: list[ColumnElement[bool]],
        parents: list[Any],
    ) -> dict[Any, list[RowT]]:
        if request.limit == 0:
            return {}
        rank = (
            func.row_number()
            .over(partition_by=self.parent, order_by=ordering.sort_clause(reverse=request.backward))
            .label("rank")
        )
        inner = (
            select(self.model, rank)
            .where(_any(self.parent, parents), self.visible(self.env.viewer), *conditions)
            .subquery()
        )
        row = aliased(self.model, inner)
        stmt = (
            select(row)
            .where(inner.c.rank <= request.limit + 1)
            .order_by(inner.c[self.parent.key], inner.c.rank)
        )
        grouped: dict[Any, list[RowT]] = {}
        for item in (await session.scalars(stmt)).all():
            grouped.setdefault(getattr(item, self.parent.key), []).append(item)
        return grouped


class CountByParentLoader(DataLoader):  # type: ignore[type-arg]
    """How many visible children each parent has (for `totalCount`)."""

    def __init__(
        self,
        env: LoaderEnv,
        model: type[Any],
        parent: InstrumentedAttribute[Any],
        visible: Visibility = everyone,
    ) -> None:
        super().__init__()
        self.env, self.model, self.parent, self.visible = env, model, parent, visible
        self._groups: dict[str, list[ColumnElement[bool]]] = {}

    async def count(
        self,
        parent_key: Any,
        conditions: Sequence[ColumnElement[bool]] = (),
        fingerprint: str = "",
    ) -> int:
        self._groups[fingerprint] = list(conditions)
        result: int = await self.load((parent_key, fingerprint))
        return result

    async def batch_load_fn(self, keys: Sequence[tuple[Any, str]]) -> list[int]:
        wanted: dict[str, list[Any]] = {}
        for parent_key, fingerprint in keys:
            wanted.setdefault(fingerprint, []).append(parent_key)
        counts: dict[tuple[Any, str], int] = {}
        async with self.env.sessions() as session:
            for fingerprint, parents in wanted.items():
                stmt = self._count_statement(parents, self._groups[fingerprint])
                for parent_key, n in (await session.execute(stmt)).all():
                    counts[(parent_key, fingerprint)] = n
        return [counts.get(key, 0) for key in keys]

    def _count_statement(
        self, parents: list[Any], conditions: list[ColumnElement[bool]]
    ) -> Select[tuple[Any, int]]:
        """(parent key, count) rows of the visible children; a loader whose parents are not
        a column of the child (an invoice's period) joins them here instead."""
        return (
            select(self.parent, func.count())
            .where(_any(self.parent, parents), self.visible(self.env.viewer), *conditions)
            .group_by(self.parent)
        )


class LateralPageByParentLoader(PageByParentLoader[RowT]):
    """`PageByParentLoader` that reads at most `limit + 1` rows per parent (LATERAL + LIMIT).

    Same interface and batching; one statement per tree level:
    `SELECT p.key, m.* FROM <parents> p CROSS JOIN LATERAL (SELECT ... WHERE <matches p> ...
    ORDER BY ... LIMIT n + 1) m`. For children with many rows per parent (metric samples),
    where numbering every row of every parent would read them all, the LIMIT walks the
    `(parent, sort)` index and stops early.
    """

    def _parents(self, parents: list[Any]) -> tuple[FromClause, Any, ColumnElement[bool], Any]:
        """The parents as a FROM item: (it, its key column, how a child matches it, the column
        that orders the parents). Here: `unnest($keys) WITH ORDINALITY`, matched by the parent
        column; a loader whose parents are rows of another table selects those instead."""
        keys = bindparam("keys", value=list(parents), type_=_array_type(self.parent))
        table = func.unnest(keys).table_valued("key", with_ordinality="n").render_derived("p")
        return table, table.c.key, self.parent == table.c.key, table.c.n

    async def _fetch(
        self,
        session: AsyncSession,
        request: PageRequest,
        ordering: Ordering,
        conditions: list[ColumnElement[bool]],
        parents: list[Any],
    ) -> dict[Any, list[RowT]]:
        if request.limit == 0 or not parents:
            return {}
        source, key, matches, position = self._parents(parents)
        inner = (
            select(self.model)
            .where(matches, self.visible(self.env.viewer), *conditions)
            .order_by(*ordering.sort_clause(reverse=request.backward))
            .limit(request.limit + 1)
            .lateral("m")
        )
        row = aliased(self.model, inner)
        sort = ordering.sort_clause(reverse=request.backward, on=inner)
        stmt = select(key, row).select_from(source).join(inner, true()).order_by(position, *sort)
        grouped: dict[Any, list[RowT]] = {}
        for parent_key, item in (await session.execute(stmt)).all():
            grouped.setdefault(parent_key, []).append(item)
        return grouped


async def fetch_root_page(
    env: LoaderEnv,
    model: type[RowT],
    request: PageRequest,
    ordering: Ordering,
    conditions: Sequence[ColumnElement[bool]],
) -> Page[RowT]:
    """One statement for a root connection: scope + filters + keyset bound + LIMIT n+1."""
    if request.limit == 0:
        return Page([], has_next=False, has_previous=False)
    stmt = (
        select(model)
        .where(*conditions, *request.conditions(ordering))
        .order_by(*ordering.sort_clause(reverse=request.backward))
        .limit(request.limit + 1)
    )
    async with env.sessions() as session:
        rows = list((await session.scalars(stmt)).all())
    return Page.from_fetched(rows, request)


async def count_rows(
    env: LoaderEnv, model: type[Any], conditions: Sequence[ColumnElement[bool]]
) -> int:
    stmt = select(func.count()).select_from(model).where(*conditions)
    async with env.sessions() as session:
        return int((await session.execute(stmt)).scalar_one())
