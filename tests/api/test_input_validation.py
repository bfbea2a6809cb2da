"""Bad input is refused with BAD_USER_INPUT before any SQL is sent.

Forged cursors, key filters past int64, out-of-range scalars and text PostgreSQL cannot hold
used to travel to the database and come back as INTERNAL_SERVER_ERROR. The connection tests
walk the schema (every root connection, every `orderBy` value) and the ordering metadata in
`remotegpu.schema.inputs`, so a new connection or ordering is covered without listing it here.
"""

from __future__ import annotations

import base64
import importlib
import json
import pkgutil
import re
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import pytest
import strawberry
from graphql import GraphQLEnumType, GraphQLInputObjectType, GraphQLSchema, get_named_type
from sqlalchemy import DateTime, Integer, String
from strawberry.schema.config import StrawberryConfig

from remotegpu.api import schema as api_schema
from remotegpu.loaders.paging import Ordering
from remotegpu.schema import inputs
from remotegpu.schema.entities import NODE_TYPES
from remotegpu.schema.node import to_global_id
from remotegpu.schema.scalars import SCALAR_MAP, Money
from tests.graphql import GraphQLRunner, admin_viewer, customer_viewer

GRAPHQL: GraphQLSchema = api_schema._schema
INT64_PAST = str(2**63)


def _orderings_by_enum() -> dict[str, dict[str, Ordering]]:
    """GraphQL enum name -> {enum value name -> Ordering}, from the `*_ORDERINGS` maps."""
    found: dict[str, dict[str, Ordering]] = {}
    for info in pkgutil.iter_modules(inputs.__path__):
        module = importlib.import_module(f"{inputs.__name__}.{info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, dict)
                and value
                and all(isinstance(k, Enum) and isinstance(v, Ordering) for k, v in value.items())
            ):
                enum_type = type(next(iter(value)))
                name = enum_type.__strawberry_definition__.name  # type: ignore[attr-defined]
                found[name] = {k.name: v for k, v in value.items()}
    return found


def _single_orderings() -> list[Ordering]:
    """Orderings of connections without `orderBy` (module-level constants)."""
    found = []
    for info in pkgutil.iter_modules(inputs.__path__):
        module = importlib.import_module(f"{inputs.__name__}.{info.name}")
        found += [v for v in vars(module).values() if isinstance(v, Ordering)]
    return found


def _table_of(connection_type: str) -> str:
    """HostMetricConnection -> host_metrics."""
    node = connection_type.removesuffix("Connection")
    return re.sub(r"(?<!^)([A-Z])", r"_\1", node).lower() + "s"


def root_connection_orderings() -> list[tuple[str, str | None, Ordering]]:
    """(root field, orderBy value or None, its Ordering) for every root connection."""
    by_enum = _orderings_by_enum()
    singles = _single_orderings()
    cases: list[tuple[str, str | None, Ordering]] = []
    assert GRAPHQL.query_type is not None
    for field_name, field in GRAPHQL.query_type.fields.items():
        type_name = get_named_type(field.type).name
        if not type_name.endswith("Connection"):
            continue
        order_arg = field.args.get("orderBy")
        if order_arg is None:
            table = _table_of(type_name)
            matches = [o for o in singles if o.columns[0].table.name == table]
            assert len(matches) == 1, f"{field_name}: no single ordering found for {table}"
            cases.append((field_name, None, matches[0]))
            continue
        enum = get_named_type(order_arg.type)
        assert isinstance(enum, GraphQLEnumType)
        mapping = by_enum[enum.name]
        assert set(mapping) == set(enum.values), f"{field_name}: orderings differ from enum"
        cases += [(field_name, value, mapping[value]) for value in enum.values]
    return cases


CASES = root_connection_orderings()


def _cursor(name: Any, values: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps([name, values]).encode()).decode()


def _valid_value(column: Any) -> Any:
    if isinstance(column.type, Integer):
        return 1
    if isinstance(column.type, DateTime):
        return {"t": "2024-01-01T00:00:00+00:00"}
    assert isinstance(column.type, String), f"add a forgery for {column.type!r}"
    return "a"


def _wrong_values(column: Any) -> list[Any]:
    """Values of the wrong type or range for `column`, in the cursor's JSON shape."""
    common: list[Any] = [[1], {"x": 1}, None, True]
    if isinstance(column.type, Integer):
        return [*common, "x", 2**63, -(2**63) - 1, 1.5, {"t": "2024-01-01T00:00:00+00:00"}]
    if isinstance(column.type, DateTime):
        return [
            *common,
            "2024-01-01T00:00:00+00:00",
            7,
            {"t": "2024-01-01T00:00:00"},  # no time zone
            {"t": "not a time"},
            {"t": "0001-01-01T00:00:00+14:00"},  # before year 1 in UTC
            {"d": "1.5"},
        ]
    return [*common, 7, "a\x00b"]


