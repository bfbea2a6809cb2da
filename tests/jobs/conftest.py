"""Fixtures of the job tests: a small fleet with a GraphQL runner (engine, liveness,
ingestion), and for the job functions (roll-ups, alerts, metering, invoicing) an asyncpg
connection that checks the invariants when the test ends plus a session factory to run them
at a chosen `now` (the controllable clock)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.auth.viewer import Viewer
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.jobs.registry import RecurringJob
from remotegpu.jobs.runs import run_recorded
from tests.graphql import GraphQLRunner, agent_viewer, customer_viewer, runner_for
from tests.support.fleet import GIB, IMAGE, add_customer, add_host, add_image

CREATE = """
mutation Create($input: EnvironmentCreateInput!) {
  environmentCreate(input: $input) { environment { rowId } errors { code message } }
}"""
REPORT = """
mutation Report($input: EnvironmentStatusReportInput!) {
  environmentStatusReport(input: $input) { errors { code message } }
}"""
HEARTBEAT = """
mutation Beat($input: HostHeartbeatInput!) {
  hostHeartbeat(input: $input) { host { status } errors { code message } }
}"""


@dataclass
class Fleet:
    """Two online hosts (2 GPUs each), an admin, a customer; jobs run through `run`."""

    url: str
    conn: asyncpg.Connection
    gql: GraphQLRunner
    sessions: async_sessionmaker[AsyncSession]
    admin: int
    alice: int
    hosts: tuple[str, str]

    async def ok(self, document: str, variables: dict[str, Any], viewer: Viewer) -> Any:
        data = await self.gql.ok(document, variables, viewer)
        (payload,) = data.values()
        assert payload["errors"] == [], payload
        return payload

    async def create(self, host: str, gpus: int = 1) -> str:
        spec = {"name": "dev", "image": IMAGE, "cpu": 2, "memory": str(4 * GIB),
                "gpuCount": gpus, "hostId": host}  # fmt: skip
        payload = await self.ok(CREATE, {"input": spec}, customer_viewer(self.alice))
        env_id: str = payload["environment"]["rowId"]
        return env_id

    async def running(self, host: str, gpus: int = 1) -> str:
        env_id = await self.create(host, gpus)
        viewer = agent_viewer(self.admin, host)
        await self.ok(REPORT, {"input": {"id": env_id, "status": "RUNNING"}}, viewer)
        return env_id

    async def heartbeat(self, host: str, health: str = "HEALTHY") -> str:
        viewer = agent_viewer(self.admin, host)
        payload = await self.ok(
            HEARTBEAT, {"input": {"hostId": host, "healthStatus": health}}, viewer
        )
        status: str = payload["host"]["status"].lower()
        return status

    async def db_now(self) -> datetime:
        now: datetime = await self.conn.fetchval("SELECT now()")
        return now

    async def run(self, job: RecurringJob, now: datetime) -> int:
        return await run_recorded(self.sessions, job, now=now)

    async def value(self, sql: str, *args: Any) -> Any:
        return await self.conn.fetchval(sql, *args)

    async def column(self, sql: str, *args: Any) -> list[Any]:
        """The first column of every row."""
        return [r[0] for r in await self.conn.fetch(sql, *args)]


@pytest.fixture
async def fleet(migrated_url: str) -> AsyncIterator[Fleet]:
    conn = await asyncpg.connect(asyncpg_dsn(migrated_url))
    await add_image(conn)
    hosts = (await add_host(conn, gpus=2), await add_host(conn, gpus=2))
    admin = await add_customer(conn, user_type="admin")
    alice = await add_customer(conn)
    async for gql in runner_for(migrated_url):
        yield Fleet(migrated_url, conn, gql, gql.sessions, admin, alice, hosts)
    await conn.close()
