"""The query cost limit: computed from the document and variables, checked before execution."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from graphql import parse
from starlette.requests import Request

from remotegpu.api import build_schema
from remotegpu.context import Context
from remotegpu.schema.cost import CostModel, operation_cost
from remotegpu.settings import Settings
from tests.graphql import GraphQLRunner, admin_viewer, runner_for
from tests.support.documents import ATTACK

# What the web console's fleet page asks for: 100 hosts, their 8 GPUs, 10 environments each.
FLEET_VIEW = """
query Fleet { hosts(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes {
  id rowId name status healthStatus osType arch totalGpu usedGpu tags createdAt
  gpus(first: 8) { nodes { id rowId gpuIndex name status memoryTotal } }
  environments(first: 10) { nodes { id rowId name status cpu memory gpu createdAt } }
} } }"""

HOSTS = "query Hosts($first: Int) { hosts(first: $first) { nodes { name } } }"
HOSTS_WITH_DEFAULT = "query Hosts($first: Int = 5) { hosts(first: $first) { nodes { name } } }"
HOSTS_NO_FIRST = "{ hosts { nodes { name } } }"
HOSTS_LAST = "{ hosts(last: 7) { nodes { name } } }"
HOSTS_EDGES = "{ hosts(first: 10) { edges { cursor node { name } } } }"
HOSTS_ALIASED = "{ a: hosts(first: 10) { nodes { name } } b: hosts(first: 10) { nodes { name } } }"
HOSTS_FRAGMENT = """{ hosts(first: 10) { nodes { ...HostBits } } }
fragment HostBits on Host { name status }"""
HOSTS_INLINE = "{ hosts(first: 10) { nodes { ... on Host { name status } } } }"
HOSTS_SKIPPED = """query ($skip: Boolean!, $with: Boolean!) {
  a: hosts(first: 10) @skip(if: $skip) { nodes { name } }
  b: hosts(first: 10) @include(if: $with) { nodes { name } }
}"""
NODES_BY_ID = '{ nodes(ids: ["a", "b", "c"]) { id } }'
TWO_OPERATIONS = """query Small { hosts(first: 1) { nodes { name } } }
query Large { hosts(first: 50) { nodes { name } } }"""


def _cost(document: str, variables: dict[str, Any] | None = None, name: str | None = None) -> int:
    settings = Settings()
    schema = build_schema(settings)._schema
    return operation_cost(
        schema, parse(document), name, variables, CostModel.from_settings(settings)
    )


@pytest.mark.parametrize(
    ("document", "variables", "expected"),
    [
        # hosts (1) + nodes: 10 x (node 1 + name 1)
        pytest.param(HOSTS, {"first": 10}, 1 + 10 * 2, id="first-from-variable"),
        pytest.param(HOSTS, {}, 1 + 20 * 2, id="absent-variable-default-page"),
        pytest.param(HOSTS_WITH_DEFAULT, {}, 1 + 5 * 2, id="variable-default"),
        pytest.param(HOSTS, {"first": 1000}, 1 + 100 * 2, id="over-the-cap-counts-the-cap"),
        pytest.param(HOSTS_NO_FIRST, None, 1 + 20 * 2, id="no-first-default-page"),
        pytest.param(HOSTS_LAST, None, 1 + 7 * 2, id="last"),
        # edges: 10 x (edge 1 + cursor 1 + node 1 + name 1)
        pytest.param(HOSTS_EDGES, None, 1 + 10 * 4, id="edges"),
        pytest.param(HOSTS_ALIASED, None, 2 * (1 + 10 * 2), id="aliases-each-count"),
        pytest.param(HOSTS_FRAGMENT, None, 1 + 10 * 3, id="fragment-spread"),
        pytest.param(HOSTS_INLINE, None, 1 + 10 * 3, id="inline-fragment"),
        pytest.param(HOSTS_SKIPPED, {"skip": True, "with": False}, 0, id="skip-include-out"),
        pytest.param(HOSTS_SKIPPED, {"skip": False, "with": True}, 42, id="skip-include-in"),
        pytest.param(NODES_BY_ID, None, 3 * 2, id="list-argument-length"),
    ],
)
def test_operation_cost_of_a_document_counts_pages_and_selections(
    document: str, variables: dict[str, Any] | None, expected: int
) -> None:
    assert _cost(document, variables) == expected


def test_operation_cost_of_a_named_operation_counts_only_that_one() -> None:
    assert _cost(TWO_OPERATIONS, name="Small") == 1 + 1 * 2
    assert _cost(TWO_OPERATIONS, name="Large") == 1 + 50 * 2


def test_operation_cost_of_the_fleet_view_is_within_the_default_budget() -> None:
    assert 15_000 < _cost(FLEET_VIEW) <= Settings().max_query_cost


async def test_costly_query_within_other_limits_is_rejected_before_execution(
    gql_ro: GraphQLRunner,
) -> None:
    gql_ro.reset_count()
    result = await gql_ro(ATTACK, viewer=admin_viewer())
    assert result["data"] is None
    error = result["errors"][0]
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert error["extensions"]["budget"] == 100_000
    assert error["extensions"]["cost"] > 30 * 100**4
    assert str(error["extensions"]["cost"]) in error["message"]
    assert "100000" in error["message"]
    assert gql_ro.statements == []


async def test_fleet_view_of_100_hosts_runs_under_the_default_budget(
    gql_ro: GraphQLRunner,
) -> None:
    data = await gql_ro.ok(FLEET_VIEW, viewer=admin_viewer())
    assert data["hosts"]["nodes"]


async def test_page_size_from_variables_over_the_budget_is_rejected(migrated_url: str) -> None:
    async for runner in runner_for(migrated_url, max_query_cost=100):
        await runner.ok(HOSTS, {"first": 10}, viewer=admin_viewer())
        runner.reset_count()
        result = await runner(HOSTS, {"first": 50}, viewer=admin_viewer())
        assert result["errors"][0]["extensions"] == {
            "code": "QUERY_TOO_COSTLY",
            "cost": 101,
            "budget": 100,
        }
        assert runner.statements == []


async def test_accepted_operation_cost_is_kept_on_the_context_and_logged(
    gql_ro: GraphQLRunner, caplog: pytest.LogCaptureFixture
) -> None:
    request = Request({"type": "http", "method": "POST", "path": "/graphql", "headers": []})
    context = Context(
        settings=gql_ro.settings, sessions=gql_ro.sessions, request=request, viewer=admin_viewer()
    )
    with caplog.at_level(logging.INFO, logger="remotegpu.graphql.cost"):
        result = await gql_ro.schema.execute(
            HOSTS, variable_values={"first": 3}, context_value=context, operation_name="Hosts"
        )
    assert result.errors is None
    assert context.query_cost == 1 + 3 * 2
    record = next(r for r in caplog.records if r.name == "remotegpu.graphql.cost")
    assert record.query_cost == 7  # type: ignore[attr-defined]
    assert "Hosts cost 7" in record.getMessage()
