"""Which asyncio tasks a request started, so a timed-out request can cancel all of them.

Cancelling the request's own task cancels its resolvers, but DataLoader batches run in tasks
of their own (aiodataloader schedules them with `ensure_future`): their SQL would go on
until the statement timeout, holding pooled connections. A task factory on the running loop
records every task created while a request's set is in the context (tasks inherit the
context of the code that creates them), so the request can cancel them too; asyncpg then
cancels their statements on the server.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Generator, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")

_CURRENT: ContextVar[set[asyncio.Future[Any]] | None] = ContextVar(
    "remotegpu_request_tasks", default=None
)


class _TrackingTaskFactory:
    """Delegates to the loop's previous factory; records the task in the current request."""

    def __init__(self, previous: Any) -> None:
        self.previous = previous

    def __call__(
        self,
        loop: asyncio.AbstractEventLoop,
        coro: Coroutine[Any, Any, T] | Generator[Any, None, T],
        /,
        **kwargs: Any,
    ) -> asyncio.Future[T]:
        if self.previous is not None:
            task: asyncio.Future[T] = self.previous(loop, coro, **kwargs)
        else:
            task = asyncio.Task(coro, loop=loop, **kwargs)
        tasks = _CURRENT.get()
        if tasks is not None:
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        return task


def _install(loop: asyncio.AbstractEventLoop) -> None:
    factory = loop.get_task_factory()
    if not isinstance(factory, _TrackingTaskFactory):
        loop.set_task_factory(_TrackingTaskFactory(factory))


@contextmanager
def tracking_tasks() -> Iterator[set[asyncio.Future[Any]]]:
    """The set of the not yet finished tasks started inside this block (and their children)."""
    _install(asyncio.get_running_loop())
    tasks: set[asyncio.Future[Any]] = set()
    token = _CURRENT.set(tasks)
    try:
        yield tasks
    finally:
        _CURRENT.reset(token)


async def cancel_all(tasks: set[asyncio.Future[Any]], grace_seconds: float = 5.0) -> None:
    """Cancel the tasks and give them a moment to unwind (asyncpg sends its cancel then)."""
    pending = [task for task in tasks if not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.wait(pending, timeout=grace_seconds)
