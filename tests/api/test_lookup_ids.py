"""The one rule for `id` arguments: a global ID everywhere, the table key still accepted where
it was (deprecated), and `<type>ByRowId(rowId:)` for look-ups by key."""

from __future__ import annotations

import pytest

from remotegpu.schema.node import to_global_id
from tests.graphql import GraphQLRunner, admin_viewer

# (single look-up, by-row-id look-up, root connection) of every type whose `id` argument
# follows the rule.
LOOKUPS = [
    ("environment", "environmentByRowId", "environments"),
    ("host", "hostByRowId", "hosts"),
    ("trainingJob", "trainingJobByRowId", "trainingJobs"),
    ("inferenceService", "inferenceServiceByRowId", "inferenceServices"),
    ("workspace", "workspaceByRowId", "workspaces"),
    ("dataset", "datasetByRowId", "datasets"),
    ("model", "modelByRowId", "models"),
]


def _first_of(root: str) -> str:
    return f"{{ {root}(first: 1) {{ nodes {{ id rowId }} }} }}"


def _by_id(field: str, by_row_id: str, row_id_type: str) -> str:
    return (
        f"query($id: {'String' if row_id_type == 'String' else 'ID'}!, $row: {row_id_type}!) {{"
        f" byGlobal: {field}(id: $id) {{ id }}"
        f" byKey: {by_row_id}(rowId: $row) {{ id }} }}"
    )


@pytest.mark.parametrize(("field", "by_row_id", "root"), LOOKUPS)
async def test_lookup_global_id_and_row_id_find_the_same_object(
    gql_ro: GraphQLRunner, field: str, by_row_id: str, root: str
) -> None:
    admin = admin_viewer()
    node = (await gql_ro(_first_of(root), viewer=admin))["data"][root]["nodes"][0]
    row_type = "Int" if isinstance(node["rowId"], int) else "String"
    result = await gql_ro(
        _by_id(field, by_row_id, row_type), {"id": node["id"], "row": node["rowId"]}, admin
    )
    assert result["data"] == {"byGlobal": {"id": node["id"]}, "byKey": {"id": node["id"]}}
    # The table key in `id` keeps working (deprecated), as before.
    legacy = await gql_ro(
        _by_id(field, by_row_id, row_type), {"id": str(node["rowId"]), "row": node["rowId"]}, admin
    )
    assert legacy["data"]["byGlobal"] == {"id": node["id"]}


async def test_lookup_global_id_of_another_type_is_null(gql_ro: GraphQLRunner) -> None:
    admin = admin_viewer()
    host = (await gql_ro(_first_of("hosts"), viewer=admin))["data"]["hosts"]["nodes"][0]
    result = await gql_ro(
        "query($id: String!) { environment(id: $id) { id } }", {"id": host["id"]}, admin
    )
    assert result == {"data": {"environment": None}}


# `id` values that name no object of the look-up's type: another type's global ID, keys no
# BIGINT column holds (as a bare key and inside a global ID of the type itself), and text that
# is neither a global ID nor a key.
def _not_this_type(type_name: str) -> list[str]:
    keys = ["²", "١٢", "-1", "9223372036854775808", " 1", "no such key"]
    return [
        to_global_id("Gpu", 1),
        *keys,
        *(to_global_id(type_name, key) for key in keys if key.strip()),
    ]


# One document per look-up, its `id` argument as declared (String where it took a text key).
ID_ONLY = {
    field: f"query($id: {'ID' if field in ('workspace', 'dataset', 'model') else 'String'}!)"
    f" {{ {field}(id: $id) {{ id }} }}"
    for field, _, _ in LOOKUPS
}


@pytest.mark.parametrize(("field", "by_row_id", "root"), LOOKUPS)
async def test_lookup_id_of_no_object_of_the_type_is_null(
    gql_ro: GraphQLRunner, field: str, by_row_id: str, root: str
) -> None:
    type_name = field[0].upper() + field[1:]
    for value in _not_this_type(type_name):
        result = await gql_ro(ID_ONLY[field], {"id": value}, admin_viewer())
        assert result == {"data": {field: None}}, value
