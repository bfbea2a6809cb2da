"""GraphQL text: literals of generated values, and the token count the server limits."""

from __future__ import annotations

import json
from typing import Any

import graphql


def token_count(document: str) -> int:
    lexer = graphql.language.Lexer(graphql.Source(document))
    count = 0
    while lexer.advance().kind != graphql.language.TokenKind.EOF:
        count += 1
    return count


def literal(value: Any, type_: graphql.GraphQLInputType) -> str:
    """GraphQL literal text of a JSON-shaped value of an input type."""
    if value is None:
        return "null"
    nullable = graphql.get_nullable_type(type_)
    if isinstance(nullable, graphql.GraphQLList):
        return "[" + ", ".join(literal(item, nullable.of_type) for item in value) + "]"
    if isinstance(nullable, graphql.GraphQLInputObjectType):
        fields = (f"{k}: {literal(v, nullable.fields[k].type)}" for k, v in value.items())
        return "{" + ", ".join(fields) + "}"
    if isinstance(nullable, graphql.GraphQLEnumType):
        return str(value)
    if nullable.name == "JSON":
        return _json_literal(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and nullable.name in ("Int", "Float"):
        return str(value)
    return json.dumps(str(value))


def _json_literal(value: Any) -> str:
    """A JSON value written as a GraphQL literal (objects and lists as such, not as text)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_json_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_json_literal(item) for item in value) + "]"
    if value is None:
        return "null"
    return json.dumps(value)  # strings, numbers and booleans are spelled as in JSON
