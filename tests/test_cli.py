"""The command line: one-line settings errors, the exported schema matches schema.graphql."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "remotegpu", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
        check=False,
    )


def test_bad_setting_is_a_one_line_error_not_a_traceback() -> None:
    result = _cli("migrate", REMOTEGPU_DB_POOL_SIZE="lots")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "REMOTEGPU_DB_POOL_SIZE" in lines[0]


def test_bad_database_url_is_a_one_line_error() -> None:
    result = _cli("migrate", DATABASE_URL="mysql://nope")
    assert result.returncode == 2
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreachable_database_is_a_clear_error() -> None:
    result = _cli("migrate", DATABASE_URL="postgresql://postgres@127.0.0.1:1/remotegpu")
    assert result.returncode == 1
    assert "cannot reach the database" in result.stderr
    assert "Traceback" not in result.stderr


def test_schema_graphql_is_the_exported_schema() -> None:
    result = _cli("export-schema")
    assert result.returncode == 0, result.stderr
    committed = (ROOT / "schema.graphql").read_text()
    assert result.stdout == committed, "schema.graphql is stale: run `make schema`"
