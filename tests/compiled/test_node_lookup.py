"""`node(id:)` / `nodes(ids:)` on the compiled path: one statement, the reference's JSON, for
every node type, every viewer, and IDs that name nothing."""

from __future__ import annotations

import base64

import pytest
from graphql import GraphQLObjectType, get_named_type

from remotegpu.api import schema
from remotegpu.compiled.plan import DEFINITION
from remotegpu.schema.entities import NODE_TYPES
from tests.compiled.conftest import VIEWER_NAMES, Paths
from tests.compiled.test_equality import assert_same

QUERY = schema._schema.query_type
assert QUERY is not None


def _columns(type_name: str) -> list[str]:
    """The fields of a node type that are row columns (no resolver, a model attribute)."""
    object_type = schema._schema.type_map[type_name]
    assert isinstance(object_type, GraphQLObjectType)
    node_type = NODE_TYPES[type_name]
    columns = []
    for name, field in object_type.fields.items():
        definition = field.extensions[DEFINITION]
        attr = node_type.renamed.get(definition.python_name, definition.python_name)
        plain = definition.base_resolver is None
        if plain and (attr in ("id", "row_id") or hasattr(node_type.model, attr)):
            columns.append(name)
    return columns


# Every column of one node type (the types' columns cannot share one selection: `rowId` is
# an Int on some and a String on others).
NODE_OF = {
    name: f"query($id: ID!) {{ node(id: $id) {{ __typename id ... on {name} {{ "
    f"{' '.join(_columns(name))} }} }} }}"
    for name in NODE_TYPES
}
# Type-specific selections, a reference and a child connection among them.
NODES = """
query($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename id
    ... on Environment { name status host { name hostname } }
    ... on Host { name hostname totalGpu gpus(first: 2) { totalCount nodes { rowId } } }
    ... on Gpu { gpuIndex memoryTotal }
  }
}
"""


def _global_id(type_name: str, key: str) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{key}".encode()).decode()


# IDs that name no row of any table (unknown type, malformed, no BIGINT key): answered null
# without SQL on both paths.
NO_TABLE = [
    _global_id("NoSuchType", "1"),
    "%%%garbage",
    _global_id("Gpu", "²"),
    _global_id("Gpu", "-1"),
]
# Well-formed keys of rows that do not exist: one statement, null.
NO_ROW = [_global_id("Customer", "9223372036854775807"), _global_id("Host", "no-such-host")]
NOTHING = NO_TABLE + NO_ROW


def _root_of(type_name: str) -> str:
    """A root connection listing `type_name`."""
    for name, field in QUERY.fields.items():
        connection = get_named_type(field.type)
        listed = isinstance(connection, GraphQLObjectType) and "nodes" in connection.fields
        if listed and get_named_type(connection.fields["nodes"].type).name == type_name:
            return name
    raise LookupError(type_name)


# The seed runs no scheduled job: there is no job run to look up.
NOT_SEEDED = {"JobRun"}
SEEDED = sorted(set(NODE_TYPES) - NOT_SEEDED)


async def _one_id_per_type(paths: Paths) -> list[str]:
    admin = paths.viewers["admin"]
    ids = []
    for type_name in SEEDED:
        root = _root_of(type_name)
        data = await paths.reference.ok(f"{{ {root}(first: 1) {{ nodes {{ id }} }} }}", {}, admin)
        assert data[root]["nodes"], f"the seeded fleet has no {root}"
        ids.append(data[root]["nodes"][0]["id"])
    return ids


@pytest.mark.parametrize("viewer", VIEWER_NAMES)
async def test_nodes_every_type_and_ids_naming_nothing_same_json(paths: Paths, viewer: str) -> None:
    ids = await _one_id_per_type(paths) + NOTHING
    expected = await assert_same(paths, NODES, {"ids": ids}, viewer, 0)
    assert "errors" not in expected, expected["errors"]
    assert len(paths.compiled.statements) == 1, paths.compiled.statements
    if viewer == "admin":  # the admin sees every object: the test compares real rows
        assert all(node is not None for node in expected["data"]["nodes"][: len(SEEDED)])


@pytest.mark.parametrize("viewer", VIEWER_NAMES)
async def test_node_each_type_every_column_same_json(paths: Paths, viewer: str) -> None:
    ids = await _one_id_per_type(paths)
    for type_name, global_id in zip(SEEDED, ids, strict=True):
        await assert_same(paths, NODE_OF[type_name], {"id": global_id}, viewer, 1)
    for global_id in NO_ROW:
        await assert_same(paths, NODE_OF["Host"], {"id": global_id}, viewer, 1)
    for global_id in NO_TABLE:
        await assert_same(paths, NODE_OF["Host"], {"id": global_id}, viewer, 0)
        assert paths.compiled.statements == []
    await assert_same(paths, NODES, {"ids": NO_TABLE}, viewer, 0)
    assert paths.compiled.statements == []


async def test_nodes_over_the_cap_same_error_on_both_paths(paths: Paths) -> None:
    ids = [_global_id("Gpu", str(n)) for n in range(1, 102)]
    expected = await assert_same(paths, NODES, {"ids": ids}, "admin", 0)
    assert expected["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


# A computed field (`Webhook.hasSecret`) or a cursor in a node: the operation falls back whole.
FALLS_BACK = [
    "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Webhook { hasSecret } } }",
    "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Host { gpus(first: 1) "
    "{ edges { cursor } } } } }",
]


@pytest.mark.parametrize("document", FALLS_BACK)
async def test_nodes_selecting_what_the_planner_does_not_know_falls_back(
    paths: Paths, document: str
) -> None:
    ids = await _one_id_per_type(paths)
    expected = await assert_same(paths, document, {"ids": ids}, "admin", 0)
    assert "errors" not in expected, expected["errors"]
    assert not any("json_build" in s for s in paths.compiled.statements)
