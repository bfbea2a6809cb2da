"""One declaration per relation: the registry the relation factories fill, walked against the
schema and against the loaders, and the planner's tables derived from it."""

from __future__ import annotations

from enum import Enum
from typing import Any

import pytest
from graphql import GraphQLObjectType, GraphQLOutputType, get_named_type

from remotegpu.api import schema
from remotegpu.auth.viewer import ANONYMOUS
from remotegpu.compiled.metadata import ENTITIES, LOOKUPS, RELATIONS, ROOTS
from remotegpu.compiled.plan import DEFINITION
from remotegpu.loaders.base import (
    CountByParentLoader,
    LoaderEnv,
    PageByParentLoader,
    RowByKeyLoader,
)
from remotegpu.loaders.registry import Loaders
from remotegpu.schema.relation_registry import (
    Children,
    Declared,
    Reference,
    RootConnection,
    RootLookup,
    declared,
)
from remotegpu.settings import Settings
from tests.graphql import GraphQLRunner, admin_viewer

GRAPHQL = schema._schema
NODE = GRAPHQL.type_map["Node"]

# Fields returning a connection or a Node type that no factory declares, and why.
COMPUTED = {
    ("CustomersQuery", "viewer"),  # the viewer's own row, from its session
    # Global-ID look-ups: the ID is parsed (and checked against the type) before the load.
    ("HostsQuery", "host"),
    ("EnvironmentsQuery", "environment"),
    ("StorageQuery", "dataset"),
    ("StorageQuery", "model"),
    ("WorkloadsQuery", "training_job"),
    ("WorkloadsQuery", "inference_service"),
    ("WorkspacesQuery", "workspace"),
    # Metric roots refuse a non-admin whose filter does not name an owned resource.
    ("MetricsQuery", "host_metrics"),
    ("MetricsQuery", "gpu_metrics"),
    ("MetricsQuery", "environment_metrics"),
    ("InferenceService", "served_version"),  # keyed by two columns (model, version name)
}


HOST_ENVIRONMENTS = """
query ($order: EnvironmentOrder) {
  hosts(first: 10) { nodes { rowId environments(first: 5, orderBy: $order) { nodes { rowId } } } }
}
"""


def _relation_like(type_: GraphQLOutputType) -> bool:
    named = get_named_type(type_)
    return isinstance(named, GraphQLObjectType) and (
        named.name.endswith("Connection") or NODE in named.interfaces
    )


def _schema_relation_fields() -> set[tuple[str, str]]:
    """(declaring type, Python name) of every field of Query or a Node type that returns a
    connection or a Node type."""
    found = set()
    for type_ in GRAPHQL.type_map.values():
        if not isinstance(type_, GraphQLObjectType):
            continue
        if NODE not in type_.interfaces and type_ is not GRAPHQL.query_type:
            continue
        for field in type_.fields.values():
            if _relation_like(field.type):
                definition = field.extensions[DEFINITION]
                found.add(
                    (definition.origin.__strawberry_definition__.name, definition.python_name)
                )
    return found


def _loaders() -> Loaders:
    # Loaders only hold their environment until they load: no database is needed to read
    # their model, key and visibility.
    return Loaders(LoaderEnv(sessions=None, viewer=ANONYMOUS, settings=Settings()))  # type: ignore[arg-type]


def _loader(loaders: Loaders, name: tuple[str, str]) -> Any:
    area, attr = name
    return getattr(getattr(loaders, area), attr)


def test_schema_walk_every_relation_field_is_declared_or_a_listed_computed_field() -> None:
    declared_fields = {(d.owner, d.name) for d in declared()}
    in_schema = _schema_relation_fields()

    assert in_schema - declared_fields == COMPUTED
    # Every declaration is a field of the schema, and no computed field is declared too.
    assert declared_fields <= in_schema
    assert not COMPUTED & declared_fields


async def test_declared_relations_read_loaders_of_their_target_table() -> None:
    # Async: a DataLoader binds the running event loop when it is built.
    loaders = _loaders()
    checked = 0
    for d in declared():
        record = d.record
        if isinstance(record, RootConnection):
            assert record.target in ENTITIES, d
            continue
        loader = _loader(loaders, record.loader)
        entity = ENTITIES.get(record.target)
        if isinstance(record, Children):
            assert isinstance(loader, PageByParentLoader), d
            twin = record.loader[1].replace("_page_by_", "_count_by_")
            assert isinstance(
                getattr(getattr(loaders, record.loader[0]), twin), CountByParentLoader
            )
        else:
            assert isinstance(loader, RowByKeyLoader), d
        if entity is not None:
            assert loader.model is entity.model, d
        if isinstance(record, Reference | Children) and d.owner in ENTITIES:
            # The planner reads `via` from the parent's row.
            assert hasattr(ENTITIES[d.owner].model, record.via), d
        checked += 1
    assert checked > 90


