"""Per-request SQL statement counts and pool usage, from SQLAlchemy engine events."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from remotegpu.observability.metrics import DB_POOL_IN_USE, DB_POOL_LIMIT


@dataclass
class StatementCounter:
    """Statements sent while serving one request (a mutable cell in a context variable)."""

    count: int = 0


current_statements: ContextVar[StatementCounter | None] = ContextVar(
    "remotegpu_statements", default=None
)


def observe_engine(engine: AsyncEngine, pool_limit: int) -> None:
    """Count statements into the current request's counter; track pool check-outs."""
    sync_engine = engine.sync_engine
    DB_POOL_LIMIT.set(pool_limit)

    # SQLAlchemy runs these listeners in a greenlet that shares the awaiting task's context,
    # so the context variable set for the request is visible here.
    @event.listens_for(sync_engine, "before_cursor_execute")
    def _count(*_: Any) -> None:
        counter = current_statements.get()
        if counter is not None:
            counter.count += 1

    @event.listens_for(sync_engine.pool, "checkout")
    def _checkout(*_: Any) -> None:
        DB_POOL_IN_USE.inc()

    @event.listens_for(sync_engine.pool, "checkin")
    def _checkin(*_: Any) -> None:
        DB_POOL_IN_USE.dec()
