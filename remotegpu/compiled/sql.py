"""Plan -> one SQLAlchemy Core statement per root field, building the field's JSON in SQL.

Shape (PostGraphile's): a connection is an aggregate over its page, a derived table that
selects the needed columns of the visible rows, filtered, keyset-bounded, ordered and limited
to `limit + 1` (the extra row says whether more follow), numbered by `row_number()`:

    SELECT json_build_object('nodes', coalesce(json_agg(<node> ORDER BY rn)
                                              FILTER (WHERE rn <= :limit), '[]'), ...)
    FROM (SELECT <columns>, row_number() OVER (ORDER BY <sort>) AS rn FROM <table>
          WHERE <visibility> AND <where> AND <cursor bound> [AND <parent key> = <outer key>]
          ORDER BY <sort> LIMIT :limit + 1) AS page

Every base table is read only inside such a derived table (or a `count(*)` beside it), so
the visibility predicates the loaders use, which name their tables unaliased, never meet an
enclosing query that reads the same table. References are scalar subqueries of the same
shape (one row); nested connections are correlated subqueries inside the node objects.

Values are formatted as the reference path serialises them: enums by GraphQL name, BigInt,
UUID and Decimal as text, DateTime as Python's isoformat (microseconds only when non-zero),
global IDs as URL-safe base64 of `Type:key` (PostgreSQL's line breaks removed). Cursors are
left as the JSON array of their sort values; `execute.py` encodes them with `encode_cursor`.
"""

from __future__ import annotations

from typing import Any

from graphql.execution.values import VariableValues, get_argument_values
from sqlalchemy import (
    ColumnElement,
    Select,
    Text,
    case,
    cast,
    false,
    func,
    null,
    select,
    true,
    type_coerce,
)
from sqlalchemy.dialects.postgresql import ARRAY, aggregate_order_by
from sqlalchemy.sql import FromClause
from strawberry.types.arguments import convert_arguments

from remotegpu.compiled.formats import (
    EMPTY_LIST,
    NotCompilable,
    const,
    cursor_value,
    formatted,
    global_id,
)
from remotegpu.compiled.metadata import ENTITIES, Children
from remotegpu.compiled.plan import (
    DEFINITION,
    ColumnField,
    ConnectionField,
    ConstantField,
    GlobalIdField,
    LookupField,
    NodeLookupField,
    ObjectPlan,
    ReferenceField,
    RootPlan,
)
from remotegpu.context import Context
from remotegpu.loaders.base import PageByParentLoader, RowByKeyLoader
from remotegpu.loaders.paging import BadUserInputError, Ordering, PageRequest
from remotegpu.schema.entities import NODE_TYPES
from remotegpu.schema.node import InvalidGlobalIdError, from_global_id, parse_key

# A PostgreSQL function takes at most 100 arguments (json_build_array of `nodes(ids:)`).
MAX_ARGUMENTS = 100


def _first(array: ColumnElement[Any]) -> ColumnElement[Any]:
    return type_coerce(array, ARRAY(Text))[1]


