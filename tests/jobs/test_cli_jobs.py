"""`remotegpu jobs`, `remotegpu worker`, and the worker `serve` runs unless told not to."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import time

import httpx

from remotegpu.jobs.schedule import SCHEDULE
from tests.jobs.conftest import Fleet
from tests.live import free_port
from tests.support.jobs import FAILING, MARKER


def _cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "remotegpu", *args],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "DATABASE_URL": url},
    )  # fmt: skip


def _start(url: str, *args: str, **env: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "remotegpu", *args],
        env={**os.environ, "DATABASE_URL": url, "REMOTEGPU_LOG_LEVEL": "warning", **env},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


async def _schedules(fleet: Fleet, expected: int, seconds: float = 60) -> int:
    """Rows of pgqueuer_schedules once there are `expected` (a worker registers them at start),
    or what there is after `seconds`."""
    deadline = time.monotonic() + seconds
    while (found := await fleet.value("SELECT count(*) FROM pgqueuer_schedules")) < expected:
        if time.monotonic() > deadline:
            break
        await asyncio.sleep(0.2)
    count: int = found
    return count


async def test_jobs_command_lists_recent_runs(fleet: Fleet) -> None:
    await fleet.run(MARKER, await fleet.db_now())
    with contextlib.suppress(RuntimeError):
        await fleet.run(FAILING, await fleet.db_now())
    result = await asyncio.to_thread(_cli, fleet.url, "jobs", "--limit", "5")
    assert result.returncode == 0, result.stderr
    header, newest, older = result.stdout.splitlines()
    assert header.split("\t") == ["id", "job", "started", "finished", "rows", "outcome", "error"]
    assert newest.split("\t")[1::4] == ["test.failing", "failed"]
    assert newest.endswith("RuntimeError: the disk is on fire")
    assert older.split("\t")[4:6] == ["1", "succeeded"]


async def test_jobs_command_schedule_lists_every_recurring_job(fleet: Fleet) -> None:
    result = await asyncio.to_thread(_cli, fleet.url, "jobs", "--schedule")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"{j.name}\t{j.cron}" for j in SCHEDULE]


async def test_worker_command_registers_schedules_and_stops_on_sigterm(fleet: Fleet) -> None:
    worker = _start(fleet.url, "worker")
    try:
        assert await _schedules(fleet, len(SCHEDULE)) == len(SCHEDULE)
        worker.send_signal(signal.SIGTERM)
        assert await asyncio.to_thread(worker.wait, 30) == 0
    finally:
        worker.kill()


async def test_serve_runs_a_worker_in_process_unless_turned_off(fleet: Fleet) -> None:
    for run_worker, expected in (("false", 0), ("true", len(SCHEDULE))):
        port = free_port()
        server = _start(fleet.url, "serve", "--port", str(port), REMOTEGPU_RUN_WORKER=run_worker)
        try:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
                for _ in range(600):
                    try:
                        if (await http.get("/readyz")).status_code == 200:
                            break
                    except httpx.TransportError:
                        await asyncio.sleep(0.1)
            # The in-process worker registers the schedules as it starts, next to the API.
            assert await _schedules(fleet, expected, seconds=20 if expected else 3) == expected
        finally:
            server.send_signal(signal.SIGTERM)
            await asyncio.to_thread(server.wait, 30)
