"""The compiled path answers exactly as the reference path: same JSON bytes, every viewer.

Each operation runs twice over the same seeded fleet, with compiled reads on and off, as an
admin, two different customers, an agent token and anonymous. Operations marked compiled must
also have been answered by the compiled path (one statement per root field), so a planner
that silently falls back cannot pass for an equal one.
"""

from __future__ import annotations

from typing import Any

import pytest
from graphql import get_named_type

from bench.read_api import CONSOLE_PAGE, FLEET_VIEW, HOSTS_PAGE
from remotegpu.api import schema
from remotegpu.compiled.metadata import RELATIONS, ROOTS, Children, Reference
from remotegpu.compiled.plan import DEFINITION
from tests.compiled.conftest import VIEWER_NAMES, Paths, assert_same

HOST_FIELDS = """
fragment HostAll on Host {
  id rowId name osType osVersion arch deploymentMode status healthStatus totalCpu totalMemory
  totalDisk totalGpu lastHeartbeat registeredAt createdAt updatedAt hostname ipAddress publicIp
  k8sNodeName usedCpu usedMemory usedDisk usedGpu sshPort winrmPort agentPort labels tags
}"""

# (name, document, variables, root fields when compiled; 0: may fall back)
OPERATIONS: list[tuple[str, str, dict[str, Any], int]] = [
    ("console_page", CONSOLE_PAGE, {}, 1),
    ("fleet_view", FLEET_VIEW, {}, 1),
    ("hosts_page", HOSTS_PAGE, {"after": None}, 1),
    ("host_every_column", "{ hosts(first: 30) { nodes { ...HostAll } } }" + HOST_FIELDS, {}, 1),
    (
        "environment_every_column",
        """{ environments(first: 30, orderBy: ID_ASC) { nodes {
          id rowId userId hostId name description imageName status cpu memory gpu storage
          sshPort rdpPort jupyterPort containerId podName createdAt updatedAt startedAt
          stoppedAt workspaceId } } }""",
        {},
        1,
    ),
    (
        "gpu_every_column_with_host_inventory",
        """{ gpus(first: 40) { totalCount nodes {
          id rowId hostId gpuIndex uuid name brand architecture memoryTotal cudaCores
          computeCapability status healthStatus allocatedAt powerLimit temperatureLimit
          createdAt updatedAt host { ...HostAll } allocatedTo { rowId name owner { username } }
        } } }"""
        + HOST_FIELDS,
        {},
        1,
    ),
    (
        "port_mappings_root_with_environment",
        """{ portMappings(first: 25, orderBy: ALLOCATED_AT_DESC) { totalCount
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          nodes { id rowId envId serviceType externalPort internalPort status allocatedAt
                  releasedAt environment { rowId status host { rowId usedGpu } } } } }""",
        {},
        1,
    ),
    (
        "aliases_and_typenames",
        """{ a: hosts(first: 3) { __typename t: totalCount
              p: pageInfo { __typename n: hasNextPage e: endCursor }
              e: edges { __typename c: cursor n: node { __typename k: rowId } } }
            b: hosts(first: 2, orderBy: NAME_ASC) { nodes { x: name y: name } } }""",
        {},
        2,
    ),
    (
        "named_and_inline_fragments",
        """query Q { environments(first: 10) { ...Page } }
        fragment Page on EnvironmentConnection {
          nodes { ... on Environment { rowId } ...Env ... on Node { id } ... { name } } }
        fragment Env on Environment { status host { ... on Host { name } } }""",
        {},
        1,
    ),
    (
        "merged_selections",
        """{ environments(first: 8) { nodes { rowId host { name } host { status rowId } }
            nodes { owner { username } } } }""",
        {},
        1,
    ),
    (
        "include_and_skip",
        """query ($yes: Boolean!, $no: Boolean!) { hosts(first: 5) { nodes {
          rowId name @include(if: $yes) status @skip(if: $yes) gpus(first: 2) @include(if: $no)
          { nodes { rowId } } } totalCount @skip(if: $no) } }""",
        {"yes": True, "no": False},
        1,
    ),
    (
        "include_and_skip_flipped",
        """query ($yes: Boolean!, $no: Boolean!) { hosts(first: 5) { nodes {
          rowId name @include(if: $yes) status @skip(if: $yes) gpus(first: 2) @include(if: $no)
          { nodes { rowId } } } totalCount @skip(if: $no) } }""",
        {"yes": False, "no": True},
        1,
    ),
    (
        "variables_page_where_order",
        """query ($n: Int, $w: EnvironmentWhere, $o: EnvironmentOrder!) {
          environments(first: $n, where: $w, orderBy: $o) { totalCount
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges { cursor node { rowId name status } } } }""",
        {"n": 7, "w": {"status": {"in": ["RUNNING", "STOPPED"]}}, "o": "NAME_ASC"},
        1,
    ),
    (
        "last_page_backward",
        """{ environments(last: 6, orderBy: CREATED_AT_ASC) {
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges { cursor node { rowId createdAt } } } }""",
        {},
        1,
    ),
    (
        "empty_pages_first_and_last_zero",
        """{ a: hosts(first: 0) { totalCount pageInfo { hasNextPage hasPreviousPage
              startCursor endCursor } nodes { rowId } }
            b: environments(last: 0) { pageInfo { hasNextPage hasPreviousPage } edges { cursor } }
            c: hosts(first: 3) { nodes { gpus(first: 0) { totalCount
              pageInfo { hasNextPage hasPreviousPage } nodes { rowId } } } } }""",
        {},
        3,
    ),
    (
        "nested_where_order_and_counts",
        """{ hosts(first: 10, where: {status: {eq: ONLINE}}) { totalCount nodes { rowId
            environments(first: 3, where: {status: {in: [RUNNING]}}, orderBy: NAME_ASC) {
              totalCount pageInfo { hasNextPage endCursor }
              nodes { name portMappings(last: 1, where: {serviceType: {eq: SSH}}) {
                totalCount nodes { externalPort } } } }
            gpus(first: 2, where: {status: {in: [ALLOCATED, AVAILABLE]}}, orderBy: ID_ASC) {
              totalCount edges { cursor node { gpuIndex allocatedTo { rowId } } } } } } }""",
        {},
        1,
    ),
    (
        "filter_strings_and_times",
        """{ environments(first: 20, where: {name: {startsWith: "py"},
              createdAt: {gte: "2026-01-01T00:00:00+00:00"}}) { totalCount nodes { name } }
            hosts(first: 20, where: {name: {contains: "NODE"}, region: "cn-east-1"}) {
              totalCount nodes { name labels } } }""",
        {},
        2,
    ),
    (
        "environment_gpus_and_reverse_walks",
        """{ environments(first: 15, orderBy: ID_ASC) { nodes { rowId
            gpus(first: 4) { totalCount nodes { rowId host { rowId
              environments(first: 2) { nodes { rowId owner { rowId email } } } } } } } } }""",
        {},
        1,
    ),
    (
        "default_page_size",
        "{ environments { pageInfo { hasNextPage } nodes { rowId } } }",
        {},
        1,
    ),
]


