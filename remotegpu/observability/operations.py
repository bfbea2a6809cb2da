"""One access log line and one set of metric samples per GraphQL operation."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator
from typing import Any

from strawberry.extensions import SchemaExtension

from remotegpu.observability.metrics import (
    GRAPHQL_DURATION,
    GRAPHQL_OPERATIONS,
    GRAPHQL_SQL_STATEMENTS,
    operation_label,
)
from remotegpu.observability.sql import StatementCounter, current_statements

access_log = logging.getLogger("remotegpu.access")

# extensions.code set by ErrorHygiene -> outcome label. The worst outcome of a result wins.
_OUTCOME_BY_CODE = {
    "INTERNAL_SERVER_ERROR": "error",
    "GRAPHQL_VALIDATION_FAILED": "rejected",
    "BAD_USER_INPUT": "bad_input",
}
_SEVERITY = ("ok", "bad_input", "rejected", "error")


def outcome_of(errors: list[Any] | None) -> str:
    """ok, bad_input, rejected (never executed) or error (unexpected, masked)."""
    worst = "ok"
    for error in errors or ():
        code = str((getattr(error, "extensions", None) or {}).get("code"))
        outcome = _OUTCOME_BY_CODE.get(code, "rejected")
        if _SEVERITY.index(outcome) > _SEVERITY.index(worst):
            worst = outcome
    return worst


class OperationObserver(SchemaExtension):
    """First in the extension list, so it sees the result after errors are masked and tagged."""

    def on_operation(self) -> Iterator[None]:
        counter = StatementCounter()
        token = current_statements.set(counter)
        started = time.perf_counter()
        try:
            yield
        finally:
            duration = time.perf_counter() - started
            # Finished in another context: there is nothing of ours to restore there.
            with contextlib.suppress(ValueError):
                current_statements.reset(token)
            self._record(duration, counter.count)

    def _record(self, duration: float, statements: int) -> None:
        execution = self.execution_context
        try:
            operation_type = execution.operation_type.value
        except Exception:  # no parsable document: the operation was refused while parsing
            operation_type = "unknown"
        context = execution.context
        record_operation(
            execution.operation_name,
            operation_type,
            outcome_of(getattr(execution.result, "errors", None)),
            duration,
            statements,
            getattr(getattr(context, "viewer", None), "customer_id", None),
            # Set by the cost limiter when it has priced the document.
            getattr(context, "query_cost", None),
        )


def record_operation(
    name: str | None,
    operation_type: str,
    outcome: str,
    duration: float,
    statements: int,
    viewer_id: object,
    query_cost: int | None,
) -> None:
    """The metric samples and the access log line of one operation (also written by the
    compiled reads' fast path, remotegpu.compiled.fast, which runs no extensions)."""
    label = operation_label(name)
    GRAPHQL_OPERATIONS.labels(label, operation_type, outcome).inc()
    GRAPHQL_DURATION.labels(label, operation_type).observe(duration)
    GRAPHQL_SQL_STATEMENTS.labels(label, operation_type).observe(statements)
    access_log.info(
        "graphql operation",
        extra={
            "operation": name,
            "operation_type": operation_type,
            "viewer_id": viewer_id,
            "duration_ms": round(duration * 1000, 3),
            "statements": statements,
            "outcome": outcome,
            "query_cost": query_cost,
        },
    )
