"""Demo data: `seed_database` fills an empty, migrated database with a consistent platform.

Everything is derived from the seed and a fixed clock (`timeline.T0`), loaded with COPY in one
transaction, so a failed run leaves nothing behind and two runs with one seed are identical.
"""

from __future__ import annotations

import time

import asyncpg

from remotegpu.db.urls import asyncpg_dsn
from remotegpu.seed.loader import Loader, progress_display
from remotegpu.seed.pipeline import build_world, load_world, read_config
from remotegpu.seed.scales import SCALES, Scale

__all__ = ["SCALES", "Scale", "SeedError", "seed_database"]

# Serialises concurrent seeders on one database (pg_advisory_xact_lock key).
SEED_LOCK_KEY = 7_261_443_002


class SeedError(Exception):
    """The database cannot be seeded (already has data, or is not migrated)."""


async def seed_database(url: str, scale: Scale, *, seed: int, if_empty: bool) -> str:
    """Seed the database at `url`; return a report (rows per table, time, database size)."""
    started = time.perf_counter()
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        async with conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", SEED_LOCK_KEY)
            try:
                has_data = await conn.fetchval(
                    "SELECT EXISTS (SELECT 1 FROM customers) OR EXISTS (SELECT 1 FROM hosts)"
                )
            except asyncpg.UndefinedTableError as exc:
                raise SeedError("the database is not migrated: run `remotegpu migrate`") from exc
            if has_data:
                if if_empty:
                    return "database already has customers or hosts: seeding skipped"
                raise SeedError(
                    "the database already has customers or hosts; seed only an empty database"
                    " (or pass --if-empty to skip)"
                )
            config = await read_config(conn)
            world = build_world(scale, seed, config)
            with progress_display() as progress:
                loader = Loader(conn, progress)
                await load_world(loader, world, scale)
            await loader.reset_sequences()
        # Fresh statistics so the first queries on the seeded data get good plans.
        await conn.execute("ANALYZE")
        size = await conn.fetchval("SELECT pg_size_pretty(pg_database_size(current_database()))")
    finally:
        await conn.close()
    return _report(scale, seed, loader.counts, time.perf_counter() - started, size)


def _report(scale: Scale, seed: int, counts: dict[str, int], seconds: float, size: str) -> str:
    width = max(len(table) for table in counts)
    lines = [f"seeded scale {scale.name} (seed {seed}) in {seconds:.1f} s; database size {size}"]
    lines += [f"  {table:<{width}}  {rows:>12,}" for table, rows in sorted(counts.items())]
    lines.append(f"  {'total':<{width}}  {sum(counts.values()):>12,}")
    return "\n".join(lines)
