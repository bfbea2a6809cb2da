"""Real PostgreSQL for every test: the embedded server (or DATABASE_URL), the real migrations.

Migrations run once per session into a template database; every test that needs a database
gets its own copy (`CREATE DATABASE ... TEMPLATE`), so tests are isolated and may commit,
run concurrent requests or break invariants on purpose without affecting each other.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.applications import Starlette

from remotegpu.app import create_app
from remotegpu.db.embedded import start_embedded_server
from remotegpu.db.engine import create_engine, create_session_factory
from remotegpu.db.migrate import migrate
from remotegpu.db.urls import asyncpg_dsn, with_database
from remotegpu.domain.invariants import find_violations_on
from remotegpu.settings import Settings
from tests.graphql import GraphQLRunner, runner_for

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_MIGRATED = f"rgpu_tmpl_migrated_{os.getpid()}"
TEMPLATE_SEEDED = f"rgpu_tmpl_seeded_{os.getpid()}"


@pytest.fixture(scope="session")
async def admin_url() -> str:
    """A superuser-ish URL of the test server (database `postgres`)."""
    external = os.environ.get("DATABASE_URL")
    if external:
        return with_database(external, "postgres")
    url = start_embedded_server(ROOT / ".remotegpu" / "test-pgdata")
    # A throwaway server: durability buys nothing here, and without fsync creating and
    # dropping a database per test is several times faster.
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        for setting in ("fsync", "synchronous_commit", "full_page_writes"):
            await conn.execute(f"ALTER SYSTEM SET {setting} = off")
        await conn.execute("SELECT pg_reload_conf()")
    finally:
        await conn.close()
    return url


async def _execute(admin_url: str, sql: str) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(admin_url))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def create_database(admin_url: str, template: str | None = None) -> str:
    name = f"rgpu_test_{uuid.uuid4().hex[:12]}"
    clause = f' TEMPLATE "{template}"' if template else ""
    conn = await asyncpg.connect(asyncpg_dsn(admin_url))
    try:
        if template and conn.get_server_version().major >= 15:
            # Copying the files beats WAL-logging every page for these small templates.
            clause += " STRATEGY FILE_COPY"
        await conn.execute(f'CREATE DATABASE "{name}"{clause}')
    finally:
        await conn.close()
    return name


async def drop_database(admin_url: str, name: str) -> None:
    await _execute(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@asynccontextmanager
async def database_copy(admin_url: str, template: str | None = None) -> AsyncIterator[str]:
    """The URL of a new database (a copy of `template`, or empty), dropped afterwards."""
    name = await create_database(admin_url, template)
    try:
        yield with_database(admin_url, name)
    finally:
        await drop_database(admin_url, name)


@pytest.fixture(scope="session")
async def migrated_template(admin_url: str) -> AsyncIterator[str]:
    await drop_database(admin_url, TEMPLATE_MIGRATED)
    await _execute(admin_url, f'CREATE DATABASE "{TEMPLATE_MIGRATED}"')
    await migrate(with_database(admin_url, TEMPLATE_MIGRATED))
    yield TEMPLATE_MIGRATED
    await drop_database(admin_url, TEMPLATE_MIGRATED)


@pytest.fixture(scope="session")
async def seeded_template(admin_url: str, migrated_template: str) -> AsyncIterator[str]:
    """A migrated database with the `small` demo fleet (seed 42), used as a template."""
    from remotegpu.seed import SCALES, seed_database

    await drop_database(admin_url, TEMPLATE_SEEDED)
    await _execute(admin_url, f'CREATE DATABASE "{TEMPLATE_SEEDED}" TEMPLATE "{migrated_template}"')
    await seed_database(
        with_database(admin_url, TEMPLATE_SEEDED), SCALES["small"], seed=42, if_empty=False
    )
    yield TEMPLATE_SEEDED
    await drop_database(admin_url, TEMPLATE_SEEDED)


@pytest.fixture
async def empty_url(admin_url: str) -> AsyncIterator[str]:
    """A fresh database with nothing in it (not even migrations)."""
    name = await create_database(admin_url)
    yield with_database(admin_url, name)
    await drop_database(admin_url, name)


@pytest.fixture
async def migrated_url(admin_url: str, migrated_template: str) -> AsyncIterator[str]:
    """A fresh, fully migrated, empty database of this test's own."""
    name = await create_database(admin_url, migrated_template)
    yield with_database(admin_url, name)
    await drop_database(admin_url, name)


@pytest.fixture
async def seeded_url(admin_url: str, seeded_template: str) -> AsyncIterator[str]:
    """A fresh copy of the seeded `small` fleet, this test's own."""
    name = await create_database(admin_url, seeded_template)
    yield with_database(admin_url, name)
    await drop_database(admin_url, name)


@pytest.fixture
async def db(migrated_url: str) -> AsyncIterator[asyncpg.Connection]:
    conn = await asyncpg.connect(asyncpg_dsn(migrated_url))
    yield conn
    await conn.close()


@pytest.fixture
async def conn(migrated_url: str) -> AsyncIterator[asyncpg.Connection]:
    """A connection to the test's migrated database; the test fails if it leaves any
    consistency rule broken (the invariant checker runs after it)."""
    connection = await asyncpg.connect(asyncpg_dsn(migrated_url))
    yield connection
    assert await find_violations_on(connection) == []
    await connection.close()


@pytest.fixture
async def sessions(migrated_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """The session factory the domain functions take, on the test's migrated database."""
    engine = create_engine(migrated_url, Settings())
    try:
        yield create_session_factory(engine)
    finally:
        await engine.dispose()


@pytest.fixture(scope="module")
async def module_url(admin_url: str, migrated_template: str) -> AsyncIterator[str]:
    """A fresh migrated database shared by one module's tests (live servers, races)."""
    name = await create_database(admin_url, migrated_template)
    yield with_database(admin_url, name)
    await drop_database(admin_url, name)


def make_settings(**overrides: object) -> Settings:
    return Settings(**overrides)  # type: ignore[arg-type]


async def app_client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client
    await app.state.engine.dispose()


@pytest.fixture
async def client(migrated_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client talking to the app in-process, on a migrated empty database."""
    async for c in app_client(create_app(make_settings(), migrated_url)):
        yield c


@pytest.fixture
async def gql(seeded_url: str) -> AsyncIterator[GraphQLRunner]:
    """Run GraphQL in-process on this test's own copy of the seeded small fleet."""
    async for runner in runner_for(seeded_url):
        yield runner


@pytest.fixture(scope="session")
async def seeded_shared_url(admin_url: str, seeded_template: str) -> AsyncIterator[str]:
    """One copy of the seeded fleet shared by read-only tests (faster than a copy each)."""
    name = await create_database(admin_url, seeded_template)
    yield with_database(admin_url, name)
    await drop_database(admin_url, name)


@pytest.fixture
async def gql_ro(seeded_shared_url: str) -> AsyncIterator[GraphQLRunner]:
    """Like `gql`, on the shared seeded database: for tests that do not write."""
    async for runner in runner_for(seeded_shared_url):
        yield runner
