"""Apply the SQL files in db/migrations/ in order, once each, recorded with a checksum.

Each pending file runs in its own transaction together with its `schema_migrations` row, so
a failing file leaves nothing behind. A session-level advisory lock serialises concurrent
runners (several replicas starting at once apply each file exactly once). A file whose
checksum changed after it was applied stops the run: released migrations are never edited.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path

import asyncpg

from remotegpu.db.urls import asyncpg_dsn

# An arbitrary constant: pg_advisory_lock takes a 64-bit key shared by all runners.
MIGRATION_LOCK_KEY = 7_261_443_001

BOOKKEEPING_DDL = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    filename   VARCHAR(256) PRIMARY KEY,
    checksum   CHAR(64)     NOT NULL,
    applied_at TIMESTAMPTZ  NOT NULL DEFAULT NOW()
);
COMMENT ON TABLE schema_migrations IS
    'Migration files applied to this database, with their SHA-256.';
"""


class MigrationState(StrEnum):
    APPLIED = "applied"
    PENDING = "pending"
    CHANGED = "changed"


@dataclass(frozen=True)
class MigrationFile:
    filename: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()


@dataclass(frozen=True)
class MigrationStatus:
    filename: str
    state: MigrationState


class ChangedMigrationError(Exception):
    """An applied migration file was edited afterwards."""

    def __init__(self, filenames: list[str]) -> None:
        super().__init__(
            "applied migration files were changed since they ran: " + ", ".join(filenames)
        )
        self.filenames = filenames


def migrations_dir() -> Path:
    return Path(str(resources.files("remotegpu.db") / "migrations"))


def load_migration_files(directory: Path | None = None) -> list[MigrationFile]:
    directory = directory or migrations_dir()
    return [
        MigrationFile(path.name, path.read_text(encoding="utf-8"))
        for path in sorted(directory.glob("*.sql"))
    ]


async def _applied(conn: asyncpg.Connection) -> dict[str, str]:
    rows = await conn.fetch("SELECT filename, checksum FROM schema_migrations")
    return {row["filename"]: row["checksum"] for row in rows}


def _status(files: list[MigrationFile], applied: dict[str, str]) -> list[MigrationStatus]:
    result = []
    for file in files:
        if file.filename not in applied:
            state = MigrationState.PENDING
        elif applied[file.filename] != file.checksum:
            state = MigrationState.CHANGED
        else:
            state = MigrationState.APPLIED
        result.append(MigrationStatus(file.filename, state))
    return result


async def migration_status(url: str, directory: Path | None = None) -> list[MigrationStatus]:
    files = load_migration_files(directory)
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        exists = await conn.fetchval("SELECT to_regclass('schema_migrations') IS NOT NULL")
        applied = await _applied(conn) if exists else {}
    finally:
        await conn.close()
    return _status(files, applied)


async def migrate(url: str, directory: Path | None = None) -> list[str]:
    """Apply pending migrations; return the filenames applied by this call."""
    files = load_migration_files(directory)
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await conn.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK_KEY)
        try:
            await conn.execute(BOOKKEEPING_DDL)
            status = _status(files, await _applied(conn))
            changed = [s.filename for s in status if s.state is MigrationState.CHANGED]
            if changed:
                raise ChangedMigrationError(changed)
            done: list[str] = []
            for file, state in zip(files, status, strict=True):
                if state.state is not MigrationState.PENDING:
                    continue
                async with conn.transaction():
                    await conn.execute(file.sql)
                    await conn.execute(
                        "INSERT INTO schema_migrations (filename, checksum) VALUES ($1, $2)",
                        file.filename,
                        file.checksum,
                    )
                done.append(file.filename)
            return done
        finally:
            await conn.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK_KEY)
    finally:
        await conn.close()