@pytest.mark.parametrize("viewer", VIEWER_NAMES)
@pytest.mark.parametrize(("name", "document", "variables", "roots"), OPERATIONS,
                         ids=[op[0] for op in OPERATIONS])  # fmt: skip
async def test_read_compiled_or_reference_same_json(
    paths: Paths, name: str, document: str, variables: dict[str, Any], roots: int, viewer: str
) -> None:
    await assert_same(paths, document, variables, viewer, roots)


def every_column_of(root: str) -> str:
    """A page of a root connection selecting every field of its node without a resolver."""
    field = schema._schema.query_type.fields[root]  # type: ignore[union-attr]
    conn = get_named_type(field.type)
    node = get_named_type(conn.fields["nodes"].type)  # type: ignore[attr-defined]
    columns = [
        name for name, f in node.fields.items() if f.extensions[DEFINITION].base_resolver is None
    ]
    return (
        f"{{ {root}(first: 15) {{ totalCount pageInfo {{ hasNextPage endCursor }} "
        f"edges {{ cursor node {{ {' '.join(columns)} }} }} }} }}"
    )


# Roots whose node type has a value the row does not hold as a column (`DatasetMount.open`,
# `Webhook.hasSecret`): selected, they make the operation fall back.
COMPUTED_COLUMNS = {"datasetMounts", "webhooks"}
ROOT_NAMES = sorted(
    name
    for name, f in schema._schema.query_type.fields.items()  # type: ignore[union-attr]
    if f.extensions[DEFINITION].python_name in ROOTS
)


