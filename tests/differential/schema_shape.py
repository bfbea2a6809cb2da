"""What the generator reads off the GraphQL schema: which fields are columns, references,
connections, root connections and root lookups.

Only what the compiled read path is meant to cover is walked: table columns (leaf fields
without arguments), child -> parent references (a non-list field whose type is a Node
object), connections (a type with `nodes`, `edges`, `pageInfo`, `totalCount`), natural-key
lookups and `node`/`nodes`. Computed fields (`usage`, `metricSeries`, `gpuAvailability`),
union-typed references (`Artifact.source`, `Comment.subject`) and mutations are left out: the
planner hands any operation selecting them whole to the DataLoader path, so generating them
would compare the reference with itself.
"""

from __future__ import annotations

import graphql

# Root fields that return a table row but are not a lookup by a key of the row.
COMPUTED_ROOTS = frozenset({"apiTokens", "systemInfo", "health", "gpuAvailability"})


def named(type_: graphql.GraphQLOutputType | graphql.GraphQLInputType) -> graphql.GraphQLNamedType:
    return graphql.get_named_type(type_)


def is_node_object(type_: graphql.GraphQLNamedType) -> bool:
    return isinstance(type_, graphql.GraphQLObjectType) and any(
        interface.name == "Node" for interface in type_.interfaces
    )


def is_connection(type_: graphql.GraphQLOutputType) -> bool:
    target = named(type_)
    return (
        isinstance(target, graphql.GraphQLObjectType)
        and target.name.endswith("Connection")
        and {"nodes", "edges", "pageInfo", "totalCount"} <= set(target.fields)
    )


def connection_node_type(type_: graphql.GraphQLOutputType) -> graphql.GraphQLObjectType:
    connection = named(type_)
    assert isinstance(connection, graphql.GraphQLObjectType)
    node = named(connection.fields["nodes"].type)
    assert isinstance(node, graphql.GraphQLObjectType)
    return node


def leaf_fields(type_: graphql.GraphQLObjectType) -> list[str]:
    """Columns: scalar and enum fields without arguments."""
    return [
        name
        for name, field in type_.fields.items()
        if not field.args and graphql.is_leaf_type(named(field.type))
    ]


def reference_fields(type_: graphql.GraphQLObjectType) -> list[str]:
    """Child -> parent references: a single Node object, no arguments."""
    return [
        name
        for name, field in type_.fields.items()
        if not field.args
        and not graphql.is_list_type(graphql.get_nullable_type(field.type))
        and is_node_object(named(field.type))
    ]


def connection_fields(type_: graphql.GraphQLObjectType) -> list[str]:
    return [name for name, field in type_.fields.items() if is_connection(field.type)]


def root_connections(schema: graphql.GraphQLSchema) -> list[str]:
    assert schema.query_type is not None
    return [name for name, f in schema.query_type.fields.items() if is_connection(f.type)]


def root_lookups(schema: graphql.GraphQLSchema) -> list[str]:
    """Root fields answering one row of a table by a key (`host(id:)`, `invoice(invoiceNo:)`,
    `viewer`), not `node`/`nodes`, which are generated on their own."""
    assert schema.query_type is not None
    return [
        name
        for name, f in schema.query_type.fields.items()
        if name not in COMPUTED_ROOTS
        and name not in ("node", "nodes")
        and not graphql.is_list_type(graphql.get_nullable_type(f.type))
        and is_node_object(named(f.type))
    ]


def node_types(schema: graphql.GraphQLSchema) -> list[graphql.GraphQLObjectType]:
    return [
        t
        for name, t in sorted(schema.type_map.items())
        if not name.startswith("__") and isinstance(t, graphql.GraphQLObjectType)
        if is_node_object(t)
    ]
