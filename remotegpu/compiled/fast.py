"""The fast path: a document the compiled path answered before, answered again without strawberry.

Per request, strawberry's view and executor cost about a millisecond of Python before and
after the one statement a compiled read sends (the extension hooks, the execution context,
graphql-core's executor, the ORM session checkout). For a POST /graphql whose document (query
text + operation name) the compiled path has already answered whole, none of it is needed:
the document was parsed, validated with the deployment's limits (depth, aliases, tokens,
introspection) and its string literals checked once, and none of that depends on the
request. What does depend on it is redone here, with the same functions the normal path uses:

- the variables' text check (TextInputCheck's rule) and their coercion (graphql-core's
  `get_variable_values`),
- the cost (`cost_of_operation`, logged as the cost limiter logs it),
- the plan for this viewer's role and the statements for these variables (the caches the
  compiled executor fills, `remotegpu.compiled.execute.prepare`),
- the statements, on this worker's plain asyncpg pool (no ORM session, no transaction),
- the metric samples and the access log line (`record_operation`).

Authentication and rate limiting run before the view, as for any request. Whenever the
answer would not be a plain `{"data": ...}` (a bad variable, a cost over the budget, a plan
the viewer's role cannot compile, a database error), the fast path declines and the request
takes the normal way, which answers it, refusal included, exactly as it always has. A
request timeout is the one refusal answered here, as the view answers it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any

import asyncpg
import orjson
from graphql import GraphQLError, GraphQLSchema
from graphql.execution.collect_fields import FieldDetailsList, collect_fields
from graphql.execution.values import VariableValues, get_variable_values
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.requests import Request
from strawberry.types import ExecutionResult

from remotegpu.auth.viewer import Viewer
from remotegpu.compiled.execute import CompiledDocument, Prepared, prepare, run_prepared
from remotegpu.compiled.lru import Lru
from remotegpu.context import Context
from remotegpu.db.engine import server_settings
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.loaders.values import json_problem
from remotegpu.observability.operations import record_operation
from remotegpu.observability.sql import StatementCounter
from remotegpu.schema.cost import CostModel, cost_of_operation, log_cost
from remotegpu.schema.inputs.text_check import MAX_VARIABLE_DEPTH
from remotegpu.settings import Settings

log = logging.getLogger("remotegpu.compiled.fast")

REQUEST_TIMEOUT = "REQUEST_TIMEOUT"
# A request's document and variables: (query text, operation name, the variables as JSON).
PricedKey = tuple[str, str | None, bytes]


@dataclass(frozen=True)
class Priced:
    """What the fast path works out of a document and its variables alone, the same for
    every viewer: the coerced variables, the cost and the root fields they select."""

    # The remembered document these were worked out of: one remembered again after an
    # eviction is a new parse, whose nodes the planner must see.
    document: CompiledDocument
    coerced: VariableValues
    cost: int
    root_fields: dict[str, FieldDetailsList]


@dataclass(frozen=True)
class Timeout:
    """The answer past `request_timeout_seconds`, as the view gives it."""

    seconds: float

    def result(self) -> ExecutionResult:
        error = GraphQLError(
            f"The operation ran longer than {self.seconds:g} s and was cancelled.",
            extensions={"code": REQUEST_TIMEOUT, "timeoutSeconds": self.seconds},
        )
        return ExecutionResult(data=None, errors=[error])


class FastPath:
    """The documents this worker answered on the compiled path, and the pool to answer them
    again on. `answered` and `declined` count requests (tests and benchmarks read them)."""

    def __init__(
        self,
        schema: GraphQLSchema,
        settings: Settings,
        engine: AsyncEngine,
        sessions: async_sessionmaker[AsyncSession],
        database_url: str,
    ) -> None:
        self.schema, self.settings, self.sessions = schema, settings, sessions
        self.dialect = engine.dialect
        self.database_url = database_url
        self.cost_model = CostModel.from_settings(settings)
        self.known: Lru[tuple[str, str | None], CompiledDocument | None] = Lru(
            settings.document_cache_size
        )
        # Per document and variables (a paged read sends the same few cursors over and
        # over): checking, coercing and pricing them was a third of a list read's Python.
        self.priced: Lru[PricedKey, Priced | None] = Lru(settings.document_cache_size)
        self.answered = 0
        self.declined = 0
        self._pool: asyncpg.Pool | None = None
        self._pool_lock = asyncio.Lock()

    def remember(self, query: str, operation_name: str | None, document: CompiledDocument) -> None:
        """`query` (with `operation_name`) was answered whole by the compiled path, no errors."""
        self.known.put((query, operation_name), document)

    def knows(self, query: str, operation_name: str | None) -> bool:
        return (query, operation_name) in self.known

    async def answer(
        self, payload: dict[str, Any], request: Request, viewer: Viewer, request_id: str
    ) -> ExecutionResult | None:
        """The result of a checked request body (`_check_request`), or None: the normal
        path must answer it."""
        name: str | None = payload.get("operationName")
        document = self.known.get((payload["query"], name), None)
        if document is None:
            return None
        started = time.perf_counter()
        # As strawberry names it for logs and metrics: the request's name, else the document's.
        operation = document.operation
        name = name or (operation.name.value if operation.name is not None else None)
        variables: dict[str, Any] = payload.get("variables") or {}
        context = Context(
            settings=self.settings,
            sessions=self.sessions,
            request=request,
            viewer=viewer,
            request_id=request_id,
        )
        prepared = self._prepare(document, payload["query"], name, variables, context)
        if prepared is None:
            self.declined += 1
            return None
        seconds = self.settings.request_timeout_seconds
        deadline = asyncio.timeout(seconds)
        sent = StatementCounter()
        result = None
        try:
            async with deadline:
                result = ExecutionResult(data=await self._run(prepared, sent), errors=None)
        except TimeoutError:
            if not deadline.expired():
                raise
            log.warning("request %s cancelled after %s s", request_id, seconds)
        except (asyncpg.PostgresError, OSError, asyncpg.InterfaceError):
            # The normal path runs it again and answers (and logs) its error its own way.
            log.info("fast path declined request %s after a database error", request_id)
            self.declined += 1
            return None
        self.answered += 1
        # As the operation observer records it; a cancelled operation has no result there
        # either, hence "ok" (the answer's REQUEST_TIMEOUT error is the view's, not its).
        duration = time.perf_counter() - started
        record_operation(
            name, "query", "ok", duration, sent.count, viewer.customer_id, context.query_cost
        )
        return result or Timeout(seconds).result()

    def _prepare(
        self,
        document: CompiledDocument,
        query: str,
        name: str | None,
        variables: dict[str, Any],
        context: Context,
    ) -> Prepared | None:
        """The statements for these variables, or None where the normal path would refuse
        the request or answer it another way."""
        try:
            # `name` is the operation's (the request's, else the document's): one document.
            key: PricedKey | None = (
                query,
                name,
                orjson.dumps(variables, option=orjson.OPT_SORT_KEYS),
            )
        except TypeError:  # a value orjson cannot write (an integer past 64 bits): no cache
            key = None
        priced = None if key is None else self.priced.get(key, None)
        if priced is None or priced.document is not document:
            priced = self._price(document, variables)
            if priced is None:
                return None
            if key is not None:
                self.priced.put(key, priced)
        if priced.cost > self.settings.max_query_cost:
            return None
        context.query_cost = priced.cost
        prepared = prepare(
            self.schema,
            context,
            document.operation,
            document.fragments,
            priced.coerced,
            priced.root_fields,
            self.dialect,
        )
        if prepared is not None:  # declined, the normal path logs the cost itself
            log_cost(name, priced.cost, self.settings.max_query_cost)
        return prepared

    def _price(self, document: CompiledDocument, variables: dict[str, Any]) -> Priced | None:
        """The variables checked and coerced, the cost and the root fields; None where the
        normal path would refuse the variables or answer the selection another way."""
        if any(json_problem(value, MAX_VARIABLE_DEPTH) for value in variables.values()):
            return None
        operation, schema = document.operation, self.schema
        coerced = get_variable_values(schema, operation.variable_definitions or (), variables)
        if isinstance(coerced, list):  # coercion errors: the normal path words them
            return None
        definitions = {key: details.definition for key, details in document.fragments.items()}
        cost = cost_of_operation(schema, operation, definitions, variables, self.cost_model)
        root = schema.query_type
        assert root is not None
        try:
            collected = collect_fields(schema, document.fragments, coerced, root, operation)
        except RecursionError:
            return None
        if collected.new_defer_usages:
            return None
        return Priced(document, coerced, cost, collected.grouped_field_set)

    async def _run(self, prepared: Prepared, sent: StatementCounter) -> dict[str, Any]:
        pool = await self._connections()
        async with pool.acquire() as connection:

            async def fetch(sql: str, params: tuple[Any, ...]) -> str | None:
                sent.count += 1  # counted when sent, as the engine's statement listener does
                text: str | None = await connection.fetchval(sql, *params)
                return text

            return await run_prepared(prepared, fetch)

    async def _connections(self) -> asyncpg.Pool:
        """The pool, made on first use in the worker's own event loop."""
        if self._pool is None:
            async with self._pool_lock:
                if self._pool is None:
                    self._pool = await asyncpg.create_pool(
                        asyncpg_dsn(self.database_url),
                        min_size=1,
                        max_size=self.settings.fast_path_pool_size,
                        server_settings=server_settings(self.settings),
                        timeout=self.settings.db_connect_timeout_seconds,
                        # Read statements leave no session state: asyncpg's reset on every
                        # release (`RESET ALL; UNLISTEN *; ...`) would be one more round trip.
                        reset=_nothing_to_reset,
                    )
        return self._pool

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.close()
            self._pool = None

    def terminate(self) -> None:
        """Closes the pool's connections at once (an app run without its lifespan)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None


async def _nothing_to_reset(connection: asyncpg.Connection) -> None:
    return None
