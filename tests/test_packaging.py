"""The container files, checked as far as possible without a Docker engine."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_dockerfile_is_multi_stage_non_root_with_a_healthcheck() -> None:
    text = (ROOT / "Dockerfile").read_text()
    stages = [line for line in text.splitlines() if line.startswith("FROM ")]
    assert len(stages) >= 2
    assert "COPY --from=build" in text
    users = [line.split()[1] for line in text.splitlines() if line.startswith("USER ")]
    assert users
    assert users[-1] not in ("root", "0")
    assert "HEALTHCHECK" in text
    assert "/healthz" in text
    assert "remotegpu migrate" in text


def test_compose_runs_postgres_16_and_the_api_migrating_on_start() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert services["db"]["image"] == "postgres:16"
    assert "healthcheck" in services["db"]
    api = services["api"]
    assert api["build"] == "."
    assert api["depends_on"]["db"]["condition"] == "service_healthy"
    url = api["environment"]["DATABASE_URL"]
    assert url.startswith("postgresql://")
    assert "@db:5432/" in url


def test_wheel_ships_the_migrations(tmp_path: Path) -> None:
    """The image installs the wheel, so the SQL files must be inside it."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    wheel = next(tmp_path.glob("remotegpu-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    sql = sorted(n for n in names if n.startswith("remotegpu/db/migrations/"))
    shipped = sorted(p.name for p in (ROOT / "remotegpu/db/migrations").glob("*.sql"))
    assert [Path(n).name for n in sql] == shipped
