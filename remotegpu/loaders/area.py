"""An area's loaders, declared once per table: `ctx.loaders.<area>.<name>`.

An area class lists its loaders as class attributes made from a `Rows` (a model and the
viewer's visibility rule for it), so each declaration names only its key column:

    datasets = Rows(Dataset, visible_datasets)

    class StorageLoaders(AreaLoaders):
        dataset_by_id = datasets.by(Dataset.id)
        datasets_page_by_customer_id = datasets.pages_by(Dataset.customer_id)
        datasets_count_by_customer_id = datasets.counts_by(Dataset.customer_id)

A loader is built the first time a request reads it and then kept on the area instance: one
loader, hence one cache and one batch, per request, as if the area had built it up front.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

from sqlalchemy.orm import InstrumentedAttribute

from remotegpu.loaders.base import (
    CountByParentLoader,
    LoaderEnv,
    PageByParentLoader,
    RowByKeyLoader,
    RowT,
    Visibility,
    everyone,
)

LoaderT = TypeVar("LoaderT")


class AreaLoaders:
    """The loaders of one area, for one request."""

    def __init__(self, env: LoaderEnv) -> None:
        self.env = env


class Declared(Generic[LoaderT]):
    """One loader of an area: built from the request's `LoaderEnv` on first read.

    A non-data descriptor: the loader it stores under its own name in the area instance's
    `__dict__` answers every later read directly.
    """

    def __init__(self, build: Callable[[LoaderEnv], LoaderT]) -> None:
        self.build = build
        self.name = ""

    def __set_name__(self, owner: type[AreaLoaders], name: str) -> None:
        self.name = name

    @overload
    def __get__(self, area: None, owner: type[AreaLoaders]) -> Declared[LoaderT]: ...

    @overload
    def __get__(self, area: AreaLoaders, owner: type[AreaLoaders]) -> LoaderT: ...

    def __get__(
        self, area: AreaLoaders | None, owner: type[AreaLoaders]
    ) -> Declared[LoaderT] | LoaderT:
        if area is None:
            return self
        loader = self.build(area.env)
        area.__dict__[self.name] = loader
        return loader


class Rows(Generic[RowT]):
    """A table as the viewer may see it; makes the area's loaders of that table."""

    def __init__(self, model: type[RowT], visible: Visibility = everyone) -> None:
        self.model, self.visible = model, visible

    def by(self, key: InstrumentedAttribute[Any]) -> Declared[RowByKeyLoader[RowT]]:
        """Rows by a unique key (child -> parent references and look-ups)."""
        return Declared(lambda env: RowByKeyLoader(env, self.model, key, self.visible))

    def pages_by(
        self,
        parent: InstrumentedAttribute[Any],
        loader: type[PageByParentLoader[Any]] = PageByParentLoader,
    ) -> Declared[PageByParentLoader[RowT]]:
        """Pages of children keyed by their `parent` column; `loader`: another SQL shape."""
        return Declared(lambda env: loader(env, self.model, parent, self.visible))

    def counts_by(self, parent: InstrumentedAttribute[Any]) -> Declared[CountByParentLoader]:
        """`totalCount` of those children."""
        return Declared(lambda env: CountByParentLoader(env, self.model, parent, self.visible))