def forged_cursors(ordering: Ordering, rotation: int) -> list[str]:
    """Wrong arity, then three wrong values per column (rotating through the list from one
    ordering to the next, so that across all orderings every forgery meets every column type),
    then garbage."""
    valid = [_valid_value(c) for c in ordering.columns]
    forged = [_cursor(ordering.name, valid[:-1]), _cursor(ordering.name, [*valid, 1])]
    for position, column in enumerate(ordering.columns):
        wrong_values = _wrong_values(column)
        for step in range(3):
            values = list(valid)
            values[position] = wrong_values[(rotation * 3 + step) % len(wrong_values)]
            forged.append(_cursor(ordering.name, values))
    garbage = [_cursor(ordering.name, "x"), _cursor(7, valid), "%%%", "bm90IGpzb24"]
    return [*forged, garbage[rotation % len(garbage)]]


def _page_query(field: str, order: str | None, argument: str) -> str:
    order_arg = f", orderBy: {order}" if order else ""
    size = "first" if argument == "after" else "last"
    return (
        f"query($c: String) {{ {field}({size}: 2, {argument}: $c{order_arg}) "
        "{ pageInfo { hasNextPage } } }"
    )


def assert_refused(result: dict[str, Any], runner: GraphQLRunner, fragment: str) -> None:
    assert result["data"] is None or all(v is None for v in result["data"].values()), result
    errors = result.get("errors") or []
    assert errors, result
    assert {e["extensions"]["code"] for e in errors} == {"BAD_USER_INPUT"}, errors
    assert all(fragment in e["message"] for e in errors), errors
    assert runner.statements == [], runner.statements


FIELDS = sorted({field for field, _, _ in CASES})


@pytest.mark.parametrize("field", FIELDS)
async def test_root_connection_forged_cursor_refused_before_sql(
    gql_ro: GraphQLRunner, field: str
) -> None:
    for rotation, (_, order, ordering) in enumerate(CASES):
        if _ != field:
            continue
        for index, cursor in enumerate(forged_cursors(ordering, rotation)):
            argument = ("after", "before")[index % 2]
            gql_ro.reset_count()
            query = _page_query(field, order, argument)
            result = await gql_ro(query, {"c": cursor}, admin_viewer())
            assert_refused(result, gql_ro, f"`{argument}`")
        # The other side of the check: a cursor with the right types is accepted and queried.
        cursor = _cursor(ordering.name, [_valid_value(c) for c in ordering.columns])
        gql_ro.reset_count()
        result = await gql_ro(_page_query(field, order, "after"), {"c": cursor}, admin_viewer())
        assert "errors" not in result, result
        assert gql_ro.statements


CHILD_PAGE = """
query($c: String) { hosts(first: 1) { nodes { environments(first: 1, after: $c) { totalCount } } } }
"""


async def test_child_connection_forged_cursor_refused_before_child_sql(
    gql_ro: GraphQLRunner,
) -> None:
    cursor = _cursor("id", [INT64_PAST])
    gql_ro.reset_count()
    result = await gql_ro(CHILD_PAGE, {"c": cursor}, admin_viewer())
    errors = result["errors"]
    assert [e["extensions"]["code"] for e in errors] == ["BAD_USER_INPUT"], errors
    assert "`after`" in errors[0]["message"]
    # Only the root page of hosts ran; the children's page statement never did.
    assert len(gql_ro.statements) == 1
    assert "FROM hosts" in gql_ro.statements[0]


def _key_filter_fields() -> list[tuple[str, str]]:
    """(root connection, where field) for every KeyFilter in a root connection's `where`."""
    found = []
    assert GRAPHQL.query_type is not None
    for field_name, field in GRAPHQL.query_type.fields.items():
        where = field.args.get("where")
        if where is None:
            continue
        where_type = get_named_type(where.type)
        assert isinstance(where_type, GraphQLInputObjectType)
        for name, input_field in where_type.fields.items():
            if get_named_type(input_field.type).name == "KeyFilter":
                found.append((field_name, name))
    return found


KEY_FILTERS = _key_filter_fields()
KEY_FILTER_PAGE = "query($w: {where}) {{ {field}(first: 1, where: $w) {{ totalCount }} }}"


