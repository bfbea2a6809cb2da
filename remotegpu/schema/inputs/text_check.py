"""Refuse text PostgreSQL cannot hold, anywhere in a request, before validation and SQL.

`text`, `varchar` and `jsonb` cannot store U+0000, and a lone surrogate cannot be encoded as
UTF-8 at all. Such a character in any string of the document or of the variables would
otherwise travel to the database (a filter, an ID, a mutation input) and come back as an
internal error. GraphQL's built-in String and ID cannot be redefined, so the check runs once
over the whole request instead of in a scalar parser.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError, StringValueNode, Visitor, visit
from strawberry.extensions import SchemaExtension

from remotegpu.loaders.values import json_problem, text_problem

# Variables nested deeper than this are no legitimate input; stop walking rather than recurse.
MAX_VARIABLE_DEPTH = 64


class _StringLiterals(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.bad: list[tuple[StringValueNode, str]] = []

    def enter_string_value(self, node: StringValueNode, *_: Any) -> None:
        problem = text_problem(node.value)
        if problem is not None:
            self.bad.append((node, problem))


class TextInputCheck(SchemaExtension):
    """BAD_USER_INPUT for a NUL character or a lone surrogate in any input string (and, in
    variables, for NaN, infinities and absurd nesting, which no argument accepts either)."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        errors: list[GraphQLError] = []
        variables = context.variables or {}
        for name, value in variables.items() if isinstance(variables, dict) else ():
            problem = json_problem(value, MAX_VARIABLE_DEPTH)
            if problem is not None:
                errors.append(_error(f"Variable `${name}`: a value in it {problem}."))
        document = context.graphql_document
        if document is not None:
            literals = _StringLiterals()
            visit(document, literals)
            errors += [
                _error(f"A string literal {problem}.", node) for node, problem in literals.bad
            ]
        if errors:
            # Set before validation runs: strawberry then skips it and answers with these.
            context.pre_execution_errors = errors
        yield


def _error(message: str, node: StringValueNode | None = None) -> GraphQLError:
    return GraphQLError(message, nodes=node, extensions={"code": "BAD_USER_INPUT"})
