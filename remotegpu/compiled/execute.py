"""Running compiled reads, and the hook that puts them in front of per-field execution.

`CompiledReadsExecutor` is the schema's graphql-core executor: parsing, validation, the cost
and rate limits and every extension have run when it is asked to execute the root fields. A
query whose selection the planner knows is answered by one statement per root field; any
other operation (mutations, unknown fields, arguments the reference path would refuse) runs
on the reference path, whole.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace
from typing import Any

import orjson
from graphql import GraphQLSchema, OperationType
from graphql.execution.collect_fields import FieldDetailsList, FragmentDetails
from graphql.execution.values import VariableValues
from graphql.language import OperationDefinitionNode
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from remotegpu.compiled.formats import NotCompilable
from remotegpu.compiled.lru import Lru
from remotegpu.compiled.plan import (
    ConnectionField,
    ConnectionPart,
    ObjectPlan,
    Planner,
    ReferenceField,
    RootPlan,
)
from remotegpu.compiled.sql import StatementBuilder
from remotegpu.context import Context
from remotegpu.loaders.paging import BadUserInputError, Ordering, encode_cursor

log = logging.getLogger("remotegpu.compiled")


@cache
def planner_for(schema: GraphQLSchema, maxsize: int) -> Planner:
    """One plan cache per served schema (settings decide its size)."""
    return Planner(schema, maxsize)


@dataclass(frozen=True)
class Prepared:
    """The statements of one operation for one viewer and one set of variables, compiled to
    SQL text with their parameters, and the orderings its cursors are encoded with."""

    roots: tuple[tuple[RootPlan, str, tuple[Any, ...]], ...]
    orderings: dict[int, Ordering]


class Statements:
    """Compiled statements per (plan, viewer, variables): building and compiling the Core
    statement is most of the Python work of a compiled read, and the console sends the same
    few operations over and over. The statement depends on nothing else (no clock, no
    setting that changes while the process runs), so a hit is exactly what a build gives."""

    def __init__(self, maxsize: int) -> None:
        self.builds = 0
        self._prepared: Lru[Any, Prepared | None] = Lru(maxsize)
        # SQL compiled per statement shape (SQLAlchemy's cache key: the statement without its
        # parameter values): a keyset page after a new cursor, the same statement with other
        # values, is built but not compiled again (compiling was two thirds of such a miss).
        self.shapes: Lru[Any, Any] = Lru(maxsize)

    def get(self, key: Any) -> Prepared | None:
        return None if key is None else self._prepared.get(key, None)

    def put(self, key: Any, prepared: Prepared) -> None:
        if key is not None:
            self._prepared.put(key, prepared)


@cache
def statements_for(schema: GraphQLSchema, maxsize: int) -> Statements:
    return Statements(maxsize)


def _variables_key(variables: VariableValues) -> bytes | None:
    try:
        return orjson.dumps(variables.coerced, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # a value orjson cannot write: build every time
        return None


def _compile(statement: Any, dialect: Any, shapes: Lru[Any, Any]) -> tuple[str, tuple[Any, ...]]:
    """SQL text and positional parameters, as SQLAlchemy would send them (bind processors
    applied, IN lists expanded), so a cached statement skips SQLAlchemy's per-execution
    cache-key walk of a large expression tree."""
    key = statement._generate_cache_key()
    compiled = None if key is None else shapes.get(key.key, None)
    if compiled is None:
        # With its cache key, so another statement of the shape can bring its own values.
        compiled = statement.compile(dialect=dialect, cache_key=key)
        if compiled.post_compile_params or compiled.literal_execute_params:
            # IN lists: the text depends on their lengths, which the shape does not hold.
            compiled = statement.compile(
                dialect=dialect, compile_kwargs={"render_postcompile": True}
            )
            key = None
        elif key is not None:
            shapes.put(key.key, compiled)
    # This statement's values, in the (possibly cached) compiled form's parameter order.
    params = compiled.construct_params(extracted_parameters=None if key is None else key.bindparams)
    processors = compiled._bind_processors
    values = tuple(
        processors[name](params[name]) if name in processors else params[name]
        for name in compiled.positiontup
    )
    return compiled.string, values


@dataclass(frozen=True)
class CompiledDocument:
    """What a document the compiled path answered needs to be answered again without
    strawberry (remotegpu.compiled.fast): its operation and fragments as graphql-core built
    them for execution."""

    operation: OperationDefinitionNode
    fragments: dict[str, FragmentDetails]


@dataclass
class CompiledAnswer:
    """Set by the HTTP view around one execution; filled when the compiled path answered the
    whole operation, so the view can remember the document for the fast path."""

    document: CompiledDocument | None = None


answered_by_compiled: ContextVar[CompiledAnswer | None] = ContextVar(
    "remotegpu_answered_by_compiled", default=None
)
# The statement runner of one request: SQL text and parameters -> the JSON text (or None).
Fetch = Callable[[str, tuple[Any, ...]], Awaitable[str | None]]


def prepare(
    schema: GraphQLSchema,
    context: Context,
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDetails],
    variables: VariableValues,
    root_fields: Mapping[str, FieldDetailsList],
    dialect: Any,
) -> Prepared | None:
    """The operation's statements for this viewer and these variables (cached), or None when
    the reference path must answer it."""
    size = context.settings.compiled_plan_cache_size
    plan_key, plans = planner_for(schema, size).plan(
        operation, fragments, variables, root_fields, context.viewer
    )
    if plans is None:
        return None
    cache = statements_for(schema, size)
    variables_key = _variables_key(variables)
    key = None if plan_key is None or variables_key is None else (
        plan_key, context.viewer, variables_key
    )  # fmt: skip
    prepared = cache.get(key)
    if prepared is not None:
        return prepared
    builder = StatementBuilder(context, variables, schema._strawberry_schema)  # type: ignore[attr-defined]
    try:
        built = [(root, builder.root(root)) for root in plans]
    except (NotCompilable, BadUserInputError, KeyError, ValueError, TypeError):
        # The reference path refuses these arguments (or the planner cannot express
        # them): let it answer, with its own errors.
        return None
    roots = tuple((root, *_compile(statement, dialect, cache.shapes)) for root, statement in built)
    prepared = Prepared(roots, builder.orderings)
    cache.builds += 1
    cache.put(key, prepared)
    return prepared


async def run_prepared(prepared: Prepared, fetch: Fetch) -> dict[str, Any]:
    """The response's `data`: one statement per root field, cursors encoded."""
    data: dict[str, Any] = {}
    for root, sql, params in prepared.roots:
        text = await fetch(sql, params)
        value = None if text is None else orjson.loads(text)
        if root.connection is not None and root.connection.has_cursors:
            _fix_connection(value, root.connection, prepared.orderings)
        elif root.lookup is not None and root.has_cursors:
            _fix_object(value, root.lookup.target, prepared.orderings)
        data[root.key] = value
    return data


