"""What a client may learn from an error: masked internals, typed codes, no schema hints.

Unexpected exceptions are masked: the client gets a generic message and a request id, the
log gets the traceback. Expected query errors (bad cursor, page over the cap) keep their
message and carry `extensions.code = BAD_USER_INPUT`. With suggestions off (production),
graphql-core's `Did you mean ...?` hints are removed wherever they sit in a message: they
appear mid-message in input coercion errors (`... Did you mean 'name'? Found: {...}`), so
trimming only a trailing hint leaks field names.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from remotegpu.loaders.paging import BadUserInputError

log = logging.getLogger("remotegpu.graphql")

# graphql-core's hints: " Did you mean 'a', 'b', or 'c'?", " Did you mean the enum value
# 'X'?", " Did you mean 'field { ... }'?". Suggested names are schema names: never a `?`.
_SUGGESTION = re.compile(r"\s*Did you mean\b[^?]*\?")


def strip_suggestions(message: str) -> str:
    """The message without any `Did you mean ...?` hint."""
    return _SUGGESTION.sub("", message)


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
                message = strip_suggestions(message)
            return _copy(error, message, {"code": "GRAPHQL_VALIDATION_FAILED", **_ext(error)})
        if isinstance(original, BadUserInputError):
            message = str(original)
            if not self.suggestions:
                message = strip_suggestions(message)
            return _copy(error, message, {"code": original.code})
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
