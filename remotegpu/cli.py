"""The command line: serve, worker, jobs, migrate, seed, create-admin, export-schema,
check-invariants."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Coroutine
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from remotegpu.settings import Settings, SettingsError, load_settings

T = TypeVar("T")

cli = typer.Typer(
    name="remotegpu",
    help="RemoteGPU API: serve the GraphQL API and manage its database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True, soft_wrap=True)


def _fail(message: str, code: int = 1) -> NoReturn:
    """End the command with one line on stderr (Text, so brackets in it are not markup)."""
    console.print(Text.assemble(("error: ", "red"), message), highlight=False)
    raise typer.Exit(code)


def _settings() -> Settings:
    try:
        return load_settings()
    except SettingsError as exc:
        _fail(str(exc), 2)


def _run(coro: Coroutine[Any, Any, T], settings: Settings, url: str) -> T:
    """Run a database coroutine; connection failures become one line, not a traceback."""
    from remotegpu.db.probe import CONNECTION_ERRORS, describe_failure

    try:
        return asyncio.run(coro)
    except CONNECTION_ERRORS as exc:
        _fail(describe_failure(exc, url, settings.db_connect_timeout_seconds))


def _start_embedded(settings: Settings) -> str:
    """Start (or join) the embedded server, saying so: its first start takes a while."""
    from remotegpu.db.embedded import EmbeddedServerMissing, require_embedded_server
    from remotegpu.db.server import resolve_database_url

    try:
        require_embedded_server()
    except EmbeddedServerMissing as exc:
        _fail(str(exc), 2)
    pgdata = settings.pgdata
    first = not (pgdata / "PG_VERSION").exists()
    doing = "creating" if first else "starting"
    console.print(
        f"DATABASE_URL is not set: {doing} the embedded PostgreSQL in {pgdata}"
        + (" (the first start takes about 10 s)" if first else ""),
        highlight=False,
    )
    try:
        url = asyncio.run(resolve_database_url(settings))
    except Exception as exc:  # whatever the embedded server reports, as one line
        _fail(
            f"the embedded PostgreSQL in {pgdata} did not start ({exc}): remove {pgdata}"
            " if it is a leftover, or set DATABASE_URL to an external PostgreSQL"
        )
    console.print("embedded PostgreSQL is ready", highlight=False)
    return url


def _database_url(settings: Settings) -> str:
    """The database of this command, checked: reachable, credentials right, answering."""
    from remotegpu.db.probe import DatabaseUnavailable, check_database

    url = settings.database_url or _start_embedded(settings)
    try:
        asyncio.run(check_database(url, settings.db_connect_timeout_seconds))
    except DatabaseUnavailable as exc:
        _fail(str(exc))
    return url


@cli.command()
def migrate(
    status: Annotated[
        bool, typer.Option("--status", help="List files as applied, pending or changed.")
    ] = False,
) -> None:
    """Apply pending SQL migrations in order (each in its own transaction)."""
    from remotegpu.db.migrate import ChangedMigrationError, migrate, migration_status

    settings = _settings()
    url = _database_url(settings)
    if status:
        for item in _run(migration_status(url), settings, url):
            colour = {"applied": "green", "pending": "yellow", "changed": "red"}[item.state]
            typer.echo(f"{item.filename}  ", nl=False)
            console.print(f"[{colour}]{item.state}[/{colour}]", highlight=False)
        return
    try:
        applied = _run(migrate(url), settings, url)
    except ChangedMigrationError as exc:
        _fail(str(exc))
    if applied:
        for name in applied:
            console.print(f"applied {name}", highlight=False)
    else:
        console.print("database is up to date", highlight=False)


@cli.command()
def seed(
    scale: Annotated[str, typer.Option(help="small, medium or large.")] = "small",
    seed_value: Annotated[int, typer.Option("--seed", help="Random seed (deterministic).")] = 42,
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="Do nothing when the database already has data.")
    ] = False,
) -> None:
    """Fill an empty database with a realistic demo fleet."""
    from remotegpu.seed import SCALES, SeedError, seed_database

    if scale not in SCALES:
        _fail(f"--scale must be one of {', '.join(SCALES)}", 2)
    settings = _settings()
    url = _database_url(settings)
    try:
        report = _run(
            seed_database(url, SCALES[scale], seed=seed_value, if_empty=if_empty), settings, url
        )
    except SeedError as exc:
        _fail(str(exc))
    console.print(report, highlight=False)


@cli.command("check-invariants")
def check_invariants() -> None:
    """Report every broken consistency rule in the database (exit 1 when any)."""
    from remotegpu.domain.invariants import find_violations

    settings = _settings()
    url = _database_url(settings)
    problems = _run(find_violations(url), settings, url)
    for problem in problems:
        console.print(f"[red]violation:[/red] {problem}", highlight=False)
    if problems:
        raise typer.Exit(1)
    console.print("no violations", highlight=False)


@cli.command("create-admin")
def create_admin(
    username: Annotated[
        str, typer.Option(envvar="REMOTEGPU_ADMIN_USERNAME", help="Login name of the new admin.")
    ],
    email: Annotated[str, typer.Option(envvar="REMOTEGPU_ADMIN_EMAIL", help="E-mail address.")],
    password: Annotated[
        str,
        typer.Option(
            prompt=True,
            hide_input=True,
            confirmation_prompt=True,
            envvar="REMOTEGPU_ADMIN_PASSWORD",
            help="At least 10 characters (prompted when not given).",
        ),
    ],
    if_missing: Annotated[
        bool,
        typer.Option(
            "--if-missing",
            help="Do nothing when an account with this username exists (container start-up).",
        ),
    ] = False,
) -> None:
    """Create a platform admin (the first account of a fresh install)."""
    from remotegpu.domain.errors import DomainError, ErrorCode
    from remotegpu.domain.identity import create_admin_command

    settings = _settings()
    url = _database_url(settings)
    try:
        message = _run(create_admin_command(url, username, email, password), settings, url)
    except DomainError as exc:
        if if_missing and exc.code is ErrorCode.CONFLICT and exc.field == "username":
            console.print(f"admin {username} already exists: left as it is", highlight=False)
            return
        _fail(exc.message)
    console.print(message, highlight=False)


@cli.command("export-schema")
def export_schema() -> None:
    """Print the GraphQL schema (SDL) to stdout."""
    from remotegpu.api import schema

    sys.stdout.write(schema.as_str() + "\n")


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind.")] = None,
    port: Annotated[int | None, typer.Option(help="TCP port.")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes.")] = None,
) -> None:
    """Serve the API (GraphiQL at /graphql) under uvicorn, with a job worker unless
    REMOTEGPU_RUN_WORKER=false."""
    import uvicorn

    from remotegpu.observability.logs import logging_config
    from remotegpu.serve_workers import run_workers

    settings = _settings()
    workers = workers or settings.workers
    _prepare_metrics_dir(settings, workers)
    # After the metrics directory is chosen: prometheus_client picks its storage when first
    # imported, and the in-process worker's job metrics must land where /metrics reads.
    from remotegpu.jobs.process import WorkerThread, send_demo_heartbeats

    url = _database_url(settings)
    # Workers are separate processes that read settings from the environment: hand them the
    # resolved URL so they all use the database (embedded or not) this process chose.
    os.environ["DATABASE_URL"] = url
    host = host or settings.host
    port = port or settings.port
    console.print(f"RemoteGPU API: http://{host}:{port}/graphql", highlight=False)
    # uvicorn re-raises SIGTERM after its graceful shutdown; with the default handler that
    # kills the process before atexit runs, leaving the embedded PostgreSQL behind. Exiting
    # through SystemExit instead lets the embedded server stop cleanly.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    # The worker runs beside the API (one thread, however many API processes uvicorn
    # starts), so `make run` needs no second command; deployments turn it off and run
    # `remotegpu worker` processes instead.
    worker = WorkerThread(url, settings) if settings.run_worker else None
    if worker is not None:
        if settings.demo_agents:
            # Before the worker: its first liveness tick may precede the first demo tick.
            _run(send_demo_heartbeats(url, settings), settings, url)
        worker.start()
    options: dict[str, Any] = dict(
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=settings.log_level,
        # JSON lines in every worker; GraphQL operations log their own access line.
        log_config=logging_config(settings.log_level),
        access_log=False,
        # The C event loop and HTTP parser of uvicorn[standard], chosen explicitly so a
        # missing wheel is an error at start-up, not a silent fall-back to the slow ones.
        loop="uvloop",
        http="httptools",
    )
    try:
        if workers > 1:  # a listening socket per worker, or one worker gets every connection
            run_workers("remotegpu.app:create_app_from_environment", **options)
        else:
            uvicorn.run("remotegpu.app:create_app_from_environment", **options)
    finally:
        if worker is not None:
            worker.stop()


@cli.command()
def worker() -> None:
    """Run platform jobs (host liveness, housekeeping, ...) until SIGINT or SIGTERM; start as
    many as you like, each recurring job still runs once per tick."""
    import logging.config

    from remotegpu.jobs.process import worker_until_signalled
    from remotegpu.observability.logs import logging_config

    settings = _settings()
    url = _database_url(settings)
    logging.config.dictConfig(logging_config(settings.log_level))
    console.print("RemoteGPU worker: running jobs (Ctrl-C to stop)", highlight=False)
    _run(worker_until_signalled(url, settings), settings, url)


@cli.command()
def jobs(
    limit: Annotated[int, typer.Option(help="How many runs, newest first.", min=1)] = 20,
    name: Annotated[str | None, typer.Option(help="Only runs of this job.")] = None,
    schedule: Annotated[
        bool, typer.Option("--schedule", help="List the recurring jobs instead of runs.")
    ] = False,
) -> None:
    """List recent runs of platform jobs (started, finished, rows, outcome, error)."""
    from remotegpu.jobs.schedule import schedule_for

    settings = _settings()
    if schedule:
        for job in schedule_for(settings):
            typer.echo(f"{job.name}\t{job.cron}")
        return
    from remotegpu.db.engine import create_engine, create_session_factory
    from remotegpu.jobs.runs import latest_runs

    url = _database_url(settings)

    async def fetch() -> list[Any]:
        engine = create_engine(url, settings)
        try:
            return await latest_runs(create_session_factory(engine), limit=limit, name=name)
        finally:
            await engine.dispose()

    runs = _run(fetch(), settings, url)
    if not runs:
        console.print("no job runs yet", highlight=False)
        return
    typer.echo("id\tjob\tstarted\tfinished\trows\toutcome\terror")
    for r in runs:
        finished = r.finished_at.isoformat(timespec="seconds") if r.finished_at else "-"
        rows = "-" if r.rows_touched is None else str(r.rows_touched)
        error = (r.error or "").replace("\n", " ")[:200]
        started = r.started_at.isoformat(timespec="seconds")
        typer.echo(f"{r.id}\t{r.job_name}\t{started}\t{finished}\t{rows}\t{r.outcome}\t{error}")


def _prepare_metrics_dir(settings: Settings, workers: int) -> None:
    """Several workers share their Prometheus samples through one directory, emptied at start
    (samples of a previous run would be counted again) and, when we made it, removed at exit."""
    import atexit
    import shutil
    import tempfile
    from pathlib import Path

    directory = settings.prometheus_multiproc_dir
    if directory is None:
        if workers == 1:
            return  # one process: its in-memory registry is the whole server
        directory = Path(tempfile.mkdtemp(prefix="remotegpu-metrics-"))
        atexit.register(shutil.rmtree, directory, ignore_errors=True)
    else:
        directory.mkdir(parents=True, exist_ok=True)
        for stale in directory.glob("*.db"):  # only prometheus_client's files, nothing else
            stale.unlink()
    # Read by prometheus_client when each worker imports it, and by the workers' settings.
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(directory)


def main() -> None:
    cli()
