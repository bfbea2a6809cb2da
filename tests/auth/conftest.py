"""Fixtures of the identity tests: a session factory on a fresh migrated database, customers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache

import asyncpg
import pytest
from argon2 import PasswordHasher, Type
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request

from remotegpu.auth.viewer import Scope, Viewer
from remotegpu.db.engine import create_engine, create_session_factory, transaction
from remotegpu.domain.audit import RequestMeta
from remotegpu.domain.identity import CreatedApiToken, create_api_token
from remotegpu.settings import Settings
from tests.conftest import make_settings

PASSWORD = "correct horse battery"
META = RequestMeta(
    ip_address="203.0.113.7", user_agent="pytest", request_method="POST", request_path="/graphql"
)


@cache
def password_hash(password: str = PASSWORD) -> str:
    """One Argon2id hash per password for the whole run (each costs ~0.1 s)."""
    return PasswordHasher(type=Type.ID).hash(password)


@dataclass(frozen=True)
class CustomerRow:
    id: int
    username: str
    email: str
    user_type: str

    def viewer(self, scopes: frozenset[Scope] = frozenset({Scope.READ, Scope.WRITE})) -> Viewer:
        return Viewer(
            customer_id=self.id, username=self.username, user_type=self.user_type, scopes=scopes
        )


MakeCustomer = Callable[..., Awaitable[CustomerRow]]
# The session factory of the identity tests (the `sessions` fixture).
Sessions = async_sessionmaker[AsyncSession]


async def make_api_token(
    sessions: async_sessionmaker[AsyncSession],
    owner: CustomerRow,
    *,
    scopes: Sequence[str] = ("read",),
    expires_at: datetime | None = None,
) -> CreatedApiToken:
    """A token of `owner`, created (and committed) the way apiTokenCreate does."""
    async with transaction(sessions) as session:
        return await create_api_token(
            session,
            viewer=owner.viewer(),
            name="ci",
            scopes=scopes,
            expires_at=expires_at,
            request_meta=META,
        )


MakeHost = Callable[[str], Awaitable[str]]


@pytest.fixture
def settings() -> Settings:
    return make_settings()


@pytest.fixture
async def sessions(
    migrated_url: str, settings: Settings
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(migrated_url, settings)
    yield create_session_factory(engine)
    await engine.dispose()


@pytest.fixture
def make_customer(db: asyncpg.Connection) -> MakeCustomer:
    async def make(
        username: str,
        *,
        email: str | None = None,
        password_hash_value: str | None = None,
        user_type: str = "external",
        status: str = "active",
        deleted: bool = False,
    ) -> CustomerRow:
        email = email or f"{username}@example.com"
        customer_id = await db.fetchval(
            "INSERT INTO customers (username, email, password_hash, user_type, status, deleted_at)"
            " VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN NOW() END) RETURNING id",
            username,
            email,
            password_hash_value or password_hash(),
            user_type,
            status,
            deleted,
        )
        return CustomerRow(customer_id, username, email, user_type)

    return make


@pytest.fixture
async def alice(make_customer: MakeCustomer) -> CustomerRow:
    """An active external customer, alice, with the standard PASSWORD: most tests' one user."""
    return await make_customer("alice")


def http_request(
    authorization: str | None = None, *, path: str = "/graphql", user_agent: str = "pytest"
) -> Request:
    """A bare Starlette request, as the auth middleware would see it."""
    headers = [(b"user-agent", user_agent.encode())]
    if authorization is not None:
        headers.append((b"authorization", authorization.encode()))
    return Request(
        {
            "type": "http",
            "method": "POST",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "headers": headers,
            "client": ("203.0.113.7", 50000),
            "server": ("testserver", 80),
            "scheme": "http",
        }
    )


@pytest.fixture
def make_host(db: asyncpg.Connection) -> MakeHost:
    async def make(host_id: str) -> str:
        await db.execute(
            "INSERT INTO hosts (id, name, ip_address, os_type, deployment_mode, total_cpu,"
            " total_memory) VALUES ($1, $1, '10.0.0.1', 'linux', 'traditional', 32, 68719476736)",
            host_id,
        )
        return host_id

    return make
