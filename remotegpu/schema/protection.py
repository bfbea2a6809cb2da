"""Limits and error hygiene, applied before any resolver runs.

Depth, alias and token limits reject abusive documents during validation, so they never reach
the database. Unexpected exceptions are masked: the client gets a generic message and a
request id, the log gets the traceback. Expected query errors (bad cursor, page over the cap)
keep their message and carry `extensions.code = BAD_USER_INPUT`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

from graphql import ASTValidationRule, GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)
from strawberry.extensions.disable_introspection import DisableIntrospection
from strawberry.extensions.max_aliases import create_validator as max_aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as max_depth_rule

from remotegpu.loaders.paging import BadUserInputError
from remotegpu.settings import Settings

log = logging.getLogger("remotegpu.graphql")
_SUGGESTION = re.compile(r"\s*Did you mean .*\?$")


class ErrorHygiene(SchemaExtension):
    """Mask unexpected errors, tag user-input errors, optionally strip field suggestions."""

    suggestions = True

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if result is not None and errors:
            result.errors = [self._clean(error) for error in errors]

    def _request_id(self) -> str | None:
        context = self.execution_context.context
        return getattr(context, "request_id", None)

    def _clean(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if original is None or isinstance(original, GraphQLError):
            # Parse and validation errors: the client's document is at fault.
            message = error.message
            if not self.suggestions:
                message = _SUGGESTION.sub("", message)
            return _copy(error, message, {"code": "GRAPHQL_VALIDATION_FAILED", **_ext(error)})
        if isinstance(original, BadUserInputError):
            return _copy(error, str(original), {"code": original.code})
        request_id = self._request_id()
        log.error(
            "unexpected error (request %s) at %s",
            request_id,
            error.path,
            exc_info=(type(original), original, original.__traceback__),
        )
        return _copy(
            error,
            "Internal server error.",
            {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
        )


def _ext(error: GraphQLError) -> dict[str, Any]:
    return dict(error.extensions or {})


def _copy(error: GraphQLError, message: str, extensions: dict[str, Any]) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions=extensions,
    )


def protection_extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Factories, so every request gets fresh extension instances."""
    depth, aliases, tokens = settings.max_query_depth, settings.max_aliases, settings.max_tokens
    suggestions = settings.suggestions_enabled

    def hygiene() -> SchemaExtension:
        extension = ErrorHygiene()
        extension.suggestions = suggestions
        return extension

    # The rules of QueryDepthLimiter and MaxAliasesLimiter, built once: those extensions build
    # new rule classes per instance (per request), and ValidationCache keys on the rules, so
    # every request would miss the cache and validate again (~20 ms for a small mutation).
    limits: list[type[ASTValidationRule]] = [
        max_depth_rule(depth, None, None),
        max_aliases_rule(aliases),
    ]
    extensions: list[Callable[[], SchemaExtension]] = [
        lambda: AddValidationRules(limits),
        lambda: MaxTokensLimiter(max_token_count=tokens),
        hygiene,
    ]
    if not settings.introspection_enabled:
        extensions.append(DisableIntrospection)
    # The console sends the same few documents over and over: parse and validate each once.
    # Last, so the limits above have set the parse options and validation rules the caches
    # key on (a cached result is only reused under the same rules).
    extensions += [lambda: ParserCache(maxsize=512), lambda: ValidationCache(maxsize=512)]
    return extensions