@pytest.mark.parametrize(("field", "key"), KEY_FILTERS, ids=[f"{f}-{k}" for f, k in KEY_FILTERS])
async def test_root_connection_where_key_past_int64_refused_before_sql(
    gql_ro: GraphQLRunner, field: str, key: str
) -> None:
    assert GRAPHQL.query_type is not None
    where_type = get_named_type(GRAPHQL.query_type.fields[field].args["where"].type).name
    query = KEY_FILTER_PAGE.format(where=where_type, field=field)
    refused = 0
    for key_filter in ({"eq": INT64_PAST}, {"in": ["1", INT64_PAST]}, {"eq": "abc"}):
        gql_ro.reset_count()
        result = await gql_ro(query, {"w": {key: key_filter}}, admin_viewer())
        if "errors" in result:
            assert_refused(result, gql_ro, "`where`")
            refused += 1
        else:
            # A text key (host ids, environment ids): any string is a legitimate value.
            assert gql_ro.statements
    # An integer column refuses all three, a text column none: never a mix.
    assert refused in (0, 3)


async def test_root_connection_where_integer_keys_are_refused(gql_ro: GraphQLRunner) -> None:
    # Guards the test above against passing vacuously: most key filters are integer columns.
    refused = 0
    for field, key in KEY_FILTERS:
        assert GRAPHQL.query_type is not None
        where_type = get_named_type(GRAPHQL.query_type.fields[field].args["where"].type).name
        query = KEY_FILTER_PAGE.format(where=where_type, field=field)
        result = await gql_ro(query, {"w": {key: {"eq": INT64_PAST}}}, admin_viewer())
        refused += "errors" in result
    assert refused >= len(KEY_FILTERS) // 2


NODE = "query($id: ID!) { node(id: $id) { id } }"
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"


@pytest.mark.parametrize("row_id", [INT64_PAST, "1" * 5000, "²", "١٢"])
async def test_node_row_id_not_an_int64_is_null_without_sql(
    gql_ro: GraphQLRunner, row_id: str
) -> None:
    ids = [to_global_id(type_name, row_id) for type_name in sorted(NODE_TYPES)]
    gql_ro.reset_count()
    data = await gql_ro.ok(NODES, {"ids": ids}, admin_viewer())
    assert data["nodes"] == [None] * len(ids)
    for global_id in ids:
        assert (await gql_ro.ok(NODE, {"id": global_id}, admin_viewer()))["node"] is None
    assert gql_ro.statements == []


IMAGE_CREATE = """
mutation($size: BigInt) { imageCreate(input: { name: "r/i:1", size: $size }) { errors { code } } }
"""
IMAGE_CREATE_LITERAL = """
mutation { imageCreate(input: { name: "r/i:1", size: "%s" }) { errors { code } } }
"""


@pytest.mark.parametrize("size", [INT64_PAST, str(-(2**63) - 1), "12abc", "1.5", True, 1.5])
async def test_image_create_bigint_size_not_int64_refused_before_sql(
    gql_ro: GraphQLRunner, size: object
) -> None:
    gql_ro.reset_count()
    result = await gql_ro(IMAGE_CREATE, {"size": size}, admin_viewer())
    assert_refused(result, gql_ro, "$size")
    if isinstance(size, str):
        result = await gql_ro(IMAGE_CREATE_LITERAL % size, None, admin_viewer())
        assert_refused(result, gql_ro, "BigInt")


HOSTS_CREATED = "query($t: DateTime) { hosts(where: { createdAt: { gt: $t } }) { totalCount } }"
HOSTS_CREATED_LITERAL = '{ hosts(where: { createdAt: { gt: "%s" } }) { totalCount } }'


@pytest.mark.parametrize(
    "when", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "yesterday", "2024-13-01"]
)
async def test_hosts_where_datetime_out_of_range_refused_before_sql(
    gql_ro: GraphQLRunner, when: str
) -> None:
    gql_ro.reset_count()
    assert_refused(await gql_ro(HOSTS_CREATED, {"t": when}, admin_viewer()), gql_ro, "$t")
    assert_refused(await gql_ro(HOSTS_CREATED_LITERAL % when, None, admin_viewer()), gql_ro, "")


async def test_hosts_where_datetime_in_range_runs_query(gql_ro: GraphQLRunner) -> None:
    for when in ("0001-01-01T00:00:00+00:00", "2024-01-01T00:00:00", "9999-12-31T23:00:00Z"):
        gql_ro.reset_count()
        await gql_ro.ok(HOSTS_CREATED, {"t": when}, admin_viewer())
        assert gql_ro.statements