@pytest.mark.parametrize("table", ["relations", "roots"])
def test_derived_metadata_orderings_cover_the_order_enum_and_default(table: str) -> None:
    records: list[Children | RootConnection] = [
        r
        for r in (RELATIONS.values() if table == "relations" else ROOTS.values())
        if isinstance(r, Children | RootConnection)
    ]
    assert records
    for record in records:
        assert record.default_order is not None, record
        order_enum = type(record.default_order)
        assert set(record.orderings) == set(order_enum), record
        assert record.default_order in record.orderings


def test_derived_metadata_compiled_tables_hold_only_compiled_declarations() -> None:
    by_key: dict[tuple[str, str], Declared] = {(d.owner, d.name): d for d in declared()}
    for (owner, name), record in RELATIONS.items():
        assert by_key[(owner, name)].compiled
        assert by_key[(owner, name)].record == record
    compiled_roots = {
        d.name: d.record for d in declared() if d.compiled and isinstance(d.record, RootConnection)
    }
    assert dict(ROOTS) == compiled_roots
    # Planner-known types only: a compiled relation leads to an entity the planner can build.
    for record in [*RELATIONS.values(), *ROOTS.values(), *LOOKUPS.values()]:
        assert record.target in ENTITIES, record
    # Declared but not compiled: an operation selecting it runs on the DataLoader path.
    assert ("Customer", "environments") in by_key
    assert ("Customer", "environments") not in RELATIONS
    assert ("Host", "metrics") not in RELATIONS


def test_derived_metadata_lookups_name_an_argument_of_their_field() -> None:
    query = GRAPHQL.query_type
    assert query is not None
    by_python = {f.extensions[DEFINITION].python_name: f for f in query.fields.values()}
    assert set(LOOKUPS) == {"host_by_row_id", "environment_by_row_id"}
    for name, lookup in LOOKUPS.items():
        assert isinstance(lookup, RootLookup)
        arguments = by_python[name].extensions[DEFINITION].arguments
        assert [a.python_name for a in arguments] == [lookup.argument]


def test_schema_orderby_arguments_show_the_default_the_resolvers_and_planner_use() -> None:
    defaults: dict[tuple[str, str], Any] = {}
    for type_ in GRAPHQL.type_map.values():
        if not isinstance(type_, GraphQLObjectType) or type_.name.startswith("__"):
            continue
        for field in type_.fields.values():
            if "orderBy" in field.args:
                definition = field.extensions[DEFINITION]
                (argument,) = [a for a in definition.arguments if a.python_name == "order_by"]
                owner = definition.origin.__strawberry_definition__.name
                defaults[(owner, definition.python_name)] = argument.default
    assert len(defaults) > 60
    # Every orderBy says what it orders by when omitted (an explicit null means the same).
    assert all(isinstance(d, Enum) for d in defaults.values()), defaults
    for d in declared():
        if isinstance(d.record, Children | RootConnection) and d.record.orderings:
            assert defaults[(d.owner, d.name)] is d.record.default_order, d


async def test_children_orderby_null_or_omitted_pages_by_the_default_the_schema_shows(
    gql_ro: GraphQLRunner,
) -> None:
    admin = admin_viewer()
    explicit = await gql_ro.ok(HOST_ENVIRONMENTS, {"order": "CREATED_AT_DESC"}, admin)
    null = await gql_ro.ok(HOST_ENVIRONMENTS, {"order": None}, admin)
    omitted = await gql_ro.ok(HOST_ENVIRONMENTS, {}, admin)
    other = await gql_ro.ok(HOST_ENVIRONMENTS, {"order": "CREATED_AT_ASC"}, admin)

    assert null == explicit
    assert omitted == explicit
    pages = [h["environments"]["nodes"] for h in explicit["hosts"]["nodes"]]
    assert sum(len(p) for p in pages) > 5  # the seeded fleet places environments on hosts
    assert other != explicit  # the argument does order the page
