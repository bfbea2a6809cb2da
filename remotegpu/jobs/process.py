"""Where a worker lives: its own process (`remotegpu worker`) or a thread of `serve`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading

from remotegpu.db.engine import create_engine, create_session_factory
from remotegpu.jobs.engine import DEFAULT_OPTIONS, WorkerOptions, run_worker
from remotegpu.jobs.registry import RecurringJob
from remotegpu.jobs.runs import run_recorded
from remotegpu.jobs.schedule import DEMO_AGENTS, queued_jobs, schedule_for
from remotegpu.settings import Settings

STOP_TIMEOUT_SECONDS = 15  # a job in flight gets this long to finish when serve stops
RESTART_SECONDS = 5
log = logging.getLogger("remotegpu.jobs")


async def worker_main(
    database_url: str,
    settings: Settings,
    shutdown: asyncio.Event,
    jobs: tuple[RecurringJob, ...] | None = None,
    options: WorkerOptions = DEFAULT_OPTIONS,
) -> None:
    """Run the jobs (by default the settings' schedule) with an engine of the worker's own
    until `shutdown` is set."""
    engine = create_engine(database_url, settings)
    try:
        sessions = create_session_factory(engine)
        jobs = schedule_for(settings) if jobs is None else jobs
        await run_worker(
            database_url,
            sessions,
            jobs,
            shutdown=shutdown,
            options=options,
            queued=queued_jobs(settings),
        )
    finally:
        await engine.dispose()


async def send_demo_heartbeats(database_url: str, settings: Settings) -> int:
    """One round of the demo agents, now, as a recorded run of `demo.agents`: `serve` sends it
    before its worker starts, because the worker's first liveness tick may come before the
    first demo tick and would take the whole seeded fleet offline. Returns hosts reported."""
    engine = create_engine(database_url, settings)
    try:
        return await run_recorded(create_session_factory(engine), DEMO_AGENTS)
    finally:
        await engine.dispose()


async def worker_until_signalled(database_url: str, settings: Settings) -> None:
    """`remotegpu worker`: run until SIGINT or SIGTERM, then let the jobs in flight finish."""
    shutdown = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, shutdown.set)
    await worker_main(database_url, settings, shutdown)


class WorkerThread:
    """A worker beside the API in `serve`'s process (REMOTEGPU_RUN_WORKER, on by default), so
    the embedded set-up stays one command. It has its own event loop and connections."""

    def __init__(self, database_url: str, settings: Settings) -> None:
        self._url = database_url
        self._settings = settings
        self._loop: asyncio.AbstractEventLoop | None = None
        self._shutdown: asyncio.Event | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._main, name="remotegpu-worker", daemon=True)

    def start(self) -> None:
        self._thread.start()
        self._ready.wait(timeout=STOP_TIMEOUT_SECONDS)

    def _main(self) -> None:
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._shutdown = shutdown = asyncio.Event()
        self._ready.set()
        # Beside the API nobody restarts a worker that stopped (a database restart, a network
        # blip): it restarts itself. `remotegpu worker` exits instead, for its supervisor.
        while not shutdown.is_set():
            try:
                await worker_main(self._url, self._settings, shutdown)
            except Exception:
                log.exception("the job worker stopped; restarting in %s s", RESTART_SECONDS)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(shutdown.wait(), RESTART_SECONDS)

    def stop(self) -> None:
        if self._loop is not None and self._shutdown is not None:
            with contextlib.suppress(RuntimeError):  # the loop has already ended
                self._loop.call_soon_threadsafe(self._shutdown.set)
        self._thread.join(timeout=STOP_TIMEOUT_SECONDS)
