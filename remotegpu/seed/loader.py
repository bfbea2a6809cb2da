"""Bulk loading with COPY, a progress display per table group, and sequence repair."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from remotegpu.seed.entities import Row
from remotegpu.seed.timeline import PLATFORM_START

# How often the progress display is advanced while a stream is copied.
PROGRESS_STEP = 10_000

SYSTEM_CONFIG_COLUMNS = (
    "id",
    "config_key",
    "config_value",
    "config_type",
    "description",
    "is_public",
    "created_at",
    "updated_at",
)


@contextmanager
def progress_display() -> Iterator[Progress | None]:
    """A rich progress display on stderr when it is a terminal, else nothing."""
    console = Console(stderr=True)
    if not console.is_terminal:
        yield None
        return
    progress = Progress(
        TextColumn("[bold]{task.description:<14}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[table]}"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )
    with progress:
        yield progress


class Loader:
    """COPY rows into tables on one connection (inside the caller's transaction)."""

    def __init__(self, conn: Any, progress: Progress | None) -> None:
        self.conn = conn
        self.progress = progress
        self.counts: dict[str, int] = {}
        self._task: TaskID | None = None

    def group(self, name: str, total: int | None) -> None:
        """Start the progress task that the following copies advance."""
        if self.progress is not None:
            if self._task is not None:
                self.progress.update(self._task, table="done")
            self._task = self.progress.add_task(name, total=total, table="")

    def _counted(self, table: str, rows: Iterable[Row]) -> Iterator[Row]:
        count = 0
        pending = 0
        for row in rows:
            yield row
            count += 1
            pending += 1
            if pending == PROGRESS_STEP:
                self._advance(pending)
                pending = 0
        self._advance(pending)
        self.counts[table] = count

    def _advance(self, amount: int) -> None:
        if self.progress is not None and self._task is not None and amount:
            self.progress.advance(self._task, amount)

    async def copy(self, table: str, columns: tuple[str, ...], rows: Iterable[Row]) -> int:
        """Stream `rows` into `table` with one COPY; rows are pulled lazily (bounded memory)."""
        if self.progress is not None and self._task is not None:
            self.progress.update(self._task, table=table)
        await self.conn.copy_records_to_table(
            table, records=self._counted(table, rows), columns=list(columns)
        )
        return self.counts[table]

    @asynccontextmanager
    async def deferred_indexes(self, tables: tuple[str, ...]) -> AsyncIterator[None]:
        """Drop the secondary indexes of `tables`, and rebuild them identically afterwards.

        One sorted build per index is much cheaper than maintaining it row by row during a
        multi-million-row COPY. All inside the caller's transaction: a failure restores them.
        """
        indexes = await self.conn.fetch(
            """
            SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS ddl
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
            WHERE t.relname = ANY($1::text[]) AND t.relnamespace = 'public'::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            ORDER BY 1
            """,
            list(tables),
        )
        for index in indexes:
            await self.conn.execute(f"DROP INDEX {index['name']}")
        yield
        await self.conn.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for index in indexes:
            await self.conn.execute(index["ddl"])

    def finish(self) -> None:
        if self.progress is not None and self._task is not None:
            self.progress.update(self._task, table="done")

    async def normalise_system_configs(self) -> None:
        """Rewrite the migration-inserted settings with fixed timestamps.

        Migrations insert them with NOW(); giving them the demo clock instead makes two
        databases seeded with the same seed identical table by table. Values are kept.
        """
        rows = await self.conn.fetch(
            "SELECT id, config_key, config_value, config_type, description, is_public"
            " FROM system_configs ORDER BY id"
        )
        await self.conn.execute("DELETE FROM system_configs")
        await self.copy(
            "system_configs",
            SYSTEM_CONFIG_COLUMNS,
            ((*row, PLATFORM_START, PLATFORM_START) for row in rows),
        )

    async def reset_sequences(self) -> None:
        """Point every serial sequence of the loaded tables past max(id), for later inserts."""
        owned = await self.conn.fetch(
            """
            SELECT t.relname AS table_name, a.attname AS column_name, s.oid::regclass::text AS seq
            FROM pg_class s
            JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
            JOIN pg_class t ON t.oid = d.refobjid
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
            WHERE s.relkind = 'S' AND t.relname = ANY($1::text[])
            """,
            sorted(self.counts),
        )
        for row in owned:
            table, column = row["table_name"], row["column_name"]
            await self.conn.execute(
                f'SELECT setval($1::regclass, COALESCE((SELECT max("{column}") FROM "{table}"),'
                " 0) + 1, false)",
                row["seq"],
            )
