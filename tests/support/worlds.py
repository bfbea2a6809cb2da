"""The base of the tests' worlds: one fresh migrated database seen two ways, through a direct
connection (to build rows with the SQL builders of fleet.py and to read what a mutation wrote)
and through a GraphQL runner (to call the API as a given viewer). A test module subclasses it
with the ids of the rows it built and the calls it makes often."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import asyncpg

from remotegpu.auth.viewer import Viewer
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.settings import Settings
from tests.graphql import GraphQLRunner


@dataclass
class GraphQLWorld:
    conn: asyncpg.Connection
    gql: GraphQLRunner

    async def run(self, doc: str, variables: dict[str, Any], viewer: Viewer) -> dict[str, Any]:
        """The payload of the one root field of `doc` (a mutation's object and errors)."""
        data = await self.gql.ok(doc, variables, viewer)
        (payload,) = data.values()
        result: dict[str, Any] = payload
        return result


@asynccontextmanager
async def database_and_api(
    migrated_url: str,
) -> AsyncIterator[tuple[asyncpg.Connection, GraphQLRunner]]:
    """A connection and a GraphQL runner on `migrated_url`, both closed afterwards."""
    conn = await asyncpg.connect(asyncpg_dsn(migrated_url))
    gql = GraphQLRunner(Settings(), migrated_url)
    try:
        yield conn, gql
    finally:
        await gql.close()
        await conn.close()
