"""Port claims in two real, overlapping transactions (remotegpu/domain/port_claims.py).

A port another transaction is claiming is skipped, not waited for; only when every free port
of the range is being claimed does a claim wait, and then it gets the port if the claimer
rolls back, or NO_PORTS if it commits.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.port_claims import Allocated, allocate_port

LOW = 31_000


async def ssh_range(db: asyncpg.Connection, size: int) -> None:
    await db.execute(
        "UPDATE system_configs SET config_value = $2 WHERE config_key = $1",
        "ssh_port_range_start",
        str(LOW),
    )
    await db.execute(
        "UPDATE system_configs SET config_value = $2 WHERE config_key = $1",
        "ssh_port_range_end",
        str(LOW + size - 1),
    )


async def test_allocate_port_while_lowest_is_being_claimed_takes_next_without_waiting(
    sessions: async_sessionmaker[AsyncSession], db: asyncpg.Connection
) -> None:
    await ssh_range(db, 3)
    async with sessions() as first, first.begin(), sessions() as second, second.begin():
        held = await allocate_port(first, "env-first", "ssh", 22)

        other = await asyncio.wait_for(allocate_port(second, "env-second", "ssh", 22), 5)

        assert (held.external_port, other.external_port) == (LOW, LOW + 1)


@asynccontextmanager
async def claimed_behind(
    sessions: async_sessionmaker[AsyncSession], db: asyncpg.Connection
) -> AsyncIterator[tuple[AsyncSession, asyncio.Task[Allocated]]]:
    """A one-port range: `first` claims its port in an open transaction, then a second
    transaction tries and must wait; yields `first` and the waiting claim."""
    await ssh_range(db, 1)
    async with sessions() as first, sessions() as second, second.begin():
        await first.begin()
        assert (await allocate_port(first, "env-first", "ssh", 22)).external_port == LOW
        waiting = asyncio.create_task(allocate_port(second, "env-second", "ssh", 22))
        await asyncio.sleep(0.5)
        assert not waiting.done()
        yield first, waiting


async def test_allocate_port_every_port_being_claimed_waits_and_gets_it_after_rollback(
    sessions: async_sessionmaker[AsyncSession], db: asyncpg.Connection
) -> None:
    async with claimed_behind(sessions, db) as (first, waiting):
        await first.rollback()

        assert (await asyncio.wait_for(waiting, 5)).external_port == LOW


async def test_allocate_port_every_port_being_claimed_no_ports_after_commit(
    sessions: async_sessionmaker[AsyncSession], db: asyncpg.Connection
) -> None:
    async with claimed_behind(sessions, db) as (first, waiting):
        await first.commit()

        with pytest.raises(DomainError) as refused:
            await asyncio.wait_for(waiting, 5)
        assert refused.value.code is ErrorCode.NO_PORTS
    active = await db.fetch("SELECT env_id FROM port_mappings WHERE status = 'active'")
    assert [r["env_id"] for r in active] == ["env-first"]