async def compile_and_run(
    schema: GraphQLSchema,
    context: Context,
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDetails],
    variables: VariableValues,
    root_fields: Mapping[str, FieldDetailsList],
) -> dict[str, Any] | None:
    async with context.sessions() as session:
        # Planned before a connection is taken: an operation the reference path answers
        # takes none here.
        assert session.bind is not None
        prepared = prepare(
            schema, context, operation, fragments, variables, root_fields, session.bind.dialect
        )
        if prepared is None:
            return None
        # One read statement per root field needs no transaction: autocommit spares the
        # BEGIN and ROLLBACK round trips the session would wrap around it.
        connection = await session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})

        async def fetch(sql: str, params: tuple[Any, ...]) -> str | None:
            text: str | None = (await connection.exec_driver_sql(sql, params)).scalar_one()
            return text

        data = await run_prepared(prepared, fetch)
    answer = answered_by_compiled.get()
    if answer is not None:
        answer.document = CompiledDocument(operation, fragments)
    return data


def _encode(ordering: Ordering, values: list[Any]) -> str:
    row = SimpleNamespace(**{c.key: v for c, v in zip(ordering.columns, values, strict=True)})
    return encode_cursor(ordering, row)


def _fix_connection(value: Any, conn: ConnectionField, orderings: dict[int, Ordering]) -> None:
    """Cursors come out of SQL as their sort values; encode them as the reference does."""
    ordering = orderings[id(conn)]
    for part in conn.parts:
        _fix_part(value[part.key], part, ordering, orderings)


def _fix_part(
    value: Any, part: ConnectionPart, ordering: Ordering, orderings: dict[int, Ordering]
) -> None:
    if part.kind == "pageInfo":
        for key, kind, _ in part.sub:
            if kind.endswith("Cursor") and value[key] is not None:
                value[key] = _encode(ordering, value[key])
    elif part.kind == "nodes" and part.node is not None and part.node.has_cursors:
        for node in value:
            _fix_object(node, part.node, orderings)
    elif part.kind == "edges":
        for edge in value:
            for key, kind, _ in part.sub:
                if kind == "cursor":
                    edge[key] = _encode(ordering, edge[key])
                elif kind == "node" and part.node is not None and part.node.has_cursors:
                    _fix_object(edge[key], part.node, orderings)


def _fix_object(value: Any, plan: ObjectPlan, orderings: dict[int, Ordering]) -> None:
    if value is None:
        return
    for f in plan.fields:
        if isinstance(f, ReferenceField) and f.target.has_cursors:
            _fix_object(value[f.key], f.target, orderings)
        elif isinstance(f, ConnectionField) and f.has_cursors:
            _fix_connection(value[f.key], f, orderings)


class CompiledReadsExecutor(StrawberryGraphQLCoreExecutionContext):
    """strawberry's executor, with compiled reads in front of per-field execution."""

    def execute_collected_root_fields(
        self,
        root_type: Any,
        root_value: Any,
        grouped_field_set: Any,
        serially: bool,
        new_defer_usages: Any,
    ) -> Any:
        if serially or new_defer_usages or self.operation.operation is not OperationType.QUERY:
            return super().execute_collected_root_fields(
                root_type, root_value, grouped_field_set, serially, new_defer_usages
            )
        return self._compiled_or_reference(
            root_type, root_value, grouped_field_set, serially, new_defer_usages
        )

    async def _compiled_or_reference(
        self,
        root_type: Any,
        root_value: Any,
        grouped_field_set: Any,
        serially: bool,
        new_defer_usages: Any,
    ) -> Any:
        context = self.context_value
        if isinstance(context, Context):
            data = await compile_and_run(
                self.schema,
                context,
                self.operation,
                self.fragments,
                self.variable_values,
                grouped_field_set,
            )
            if data is not None:
                return data
        result = super().execute_collected_root_fields(
            root_type, root_value, grouped_field_set, serially, new_defer_usages
        )
        if self.is_awaitable(result):
            return await result
        return result