HOSTS_LABELS = "query($l: JSON) { hosts(where: { labelsContain: $l }) { totalCount } }"


@pytest.mark.parametrize(
    "labels",
    [{"a": "x\x00"}, {"a\x00": 1}, {"a": float("inf")}, {"a": [float("nan")]}, _deep := [[[]]]],
)
async def test_hosts_where_json_unstorable_refused_before_sql(
    gql_ro: GraphQLRunner, labels: Any
) -> None:
    if labels is _deep:
        for _ in range(40):
            labels = [labels]
    gql_ro.reset_count()
    assert_refused(await gql_ro(HOSTS_LABELS, {"l": labels}, admin_viewer()), gql_ro, "$l")


@pytest.mark.parametrize("labels", ["{'zone': 'eu-central-1b'}", 3, True, ["zone"]])
async def test_hosts_where_labels_not_an_object_refused_before_sql(
    gql_ro: GraphQLRunner, labels: Any
) -> None:
    # Found by tests/differential: a JSON string here was an internal error (jsonb @> text).
    for viewer in (admin_viewer(), customer_viewer(2)):
        gql_ro.reset_count()
        result = await gql_ro(HOSTS_LABELS, {"l": labels}, viewer)
        assert_refused(result, gql_ro, "labelsContain must be a JSON object")


async def test_hosts_where_json_infinite_literal_refused_before_sql(
    gql_ro: GraphQLRunner,
) -> None:
    gql_ro.reset_count()
    result = await gql_ro("{ hosts(where: { labelsContain: { a: 1e400 } }) { totalCount } }")
    assert_refused(result, gql_ro, "JSON")


NUL_REQUESTS = [
    ('{ hosts(where: { name: { eq: "a\\u0000" } }) { totalCount } }', None),
    ('{ host(id: "h\\u0000") { rowId } }', None),
    ('{ environment(id: "\\u0000") { rowId } }', None),
    (
        "query($n: String) { hosts(where: { name: { contains: $n } }) { totalCount } }",
        {"n": "\x00"},
    ),
    ("query($n: [String!]) { hosts(where: { name: { in: $n } }) { totalCount } }", {"n": ["\x00"]}),
    ("query($id: String!) { host(id: $id) { rowId } }", {"id": "\ud800"}),
]


@pytest.mark.parametrize(("query", "variables"), NUL_REQUESTS)
async def test_query_text_nul_or_surrogate_refused_before_sql(
    gql_ro: GraphQLRunner, query: str, variables: dict[str, Any] | None
) -> None:
    gql_ro.reset_count()
    result = await gql_ro(query, variables, admin_viewer())
    assert_refused(result, gql_ro, "`$" if variables else "A string literal")


def _money_schema() -> strawberry.Schema:
    # No field takes a Decimal input yet; a one-field schema exercises the shared scalar.
    @strawberry.type
    class Query:
        @strawberry.field
        def echo(self, amount: Money) -> Money:
            return amount

    return strawberry.Schema(query=Query, config=StrawberryConfig(scalar_map=SCALAR_MAP))


@pytest.mark.parametrize(
    "amount", ["10000000000", "-10000000000", "9999999999.99995", "NaN", "Infinity", "1e400", 1.5]
)
def test_decimal_scalar_out_of_numeric_14_4_refused(amount: object) -> None:
    result = _money_schema().execute_sync(
        "query($a: Decimal!) { echo(amount: $a) }", variable_values={"a": amount}
    )
    assert result.errors
    assert result.errors[0].extensions == {"code": "BAD_USER_INPUT"}
    assert "$a" in result.errors[0].message


@pytest.mark.parametrize("amount", ["9999999999.9999", "-0.0001", "12.34", 7])
def test_decimal_scalar_in_numeric_14_4_accepted(amount: object) -> None:
    result = _money_schema().execute_sync(
        "query($a: Decimal!) { echo(amount: $a) }", variable_values={"a": amount}
    )
    assert result.errors is None
    assert result.data is not None
    assert Decimal(result.data["echo"]) == Decimal(str(amount))


def test_datetime_scalar_offset_free_time_is_kept() -> None:
    # Offset-free times were always accepted (as UTC); the stricter parser keeps that.
    parse = SCALAR_MAP[datetime].parse_value
    assert parse is not None
    assert parse("2024-01-01T00:00:00") == datetime(2024, 1, 1)
