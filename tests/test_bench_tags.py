"""The smart-tags file of the PostGraphile benchmark (bench/postgraphile/): regenerated, it is
what is committed, and every reference it declares names real columns of the migrated schema
that PostGraphile can follow (it refuses a `@foreignKey` whose target is not unique)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import asyncpg

ROOT = Path(__file__).resolve().parent.parent
MAKE_TAGS = ROOT / "bench" / "postgraphile" / "make_tags.py"

# Columns of the public schema's tables (views and partitions of PostGraphile's own would not
# carry references).
COLUMNS = """
SELECT c.relname AS table_name, a.attname AS column_name
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind IN ('r', 'p')
"""
# Single-column unique indexes (primary keys and UNIQUE constraints both have one).
UNIQUE_COLUMNS = """
SELECT c.relname AS table_name, a.attname AS column_name
FROM pg_index i
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
WHERE i.indisunique AND i.indnkeyatts = 1 AND i.indpred IS NULL
"""


def _make_tags() -> ModuleType:
    """bench/ is not a package: load the script as a module, as `python make_tags.py` would."""
    spec = importlib.util.spec_from_file_location("bench_make_tags", MAKE_TAGS)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_tags_committed_file_equals_generated() -> None:
    make_tags = _make_tags()
    committed = make_tags.TAGS_FILE.read_text()
    assert committed == make_tags.render(), (
        "bench/postgraphile/postgraphile.tags.json5 is stale: run"
        " .venv/bin/python bench/postgraphile/make_tags.py and commit it"
    )


def test_make_tags_every_reference_declared_once_both_ways() -> None:
    from remotegpu.domain.invariant_references import REFERENCES

    declared = [
        (table, spec) for table, specs in _make_tags().foreign_keys().items() for spec in specs
    ]
    expected = [
        (table, f"({column}) references {target} ({target_column})")
        for table, column, target, target_column in REFERENCES
    ]
    assert sorted(declared) == sorted(expected)
    assert len(set(declared)) == len(declared)


async def test_make_tags_referenced_columns_exist_in_migrated_database(
    db: asyncpg.Connection,
) -> None:
    make_tags = _make_tags()
    columns = {(r["table_name"], r["column_name"]) for r in await db.fetch(COLUMNS)}
    unique = {(r["table_name"], r["column_name"]) for r in await db.fetch(UNIQUE_COLUMNS)}
    missing, not_unique = [], []
    for table, column, target, target_column in make_tags.REFERENCES:
        missing += [ref for ref in ((table, column), (target, target_column)) if ref not in columns]
        if (target, target_column) not in unique:
            not_unique.append((target, target_column))
    assert missing == [], f"references to columns the migrations do not create: {missing}"
    assert not_unique == [], f"reference targets without a unique index: {not_unique}"
    tables = {table for table, _ in columns}
    assert set(make_tags.TYPE_NAMES) <= tables
