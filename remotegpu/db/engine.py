"""The async engine, its session factory, and the one way to run a unit of work."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from remotegpu.db.urls import sqlalchemy_url
from remotegpu.settings import Settings


def server_settings(settings: Settings) -> dict[str, str]:
    """The session settings of every connection that runs the API's reads (the engine's,
    and the compiled reads' fast path's plain asyncpg pool)."""
    values = {
        "timezone": "UTC",
        "application_name": "remotegpu",
        # asyncpg prepares every statement; after five runs PostgreSQL may switch a prepared
        # statement to a generic plan that ignores the parameter values. For the compiled
        # reads' nested LIMIT $n subqueries that plan was 15x slower (12 ms -> 190 ms for the
        # fleet read, bench/vs_postgraphile.py); planning each time costs well under 1 ms.
        "plan_cache_mode": "force_custom_plan",
    }
    if settings.db_statement_timeout_ms:
        values["statement_timeout"] = str(settings.db_statement_timeout_ms)
    return values


def create_engine(url: str, settings: Settings) -> AsyncEngine:
    return create_async_engine(
        sqlalchemy_url(url),
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_pre_ping=False,
        # Without a limit asyncpg waits 60 s on a server that accepts and never answers.
        connect_args={
            "server_settings": server_settings(settings),
            "timeout": settings.db_connect_timeout_seconds,
        },
    )


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


@asynccontextmanager
async def transaction(
    sessions: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    """A session inside one transaction: committed on success, rolled back on any exception."""
    async with sessions() as session, session.begin():
        yield session