@pytest.mark.parametrize("viewer", VIEWER_NAMES)
@pytest.mark.parametrize("root", ROOT_NAMES)
async def test_root_connection_every_column_same_json(paths: Paths, root: str, viewer: str) -> None:
    compiled = 0 if root in COMPUTED_COLUMNS else 1
    await assert_same(paths, every_column_of(root), {}, viewer, compiled)


def _root_of(type_name: str) -> str:
    for name, f in schema._schema.query_type.fields.items():  # type: ignore[union-attr]
        if f.extensions[DEFINITION].python_name in ROOTS:
            node = get_named_type(get_named_type(f.type).fields["nodes"].type)  # type: ignore[attr-defined]
            if node.name == type_name:
                return name
    raise LookupError(type_name)


def _declared(kind: type[Reference] | type[Children]) -> Any:
    """One parametrize mark over every declared relation of a kind, named source.field."""
    cases = sorted(
        (source, field) for (source, field), relation in RELATIONS.items()
        if isinstance(relation, kind)
    )  # fmt: skip
    return pytest.mark.parametrize("relation", cases, ids=[f"{s}.{f}" for s, f in cases])


def _through(relation: tuple[str, str], first: int, selection: str) -> str:
    """A root page of the relation's source type that selects the relation."""
    source, field = relation
    graphql_name = schema.config.name_converter.apply_naming_config(field)
    return (
        f"{{ {_root_of(source)}(first: {first}) {{ nodes {{ id {graphql_name}{selection} }} }} }}"
    )


CHILD_PAGE = (
    "(first: 3) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } "
    "edges { cursor node { __typename id } } }"
)


@pytest.mark.parametrize("viewer", VIEWER_NAMES)
@_declared(Reference)
async def test_reference_every_declared_same_json(paths: Paths, relation: Any, viewer: str) -> None:
    await assert_same(paths, _through(relation, 25, " { __typename id }"), {}, viewer, 1)


@pytest.mark.parametrize("viewer", VIEWER_NAMES)
@_declared(Children)
async def test_child_connection_every_declared_same_json(
    paths: Paths, relation: Any, viewer: str
) -> None:
    await assert_same(paths, _through(relation, 20, CHILD_PAGE), {}, viewer, 1)


LOOKUP = (
    """
query Lookup($host: String!, $env: String!, $missing: String!) {
  hostByRowId(rowId: $host) { ...HostAll gpus(first: 2) { edges { cursor node { rowId } } } }
  environmentByRowId(rowId: $env) { rowId name host { rowId usedGpu }
    portMappings(first: 2) { pageInfo { endCursor } nodes { externalPort } } }
  gone: hostByRowId(rowId: $missing) { rowId }
}"""
    + HOST_FIELDS
)


@pytest.mark.parametrize("viewer", VIEWER_NAMES)
async def test_lookup_by_row_id_same_json(paths: Paths, viewer: str) -> None:
    host = paths.viewers["agent"].agent_host_id
    customer = paths.viewers["customer"]
    envs = await paths.reference.ok("{ environments(first: 1) { nodes { rowId } } }", {}, customer)
    env = envs["environments"]["nodes"][0]["rowId"]
    variables = {"host": host, "env": env, "missing": "no-such-host"}
    await assert_same(paths, LOOKUP, variables, viewer, 3)
