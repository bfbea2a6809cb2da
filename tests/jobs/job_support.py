"""Running a job function as the scheduler runs it, at a chosen `now`, and environments whose
status changes are placed in time (the trigger records them, the test dates them)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

import asyncpg
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.db.engine import transaction
from tests.support.fleet import GIB, add_customer, add_host, add_image, unique

JobFunction = Callable[[AsyncSession, datetime], Awaitable[int]]
Sessions = async_sessionmaker[AsyncSession]


async def run_job(
    sessions: async_sessionmaker[AsyncSession], job: JobFunction, now: datetime
) -> int:
    """One run of a job function in its own committed transaction, as the scheduler runs it."""
    async with transaction(sessions) as session:
        return await job(session, now)


async def add_env(
    conn: asyncpg.Connection, at: datetime, *, cpu: int = 2, gpu: int = 1, storage_gib: int = 10
) -> tuple[str, int]:
    """An environment created (status creating) at `at`: 4 GiB memory; its id and owner."""
    owner = await add_customer(conn)
    host = await add_host(conn, gpus=0)
    env_id = unique("env")
    await conn.execute(
        "INSERT INTO environments (id, user_id, host_id, name, image, status, cpu, memory, gpu,"
        " storage) VALUES ($1, $2, $3, 'dev', $4, 'creating', $5, $6, $7, $8)",
        env_id,
        owner,
        host,
        await add_image(conn),
        cpu,
        4 * GIB,
        gpu,
        storage_gib * GIB,
    )
    await _date_last_change(conn, env_id, at)
    return env_id, owner


async def move(conn: asyncpg.Connection, env_id: str, status: str, at: datetime) -> None:
    """The environment enters `status` at `at` (the trigger records it; the test dates it)."""
    await conn.execute("UPDATE environments SET status = $2 WHERE id = $1", env_id, status)
    await _date_last_change(conn, env_id, at)


async def _date_last_change(conn: asyncpg.Connection, env_id: str, at: datetime) -> None:
    await conn.execute(
        "UPDATE environment_status_history SET changed_at = $2 WHERE id ="
        " (SELECT max(id) FROM environment_status_history WHERE env_id = $1)",
        env_id,
        at,
    )
