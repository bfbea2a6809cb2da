"""The whole-transaction retry of every mutation (resolvers/support.py) on real PostgreSQL errors.

The aborts are raised by PostgreSQL itself (a DO block raising the SQLSTATE a deadlock victim or
a serialization failure gets), after the transaction has written a row, so the tests see that a
retry starts from a clean slate and that only the last attempt's writes commit.
"""

from __future__ import annotations

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.resolvers.support import ATTEMPTS, in_transaction_with_retries

WRITE = text(
    "INSERT INTO system_configs (config_key, config_value, config_type)"
    " VALUES (:key, :attempt, 'integer')"
)
FAIL_AS = "DO $$ BEGIN RAISE EXCEPTION 'injected' USING ERRCODE = '{}'; END $$"
COUNT = "SELECT count(*), max(config_value) FROM system_configs WHERE config_key = $1"


class Body:
    """Writes a row, then fails with `sqlstate` on the first `failures` attempts."""

    def __init__(self, key: str, sqlstate: str, failures: int) -> None:
        self.key, self.sqlstate, self.failures = key, sqlstate, failures
        self.attempts = 0
        self.retries_announced = 0

    async def __call__(self, session: AsyncSession) -> int:
        self.attempts += 1
        await session.execute(WRITE, {"key": self.key, "attempt": str(self.attempts)})
        if self.attempts <= self.failures:
            await session.execute(text(FAIL_AS.format(self.sqlstate)))
        return self.attempts

    def before_retry(self) -> None:
        self.retries_announced += 1


@pytest.mark.parametrize("sqlstate", ["40P01", "40001"])
async def test_transaction_aborted_twice_by_concurrency_third_attempt_commits_once(
    sqlstate: str, sessions: async_sessionmaker[AsyncSession], db: asyncpg.Connection
) -> None:
    body = Body("retry-twice", sqlstate, failures=2)

    result = await in_transaction_with_retries(sessions, body, before_retry=body.before_retry)

    assert result == 3
    assert body.retries_announced == 2
    assert tuple(await db.fetchrow(COUNT, "retry-twice")) == (1, "3")


async def test_transaction_deadlocked_every_attempt_retry_later_nothing_written(
    sessions: async_sessionmaker[AsyncSession], db: asyncpg.Connection
) -> None:
    body = Body("retry-forever", "40P01", failures=ATTEMPTS)

    with pytest.raises(DomainError) as raised:
        await in_transaction_with_retries(sessions, body)

    assert raised.value.code is ErrorCode.RETRY_LATER
    assert body.attempts == ATTEMPTS
    assert tuple(await db.fetchrow(COUNT, "retry-forever")) == (0, None)


async def test_transaction_other_database_error_not_retried_raised(
    sessions: async_sessionmaker[AsyncSession], db: asyncpg.Connection
) -> None:
    body = Body("no-retry", "23505", failures=1)  # unique_violation: a bug, not contention

    with pytest.raises(DBAPIError):
        await in_transaction_with_retries(sessions, body)

    assert body.attempts == 1
    assert tuple(await db.fetchrow(COUNT, "no-retry")) == (0, None)