class StatementBuilder:
    """Builds the statements of one request: arguments coerced, the viewer's scope applied."""

    def __init__(self, ctx: Context, variables: VariableValues, strawberry_schema: Any) -> None:
        self.ctx, self.viewer, self.variables = ctx, ctx.viewer, variables
        self.scalars = strawberry_schema.schema_converter.scalar_registry
        self.config = strawberry_schema.config
        # The ordering each connection of the plan was built with, for its cursors.
        self.orderings: dict[int, Ordering] = {}

    def root(self, root: RootPlan) -> Select[Any]:
        if root.lookup is not None:
            return self._lookup(root.lookup)
        if root.node_lookup is not None:
            return self._node_lookup(root.node_lookup)
        assert root.connection is not None
        return self._connection(root.connection, None)

    def _lookup(self, lookup: LookupField) -> Select[Any]:
        key = self._arguments(lookup)[lookup.relation.argument]
        area, name = lookup.relation.loader
        found = self._row(lookup.target, getattr(getattr(self.ctx.loaders, area), name), key)
        # Always one row: NULL when the key names no visible row.
        return select(cast(found, Text))

    def _node_lookup(self, lookup: NodeLookupField) -> Select[Any]:
        args = self._arguments(lookup)
        ids = args["ids"] if lookup.many else [args["id"]]
        cap = self.ctx.settings.page_size_max
        if len(ids) > cap:
            raise BadUserInputError(f"at most {cap} ids per call")
        if len(ids) > MAX_ARGUMENTS:
            raise NotCompilable
        nodes = [self._node(lookup, global_id) for global_id in ids]
        if all(node is None for node in nodes):
            # Nothing to read: the reference path answers null without a round trip.
            raise NotCompilable
        found = [null() if node is None else node for node in nodes]
        return select(cast(func.json_build_array(*found) if lookup.many else found[0], Text))

    def _node(self, lookup: NodeLookupField, global_id: str) -> ColumnElement[Any] | None:
        """The JSON of the object a global ID names (NULL when not visible); None when the ID
        names no row of any table, as `resolve_nodes` reads it."""
        try:
            type_name, text = from_global_id(global_id)
        except InvalidGlobalIdError:
            return None
        node_type = NODE_TYPES.get(type_name)
        key = None if node_type is None else parse_key(node_type.key, text)
        if node_type is None or key is None:
            return None
        return self._row(lookup.targets[type_name], node_type.row_loader(self.ctx), key)

    def _arguments(self, conn: ConnectionField | LookupField | NodeLookupField) -> dict[str, Any]:
        raw = get_argument_values(conn.field_def, conn.node, self.variables)
        definition = conn.field_def.extensions[DEFINITION]
        return convert_arguments(raw, definition.arguments, self.scalars, self.config)

    def _connection(self, conn: ConnectionField, parent_key: Any) -> Select[Any]:
        relation = conn.relation
        args = self._arguments(conn)
        scope: list[ColumnElement[bool]]
        if isinstance(relation, Children):
            area, name = relation.loader
            loader = getattr(getattr(self.ctx.loaders, area), name)
            if type(loader) is not PageByParentLoader:  # a loader of its own SQL shape
                raise NotCompilable
            model = loader.model
            scope = [loader.visible(self.viewer), loader.parent == parent_key]
        else:
            model = ENTITIES[relation.target].model
            scope = [relation.visible(self.viewer)]
        ordering = relation.orderings[args.get("order_by") or relation.default_order]
        request = PageRequest.build(
            self.ctx.settings,
            args.get("first"),
            args.get("after"),
            args.get("last"),
            args.get("before"),
            ordering=ordering,
        )
        where = args.get("where")
        scope.extend([] if where is None else where.conditions())
        self.orderings[id(conn)] = ordering

        needed = {c.key for c in ordering.columns}
        for part in conn.parts:
            if part.node is not None:
                needed |= part.node.attrs()
        sort = ordering.sort_clause(reverse=request.backward)
        rank = func.row_number().over(order_by=sort).label("_rn")
        page_select = (
            select(*(getattr(model, attr).label(attr) for attr in sorted(needed)), rank)
            .where(*scope, *request.conditions(ordering))
            .order_by(*sort)
            .limit(request.limit + 1 if request.limit else 0)
        )
        # The page of a nested connection reads its parent's key from the row the enclosing
        # query is building: an outer reference, which SQLAlchemy renders in a FROM subquery
        # only when told to correlate.
        if parent_key is not None:
            page_select = page_select.correlate(parent_key.table)
        page = page_select.subquery()

        rn, limit = page.c._rn, request.limit
        presented = rn.desc() if request.backward else rn.asc()
        in_page = rn <= limit
        empty_root = parent_key is None and limit == 0  # fetch_root_page answers without SQL
        aggregated = False

        def cursor(order: Any) -> ColumnElement[Any]:
            values = [cursor_value(page.c[c.key], c.type) for c in ordering.columns]
            built = func.json_build_array(*values)
            return _first(func.array_agg(aggregate_order_by(built, order)).filter(in_page))

        def agg_list(item: ColumnElement[Any]) -> ColumnElement[Any]:
            listed = func.json_agg(aggregate_order_by(item, presented)).filter(in_page)
            return func.coalesce(listed, EMPTY_LIST)

        more = func.count() > limit
        args_sql: list[Any] = []
        for part in conn.parts:
            args_sql.append(const(part.key))
            if part.kind == "typename":
                args_sql.append(const(part.value))
            elif part.kind == "totalCount":
                count = select(func.count()).select_from(model).where(*scope)
                if parent_key is not None:
                    count = count.correlate(parent_key.table)
                args_sql.append(count.scalar_subquery())
            elif part.kind == "nodes":
                assert part.node is not None
                aggregated = True
                args_sql.append(agg_list(self._object(part.node, page)))
            elif part.kind == "edges":
                aggregated = True
                edge: list[Any] = []
                for key, kind, value in part.sub:
                    edge.append(const(key))
                    if kind == "typename":
                        edge.append(const(value))
                    elif kind == "cursor":
                        values = [cursor_value(page.c[c.key], c.type) for c in ordering.columns]
                        edge.append(func.json_build_array(*values))
                    else:
                        assert part.node is not None
                        edge.append(self._object(part.node, page))
                args_sql.append(agg_list(func.json_build_object(*edge)))
            else:  # pageInfo
                info: list[Any] = []
                for key, kind, value in part.sub:
                    info.append(const(key))
                    if kind == "typename":
                        info.append(const(value))
                    elif kind == "hasNextPage":
                        if empty_root:
                            info.append(false())
                        elif request.backward:
                            info.append(true() if request.before is not None else false())
                        else:
                            aggregated = True
                            info.append(more)
                    elif kind == "hasPreviousPage":
                        if empty_root:
                            info.append(false())
                        elif request.backward:
                            aggregated = True
                            info.append(more)
                        else:
                            info.append(true() if request.after is not None else false())
                    else:
                        aggregated = True
                        start = kind == "startCursor"
                        first_presented = start != request.backward
                        info.append(cursor(rn.asc() if first_presented else rn.desc()))
                args_sql.append(func.json_build_object(*info))
        json = func.json_build_object(*args_sql)
        # The root's JSON comes back as text, decoded once by orjson (not the driver's json).
        built = select(cast(json, Text) if parent_key is None else json)
        return built.select_from(page) if aggregated else built

    def _object(self, plan: ObjectPlan, src: FromClause) -> ColumnElement[Any]:
        args: list[Any] = []
        sees: Any = None
        for f in plan.fields:
            args.append(const(f.key))
            if isinstance(f, ColumnField):
                value = formatted(src.c[f.attr], f.format)
                if f.hidden:
                    assert plan.entity.hiding is not None
                    if sees is None:
                        sees = plan.entity.hiding.rule(self.viewer, src.c.id)
                    if sees is False:
                        value = null()
                    elif sees is not True:
                        value = case((sees, value), else_=null())
                args.append(value)
            elif isinstance(f, GlobalIdField):
                args.append(global_id(f.type_name, src.c.id))
            elif isinstance(f, ConstantField):
                args.append(const(f.value))
            elif isinstance(f, ReferenceField):
                args.append(self._reference(f, src.c[f.relation.via]))
            else:
                assert isinstance(f.relation, Children)
                args.append(self._connection(f, src.c[f.relation.via]).scalar_subquery())
        return func.json_build_object(*args)

    def _reference(self, ref: ReferenceField, key: Any) -> ColumnElement[Any]:
        area, name = ref.relation.loader
        return self._row(ref.target, getattr(getattr(self.ctx.loaders, area), name), key)

    def _row(self, target: ObjectPlan, loader: Any, key: Any) -> ColumnElement[Any]:
        """The JSON of the one visible row whose loader key equals `key`, or NULL."""
        if type(loader) is not RowByKeyLoader:  # a loader of its own SQL shape
            raise NotCompilable
        model = loader.model
        row_select = select(
            *(getattr(model, attr).label(attr) for attr in sorted(target.attrs()))
        ).where(loader.key == key, loader.visible(self.viewer))
        if isinstance(key, ColumnElement):  # a column of the enclosing row
            row_select = row_select.correlate(key.table)
        row = row_select.subquery()
        return select(self._object(target, row)).select_from(row).scalar_subquery()
