"""Selection -> plan: what each response key of a query is made of, or None (not compilable).

A plan is built from graphql-core's own field collection (fragments, type conditions,
aliases, `@skip`/`@include` evaluated with the request's variables) and names, for every
response key, a column, a global ID, a constant `__typename`, a reference or a connection.
Argument values are not in the plan: they are coerced per request from the field nodes the
plan keeps, so variables stay bound parameters. Plans are cached in a bounded LRU per document
text, operation, viewer role and the Boolean variables (the only ones directives can read).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    OperationDefinitionNode,
)
from graphql.execution.collect_fields import FieldDetailsList, FragmentDetails, collect_subfields
from graphql.execution.values import VariableValues
from sqlalchemy.orm import InstrumentedAttribute

from remotegpu.auth.viewer import Viewer
from remotegpu.compiled.formats import Format, NotCompilable, format_of
from remotegpu.compiled.lru import Lru
from remotegpu.compiled.metadata import (
    ENTITIES,
    LOOKUPS,
    RELATIONS,
    ROOTS,
    Children,
    Entity,
    Reference,
    RootConnection,
    RootLookup,
)

DEFINITION = "strawberry-definition"  # strawberry's back-reference on graphql-core objects
# json_build_object takes at most 100 arguments: 50 keys.
MAX_KEYS = 50
# The root fields answering objects by global ID (resolvers/node.py) -> whether a list.
NODE_FIELDS = {"node": False, "nodes": True}


@dataclass(frozen=True)
class ColumnField:
    key: str
    attr: str  # the model attribute
    format: Format
    hidden: bool  # nulled unless the entity's hiding rule holds


@dataclass(frozen=True)
class GlobalIdField:
    key: str
    type_name: str


@dataclass(frozen=True)
class ConstantField:
    key: str
    value: str


@dataclass(frozen=True)
class ReferenceField:
    key: str
    relation: Reference
    target: ObjectPlan

    @property
    def relation_key(self) -> str:
        return self.relation.via


@dataclass(frozen=True)
class ConnectionField:
    key: str
    relation: Children | RootConnection
    field_def: GraphQLField
    node: FieldNode
    parts: tuple[ConnectionPart, ...]
    has_cursors: bool  # a cursor anywhere at or below this connection

    @property
    def relation_key(self) -> str | None:
        return self.relation.via if isinstance(self.relation, Children) else None


ObjectField = ColumnField | GlobalIdField | ConstantField | ReferenceField | ConnectionField


@dataclass(frozen=True)
class ObjectPlan:
    type_name: str
    entity: Entity
    fields: tuple[
        ColumnField | GlobalIdField | ConstantField | ReferenceField | ConnectionField, ...
    ]
    has_cursors: bool

    def attrs(self) -> set[str]:
        """Model attributes the object reads (its columns, relation keys, its key)."""
        needed = {"id"}
        for f in self.fields:
            if isinstance(f, ColumnField):
                needed.add(f.attr)
            elif isinstance(f, ReferenceField | ConnectionField) and f.relation_key is not None:
                needed.add(f.relation_key)
        return needed


@dataclass(frozen=True)
class ConnectionPart:
    """One key of a connection: totalCount, __typename, pageInfo, nodes or edges."""

    key: str
    kind: str
    value: str = ""  # the constant of __typename
    node: ObjectPlan | None = None  # nodes / edges
    sub: tuple[tuple[str, str, str], ...] = ()  # pageInfo / edges: (key, kind, constant)


@dataclass(frozen=True)
class LookupField:
    """A root field that finds one row by a key argument (`hostByRowId(rowId:)`)."""

    key: str
    relation: RootLookup
    field_def: GraphQLField
    node: FieldNode
    target: ObjectPlan


@dataclass(frozen=True)
class NodeLookupField:
    """`node(id:)` / `nodes(ids:)`: the type is read from each global ID when the statement is
    built, so the selection is planned for every node type (fragments pick per type)."""

    key: str
    field_def: GraphQLField
    node: FieldNode
    many: bool  # nodes(ids:): a list in argument order
    targets: Mapping[str, ObjectPlan]


@dataclass(frozen=True)
class RootPlan:
    key: str
    connection: ConnectionField | None = None
    lookup: LookupField | None = None
    node_lookup: NodeLookupField | None = None

    @property
    def has_cursors(self) -> bool:
        if self.connection is not None:
            return self.connection.has_cursors
        return self.lookup is not None and self.lookup.target.has_cursors


class Planner:
    """Builds plans for one schema; keeps the last `maxsize` of them."""

    def __init__(self, schema: GraphQLSchema, maxsize: int) -> None:
        self.schema = schema
        self.maxsize = maxsize
        self.builds = 0  # plans actually built (cache misses)
        self._plans: Lru[Any, tuple[RootPlan, ...] | None] = Lru(maxsize)

    def plan(
        self,
        operation: OperationDefinitionNode,
        fragments: dict[str, FragmentDetails],
        variables: VariableValues,
        root_fields: Mapping[str, FieldDetailsList],
        viewer: Viewer,
    ) -> tuple[Any, tuple[RootPlan, ...] | None]:
        """The plan's cache key (None: not cacheable) and the plan (None: not compilable)."""
        text = operation.loc.source.body if operation.loc is not None else None
        if text is None:
            return None, self._build(operation, fragments, variables, root_fields)
        switches = tuple(sorted((k, v) for k, v in variables.coerced.items() if type(v) is bool))
        name = operation.name.value if operation.name else None
        key = (text, name, role_of(viewer), switches)
        if key in self._plans:
            return key, self._plans.get(key, None)
        built = self._build(operation, fragments, variables, root_fields)
        self._plans.put(key, built)
        return key, built

    def _build(
        self,
        operation: OperationDefinitionNode,
        fragments: dict[str, FragmentDetails],
        variables: VariableValues,
        root_fields: Mapping[str, FieldDetailsList],
    ) -> tuple[RootPlan, ...] | None:
        self.builds += 1
        builder = _Builder(self.schema, operation, fragments, variables)
        try:
            return tuple(builder.root(key, details) for key, details in root_fields.items())
        except NotCompilable:
            return None


