"""Client codegen: the breaking-change check, a codegen-clean schema, the generated clients."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLScalarType,
    build_schema,
    get_named_type,
    parse,
    validate,
)

from remotegpu.api import schema
from remotegpu.app import create_app
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.persisted_documents import PersistedDocuments
from remotegpu.schema.enum_values import (
    UnknownEnumValueError,
    describe_enum_values,
    ordering_description,
)
from tests.conftest import app_client, make_settings
from tools.schema_breaks import allowed_breaks, schema_changes, unexpected_breaks

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = ROOT / "clients"
MANIFEST = CLIENTS / "typescript" / "generated" / "persisted-documents.json"

OLD_SDL = """
type Query { hosts(first: Int): [String!]! legacy: String }
enum Status { UP DOWN }
"""
REMOVED_FIELD_SDL = """
type Query { hosts(first: Int): [String!]! }
enum Status { UP DOWN }
"""
ADDED_SDL = """
type Query { hosts(first: Int, after: String): [String!]! legacy: String @deprecated newer: Int }
enum Status { UP DOWN }
"""


def test_schema_breaks_removed_field_is_breaking() -> None:
    breaking, _ = schema_changes(OLD_SDL, REMOVED_FIELD_SDL)
    assert breaking == ["FIELD_REMOVED: Field Query.legacy was removed."]
    assert unexpected_breaks(OLD_SDL, REMOVED_FIELD_SDL, set()) == breaking


def test_schema_breaks_additions_and_deprecations_pass() -> None:
    assert unexpected_breaks(OLD_SDL, ADDED_SDL, set()) == []


def test_schema_breaks_declared_break_passes() -> None:
    allow = allowed_breaks(
        "# a comment line\nFIELD_REMOVED: Field Query.legacy was removed.  # replaced by newer\n"
    )
    assert unexpected_breaks(OLD_SDL, REMOVED_FIELD_SDL, allow) == []


def test_schema_breaks_committed_schema_against_head_passes() -> None:
    # Runs the command itself (git show HEAD:schema.graphql vs the file) from the repo root.
    result = subprocess.run(
        [sys.executable, "tools/schema_breaks.py", "--base", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True,
        capture_output=True,
    )  # fmt: skip


def test_schema_breaks_command_undeclared_break_exits_1_declared_exits_0(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    (tmp_path / "schema.graphql").write_text(OLD_SDL)
    _git(tmp_path, "add", "schema.graphql")
    _git(tmp_path, "commit", "-qm", "schema")
    (tmp_path / "schema.graphql").write_text(REMOVED_FIELD_SDL)
    allow = tmp_path / "allow.txt"
    command = [sys.executable, str(ROOT / "tools" / "schema_breaks.py"), "--base", "HEAD"]
    command += ["--allow", str(allow)]
    refused = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert refused.returncode == 1
    assert "BREAKING FIELD_REMOVED: Field Query.legacy was removed." in refused.stdout
    allow.write_text("FIELD_REMOVED: Field Query.legacy was removed.  # moved to newer\n")
    accepted = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def test_schema_inputs_have_no_bigint_default() -> None:
    offenders = []
    for type_ in schema._schema.type_map.values():
        if isinstance(type_, GraphQLInputObjectType):
            for name, field in type_.fields.items():
                if get_named_type(field.type).name == "BigInt" and field.default_value not in (
                    None,
                    Ellipsis,
                ):
                    offenders.append(f"{type_.name}.{name}")
    for root in (schema._schema.query_type, schema._schema.mutation_type):
        assert root is not None
        for field_name, field in root.fields.items():
            for arg_name, arg in field.args.items():
                if get_named_type(arg.type).name == "BigInt" and arg.default_value is not None:
                    offenders.append(f"{root.name}.{field_name}({arg_name})")
    assert offenders == []


def test_schema_custom_scalars_have_specified_by() -> None:
    custom = [
        t
        for t in schema._schema.type_map.values()
        if isinstance(t, GraphQLScalarType)
        and t.name in {"BigInt", "Decimal", "DateTime", "UUID", "JSON"}
    ]
    assert len(custom) == 5
    assert all(t.specified_by_url for t in custom), [t.name for t in custom]


def test_persisted_manifest_documents_are_valid_operations() -> None:
    documents = PersistedDocuments.load(MANIFEST, trusted_only=True)  # checks every digest
    operations = sorted(CLIENTS.glob("operations/*.graphql"))
    assert len(documents.by_hash) == sum(
        len(parse(path.read_text()).definitions) for path in operations
    )
    for document in documents.by_hash.values():
        assert validate(schema._schema, parse(document)) == []


def test_python_client_type_checks_strict() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary",
         "clients/python/remotegpu_client", "clients/python/example.py"],
        cwd=ROOT,
        env={"MYPYPATH": str(CLIENTS / "python"), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


class SyncBridge:
    """A synchronous `post` (what the generated client calls) over an async client."""

    def __init__(self, client: httpx.AsyncClient, loop: asyncio.AbstractEventLoop) -> None:
        self.client, self.loop = client, loop

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        call = self.client.post(url, **kwargs)
        return asyncio.run_coroutine_threadsafe(call, self.loop).result()


async def test_python_client_first_screen_against_the_app(seeded_url: str) -> None:
    sys.path.insert(0, str(CLIENTS / "python"))
    try:
        from example import first_screen  # type: ignore[import-not-found]
        from remotegpu_client.client import RemoteGPUClient  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(CLIENTS / "python"))
    conn = await asyncpg.connect(asyncpg_dsn(seeded_url))
    try:
        # The admin may add a version to any dataset.
        dataset_id = await conn.fetchval("SELECT min(id) FROM datasets")
    finally:
        await conn.close()
    assert dataset_id is not None
    # The generated client is synchronous: it runs in a worker thread and each of its POSTs
    # is sent through the in-process ASGI client on this test's event loop.
    loop = asyncio.get_running_loop()
    async for http in app_client(create_app(make_settings(), seeded_url)):
        client = RemoteGPUClient(
            url="http://testserver/graphql", http_client=SyncBridge(http, loop)
        )
        lines: list[str] = await asyncio.to_thread(
            first_screen, client, "admin", "remotegpu-demo", dataset_id
        )
    assert "new version size 0" in lines  # size left out: absent means 0
    assert any(line.startswith("memory total ") and int(line.split()[-1]) > 0 for line in lines)


def test_schema_arguments_all_described() -> None:
    undescribed = [
        f"{type_.name}.{field_name}({arg_name})"
        for type_ in schema._schema.type_map.values()
        if isinstance(type_, GraphQLObjectType | GraphQLInterfaceType)
        and not type_.name.startswith("__")
        for field_name, field in type_.fields.items()
        for arg_name, arg in field.args.items()
        if not arg.description
    ]
    assert undescribed == []


def test_schema_enum_values_all_described() -> None:
    undescribed = [
        f"{type_.name}.{value_name}"
        for type_ in schema._schema.type_map.values()
        if isinstance(type_, GraphQLEnumType) and not type_.name.startswith("__")
        for value_name, value in type_.values.items()
        if not value.description
    ]
    assert undescribed == []


def test_ordering_description_reads_the_value_name() -> None:
    assert ordering_description("CREATED_AT_DESC") == "By creation time, newest first."
    assert ordering_description("NAME_ASC") == "By name, ascending."
    assert ordering_description("EXTERNAL_PORT_ASC") == "By external port, ascending."


def test_enum_value_descriptions_unknown_value_is_an_error() -> None:
    broken = build_schema("type Query { s: HostStatus } enum HostStatus { ONLINE }")
    with pytest.raises(UnknownEnumValueError, match="HostStatus"):
        describe_enum_values(broken)


async def test_console_manifest_system_info_by_hash_when_trusted_only(migrated_url: str) -> None:
    documents = PersistedDocuments.load(MANIFEST, trusted_only=True)
    (digest,) = [h for h, doc in documents.by_hash.items() if doc.startswith("query SystemInfo")]
    settings = make_settings(persisted_documents=MANIFEST, trusted_documents_only=True)
    async for http in app_client(create_app(settings, migrated_url)):
        response = await http.post("/graphql", json={"documentId": digest})
        assert response.json()["data"]["systemInfo"]["name"] == "RemoteGPU"
        refused = await http.post("/graphql", json={"query": "{ systemInfo { name } }"})
        assert refused.status_code == 400
