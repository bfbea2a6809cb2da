"""Query cost: an upper bound on the values an operation can produce, known before it runs.

Every selected field costs 1 plus the cost of its selection. A field returning a list of
objects multiplies that by the list's size: inside a connection (`nodes`, `edges`) the size
is the connection's `first`/`last` (the default page size when absent, never more than the
page cap, which the resolver refuses anyway); any other list of objects counts its list
argument's length (`nodes(ids:)`) or else the page cap. Lists of scalars count once: their
length comes from one row, not from fan-out. Fragments and aliases are counted where they
are spread, `@skip`/`@include` are honoured with the request's variables, and introspection
fields count 1 (bounded by the schema, and off in production).

The cost depends on variables (`first: $n`), so it is computed per request after the
(cached) validation, and an operation over the budget is answered with an error instead of
being executed: no resolver runs, no SQL is sent.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    ListValueNode,
    OperationDefinitionNode,
    SelectionNode,
    SelectionSetNode,
    get_named_type,
    get_nullable_type,
    get_operation_ast,
    is_composite_type,
    is_list_type,
    value_from_ast_untyped,
)
from graphql import ExecutionResult as GraphQLExecutionResult
from strawberry.extensions import SchemaExtension

from remotegpu.settings import Settings

log = logging.getLogger("remotegpu.graphql.cost")

QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY"


@dataclass(frozen=True)
class CostModel:
    page_size_default: int
    page_size_max: int

    @classmethod
    def from_settings(cls, settings: Settings) -> CostModel:
        return cls(settings.page_size_default, settings.page_size_max)


def operation_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    model: CostModel,
) -> int:
    """The cost of the operation the request runs (0 when there is none to run)."""
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return 0
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    return cost_of_operation(schema, operation, fragments, variables, model)


def cost_of_operation(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode],
    variables: Mapping[str, Any] | None,
    model: CostModel,
) -> int:
    """The cost of one operation of a document whose fragments are `fragments`."""
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    values: dict[str, Any] = {}
    for definition in operation.variable_definitions or ():
        if definition.default_value is not None:
            values[definition.variable.name.value] = value_from_ast_untyped(
                definition.default_value
            )
    values.update(variables or {})
    return _Walker(schema, fragments, values, model).selections(operation.selection_set, root, None)


class _Walker:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variables: dict[str, Any],
        model: CostModel,
    ) -> None:
        self.schema, self.fragments, self.variables, self.model = (
            schema,
            fragments,
            variables,
            model,
        )

    def selections(
        self, selection_set: SelectionSetNode, parent: GraphQLNamedType, page: int | None
    ) -> int:
        """Cost of a selection set on `parent`; `page` is set when `parent` is a connection."""
        total = 0
        for selection in selection_set.selections:
            if not self._included(selection):
                continue
            if isinstance(selection, FieldNode):
                total += self._field(selection, parent, page)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selections(selection.selection_set, target or parent, page)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is not None:
                    target = self.schema.get_type(fragment.type_condition.name.value)
                    total += self.selections(fragment.selection_set, target or parent, page)
        return total

    def _field(self, node: FieldNode, parent: GraphQLNamedType, page: int | None) -> int:
        fields = (
            parent.fields if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType) else {}
        )
        definition = fields.get(node.name.value)
        if definition is None or node.selection_set is None:
            return 1  # a scalar, `__typename`, or an introspection root field
        named = get_named_type(definition.type)
        children = self.selections(node.selection_set, named, self._page_size(node, named))
        nullable = get_nullable_type(definition.type)
        if is_list_type(nullable) and is_composite_type(named):
            return self._list_size(node, page) * (1 + children)
        return 1 + children

    def _page_size(self, node: FieldNode, returned: GraphQLNamedType) -> int | None:
        """The page size when `node` returns a connection, else None."""
        fields = returned.fields if isinstance(returned, GraphQLObjectType) else {}
        if "pageInfo" not in fields or not ({"nodes", "edges"} & fields.keys()):
            return None
        for argument in node.arguments or ():
            if argument.name.value in ("first", "last"):
                value = value_from_ast_untyped(argument.value, self.variables)
                if isinstance(value, int) and not isinstance(value, bool):
                    return max(0, min(value, self.model.page_size_max))
        return self.model.page_size_default

    def _list_size(self, node: FieldNode, page: int | None) -> int:
        if page is not None:  # `nodes` / `edges` of a connection
            return page
        for argument in node.arguments or ():
            if isinstance(argument.value, ListValueNode):
                return min(len(argument.value.values), self.model.page_size_max)
            value = value_from_ast_untyped(argument.value, self.variables)
            if isinstance(value, list):
                return min(len(value), self.model.page_size_max)
        return self.model.page_size_max

    def _included(self, selection: SelectionNode) -> bool:
        for directive in selection.directives or ():
            name = directive.name.value
            if name not in ("skip", "include"):
                continue
            condition = next((a for a in directive.arguments or () if a.name.value == "if"), None)
            value = value_from_ast_untyped(condition.value, self.variables) if condition else None
            if (name == "skip" and value is True) or (name == "include" and value is False):
                return False
        return True


def log_cost(operation_name: str | None, cost: int, budget: int) -> None:
    """The cost line of one priced operation (the compiled reads' fast path writes it too)."""
    log.info(
        "operation %s cost %d of %d",
        operation_name or "(anonymous)",
        cost,
        budget,
        extra={"query_cost": cost, "query_cost_budget": budget},
    )


class QueryCostLimiter(SchemaExtension):
    """Computes the operation's cost before execution; refuses it when over the budget."""

    def __init__(self, model: CostModel, budget: int) -> None:
        self.model, self.budget = model, budget

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        assert ctx.graphql_document is not None
        cost = operation_cost(
            ctx.schema._schema, ctx.graphql_document, ctx.operation_name, ctx.variables, self.model
        )
        # Kept on the request context for the access log.
        if hasattr(ctx.context, "query_cost"):
            ctx.context.query_cost = cost
        log_cost(ctx.operation_name, cost, self.budget)
        if cost > self.budget:
            ctx.result = GraphQLExecutionResult(data=None, errors=[self._too_costly(cost)])
        yield

    def _too_costly(self, cost: int) -> GraphQLError:
        return GraphQLError(
            f"The query's cost is {cost}, over the budget of {self.budget}: request fewer "
            "items per page (`first`) or fewer nested lists.",
            extensions={"code": QUERY_TOO_COSTLY, "cost": cost, "budget": self.budget},
        )