def role_of(viewer: Viewer) -> str:
    if viewer.agent_host_id is not None:
        return "agent"
    if viewer.is_admin:
        return "admin"
    return "customer" if viewer.is_authenticated else "anonymous"


def _unwrap(type_: GraphQLOutputType) -> GraphQLOutputType:
    return type_.of_type if isinstance(type_, GraphQLNonNull) else type_


def _definition(field_def: GraphQLField) -> Any:
    found = (field_def.extensions or {}).get(DEFINITION)
    if found is None:
        raise NotCompilable
    return found


class _Builder:
    def __init__(
        self,
        schema: GraphQLSchema,
        operation: OperationDefinitionNode,
        fragments: dict[str, FragmentDetails],
        variables: VariableValues,
    ) -> None:
        self.schema, self.operation = schema, operation
        self.fragments, self.variables = fragments, variables

    def _sub(self, type_: GraphQLObjectType, details: FieldDetailsList) -> dict[str, Any]:
        collected = collect_subfields(
            self.schema, self.fragments, self.variables, self.operation, type_, details
        )
        if collected.new_defer_usages or collected.forbidden_directive_instances:
            raise NotCompilable
        for field_details in collected.grouped_field_set.values():
            if any(d.fragment_variable_values is not None for d in field_details):
                raise NotCompilable
        return collected.grouped_field_set

    def root(self, key: str, details: FieldDetailsList) -> RootPlan:
        query_type = self.schema.query_type
        assert query_type is not None
        name = details[0].node.name.value
        field_def = query_type.fields.get(name)
        if field_def is None:
            raise NotCompilable
        python_name = _definition(field_def).python_name
        if python_name in NODE_FIELDS:
            return RootPlan(key, node_lookup=self.node_lookup(key, field_def, details))
        lookup = LOOKUPS.get(python_name)
        if lookup is not None:
            target = self.object(lookup.target, details)
            return RootPlan(
                key, lookup=LookupField(key, lookup, field_def, details[0].node, target)
            )
        relation = ROOTS.get(python_name)
        if relation is None:
            raise NotCompilable
        return RootPlan(key, self.connection(key, field_def, details, relation))

    def node_lookup(
        self, key: str, field_def: GraphQLField, details: FieldDetailsList
    ) -> NodeLookupField:
        targets = {name: self.object(name, details) for name in ENTITIES}
        # The cursors of nested connections are encoded after the query by walking the plan
        # of each value; with a plan per type that walk would need each value's type first.
        if any(target.has_cursors for target in targets.values()):
            raise NotCompilable
        many = NODE_FIELDS[_definition(field_def).python_name]
        return NodeLookupField(key, field_def, details[0].node, many, targets)

    def connection(
        self,
        key: str,
        field_def: GraphQLField,
        details: FieldDetailsList,
        relation: Children | RootConnection,
    ) -> ConnectionField:
        conn_type = _unwrap(field_def.type)
        if not isinstance(conn_type, GraphQLObjectType):
            raise NotCompilable
        parts: list[ConnectionPart] = []
        cursors = False
        for sub_key, sub_details in self._sub(conn_type, details).items():
            name = sub_details[0].node.name.value
            if name == "__typename":
                parts.append(ConnectionPart(sub_key, "typename", value=conn_type.name))
            elif name == "totalCount":
                parts.append(ConnectionPart(sub_key, "totalCount"))
            elif name == "nodes":
                node = self.object(relation.target, sub_details)
                cursors = cursors or node.has_cursors
                parts.append(ConnectionPart(sub_key, "nodes", node=node))
            elif name == "pageInfo":
                sub = self._page_info(conn_type.fields[name], sub_details)
                cursors = cursors or any(kind.endswith("Cursor") for _, kind, _ in sub)
                parts.append(ConnectionPart(sub_key, "pageInfo", sub=sub))
            elif name == "edges":
                edge_part = self._edges(relation.target, conn_type.fields[name], sub_details)
                cursors = True
                parts.append(
                    ConnectionPart(sub_key, "edges", node=edge_part.node, sub=edge_part.sub)
                )
            else:
                raise NotCompilable
        if len(parts) > MAX_KEYS:
            raise NotCompilable
        return ConnectionField(key, relation, field_def, details[0].node, tuple(parts), cursors)

    def _page_info(
        self, field_def: GraphQLField, details: FieldDetailsList
    ) -> tuple[tuple[str, str, str], ...]:
        info_type = _unwrap(field_def.type)
        assert isinstance(info_type, GraphQLObjectType)
        sub = []
        for key, sub_details in self._sub(info_type, details).items():
            name = sub_details[0].node.name.value
            if name == "__typename":
                sub.append((key, "typename", info_type.name))
            elif name in ("hasNextPage", "hasPreviousPage", "startCursor", "endCursor"):
                sub.append((key, name, ""))
            else:
                raise NotCompilable
        return tuple(sub)

    def _edges(
        self, target: str, field_def: GraphQLField, details: FieldDetailsList
    ) -> ConnectionPart:
        list_type = _unwrap(field_def.type)
        if not isinstance(list_type, GraphQLList):
            raise NotCompilable
        edge_type = _unwrap(list_type.of_type)
        if not isinstance(edge_type, GraphQLObjectType):
            raise NotCompilable
        sub: list[tuple[str, str, str]] = []
        node: ObjectPlan | None = None
        for key, sub_details in self._sub(edge_type, details).items():
            name = sub_details[0].node.name.value
            if name == "__typename":
                sub.append((key, "typename", edge_type.name))
            elif name == "cursor":
                sub.append((key, "cursor", ""))
            elif name == "node":
                node = self.object(target, sub_details)
                sub.append((key, "node", ""))
            else:
                raise NotCompilable
        return ConnectionPart("", "edges", node=node, sub=tuple(sub))

    def object(self, type_name: str, details: FieldDetailsList) -> ObjectPlan:
        entity = ENTITIES.get(type_name)
        object_type = self.schema.type_map.get(type_name)
        if entity is None or not isinstance(object_type, GraphQLObjectType):
            raise NotCompilable
        fields: list[Any] = []
        cursors = False
        for key, sub_details in self._sub(object_type, details).items():
            name = sub_details[0].node.name.value
            if name == "__typename":
                fields.append(ConstantField(key, type_name))
                continue
            field_def = object_type.fields.get(name)
            if field_def is None:
                raise NotCompilable
            definition = _definition(field_def)
            python_name: str = definition.python_name
            if definition.base_resolver is None:
                fields.append(self._column(key, python_name, field_def, entity, type_name))
                continue
            relation = RELATIONS.get((type_name, python_name))
            if isinstance(relation, Reference):
                target = self.object(relation.target, sub_details)
                cursors = cursors or target.has_cursors
                fields.append(ReferenceField(key, relation, target))
            elif isinstance(relation, Children):
                conn = self.connection(key, field_def, sub_details, relation)
                cursors = cursors or conn.has_cursors
                fields.append(conn)
            else:
                raise NotCompilable
        if len(fields) > MAX_KEYS:
            raise NotCompilable
        return ObjectPlan(type_name, entity, tuple(fields), cursors)

    def _column(
        self, key: str, python_name: str, field_def: GraphQLField, entity: Entity, type_name: str
    ) -> ColumnField | GlobalIdField:
        if python_name == "id":
            return GlobalIdField(key, type_name)
        attr = "id" if python_name == "row_id" else entity.renamed.get(python_name, python_name)
        column = getattr(entity.model, attr, None)
        if not isinstance(column, InstrumentedAttribute):
            raise NotCompilable
        hidden = entity.hiding is not None and python_name in entity.hiding.fields
        return ColumnField(key, attr, format_of(field_def.type, column.type), hidden)
