"""Authentication costs one single-row statement per request (issue 9), and a correctly
signed but nonsensical access token is a 401 like any invalid one, never a 500."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import httpx
import jwt
import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine

from remotegpu.app import create_app
from remotegpu.auth.authenticate import viewer_from_request
from remotegpu.auth.tokens import create_access_token
from remotegpu.settings import Settings
from tests.auth.conftest import CustomerRow, MakeCustomer, Sessions, http_request, make_api_token
from tests.conftest import make_settings

VIEWER_QUERY = "query { viewer { username } }"


@contextmanager
def statements_on(engine: AsyncEngine) -> Iterator[list[str]]:
    """Every SQL statement sent through `engine` while the block runs."""
    seen: list[str] = []

    def record(*args: Any) -> None:
        seen.append(args[2])  # (conn, cursor, statement, parameters, context, executemany)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


def _engine(sessions: Sessions) -> AsyncEngine:
    engine = sessions.kw["bind"]
    assert isinstance(engine, AsyncEngine)
    return engine


async def test_authenticate_access_token_issues_one_statement(
    sessions: Sessions, settings: Settings, alice: CustomerRow
) -> None:
    header = f"Bearer {create_access_token(settings, alice.id).token}"
    await viewer_from_request(http_request(header), sessions, settings)  # connects the pool
    with statements_on(_engine(sessions)) as seen:
        viewer = await viewer_from_request(http_request(header), sessions, settings)
    assert viewer.customer_id == alice.id
    assert len(seen) == 1, seen
    assert seen[0].lstrip().upper().startswith("SELECT")
    assert "customers" in seen[0]


@contextmanager
def simple_queries_on(engine: AsyncEngine) -> Iterator[list[str]]:
    """Queries asyncpg sends outside prepared statements (BEGIN, COMMIT, ROLLBACK, ...)."""
    seen: list[str] = []
    loggers: list[Any] = []

    def log(record: Any) -> None:
        seen.append(record.query)

    def on_checkout(dbapi_connection: Any, *_: Any) -> None:
        driver = dbapi_connection.driver_connection
        driver.add_query_logger(log)
        loggers.append(driver)

    event.listen(engine.sync_engine, "checkout", on_checkout)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "checkout", on_checkout)
        for driver in loggers:
            driver.remove_query_logger(log)


async def test_authenticate_runs_outside_any_transaction(
    sessions: Sessions, settings: Settings, alice: CustomerRow
) -> None:
    created = await make_api_token(sessions, alice)
    headers = [
        f"Bearer {create_access_token(settings, alice.id).token}",
        f"Bearer {created.plaintext}",
    ]
    with simple_queries_on(_engine(sessions)) as seen:
        for header in headers:
            await viewer_from_request(http_request(header), sessions, settings)
        # The probe works: a session's unit of work shows up as BEGIN ... ROLLBACK.
        async with sessions() as session:
            await session.execute(select(1))
    # Autocommit: the statement is the only round trip, no BEGIN/ROLLBACK around it.
    assert seen == ["BEGIN ISOLATION LEVEL READ COMMITTED;", "ROLLBACK;"]


async def test_authenticate_api_token_issues_one_statement_when_recording_use_too(
    sessions: Sessions, settings: Settings, alice: CustomerRow, db: asyncpg.Connection
) -> None:
    created = await make_api_token(sessions, alice)
    header = f"Bearer {created.plaintext}"
    engine = _engine(sessions)
    with statements_on(engine) as first_use:  # records last_used_at
        await viewer_from_request(http_request(header), sessions, settings)
    assert len(first_use) == 1, first_use
    assert await db.fetchval("SELECT last_used_at FROM api_tokens") is not None
    with statements_on(engine) as next_use:  # within the minute: nothing to record
        viewer = await viewer_from_request(http_request(header), sessions, settings)
    assert viewer.token_id == created.token.id
    assert len(next_use) == 1, next_use
    assert "api_tokens" in next_use[0]
    assert "customers" in next_use[0]


async def test_authenticate_refused_token_writes_no_last_used_at(
    sessions: Sessions,
    settings: Settings,
    migrated_url: str,
    alice: CustomerRow,
    db: asyncpg.Connection,
) -> None:
    created = await make_api_token(sessions, alice)
    await db.execute("UPDATE customers SET status = 'suspended' WHERE id = $1", alice.id)
    response = await _post(migrated_url, settings, created.plaintext)
    assert response.status_code == 401
    assert await db.fetchval("SELECT last_used_at FROM api_tokens") is None


def _signed(settings: Settings, **claims: object) -> str:
    now = datetime.now(UTC)
    body: dict[str, object] = {
        "epoch": 0,
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=5)).timestamp()),
        "iss": settings.jwt_issuer,
        "jti": "j",
        "typ": "access",
    }
    body.update(claims)
    return jwt.encode(body, settings.jwt_secret, algorithm="HS256")


async def _post(url: str, settings: Settings, token: str) -> httpx.Response:
    """POST a query to the real app (its auth middleware included) in-process."""
    app = create_app(settings, url)
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            return await client.post(
                "/graphql",
                json={"query": VIEWER_QUERY},
                headers={"Authorization": f"Bearer {token}"},
            )
    finally:
        await app.state.engine.dispose()


@pytest.mark.parametrize(
    "sub", ["99999999999999999999", "9223372036854775808", "²", "-1", "0", "1e3", "٣"]
)
async def test_graphql_request_signed_jwt_with_impossible_sub_is_401(
    migrated_url: str, sub: str
) -> None:
    settings = make_settings()
    response = await _post(migrated_url, settings, _signed(settings, sub=sub))
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_graphql_request_signed_jwt_with_exp_past_year_9999_is_answered(
    migrated_url: str, make_customer: MakeCustomer
) -> None:
    # Signed by us and not expired: valid. Converting such an `exp` to a datetime used to
    # raise OverflowError, a 500.
    settings = make_settings()
    alice = await make_customer("alice")
    token = _signed(settings, sub=str(alice.id), exp=10**20)
    response = await _post(migrated_url, settings, token)
    assert response.status_code == 200
    assert response.json() == {"data": {"viewer": {"username": "alice"}}}
