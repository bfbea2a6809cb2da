"""Compiled reads send one statement per root field, whatever the number of rows; plans are
cached per document, operation and viewer role; variables stay bound parameters."""

from __future__ import annotations

from collections.abc import AsyncIterator

import orjson
import pytest

from bench.read_api import CONSOLE_PAGE, HOSTS_PAGE
from remotegpu.compiled.execute import planner_for, statements_for
from remotegpu.db.urls import with_database
from remotegpu.settings import Settings
from tests.compiled.conftest import Paths
from tests.conftest import create_database, drop_database
from tests.graphql import GraphQLRunner, admin_viewer
from tests.support.bulk_fleet import fill

NESTED = """
query Nested($n: Int!) {
  hosts(first: $n) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      rowId
      gpus(first: 8) { totalCount nodes { rowId allocatedTo { rowId } } }
      environments(first: 5) {
        nodes {
          rowId
          owner { username }
          host { name }
          portMappings(first: 5) { nodes { externalPort } }
        }
      }
    }
  }
  environments(first: $n) { nodes { rowId } }
}
"""

NAME_FILTER = """
query Named($prefix: String!) {
  environments(first: 5, where: {name: {startsWith: $prefix}}) { nodes { name } }
}
"""


@pytest.fixture
async def second_migrated_url(admin_url: str, migrated_template: str) -> AsyncIterator[str]:
    name = await create_database(admin_url, migrated_template)
    yield with_database(admin_url, name)
    await drop_database(admin_url, name)


async def statements_and_data(url: str, hosts: int) -> tuple[int, bytes]:
    await fill(url, hosts)
    settings = dict(page_size_max=1_000, max_query_cost=1_000_000)
    compiled = GraphQLRunner(Settings(**settings), url)  # type: ignore[arg-type]
    reference = GraphQLRunner(Settings(compiled_reads=False, **settings), url)  # type: ignore[arg-type]
    try:
        compiled.reset_count()
        data = await compiled.ok(NESTED, {"n": hosts}, admin_viewer())
        count = len(compiled.statements)
        expected = await reference.ok(NESTED, {"n": hosts}, admin_viewer())
    finally:
        await compiled.close()
        await reference.close()
    assert orjson.dumps(data) == orjson.dumps(expected)
    assert len(data["hosts"]["nodes"]) == hosts
    return count, orjson.dumps(data)


async def test_nested_read_10_or_1000_hosts_one_statement_per_root_field(
    migrated_url: str, second_migrated_url: str
) -> None:
    small, _ = await statements_and_data(second_migrated_url, 10)
    large, _ = await statements_and_data(migrated_url, 1_000)
    assert small == large == 2  # `hosts` and `environments`


async def test_plan_cache_same_document_and_role_builds_once(paths: Paths) -> None:
    planner = planner_for(
        paths.compiled.schema._schema, paths.compiled.settings.compiled_plan_cache_size
    )
    document = CONSOLE_PAGE + "\n# plan cache test"  # a text no other test sends
    before = planner.builds
    await paths.compiled.ok(document, {}, paths.viewers["customer"])
    assert planner.builds == before + 1
    await paths.compiled.ok(document, {}, paths.viewers["customer"])
    await paths.compiled.ok(document, {}, paths.viewers["other_customer"])  # same role
    assert planner.builds == before + 1
    await paths.compiled.ok(document, {}, paths.viewers["admin"])  # another role
    assert planner.builds == before + 2


async def test_plan_cache_over_its_size_evicts_least_recent(seeded_shared_url: str) -> None:
    runner = GraphQLRunner(Settings(compiled_plan_cache_size=1), seeded_shared_url)
    try:
        planner = planner_for(runner.schema._schema, 1)
        first, second = HOSTS_PAGE + "\n# evict 1", HOSTS_PAGE + "\n# evict 2"
        before = planner.builds
        for document in (first, second, first):
            await runner.ok(document, {"after": None}, admin_viewer())
        assert planner.builds == before + 3
    finally:
        await runner.close()


async def test_compiled_read_variables_stay_bound_parameters(paths: Paths) -> None:
    marker = "zz-bound-parameter-marker"
    paths.compiled.reset_count()
    data = await paths.compiled.ok(NAME_FILTER, {"prefix": marker}, paths.viewers["admin"])
    assert data == {"environments": {"nodes": []}}
    assert len(paths.compiled.statements) == 1
    assert marker not in paths.compiled.statements[0]


async def test_statement_cache_same_viewer_and_variables_compiles_once(paths: Paths) -> None:
    settings = paths.compiled.settings
    cache = statements_for(paths.compiled.schema._schema, settings.compiled_plan_cache_size)
    document = NAME_FILTER + "\n# statement cache test"
    admin, customer = paths.viewers["admin"], paths.viewers["customer"]
    before = cache.builds
    first = await paths.compiled.ok(document, {"prefix": "py"}, admin)
    again = await paths.compiled.ok(document, {"prefix": "py"}, admin)
    assert first == again
    assert cache.builds == before + 1
    await paths.compiled.ok(document, {"prefix": "vl"}, admin)  # other variables
    await paths.compiled.ok(document, {"prefix": "py"}, customer)  # other viewer
    assert cache.builds == before + 3
