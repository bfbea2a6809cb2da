"""Fixtures the domain tests share: a GraphQL runner on the test's own empty migrated
database, and the people who file and handle tickets (tests/support/tickets_world.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import pytest

from tests.graphql import GraphQLRunner, runner_for
from tests.support.tickets_world import People, make_people


@pytest.fixture
async def run(migrated_url: str) -> AsyncIterator[GraphQLRunner]:
    """Run GraphQL in-process on this test's migrated database (rows built by the test)."""
    async for runner in runner_for(migrated_url):
        yield runner


@pytest.fixture
async def people(db: asyncpg.Connection) -> People:
    return await make_people(db)
